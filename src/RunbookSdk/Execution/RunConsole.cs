using Spectre.Console;

namespace RunbookSdk.Execution;

/// <summary>
/// What the operator sees during a live run. Every text is masked before it is written and never parsed as markup;
/// styles carry meaning in words too ("FAILED", "ok"), so a terminal without colours (<c>NO_COLOR</c>, redirected
/// output) loses nothing.
/// </summary>
internal sealed class RunConsole(IAnsiConsole console, SecretMasker secrets)
{
    private static readonly Style Heading = new(decoration: Decoration.Bold);
    private static readonly Style Good = new(Color.Green);
    private static readonly Style Bad = new(Color.Red, decoration: Decoration.Bold);
    private static readonly Style Caution = new(Color.Yellow);
    private static readonly Style Quiet = new(decoration: Decoration.Dim);
    private static readonly Style Alert = new(Color.Magenta1, decoration: Decoration.Bold);

    public IAnsiConsole Console => console;

    /// <summary>True when the console can show a live progress display (a terminal with ANSI support).</summary>
    public bool CanShowProgress => console.Profile.Capabilities is { Ansi: true, Interactive: true };

    public void Section(string text)
    {
        console.WriteVerbatimLine("");
        console.WriteVerbatimLine(secrets.Mask(text), Heading);
    }

    public void Step(string text) => console.WriteVerbatimLine(secrets.Mask(text), Heading);
    public void Info(string text) => Line(1, text, null);
    public void Detail(string text) => Line(2, text, Quiet);
    public void Ok(string text) => Line(1, text, Good);
    public void Failed(string text) => Line(1, text, Bad);
    public void Warn(string text) => Line(1, text, Caution);
    public void Escalate(string text) => Line(0, text, Alert);

    /// <summary>A command or URL, kept on one line so it can be copied.</summary>
    public void Verbatim(string prefix, string text) => console.WriteVerbatimLine("  " + prefix + ConsoleLines.ShownCode(secrets.Mask(text)));

    /// <summary>
    /// A line of a command's output, masked before it is cut (a cut never splits a secret out of its mask), its control
    /// characters made harmless to the terminal (<see cref="TerminalControls"/>).
    /// </summary>
    public void Output(string line, bool isError) =>
        console.WriteVerbatimLine("    | " + TerminalControls.Visible(OutputLine.Cut(secrets.Mask(line))), isError ? Caution : Style.Plain);

    private void Line(int indent, string text, Style? style)
    {
        var pad = new string(' ', indent * 2);
        var lines = secrets.Mask(text).ReplaceLineEndings("\n").Split('\n').Select(l => l.Length == 0 ? l : pad + l);
        console.WriteVerbatimLine(string.Join('\n', lines), style);
    }
}
