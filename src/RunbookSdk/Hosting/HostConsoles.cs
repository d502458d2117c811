using Spectre.Console;

namespace RunbookSdk.Hosting;

/// <summary>Where the host writes: results to <see cref="Out"/>, errors to <see cref="Error"/>.</summary>
/// <param name="Out">Results: plans, tables, help.</param>
/// <param name="Error">Error messages and drift reports.</param>
internal sealed record HostConsoles(IAnsiConsole Out, IAnsiConsole Error)
{
    /// <summary>Width used when output goes to a file or pipe, so tables and lines are not cut at 80 columns.</summary>
    private const int RedirectedWidth = 4096;

    /// <summary>Consoles for this process's standard output and error.</summary>
    public static HostConsoles ForProcess()
    {
        var noColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        return new(
            Create(Console.Out, Console.IsOutputRedirected, noColor),
            Create(Console.Error, Console.IsErrorRedirected, noColor));
    }

    /// <summary>
    /// A console on <paramref name="writer"/>: plain text, without any ANSI sequence, when the output is redirected
    /// or <c>NO_COLOR</c> is set (https://no-color.org); otherwise whatever the terminal supports.
    /// </summary>
    public static IAnsiConsole Create(TextWriter writer, bool redirected, bool noColor)
    {
        var plain = redirected || noColor;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
            Out = new AnsiConsoleOutput(writer),
        });
        if (redirected) console.Profile.Width = RedirectedWidth;
        return console;
    }
}
