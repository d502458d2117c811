using System.Text.RegularExpressions;

namespace RunbookSdk.Import.Recognition;

/// <summary>
/// Where a command gives a search tool the text it looks for: grep's and rg's pattern (the first word that is no option,
/// or <c>-e</c>'s), awk's program and sed's script. <c>grep "password=&lt;hidden&gt;" app.log</c> searches for what a
/// log wrote; it sends no credential, so what stands there is no credential position (<see cref="SentCredentials"/>).
/// </summary>
internal static partial class SearchPatterns
{
    /// <summary>The ranges (start, end) of the pattern words of <paramref name="command"/>'s search tools, quotes included.</summary>
    public static List<(int Start, int End)> In(string command)
    {
        var ranges = new List<(int Start, int End)>();
        foreach (Match tool in SearchTool().Matches(command))
        {
            var name = tool.Groups["tool"].Value;
            var words = WordsAfter(command, tool.Index + tool.Length);
            var positional = true;
            for (var i = 0; i < words.Count; i++)
            {
                var (start, end) = words[i];
                var word = command[start..end];
                if (word == "--")
                {
                    if (positional && i + 1 < words.Count) ranges.Add(words[i + 1]);
                    break;
                }
                if (word.Length < 2 || word[0] != '-')
                {
                    if (positional) ranges.Add(words[i]);
                    break;
                }
                // -e PATTERN, -ePATTERN, --regexp=PATTERN, sed's --expression=SCRIPT: the pattern is given by the option,
                // and the first word that is no option is a file.
                var patternOption = PatternOption(name, word);
                if (patternOption is { } attached)
                {
                    positional = false;
                    if (attached) ranges.Add((start, end));
                    else if (i + 1 < words.Count) ranges.Add(words[++i]);
                    continue;
                }
                if (word is "-f" || word.StartsWith("--file", StringComparison.Ordinal)) positional = false;
                if (TakesValue(name, word) && i + 1 < words.Count) i++;
            }
        }
        return ranges;
    }

    /// <summary>Whether <paramref name="word"/> gives the pattern: null when it does not, true when it holds it, false when the next word is it.</summary>
    private static bool? PatternOption(string tool, string word)
    {
        var letter = tool is "sed" or "gsed" or "grep" or "egrep" or "fgrep" or "zgrep" or "rg" ? 'e' : '\0';
        if (letter == '\0') return null;
        if (word is "--regexp" or "--expression") return false;
        if (word.StartsWith("--regexp=", StringComparison.Ordinal) || word.StartsWith("--expression=", StringComparison.Ordinal)) return true;
        if (word.StartsWith("--", StringComparison.Ordinal)) return null;
        var at = word.IndexOf(letter, 1);
        if (at < 0 || !word[1..at].All(char.IsAsciiLetter)) return null;
        return at + 1 < word.Length;
    }

    /// <summary>Whether the option <paramref name="word"/> takes the next word as its value (grep -A 3, awk -F ',', awk -v x=1).</summary>
    private static bool TakesValue(string tool, string word)
    {
        if (word.StartsWith("--", StringComparison.Ordinal))
            return !word.Contains('=') && word is "--file" or "--max-count" or "--context" or "--after-context" or "--before-context"
                or "--glob" or "--type" or "--type-not" or "--include" or "--exclude" or "--label" or "--field-separator" or "--assign";
        var last = word[^1];
        return word.Length == 2 && (tool switch
        {
            "awk" or "gawk" or "mawk" => last is 'F' or 'v' or 'f',
            "sed" or "gsed" => last is 'f' or 'l',
            _ => last is 'f' or 'm' or 'A' or 'B' or 'C' or 'd' or 'D' or 'g' or 't' or 'T' or 'M' or 'j',
        });
    }

    /// <summary>The words from <paramref name="from"/> to the end of the command (an unquoted <c>|</c>, <c>;</c>, <c>&amp;</c>, <c>)</c> or line end).</summary>
    private static List<(int Start, int End)> WordsAfter(string command, int from)
    {
        var words = new List<(int, int)>();
        var i = from;
        while (i < command.Length)
        {
            while (i < command.Length && command[i] is ' ' or '\t') i++;
            if (i >= command.Length || command[i] is '|' or ';' or '&' or ')' or '\n' or '`') break;
            var start = i;
            while (i < command.Length && command[i] is not (' ' or '\t' or '|' or ';' or '&' or ')' or '\n' or '`'))
            {
                if (command[i] is '\'' or '"')
                {
                    var quote = command[i++];
                    while (i < command.Length && command[i] != quote) i += command[i] == '\\' && quote == '"' ? 2 : 1;
                }
                else if (command[i] == '\\') i++;
                i++;
            }
            words.Add((start, Math.Min(i, command.Length)));
        }
        return words;
    }

    // The tool as a command: first, or after a pipe, ";", "&&", "(", "$(" or a backtick, through sudo or xargs and their options.
    [GeneratedRegex(@"(?:^|[|;&(`\n])\s*(?:(?:sudo|xargs)(?:\s+-\S+)*\s+)*(?<tool>grep|egrep|fgrep|zgrep|rg|awk|gawk|mawk|sed|gsed)(?=[ \t])", RegexOptions.Multiline)]
    private static partial Regex SearchTool();
}
