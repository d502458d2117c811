using RunbookSdk.Analyzers.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace RunbookSdk.Execution;

/// <summary>
/// Writes text exactly as given. Spectre's <see cref="Text"/> hard-wraps at the console width, which would break a
/// long command into lines that no longer paste into a shell; these lines are left to the terminal to soft-wrap.
/// The text is never parsed as markup, so <c>[</c> and <c>]</c> in runbook text need no escaping. Bidirectional controls
/// and invisible characters are shown as <c>⟨U+202E⟩</c>, as on the generated page: raw, a terminal that reorders text
/// (or a paste from it) showed the on-call engineer something other than what the runbook says.
/// </summary>
internal static class ConsoleLines
{
    /// <summary>Writes <paramref name="text"/> (which may span several lines) followed by a line break.</summary>
    public static void WriteVerbatimLine(this IAnsiConsole console, string text, Style? style = null) =>
        console.Write(new VerbatimText(HiddenCharacters.Visible(text, spacesToo: false), style ?? Style.Plain));

    /// <summary>
    /// A command or URL as the console shows it: also the spaces other than the ASCII one visibly, at which a shell does
    /// not split words (as in the page's code blocks). Call after masking, so a secret is still found whole.
    /// </summary>
    public static string ShownCode(string masked) => HiddenCharacters.Visible(masked, spacesToo: true);

    private sealed class VerbatimText(string text, Style style) : IRenderable
    {
        private readonly string[] _lines = text.ReplaceLineEndings("\n").Split('\n');

        public Measurement Measure(RenderOptions options, int maxWidth)
        {
            var width = _lines.Max(line => line.Length);
            return new Measurement(width, width);
        }

        public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
        {
            foreach (var line in _lines)
            {
                if (line.Length > 0) yield return new Segment(line, style);
                yield return Segment.LineBreak;
            }
        }
    }
}
