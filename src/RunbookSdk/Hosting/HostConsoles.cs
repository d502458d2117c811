using Spectre.Console;

namespace RunbookSdk.Hosting;

/// <summary>Where the host writes: results to <see cref="Out"/>, errors to <see cref="Error"/>.</summary>
/// <param name="Out">Results: plans, tables, help.</param>
/// <param name="Error">Error messages and drift reports.</param>
internal sealed record HostConsoles(IAnsiConsole Out, IAnsiConsole Error)
{
    /// <summary>Width used when output goes to a file or pipe, so tables and lines are not cut at 80 columns.</summary>
    private const int RedirectedWidth = 4096;

    /// <summary>
    /// Where a live run asks the operator, when not on <see cref="Out"/>: standard input is a terminal while standard
    /// output goes to <c>| tee incident.log</c> or a file. Null to ask on <see cref="Out"/>.
    /// </summary>
    public IAnsiConsole? Prompts { get; init; }

    /// <summary>
    /// Where a live run's closing words — how it ended, its journal, the command that resumes it — are said again for
    /// the engineer at the terminal, when the output goes to a file (<c>run … &gt; run.log</c>): standard error when that
    /// is the terminal, else the terminal itself (<c>&gt; run.log 2&gt;&amp;1</c>, with standard input a terminal). Null
    /// when the output is the terminal, or a pipe (<c>| tee run.log</c> shows it there): said once. Before, they went to
    /// the output alone, and with the output in a log the engineer saw the prompt come back and no way to resume. It is
    /// where <see cref="Prompts"/> asks when it is not null, so a question's context (a manual instruction, a decision's
    /// options, a destructive step's commands, a monitor's watch, why the rollback is offered) is said here too, once beside its question.
    /// </summary>
    public IAnsiConsole? Terminal { get; init; }

    /// <summary>
    /// Consoles for this process's standard output and error. A write either cannot make is dropped, not thrown
    /// (<see cref="LossTolerantWriter"/>): a full disk under <c>run … &gt; run.log</c> must not end the run half-way;
    /// the first output lost is said on standard error, and the journal keeps the record.
    /// </summary>
    public static HostConsoles ForProcess()
    {
        var error = new LossTolerantWriter(Console.Error);
        var output = new LossTolerantWriter(Console.Out, why => error.WriteLine(
            $"warning: standard output cannot be written ({why.TrimEnd('.')}): the run goes on without it, and its journal keeps the record."));
        return For(output, Console.IsOutputRedirected, error, Console.IsErrorRedirected, Console.IsInputRedirected,
            noColor: !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")), terminal: OpenTerminal, outputIsPipe: StandardOutputIsPipe());
    }

    /// <summary>
    /// Whether standard output is a pipe (<c>| tee run.log</c>, <c>| less</c>), which usually ends on the terminal, rather
    /// than a file. Known on Linux (<c>/proc/self/fd/1</c> names <c>pipe:[…]</c>); elsewhere taken for a file.
    /// </summary>
    private static bool StandardOutputIsPipe()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return new FileInfo("/proc/self/fd/1").LinkTarget?.StartsWith("pipe:", StringComparison.Ordinal) == true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// The process's controlling terminal, for writing (<c>/dev/tty</c>, as <c>ssh</c> and <c>sudo</c> ask there);
    /// null where there is none or it cannot be opened (Windows, a process without one).
    /// </summary>
    private static TextWriter? OpenTerminal()
    {
        if (OperatingSystem.IsWindows()) return null;
        try
        {
            // Left open for the process's life: the run asks until it ends.
            return new StreamWriter(new FileStream("/dev/tty", FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1)) { AutoFlush = true };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Consoles on <paramref name="output"/> and <paramref name="error"/>. With standard input a terminal and the output
    /// redirected — the engineer keeping a log with <c>| tee</c> — a run still asks its questions, on standard error
    /// when that is the terminal: the output console of a pipe cannot read keys, and the first confirmation failed the
    /// run with "Failed to read input in non-interactive mode", leaving a journal without its end.
    /// </summary>
    /// <remarks>
    /// With standard error redirected too (<c>&gt; run.log 2&gt;&amp;1</c>, <c>2&gt;&amp;1 | tee</c>), the questions
    /// are asked on the terminal itself (<paramref name="terminal"/>, <c>/dev/tty</c>), where the keys are read: on
    /// the output they went into the log, and the engineer at the terminal saw nothing while the run waited for an
    /// answer. Without a terminal to open, they go to the output as before.
    /// </remarks>
    internal static HostConsoles For(TextWriter output, bool outputRedirected, TextWriter error, bool errorRedirected, bool inputRedirected, bool noColor,
        Func<TextWriter?>? terminal = null, bool outputIsPipe = false)
    {
        var consoles = new HostConsoles(Create(output, outputRedirected, noColor), Create(error, errorRedirected, noColor));
        // The closing words: said again where the engineer sees them when the output goes to a file (see Terminal).
        var closingOnError = outputRedirected && !outputIsPipe && !errorRedirected;
        consoles = consoles with { Terminal = closingOnError ? consoles.Error : null };
        if (inputRedirected || !outputRedirected) return consoles;
        if (!errorRedirected) return consoles with { Prompts = Create(error, redirected: false, noColor, interactive: true) };
        if (terminal?.Invoke() is not { } tty) return consoles with { Prompts = Create(output, redirected: true, noColor, interactive: true) };
        var onTerminal = Create(tty, redirected: false, noColor, interactive: true);
        return consoles with { Prompts = onTerminal, Terminal = outputIsPipe ? null : onTerminal };
    }

    /// <summary>
    /// A console on <paramref name="writer"/>: plain text, without any ANSI sequence, when the output is redirected
    /// or <c>NO_COLOR</c> is set (https://no-color.org); otherwise whatever the terminal supports.
    /// </summary>
    /// <param name="writer">Where it writes.</param>
    /// <param name="redirected">The writer is a file or pipe, not a terminal.</param>
    /// <param name="noColor"><c>NO_COLOR</c> is set.</param>
    /// <param name="interactive">It reads the operator's keys (from standard input, a terminal) whatever it writes to.</param>
    public static IAnsiConsole Create(TextWriter writer, bool redirected, bool noColor, bool interactive = false)
    {
        var plain = redirected || noColor;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = interactive ? InteractionSupport.Yes : redirected ? InteractionSupport.No : InteractionSupport.Detect,
            Out = new AnsiConsoleOutput(writer),
        });
        if (redirected) console.Profile.Width = RedirectedWidth;
        return console;
    }
}
