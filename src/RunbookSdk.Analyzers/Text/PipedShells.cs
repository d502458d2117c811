using System.Text.RegularExpressions;

namespace RunbookSdk.Analyzers.Text;

/// <summary>
/// Whether what a command prints goes on, through a pipe, to a shell that reads it as a script:
/// <c>echo "rm {X}" | ssh HOST</c>, <c>printf '%s\n' "…" | sh</c>, <c>echo … |&amp; bash -s</c>, <c>… | tee log | sudo bash</c>,
/// or through an output process substitution, <c>echo … &gt; &gt;(bash)</c>, <c>… | tee &gt;(bash)</c>.
/// The receiving shell is one of <see cref="NestedShells.ReadsStandardInput"/>.
/// </summary>
/// <remarks>
/// Read in the whole command text before the runner quotes it (a hole stands as one plain character), from a word of the
/// command on: the pipe comes after the words it carries, so the runner's <c>ShellQuoteContext</c>, which reads the text
/// once from its start, asks this when the command's first word is read. Linked into RunbookSdk and the generator.
/// </remarks>
internal static class PipedShells
{
    /// <summary>
    /// True when the simple command holding <paramref name="from"/> (outside quotes there) pipes its output, directly or
    /// through later commands of its pipeline, into a shell that reads its standard input as commands.
    /// </summary>
    public static bool FeedsShell(string text, int from)
    {
        if (from < 0 || from >= text.Length) return false;
        var depth = 0; // open $( ) and ( ) started after from
        var piped = false;
        var segmentStart = from;
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\':
                    i++;
                    continue;
                case '\'':
                    i = Closing(text, i, '\'');
                    continue;
                case '"':
                    i = Closing(text, i, '"');
                    continue;
                case '`':
                    i = Closing(text, i, '`');
                    continue;
                case '(' when depth == 0 && i > 0 && text[i - 1] == '>':
                    // > >(bash), tee >(bash): what the command writes goes into that shell as through a pipe.
                    var close = ClosingParenthesis(text, i);
                    if (NestedShells.ReadsStandardInput(text.Substring(i + 1, close - i - 1).Trim())) return true;
                    i = close;
                    continue;
                case '(':
                    depth++;
                    continue;
                case ')' when depth > 0:
                    depth--;
                    continue;
            }
            if (depth > 0) continue;
            if (c == '\n' && piped && text.Substring(segmentStart, i - segmentStart).Trim().Length == 0) continue; // a new line after | continues the pipeline
            if (c == '#' && i > from && char.IsWhiteSpace(text[i - 1]) || c is ';' or '\n' or ')' ||
                c == '&' && !IsRedirection(text, i) ||
                c == '|' && i + 1 < text.Length && text[i + 1] == '|')
                return piped && ReadsScript(text, segmentStart, i);
            if (c != '|') continue;
            if (piped && ReadsScript(text, segmentStart, i)) return true;
            piped = true;
            if (i + 1 < text.Length && text[i + 1] == '&') i++; // |& pipes standard error too
            segmentStart = i + 1;
        }
        return piped && ReadsScript(text, segmentStart, text.Length);
    }

    private static bool ReadsScript(string text, int start, int end) => NestedShells.ReadsStandardInput(text.Substring(start, end - start));

    /// <summary>The index of the quote that closes the one at <paramref name="open"/> (a backslash escapes in "…" and `…`).</summary>
    private static int Closing(string text, int open, char quote)
    {
        for (var i = open + 1; i < text.Length; i++)
        {
            if (text[i] == '\\' && quote != '\'') i++;
            else if (text[i] == quote) return i;
        }
        return text.Length;
    }

    /// <summary>The index of the <c>)</c> that closes the <c>(</c> at <paramref name="open"/>, past quotes and nested parentheses.</summary>
    private static int ClosingParenthesis(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\\': i++; break;
                case '\'': i = Closing(text, i, '\''); break;
                case '"': i = Closing(text, i, '"'); break;
                case '`': i = Closing(text, i, '`'); break;
                case '(': depth++; break;
                case ')' when --depth == 0: return i;
            }
        }
        return text.Length;
    }

    /// <summary><c>2&gt;&amp;1</c>, <c>&amp;&gt;file</c>: an ampersand that redirects, not one that separates.</summary>
    private static bool IsRedirection(string text, int i) =>
        i > 0 && text[i - 1] == '>' || i + 1 < text.Length && text[i + 1] == '>';
}
