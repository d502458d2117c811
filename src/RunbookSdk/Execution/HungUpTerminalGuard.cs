using Spectre.Console;
using Spectre.Console.Rendering;

namespace RunbookSdk.Execution;

/// <summary>
/// The console a prompt reads its keys through, failing when its terminal has gone away. When the terminal hangs up
/// under a run that outlives it — an SSH session that dropped under <c>su</c>, <c>runuser</c> or a wrapper script
/// that does not pass the hang-up on, a closed terminal window — every read of standard input returns at once with
/// nothing, which .NET reports as a key: end-of-transmission (<c>U+0004</c>) with no <see cref="ConsoleKey"/>. A prompt
/// took that for a key with no text and asked again, for ever: the runner spun a core at the question, wrote nothing
/// more to the journal and held the journal's lock, so the engineer taking over could not resume until they found and
/// ended it. The key is an <see cref="IOException"/> instead: nobody can answer, the question goes unanswered (no
/// answer is no yes), and the run goes on to its end — verification, <c>run-finished</c>, the lock released.
/// </summary>
/// <remarks>
/// The key pressed as Ctrl+D on a live terminal is another one — <c>U+0004</c> with <see cref="ConsoleKey.D"/> and
/// Control — and passes as before.
/// </remarks>
/// <param name="console">The console to read from and write to.</param>
internal sealed class HungUpTerminalGuard(IAnsiConsole console) : IAnsiConsole
{
    private readonly GuardedInput _input = new(console.Input);

    /// <inheritdoc />
    public Profile Profile => console.Profile;

    /// <inheritdoc />
    public IAnsiConsoleCursor Cursor => console.Cursor;

    /// <inheritdoc />
    public IAnsiConsoleInput Input => _input;

    /// <inheritdoc />
    public IExclusivityMode ExclusivityMode => console.ExclusivityMode;

    /// <inheritdoc />
    public RenderPipeline Pipeline => console.Pipeline;

    /// <inheritdoc />
    public void Clear(bool home) => console.Clear(home);

    /// <inheritdoc />
    public void Write(IRenderable renderable) => console.Write(renderable);

    /// <inheritdoc />
    public void WriteAnsi(Action<AnsiWriter> action) => console.WriteAnsi(action);

    /// <summary>What a read of a terminal that hung up throws (an <see cref="IOException"/>), and the question's reason quotes.</summary>
    internal const string HungUpMessage = "standard input has ended: the terminal hung up (its SSH session dropped, or it was closed)";

    /// <summary>Whether <paramref name="exception"/> is what this guard threw when the terminal hung up.</summary>
    internal static bool IsHangUp(Exception exception) => exception is IOException { Message: HungUpMessage };

    /// <summary>Whether <paramref name="key"/> is how .NET reports a read of standard input that found its end.</summary>
    internal static bool IsEndOfInput(ConsoleKeyInfo key) => key.KeyChar == '\u0004' && key.Key == default && key.Modifiers == default;

    private sealed class GuardedInput(IAnsiConsoleInput input) : IAnsiConsoleInput
    {
        public bool IsKeyAvailable() => input.IsKeyAvailable();

        public ConsoleKeyInfo? ReadKey(bool intercept) => Checked(input.ReadKey(intercept));

        public async Task<ConsoleKeyInfo?> ReadKeyAsync(bool intercept, CancellationToken cancellationToken) =>
            Checked(await input.ReadKeyAsync(intercept, cancellationToken).ConfigureAwait(false));

        private static ConsoleKeyInfo? Checked(ConsoleKeyInfo? key) => key is { } read && IsEndOfInput(read)
            ? throw new IOException(HungUpMessage)
            : key;
    }
}
