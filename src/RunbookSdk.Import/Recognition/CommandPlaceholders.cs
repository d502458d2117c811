using System.Text.RegularExpressions;
using RunbookSdk.Import.Outline;

namespace RunbookSdk.Import.Recognition;

/// <summary>
/// The placeholders a document left in its commands for the engineer to fill in: <c>kubectl delete pod &lt;pod-name&gt;</c>,
/// <c>kubectl delete pod {pod-name}</c>, <c>psql -h YOUR_PRIMARY_HOST</c>. Run as written, bash reads <c>&lt;pod-name&gt;</c>
/// as input from a file named <c>pod-name</c> and output to the next word, and passes <c>{pod-name}</c> and
/// <c>YOUR_PRIMARY_HOST</c> on as they are, so the step fails at 3 a.m. (or writes a file, or deletes nothing); each is a
/// required parameter and a hole instead. The three spellings of one name are the one parameter.
/// </summary>
/// <remarks>
/// Strict, since a wrong hole breaks a command that worked.
/// <para>
/// Angle brackets: <c>&lt;</c>, a word (or up to four words) starting with a letter, <c>&gt;</c>, not right after a letter,
/// digit or another <c>&lt;</c>. So redirections (<c>&lt; file.sql</c>, <c>&lt;fix.sql &gt;out</c>, <c>&lt;&lt;EOF</c>,
/// <c>&lt;&lt;&lt;</c>, <c>&lt;(cmd)</c>, <c>2&gt;&amp;1</c>), comparisons (<c>$1 &lt;= 5</c>, <c>a&lt;b</c>), generics
/// (<c>Promise&lt;void&gt;</c>), HTML and XML (a tag name, or a name the command also closes:
/// <c>&lt;status&gt;ok&lt;/status&gt;</c>), what tools print in angle brackets and a runbook greps for (<c>&lt;none&gt;</c>)
/// stay as they are.
/// </para>
/// <para>
/// Braces: <c>{</c>, one word starting with a letter (no blank, comma or <c>..</c>), <c>}</c>, outside single quotes, not
/// right after a letter, digit, <c>$</c>, <c>@</c>, <c>%</c> or another brace. So parameter expansions (<c>${VAR}</c>,
/// <c>${N:-{x}}</c>), brace expansions (<c>{a,b}</c>, <c>{1..5}</c>), Go and Helm templates (<c>{{ .Values.x }}</c>,
/// <c>{{.Names}}</c>), git's <c>@{upstream}</c>, <c>find -exec … {} \;</c>, xargs' replace string (<c>-I{}</c>, and
/// <c>-I {pod}</c> with the <c>{pod}</c>s it fills) and the programs of other tools, which a command writes in single
/// quotes (<c>awk '{print $1}'</c>, jq's <c>'.items[] | {name}'</c>, JSON bodies, a Python f-string in
/// <c>python -c "print(f'{result}')"</c>), and jq's program in double quotes (<c>jq ".items[] | {name}"</c>, also in a
/// command substitution inside double quotes: <c>echo "$(… | jq ".items[] | {name}")"</c> or
/// <c>echo "`… | jq ".items[] | {name}"`"</c>), stay as they are.
/// </para>
/// <para>
/// <c>YOUR_…</c>: <c>YOUR_</c> or <c>YOUR-</c> and words in capitals (<c>YOUR_POD_NAME</c>, <c>YOUR-API-TOKEN</c>), not
/// a variable (<c>$YOUR_TOKEN</c>, <c>${YOUR_TOKEN}</c>) or the name an assignment sets (<c>YOUR_TOKEN=…</c>); and the
/// whole value where a credential goes, also run on to an option (<c>mysql -pYOUR_DB_PASSWORD</c>).
/// </para>
/// <para>
/// A placeholder where a credential goes (<c>Authorization: Bearer YOUR_JWT</c>, <c>curl -u admin:YOUR_PASS</c>,
/// <c>curl -u admin:&lt;admin-pass&gt;</c>, what RB0006's patterns read) is a credential, whatever its name: the engineer
/// types a secret there. Run on to its option (<c>mysql -p&lt;db-pass&gt;</c>, <c>mysql -p{db-pass}</c>,
/// <c>mysql -pYOUR_DB_PASSWORD</c>) it is the whole password, though it is no word of its own.
/// </para>
/// Comments and the body of a here-document with a quoted delimiter (text no shell reads) hold no placeholder of any kind.
/// </remarks>
internal static partial class CommandPlaceholders
{
    /// <summary>
    /// A placeholder in a command: where it stands, as written, the parameter name it gives, and whether it stands where
    /// a credential goes (<c>Authorization: Bearer YOUR_TOKEN</c>), so that what the engineer gives is a secret.
    /// </summary>
    internal readonly record struct Placeholder(int Start, string Written, string Name, bool Credential = false);

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

    /// <summary>
    /// Words logs write in angle brackets where they hid a value (<c>password=&lt;hidden&gt;</c>): in a search tool's pattern
    /// (<c>grep "password=&lt;hidden&gt;" app.log</c>) the command looks for them as they are, as for <c>&lt;none&gt;</c>.
    /// Elsewhere (<c>Bearer &lt;redacted&gt;</c>) they mark what the document left out, which the engineer fills in.
    /// </summary>
    private static readonly HashSet<string> s_hiddenValues = new(StringComparer.OrdinalIgnoreCase)
    {
        "hidden", "redacted", "masked", "filtered",
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
        if (!command.Contains('<') && !command.Contains('{') && !command.Contains("YOUR", StringComparison.Ordinal)) return found;
        var (unread, programs) = Ranges(command);
        List<(int Start, int End)>? searched = null;
        foreach (Match match in AngleBrackets().Matches(command))
        {
            if (Inside(unread, match.Index)) continue;
            var words = match.Groups["words"].Value;
            var first = words.Split(' ', '-', '_', '.')[0];
            if (s_htmlTags.Contains(first) || s_printedValues.Contains(words)) continue;
            if (s_hiddenValues.Contains(words) && Inside(searched ??= SearchPatterns.In(command), match.Index)) continue;
            // "<status>ok</status>": markup the command writes or looks for, not something to fill in.
            if (command.Contains("</" + words, StringComparison.OrdinalIgnoreCase)) continue;
            Add(found, match);
        }
        if (command.Contains('{'))
        {
            // "xargs -I {pod} kubectl delete pod {pod}": xargs fills the {pod}s in, the engineer does not.
            var replaceStrings = XargsReplaceString().Matches(command).Select(m => m.Groups["written"].Value).ToHashSet(StringComparer.Ordinal);
            foreach (Match match in Braces().Matches(command))
            {
                if (Inside(unread, match.Index) || Inside(programs, match.Index) || replaceStrings.Contains(match.Value)) continue;
                Add(found, match);
            }
        }
        foreach (Match match in YourWords().Matches(command))
        {
            if (!Inside(unread, match.Index)) Add(found, match);
        }
        // Not in a search tool's pattern: "grep 'token=<user-token>' app.log" sends no credential (SentCredentials).
        var credentials = SentCredentials.In(command);
        foreach (var credential in credentials)
        {
            // "mysql -pYOUR_DB_PASSWORD", "mysql -p<db-pass>", "mysql -p{db-pass}": run on to its option, it is no word of
            // its own, but the whole password all the same. Braces in another program's text ('{"password": "{x}"}') are
            // that program's, as they are for Braces.
            if (Inside(unread, credential.Start) || WholePlaceholder().Match(credential.Text) is not { Success: true } whole) continue;
            if (whole.Value[0] == '{' && Inside(programs, credential.Start)) continue;
            Add(found, credential.Start, credential.Text, whole.Groups["words"].Value);
        }
        return [.. found.OrderBy(p => p.Start).Select(p => p with
        {
            Credential = credentials.Any(c => p.Start < c.Start + c.Length && c.Start < p.Start + p.Written.Length),
        })];
    }

    /// <summary>Adds the placeholder <paramref name="match"/> found unless another spelling already took its place (<c>&lt;YOUR_HOST&gt;</c> is one).</summary>
    private static void Add(List<Placeholder> found, Match match) => Add(found, match.Index, match.Value, match.Groups["words"].Value);

    private static void Add(List<Placeholder> found, int start, string written, string words)
    {
        if (found.Any(p => start < p.Start + p.Written.Length && p.Start < start + written.Length)) return;
        if (NameOf(words) is { Length: > 0 } name) found.Add(new Placeholder(start, written, name));
    }

    private static bool Inside(List<(int Start, int End)> ranges, int index) => ranges.Any(r => index >= r.Start && index < r.End);

    /// <summary>
    /// The parameter name of a placeholder's words, in PascalCase without a leading "your" or "the"
    /// (<c>&lt;your-namespace&gt;</c> is <c>Namespace</c>), or empty when it has no ASCII words.
    /// </summary>
    private static string NameOf(string words)
    {
        var spaced = Separators().Replace(words, " ").Trim();
        // "YOUR_POD_NAME_HERE" asks for the pod name.
        var bare = Here().Replace(Filler().Replace(spaced, ""), "");
        var name = Text.Pascal(bare.Length > 0 ? bare : spaced, 5);
        if (name.Length == 0 || !char.IsAsciiLetter(name[0])) return "";
        return s_memberNames.Contains(name) ? name + "Value" : name;
    }

    /// <summary>
    /// Where no shell reads a placeholder as a word of the command (<c>Unread</c>): comments (from an unquoted <c>#</c> that
    /// starts a word to the end of the line), the bodies of here-documents with a quoted delimiter (<c>&lt;&lt;'EOF'</c>),
    /// which are passed on as written, and parameter expansions (<c>${VAR:-{x}}</c>), which are the shell's own. And the
    /// text of other programs (<c>Programs</c>), where braces are theirs: in single quotes (awk, jq, JSON), also inside
    /// double quotes, where they are the strings of a program the command hands on (<c>python -c "print(f'{result}')"</c>),
    /// and jq's program in double quotes (<c>jq ".items[] | {name}"</c>, where <c>{name}</c> builds an object), also in a
    /// command substitution inside double quotes (<c>echo "$(… | jq ".items[] | {name}")"</c>, <c>echo "`… | jq ".items[] |
    /// {name}"`"</c>), which quotes afresh.
    /// </summary>
    private static (List<(int Start, int End)> Unread, List<(int Start, int End)> Programs) Ranges(string command)
    {
        var unread = new List<(int, int)>();
        var programs = new List<(int, int)>();
        var jqProgram = false;
        // Most commands never call jq: then no quote needs the look back for it.
        var callsJq = command.Contains("jq", StringComparison.Ordinal);
        var quote = '\0';
        var quoteStart = 0;
        var innerQuoteStart = -1;
        var bodies = new Queue<(string Delimiter, bool Literal)>();
        // The double quotes each command substitution ("$(…)", "`…`") was opened in, innermost last, whether it is a
        // backtick one, and the parentheses opened within a "$(…)": the shell quotes afresh inside, so its first '"' opens
        // a quote rather than closing the outer one ('echo "$(… | jq ".items[] | {name}")"' and
        // 'echo "`… | jq ".items[] | {name}"`"' hand jq its program in quotes of its own).
        var substitutions = new Stack<(int QuoteStart, int InnerQuoteStart, bool JqProgram, int Parentheses, bool Backtick)>();
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            if (c == '$' && quote != '\'' && i + 1 < command.Length && command[i + 1] == '{')
            {
                var end = ClosingBrace(command, i + 1);
                unread.Add((i, end));
                i = end - 1;
                continue;
            }
            if (c == '$' && quote == '"' && i + 1 < command.Length && command[i + 1] == '(')
            {
                substitutions.Push((quoteStart, innerQuoteStart, jqProgram, 0, Backtick: false));
                quote = '\0';
                innerQuoteStart = -1;
                i++;
                continue;
            }
            if (c == '`' && substitutions.TryPeek(out var open) && open.Backtick)
            {
                // The shell reads a backtick substitution to its next unescaped backtick, whatever quotes it opened:
                // back in the double quotes it was opened in.
                substitutions.Pop();
                (quoteStart, innerQuoteStart, jqProgram) = (open.QuoteStart, open.InnerQuoteStart, open.JqProgram);
                quote = '"';
                continue;
            }
            if (c == '`' && quote == '"')
            {
                substitutions.Push((quoteStart, innerQuoteStart, jqProgram, 0, Backtick: true));
                quote = '\0';
                innerQuoteStart = -1;
                continue;
            }
            if (quote != '\0')
            {
                if (c == '\\' && quote == '"') i++;
                else if (c == quote)
                {
                    if (quote == '\'' || jqProgram) programs.Add((quoteStart, i));
                    else if (innerQuoteStart >= 0) programs.Add((innerQuoteStart, i));
                    quote = '\0';
                    innerQuoteStart = -1;
                }
                else if (c == '\'')
                {
                    // python -c "print(f'result: {result}')": the program's string, whose braces are the program's.
                    if (innerQuoteStart < 0) innerQuoteStart = i;
                    else
                    {
                        programs.Add((innerQuoteStart, i));
                        innerQuoteStart = -1;
                    }
                }
                continue;
            }
            switch (c)
            {
                case '\\':
                    i++;
                    break;
                // A backtick substitution ends at its backtick, whatever parentheses it holds ("`case $x in a) …; esac`").
                case '(' when substitutions.Count > 0 && !substitutions.Peek().Backtick:
                    var opened = substitutions.Pop();
                    substitutions.Push(opened with { Parentheses = opened.Parentheses + 1 });
                    break;
                case ')' when substitutions.Count > 0 && !substitutions.Peek().Backtick:
                    var substitution = substitutions.Pop();
                    if (substitution.Parentheses > 0)
                    {
                        substitutions.Push(substitution with { Parentheses = substitution.Parentheses - 1 });
                        break;
                    }
                    // The substitution ends: back in the double quotes it was opened in.
                    (quoteStart, innerQuoteStart, jqProgram, _, _) = substitution;
                    quote = '"';
                    break;
                case '\'' or '"':
                    quote = c;
                    quoteStart = i;
                    jqProgram = c == '"' && callsJq && JqProgramStarts().IsMatch(command.AsSpan(0, i));
                    break;
                case '#' when i == 0 || char.IsWhiteSpace(command[i - 1]) || command[i - 1] is ';' or '&' or '|' or '(':
                    var endOfLine = command.IndexOf('\n', i);
                    if (endOfLine < 0) endOfLine = command.Length;
                    unread.Add((i, endOfLine));
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
                    var bodyEnd = start;
                    while (bodyEnd < command.Length)
                    {
                        var lineEnd = command.IndexOf('\n', bodyEnd);
                        if (lineEnd < 0) lineEnd = command.Length;
                        if (command[bodyEnd..lineEnd].TrimStart('\t') == delimiter) break;
                        bodyEnd = lineEnd + 1;
                    }
                    if (literal) unread.Add((start, Math.Min(bodyEnd, command.Length)));
                    i = Math.Min(bodyEnd, command.Length) - 1;
                    break;
            }
        }
        // A quote never closed runs to the end: its braces are no more ours than a closed one's.
        if (quote == '\'' || quote == '"' && jqProgram) programs.Add((quoteStart, command.Length));
        return (unread, programs);
    }

    /// <summary>The index after the brace that closes the one at <paramref name="open"/>, counting nested braces, or the end.</summary>
    private static int ClosingBrace(string command, int open)
    {
        var depth = 0;
        for (var i = open; i < command.Length; i++)
        {
            if (command[i] == '{') depth++;
            else if (command[i] == '}' && --depth == 0) return i + 1;
        }
        return command.Length;
    }

    // Not after a letter, digit, "_", "$" or "<": "Promise<void>", "a<b>", "<<EOF>", "$<x>" are no placeholders. Words after
    // a blank start with a letter, so "<in.txt 2>err.log" (a redirection both ways) is none.
    [GeneratedRegex(@"(?<![\w$<])<(?<words>[A-Za-z][\w.-]*(?: [A-Za-z][\w.-]*){0,3})>(?!>)")]
    private static partial Regex AngleBrackets();

    // One word, dots only between its parts: "{a,b}", "{a..z}", "{ cmd; }" and "{.items}" are none.
    [GeneratedRegex(@"(?<![\w$@%{])\{(?<words>[A-Za-z][\w-]*(?:\.[\w-]+)*)\}(?!\})")]
    private static partial Regex Braces();

    // What comes before jq's program: jq as a command (first, or after a pipe, ";", "&&", "(", "$(" or "`"), then its options,
    // those that take values with them ("--arg pod \"{pod-name}\"": a value, which may be a placeholder). The program is
    // the first word that is no option.
    [GeneratedRegex(@"(?:^|[|;&(`\n])\s*(?:sudo\s+)?jq(?:\s+(?:--(?:arg|argjson|slurpfile|rawfile)\s+\S+\s+(?:""[^""]*""|'[^']*'|\S+)|--indent\s+\d+|-L\s*\S+|-[-\w]+))*\s+$")]
    private static partial Regex JqProgramStarts();

    [GeneratedRegex(@"(?:\s-I\s*|\s--replace=)(?<written>\{[^\s{}]*\})")]
    private static partial Regex XargsReplaceString();

    // In capitals, as a word of its own: "$YOUR_TOKEN" is a variable, "YOUR_TOKEN=abc" sets one.
    [GeneratedRegex(@"(?<![\w${-])(?<words>YOUR[_-][A-Z0-9]+(?:[_-][A-Z0-9]+)*)(?![\w-]|=)")]
    private static partial Regex YourWords();

    // A credential's whole value, as RB0006's patterns read it, when it is a placeholder: YOUR_…, <…> (the patterns take
    // a <…> value in the same shape as AngleBrackets) or {…} in the shape of Braces. Whole: "${DB_PASS}" starts with '$',
    // "{{ .Values.pass }}" and "{a,b}" are no one word, so the shell's and templates' braces stay theirs.
    [GeneratedRegex(@"^(?:(?<words>YOUR[_-][A-Z0-9]+(?:[_-][A-Z0-9]+)*)|<(?<words>[A-Za-z][\w.-]*(?: [A-Za-z][\w.-]*){0,3})>|\{(?<words>[A-Za-z][\w-]*(?:\.[\w-]+)*)\})$")]
    private static partial Regex WholePlaceholder();

    [GeneratedRegex(@"(?i)\s+here$")]
    private static partial Regex Here();

    [GeneratedRegex(@"\G<<(?!<)-?[ \t]*(?:(?<quote>['""])(?<delimiter>[^'""\n]+)\k<quote>|\\(?<delimiter>\w+)(?<quote>)|(?<delimiter>\w+))")]
    private static partial Regex HereDocument();

    [GeneratedRegex(@"[-_.\s]+")]
    private static partial Regex Separators();

    [GeneratedRegex(@"(?i)^(?:your|the|my|a|an)\s+")]
    private static partial Regex Filler();
}
