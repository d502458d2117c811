using Spectre.Console;
using Spectre.Console.Rendering;

namespace RunbookSdk.Tests.Support;

/// <summary>A plain console whose keyboard types <paramref name="keys"/> (<c>\r</c> is Enter).</summary>
internal sealed class KeyedConsole(string keys) : IAnsiConsole, IAnsiConsoleInput
{
    private readonly PlainConsole _plain = new();
    private readonly Queue<char> _keys = new(keys);

    public string Output => _plain.Output;
    public Profile Profile => _plain.Console.Profile;
    public IAnsiConsoleCursor Cursor => _plain.Console.Cursor;
    public IAnsiConsoleInput Input => this;
    public IExclusivityMode ExclusivityMode => _plain.Console.ExclusivityMode;
    public RenderPipeline Pipeline => _plain.Console.Pipeline;
    public void Clear(bool home) => _plain.Console.Clear(home);
    public void Write(IRenderable renderable) => _plain.Console.Write(renderable);
    public void WriteAnsi(Action<AnsiWriter> action) => _plain.Console.WriteAnsi(action);

    public bool IsKeyAvailable() => _keys.Count > 0;

    public ConsoleKeyInfo? ReadKey(bool intercept)
    {
        var key = _keys.Dequeue();
        // U+0004 with no key: how .NET reports a read of a terminal that hung up (HungUpTerminalGuard).
        return key switch
        {
            '\r' => new ConsoleKeyInfo('\r', ConsoleKey.Enter, false, false, false),
            '\u0004' => new ConsoleKeyInfo('\u0004', default, false, false, false),
            _ => new ConsoleKeyInfo(key, ConsoleKey.A, false, false, false),
        };
    }

    /// <summary>
    /// Called when a prompt waits for a key after the typed ones ran out (the operator's Ctrl+C there: cancel the
    /// prompt's token). The wait then lasts until the token is cancelled, as the real console's does.
    /// </summary>
    public Action? WhenWaitingForKey { get; init; }

    public async Task<ConsoleKeyInfo?> ReadKeyAsync(bool intercept, CancellationToken cancellationToken)
    {
        if (_keys.Count == 0 && WhenWaitingForKey is { } waiting)
        {
            waiting();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        return ReadKey(intercept);
    }
}
