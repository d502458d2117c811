using System.Text.RegularExpressions;
using RunbookSdk.Analyzers.Text;

namespace RunbookSdk.Import.Recognition;

/// <summary>
/// The compound commands of a command line (<c>while …; do …; done</c>, <c>until</c>, <c>for</c>, <c>select</c>,
/// <c>if … fi</c>, <c>case … esac</c>, <c>{ …; }</c>), from the word that opens one to the end of the word that closes it.
/// <see cref="VariableScope"/> asks which hold a name's set: one that is itself a pipeline's command
/// (<c>cat hosts | while read -r H; do …; done</c>) runs in a shell of its own, and what it sets dies with it.
/// </summary>
/// <remarks>
/// Read on the text as <see cref="ShellOperators.Read"/> returns it: a reserved word is one only where a command starts
/// (<see cref="ShellCommandBounds.AfterSeparator"/>), so <c>echo done</c> and a quoted <c>"…; done"</c> close nothing.
/// One never closed (half-typed) runs to the text's end.
/// </remarks>
internal static class CompoundCommands
{
    private static readonly Regex s_reservedWord = new(
        "(?<=" + ShellCommandBounds.AfterSeparator + @")(?<word>while|until|for|select|if|case|done|fi|esac|\}|\{(?=\s))(?=[\s;&|)]|$)",
        RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>
    /// The compound commands of <paramref name="shell"/> that hold <paramref name="at"/>, innermost first, each from its
    /// opening word to just after its closing one.
    /// </summary>
    public static IEnumerable<(int Start, int End)> Holding(string shell, int at)
    {
        var holding = new List<(int Start, int End)>();
        var open = new List<(string Word, int At)>();
        foreach (Match word in s_reservedWord.Matches(shell))
        {
            var w = word.Groups["word"].Value;
            if (Closer(w) is not { } opensWith)
            {
                open.Add((w, word.Index));
                continue;
            }

            // A closing word closes the nearest compound it may close; a stray one (half-typed text) closes nothing.
            var opener = open.FindLastIndex(o => opensWith.Contains(o.Word));
            if (opener < 0) continue;
            var end = word.Index + word.Length;
            if (open[opener].At <= at && at < end) holding.Add((open[opener].At, end));
            open.RemoveRange(opener, open.Count - opener);
        }

        holding.AddRange(open.Where(o => o.At <= at).Select(o => (o.At, shell.Length)));
        return holding.OrderByDescending(h => h.Start);
    }

    // The words a closing word closes; null for an opening word.
    private static string[]? Closer(string word) => word switch
    {
        "done" => ["while", "until", "for", "select"],
        "fi" => ["if"],
        "esac" => ["case"],
        "}" => ["{"],
        _ => null,
    };
}
