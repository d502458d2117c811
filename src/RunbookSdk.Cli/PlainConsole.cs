using Spectre.Console;

namespace RunbookSdk.Cli;

/// <summary>Spectre consoles over the tool's writers, for what the runbook app's host writes through the tool.</summary>
internal static class PlainConsole
{
    /// <summary>
    /// A console on <paramref name="writer"/> without colours or ANSI sequences, and wide enough that no line is cut
    /// (paths in the host's messages, plans with long commands).
    /// </summary>
    public static IAnsiConsole On(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 4096;
        return console;
    }
}
