using Spectre.Console;

namespace RunbookSdk.Tests.Support;

/// <summary>A console writing plain text (no ANSI, no colours, no wrapping) into a string, as when output is redirected.</summary>
internal sealed class PlainConsole
{
    private readonly StringWriter _writer;

    public PlainConsole() : this(new StringWriter()) { }

    /// <summary>A console writing to <paramref name="writer"/>: one that acts on what the run shows (a Ctrl+C at a given moment).</summary>
    public PlainConsole(StringWriter writer)
    {
        _writer = writer;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(_writer),
        });
        Console.Profile.Width = 4096;
    }

    public IAnsiConsole Console { get; }

    public string Output => _writer.ToString().ReplaceLineEndings("\n");
}
