using System.Text;

namespace RunbookSdk.Analyzers.Text;

/// <summary>
/// A here-document's redirection as the shell reads it: <c>&lt;&lt;EOF</c>, <c>&lt;&lt;'EOF'</c>, <c>&lt;&lt;"EOF"</c>,
/// <c>&lt;&lt;\EOF</c>, <c>&lt;&lt;-EOF</c>. Its body starts on the next line and runs to a line that is the delimiter.
/// </summary>
internal sealed class HereDocument
{
    private HereDocument(string delimiter, bool stripsTabs, bool expands, int redirectionEnd)
    {
        Delimiter = delimiter;
        StripsTabs = stripsTabs;
        Expands = expands;
        RedirectionEnd = redirectionEnd;
    }

    /// <summary>The word that ends the body on a line of its own, quotes removed.</summary>
    public string Delimiter { get; }

    /// <summary><c>&lt;&lt;-</c>: leading tabs of the body's lines and of the delimiter's line are removed.</summary>
    public bool StripsTabs { get; }

    /// <summary>An unquoted delimiter: the body's <c>$(…)</c> and backticks run commands.</summary>
    public bool Expands { get; }

    /// <summary>Where the redirection's text ends (just after the delimiter word).</summary>
    public int RedirectionEnd { get; }

    /// <summary>
    /// Reads the redirection whose <c>&lt;&lt;</c> ends just before <paramref name="start"/>; null when what follows is no
    /// delimiter word (<c>$((1 &lt;&lt; 2))</c>, a half-typed <c>cat &lt;&lt;</c>).
    /// </summary>
    public static HereDocument? TryRead(string text, int start, int end)
    {
        var i = start;
        var stripsTabs = i < end && text[i] == '-';
        if (stripsTabs) i++;
        while (i < end && text[i] is ' ' or '\t') i++;

        var delimiter = new StringBuilder();
        var quoted = false;
        while (i < end && !IsWordEnd(text[i]))
        {
            var c = text[i];
            if (c is '\'' or '"')
            {
                var close = text.IndexOf(c, i + 1, end - i - 1);
                if (close < 0) return null;
                delimiter.Append(text, i + 1, close - i - 1);
                quoted = true;
                i = close + 1;
            }
            else if (c == '\\' && i + 1 < end)
            {
                delimiter.Append(text[i + 1]);
                quoted = true;
                i += 2;
            }
            else
            {
                delimiter.Append(c);
                i++;
            }
        }

        // Delimiters are words (EOF, SQL, _END_): a number is arithmetic's shift, not a here-document.
        if (delimiter.Length == 0 || !(char.IsLetter(delimiter[0]) || delimiter[0] == '_')) return null;
        return new HereDocument(delimiter.ToString(), stripsTabs, !quoted, i);
    }

    /// <summary>
    /// Where the line that ends the body starts, searching from <paramref name="bodyStart"/>; <paramref name="end"/> when
    /// no line does (the body runs to the end, as the shell reads it).
    /// </summary>
    public int TerminatorLine(string text, int bodyStart, int end)
    {
        for (var line = bodyStart; line < end;)
        {
            var lineEnd = text.IndexOf('\n', line, end - line);
            if (lineEnd < 0) lineEnd = end;
            var word = line;
            if (StripsTabs)
            {
                while (word < lineEnd && text[word] == '\t') word++;
            }

            if (lineEnd - word == Delimiter.Length && string.CompareOrdinal(text, word, Delimiter, 0, Delimiter.Length) == 0) return line;
            line = lineEnd + 1;
        }

        return end;
    }

    private static bool IsWordEnd(char c) => char.IsWhiteSpace(c) || c is ';' or '|' or '&' or '<' or '>' or '(' or ')';
}
