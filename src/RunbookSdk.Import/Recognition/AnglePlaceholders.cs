using System.Text.RegularExpressions;
using RunbookSdk.Import.Outline;

namespace RunbookSdk.Import.Recognition;

/// <summary>
/// The placeholders a document left in its commands for the engineer to fill in: <c>kubectl delete pod &lt;pod-name&gt;</c>,
/// <c>psql -h &lt;PRIMARY_HOST&gt;</c>. Run as written, bash reads <c>&lt;pod-name&gt;</c> as input from a file named
/// <c>pod-name</c> and output to the next word, so the step fails at 3 a.m. (or writes a file); each is a required
/// parameter and a hole instead.
/// </summary>
/// <remarks>
/// Strict, since a wrong hole breaks a command that worked: a placeholder is <c>&lt;</c>, a word (or up to four words)
/// starting with a letter, <c>&gt;</c>, not right after a letter, digit or another <c>&lt;</c>. So redirections
/// (<c>&lt; file.sql</c>, <c>&lt;fix.sql &gt;out</c>, <c>&lt;&lt;EOF</c>, <c>&lt;&lt;&lt;</c>, <c>&lt;(cmd)</c>, <c>2&gt;&amp;1</c>),
/// comparisons (<c>$1 &lt;= 5</c>, <c>a&lt;b</c>), generics (<c>Promise&lt;void&gt;</c>), HTML and XML (a tag name, or a name
/// the command also closes: <c>&lt;status&gt;ok&lt;/status&gt;</c>), what tools print in angle brackets and a runbook greps
/// for (<c>&lt;none&gt;</c>), comments and the body of a here-document with a quoted delimiter (text no shell reads) stay
/// as they are.
/// </remarks>
internal static partial class AnglePlaceholders
{
    /// <summary>A placeholder in a command: where it stands, as written, and the parameter name it gives.</summary>
    internal readonly record struct Placeholder(int Start, string Written, string Name);

    private static readonly HashSet<string> s_htmlTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "b", "body", "br", "code", "div", "em", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "html", "i",
        "img", "li", "meta", "ol", "p", "pre", "script", "span", "strong", "style", "sub", "sup", "table", "tbody", "td",
        "th", "thead", "title", "tr", "u", "ul", "xml", "svg", "link", "form", "input", "button", "label", "option", "select",
        "textarea", "iframe", "nav", "header", "footer", "section", "article", "main", "small", "kbd", "details", "summary",
    };

    /// <summary>Words tools print in angle brackets (<c>docker images</c>' <c>&lt;none&gt;</c>): a command greps for them as they are.</summary>
    private static readonly HashSet<string> s_printedValues = new(StringComparer.OrdinalIgnoreCase)
    {
        "none", "nil", "null", "unknown", "missing", "invalid", "empty", "undefined", "pending", "nothing",
    };

    /// <summary>Names a parameter property cannot take: the members every runbook has.</summary>
    private static readonly HashSet<string> s_memberNames = new(StringComparer.Ordinal)
    {
        "Define", "HandbookType", "ToString", "GetType", "Equals", "GetHashCode", "MemberwiseClone", "Finalize",
    };

    /// <summary>The placeholders of <paramref name="command"/>, in order.</summary>
    public static List<Placeholder> Find(string command)
    {
        var found = new List<Placeholder>();
        if (!command.Contains('<')) return found;
        var unread = UnreadRanges(command);
        foreach (Match match in Pattern().Matches(command))
        {
            if (unread.Any(r => match.Index >= r.Start && match.Index < r.End)) continue;
            var words = match.Groups["words"].Value;
            var first = words.Split(' ', '-', '_', '.')[0];
            if (s_htmlTags.Contains(first) || s_printedValues.Contains(words)) continue;
            // "<status>ok</status>": markup the command writes or looks for, not something to fill in.
            if (command.Contains("</" + words, StringComparison.OrdinalIgnoreCase)) continue;
            if (NameOf(words) is { Length: > 0 } name) found.Add(new Placeholder(match.Index, match.Value, name));
        }
        return found;
    }

    /// <summary>
    /// The parameter name of a placeholder's words, in PascalCase without a leading "your" or "the"
    /// (<c>&lt;your-namespace&gt;</c> is <c>Namespace</c>), or empty when it has no ASCII words.
    /// </summary>
    private static string NameOf(string words)
    {
        var spaced = Separators().Replace(words, " ").Trim();
        var bare = Filler().Replace(spaced, "");
        var name = Text.Pascal(bare.Length > 0 ? bare : spaced, 5);
        if (name.Length == 0 || !char.IsAsciiLetter(name[0])) return "";
        return s_memberNames.Contains(name) ? name + "Value" : name;
    }

    /// <summary>
    /// Where no shell reads a placeholder as a word of the command: comments (from an unquoted <c>#</c> that starts a word
    /// to the end of the line) and the bodies of here-documents with a quoted delimiter (<c>&lt;&lt;'EOF'</c>), which are
    /// passed on as written.
    /// </summary>
    private static List<(int Start, int End)> UnreadRanges(string command)
    {
        var ranges = new List<(int, int)>();
        var quote = '\0';
        var bodies = new Queue<(string Delimiter, bool Literal)>();
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            if (quote != '\0')
            {
                if (c == '\\' && quote == '"') i++;
                else if (c == quote) quote = '\0';
                continue;
            }
            switch (c)
            {
                case '\\':
                    i++;
                    break;
                case '\'' or '"':
                    quote = c;
                    break;
                case '#' when i == 0 || char.IsWhiteSpace(command[i - 1]) || command[i - 1] is ';' or '&' or '|' or '(':
                    var endOfLine = command.IndexOf('\n', i);
                    if (endOfLine < 0) endOfLine = command.Length;
                    ranges.Add((i, endOfLine));
                    i = endOfLine - 1;
                    break;
                case '<' when HereDocument().Match(command, i) is { Success: true } here:
                    bodies.Enqueue((here.Groups["delimiter"].Value, here.Groups["quote"].Success));
                    i += here.Length - 1;
                    break;
                case '\n' when bodies.Count > 0:
                    // The body starts on the next line and ends at the line that is the delimiter alone; an expanded body
                    // is read (a placeholder in its SQL is one), but not for quotes: "don't" opens none there.
                    var (delimiter, literal) = bodies.Dequeue();
                    var start = i + 1;
                    var end = start;
                    while (end < command.Length)
                    {
                        var lineEnd = command.IndexOf('\n', end);
                        if (lineEnd < 0) lineEnd = command.Length;
                        if (command[end..lineEnd].TrimStart('\t') == delimiter) break;
                        end = lineEnd + 1;
                    }
                    if (literal) ranges.Add((start, Math.Min(end, command.Length)));
                    i = Math.Min(end, command.Length) - 1;
                    break;
            }
        }
        return ranges;
    }

    // Not after a letter, digit, "_", "$" or "<": "Promise<void>", "a<b>", "<<EOF>", "$<x>" are no placeholders. Words after
    // a blank start with a letter, so "<in.txt 2>err.log" (a redirection both ways) is none.
    [GeneratedRegex(@"(?<![\w$<])<(?<words>[A-Za-z][\w.-]*(?: [A-Za-z][\w.-]*){0,3})>(?!>)")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"\G<<(?!<)-?[ \t]*(?:(?<quote>['""])(?<delimiter>[^'""\n]+)\k<quote>|\\(?<delimiter>\w+)(?<quote>)|(?<delimiter>\w+))")]
    private static partial Regex HereDocument();

    [GeneratedRegex(@"[-_.\s]+")]
    private static partial Regex Separators();

    [GeneratedRegex(@"(?i)^(?:your|the|my|a|an)\s+")]
    private static partial Regex Filler();
}
