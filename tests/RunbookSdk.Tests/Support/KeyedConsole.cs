using Spectre.Console;
using Spectre.Console.Rendering;

namespace RunbookSdk.Tests.Support;

/// <summary>
/// A plain console whose keyboard types <paramref name="keys"/> (<c>\r</c> is Enter); or, given
/// <paramref name="writesOn"/>, that console (a host's, on the writer it chose) with this keyboard.
/// </summary>
internal sealed class KeyedConsole : IAnsiConsole, IAnsiConsoleInput
{
    private readonly PlainConsole _plain = new();
    private readonly IAnsiConsole _console;
    private readonly Queue<char> _keys;

    public KeyedConsole(string keys, IAnsiConsole? writesOn = null)
    {
        _keys = new Queue<char>(keys);
        _console = writesOn ?? _plain.Console;
    }

    /// <summary>What it showed, when it writes on its own plain console (empty with <c>writesOn</c>).</summary>
    public string Output => _plain.Output;
    public Profile Profile => _console.Profile;
    public IAnsiConsoleCursor Cursor => _console.Cursor;
    public IAnsiConsoleInput Input => this;
    public IExclusivityMode ExclusivityMode => _console.ExclusivityMode;
    public RenderPipeline Pipeline => _console.Pipeline;
    public void Clear(bool home) => _console.Clear(home);
    public void Write(IRenderable renderable) => _console.Write(renderable);
    public void WriteAnsi(Action<AnsiWriter> action) => _console.WriteAnsi(action);

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
