using System.Text;
using System.Text.RegularExpressions;

namespace RunbookSdk.Import.Recognition;

/// <summary>One piece of a shell block: a command with the comment lines right above it, or comments alone.</summary>
/// <param name="Command">The command, possibly several lines; null for comments that precede no command.</param>
/// <param name="Comment">The comment lines above it (without <c>#</c>), joined by "\n# "; null when none.</param>
/// <param name="Output">In a console transcript, output the document shows (lines without a <c>$ </c> prompt): kept, never run.</param>
internal sealed record ShellPiece(string? Command, string? Comment, string? Output = null);

/// <summary>
/// Splits a shell block into commands the way a shell reads it: a command continues over <c>\</c> line ends,
/// open quotes, <c>$( … )</c>, here-documents and compound commands (<c>if … fi</c>, <c>for … done</c>,
/// <c>case … esac</c>, <c>{ … }</c>), so each of those is kept whole. Comment lines above a command become its comment.
/// </summary>
internal static partial class ShellSplitter
{
    public static List<ShellPiece> Split(string code)
    {
        var pieces = new List<ShellPiece>();
        var comments = new List<string>();
        var lines = code.Replace("\r\n", "\n").Split('\n');
        // A transcript ("$ kubectl get pods" followed by what it printed): only prompted lines are commands.
        var transcript = lines.Any(l => IsPrompt(l.TrimStart()));
        var i = 0;

        void FlushComments()
        {
            if (comments.Count > 0) pieces.Add(new ShellPiece(null, string.Join("\n# ", comments)));
            comments.Clear();
        }

        while (i < lines.Length)
        {
            var trimmed = lines[i].Trim();
            if (trimmed.Length == 0)
            {
                i++;
                continue;
            }
            if (trimmed.StartsWith("#!", StringComparison.Ordinal) && pieces.Count == 0 && comments.Count == 0)
            {
                i++; // a shebang says which shell runs a script; the runner runs each command with its own shell.
                continue;
            }
            if (trimmed.StartsWith('#'))
            {
                // A blank line between comments and the next command detaches them: they describe what follows as a group.
                if (comments.Count > 0 && i > 0 && lines[i - 1].Trim().Length == 0) FlushComments();
                comments.Add(trimmed.TrimStart('#').Trim());
                i++;
                continue;
            }
            if (comments.Count > 0 && i > 0 && lines[i - 1].Trim().Length == 0) FlushComments();

            if (transcript && !IsPrompt(trimmed))
            {
                FlushComments();
                var first = i;
                while (i < lines.Length && !IsPrompt(lines[i].TrimStart())) i++;
                pieces.Add(new ShellPiece(null, null, string.Join("\n", lines[first..i]).TrimEnd()));
                continue;
            }
            if (transcript) lines[i] = PromptPrefix().Replace(lines[i], "", 1);

            var start = i;
            var state = new ShellState();
            while (i < lines.Length)
            {
                if (transcript && i > start) lines[i] = WithoutContinuationPrompt(lines[i]);
                state.Feed(lines[i]);
                i++;
                // Bodies of the here-documents opened on this line follow it, in order.
                foreach (var delimiter in state.HereDocuments)
                {
                    for (; i < lines.Length; i++)
                    {
                        if (transcript) lines[i] = WithoutContinuationPrompt(lines[i]);
                        if (lines[i].Trim() == delimiter) break;
                    }
                    if (i < lines.Length) i++;
                }
                state.HereDocuments.Clear();
                if (state.Complete) break;
            }
            var command = Dedent(lines[start..i]);
            pieces.Add(new ShellPiece(command, comments.Count > 0 ? string.Join("\n# ", comments) : null));
            comments.Clear();
        }
        FlushComments();
        return JoinStateChanges(JoinExitStatusReaders(pieces));
    }

    /// <summary>
    /// A command that reads <c>$?</c> (<c>if [ $? -ne 0 ]; then … fi</c>) is about the command before it; in a shell of
    /// its own <c>$?</c> is always 0 and the branch for a failure never runs. It is kept in one command with the one
    /// it reads, their comments together.
    /// </summary>
    private static List<ShellPiece> JoinExitStatusReaders(List<ShellPiece> pieces)
    {
        var result = new List<ShellPiece>();
        foreach (var piece in pieces)
        {
            if (piece.Command is { } reader && reader.Contains("$?", StringComparison.Ordinal) && result.Count > 0 && result[^1] is { Command: { } previous } before)
            {
                result[^1] = before with { Command = previous + "\n" + reader, Comment = Join(before.Comment, piece.Comment) };
                continue;
            }
            result.Add(piece);
        }
        return result;
    }

    /// <summary>
    /// Every command runs in a shell of its own, so a command that changes the shell for the commands after it would
    /// change nothing for them: a bare <c>cd dir</c> or <c>pushd dir</c> (and a <c>popd</c> after it), <c>source file</c>
    /// or <c>. file</c>, <c>set -euo pipefail</c>, <c>shopt</c>, <c>umask</c>, <c>export NAME=value</c>, and a function's
    /// definition. Each is put
    /// before each later command of the block (with <c>&amp;&amp;</c>, a definition on a line of its own), in order, so
    /// each command runs as it ran for the author: in that directory, with that environment (psql read the exported
    /// PGPASSWORD, and failed without it) and those options, and with
    /// the function defined (<c>check_health</c> alone failed with "command not found"). The first such command's comment
    /// goes with the first command after it. A <c>cd dir</c> leading an <c>&amp;&amp;</c> chain (<c>cd app &amp;&amp; ls</c>)
    /// changed the author's directory just the same: the chain stays one command, and its <c>cd</c> goes before the
    /// later ones too, unless the chain changes the directory again (<c>cd app &amp;&amp; make &amp;&amp; cd ..</c>), which is
    /// not followed.
    /// </summary>
    private static List<ShellPiece> JoinStateChanges(List<ShellPiece> pieces)
    {
        var result = new List<ShellPiece>();
        var state = new List<string>();
        string? comment = null;
        for (var i = 0; i < pieces.Count; i++)
        {
            var piece = pieces[i];
            if (piece.Command is { } change && ChangesShellState(change) && pieces.Skip(i + 1).Any(p => p.Command is not null))
            {
                state.Add(change);
                comment = Join(comment, piece.Comment);
                continue;
            }
            var leading = piece.Command is { } chain ? LeadingDirectoryChange(chain) : null;
            if (piece.Command is { } command && state.Count > 0)
            {
                result.Add(piece with { Command = After(state, command), Comment = Join(comment, piece.Comment) });
                comment = null;
            }
            else
            {
                result.Add(piece);
            }
            if (leading is not null) state.Add(leading);
        }
        return result;
    }

    /// <summary><paramref name="command"/> after the changes: a function's definition on its line, anything else before <c>&amp;&amp;</c>.</summary>
    private static string After(List<string> changes, string command)
    {
        var text = new System.Text.StringBuilder();
        foreach (var change in changes) text.Append(change).Append(FunctionDefinition().IsMatch(change) ? "\n" : " && ");
        return text.Append(command).ToString();
    }

    private static bool ChangesShellState(string command) =>
        DirectoryChange().IsMatch(command) || StateCommand().IsMatch(command) || FunctionDefinition().IsMatch(command) ||
        ExportedValue().IsMatch(command);

    /// <summary>The <c>cd dir</c> an <c>&amp;&amp;</c> chain starts with when the rest of it leaves the directory alone, else null.</summary>
    private static string? LeadingDirectoryChange(string command)
    {
        if (LeadingDirectoryChangeChain().Match(command) is not { Success: true } match) return null;
        return OtherDirectoryChange().IsMatch(match.Groups["rest"].Value) ? null : match.Groups["cd"].Value.TrimEnd();
    }

    private static string? Join(string? first, string? second) => first is null ? second : second is null ? first : first + "\n# " + second;

    /// <summary>
    /// A line a shell's prompt starts: <c>$ </c>, or the prompt a terminal copied from shows — <c>ops@bastion:~$ </c>
    /// (Debian's), <c>[ops@bastion ~]$ </c> (Red Hat's). Only <c>$ </c> was known: a copied
    /// <c>ops@bastion:~$ kubectl get pods</c> ran as written (a command named <c>ops@bastion:~$</c>), and the output
    /// under it ran as commands too.
    /// </summary>
    internal static bool IsPrompt(string line) => PromptPrefix().IsMatch(line);

    /// <summary>
    /// A line that goes on a prompted command in a transcript (after a <c>\</c>, in open quotes, a here-document's body)
    /// without the <c>&gt; </c> the shell printed before it (its PS2 prompt). Kept, the prompt became part of the command:
    /// <c>TIMEOUT_MS=5000 \</c> over <c>&gt; RETRIES=3</c> wrote the output to a file named <c>RETRIES=3</c>, and a
    /// here-document's <c>&gt; EOF</c> never ended its body.
    /// </summary>
    private static string WithoutContinuationPrompt(string line) => ContinuationPrompt().Replace(line, "", 1);

    // "$ ", "user@host:path$ " or "[user@host path]$ ". A root prompt ("# ") is not taken for one: it is a comment too.
    [GeneratedRegex(@"^\s*(?:[\w.-]+@[\w.-]+(?::[^\s$]*)?|\[[\w.-]+@[\w.-]+[^\]\n]*\])?\$ ")]
    private static partial Regex PromptPrefix();

    // bash's PS2 "> " (or a ">" alone on an empty continuation line), as a transcript shows it before each line that
    // goes on a command.
    [GeneratedRegex(@"^\s*>( |$)")]
    private static partial Regex ContinuationPrompt();

    [GeneratedRegex(@"^cd\s+[^\n;&|]+$")]
    private static partial Regex DirectoryChange();

    // pushd dir, popd, source file, . file, set -euo pipefail, shopt -s nullglob, umask 077: alone on their line.
    [GeneratedRegex(@"^(pushd\s+[^\n;&|]+|popd|(source|\.)\s+[^\n;&|]+|set\s+[-+][^\n;&|]*|shopt\s+-[su]\s+[^\n;&|]+|umask\s+[0-7]{3,4})$")]
    private static partial Regex StateCommand();

    // export NAME=value: the later commands read it from their environment (psql PGPASSWORD, kubectl KUBECONFIG), not
    // from their words. Not a value made by a command ($(…), backticks): run again before each command, it could differ
    // (mktemp) or do something twice; such a variable is still named by the warning on variables set in one command.
    [GeneratedRegex(@"^export\s+[A-Za-z_]\w*=(""[^""\n$`]*""|'[^'\n]*'|(?!\S*(\$\(|`))[^\s;&|'""]*)$")]
    private static partial Regex ExportedValue();

    // name() { …, function name { …, function name() { … — a definition the splitter kept whole (it ends with its brace).
    [GeneratedRegex(@"^(function\s+[A-Za-z_][\w-]*(\s*\(\s*\))?|[A-Za-z_][\w-]*\s*\(\s*\))\s*\{.*\}$", RegexOptions.Singleline)]
    private static partial Regex FunctionDefinition();

    // cd dir && the rest (which may go on over several lines).
    [GeneratedRegex(@"^(?<cd>cd\s+[^\n;&|]+?)\s*&&(?<rest>.+)$", RegexOptions.Singleline)]
    private static partial Regex LeadingDirectoryChangeChain();

    // Anything in the rest of a chain that may change the directory again: another cd, pushd, popd.
    [GeneratedRegex(@"(?<![\w-])(cd|pushd|popd)(?![\w-])")]
    private static partial Regex OtherDirectoryChange();

    /// <summary>True when every command line of the block is a checklist item (<c>1. [ ] …</c>, <c>- [ ] …</c>).</summary>
    public static bool IsChecklist(string code)
    {
        var lines = code.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        return lines.Count > 0 && lines.All(l => ChecklistLine().IsMatch(l));
    }

    /// <summary>The text of a checklist line without its number and box.</summary>
    public static string ChecklistText(string line) => ChecklistLine().Replace(line.Trim(), "");

    private static string Dedent(string[] lines)
    {
        var indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join("\n", lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()).Select(l => l.TrimEnd())).Trim('\n');
    }

    [GeneratedRegex(@"^(\d+[.)]|[-*+])\s+\[[ xX]\]\s*")]
    private static partial Regex ChecklistLine();

    /// <summary>Reads lines and tracks what keeps a command open.</summary>
    private sealed partial class ShellState
    {
        private char? _quote;
        private int _substitutions;
        private int _compound;
        private bool _continued;

        /// <summary>Delimiters of the here-documents the last line opened (<c>&lt;&lt;EOF</c>, <c>&lt;&lt;-'EOF'</c>, <c>&lt;&lt;\EOF</c>).</summary>
        public List<string> HereDocuments { get; } = [];

        public bool Complete => _quote is null && _substitutions == 0 && _compound <= 0 && !_continued && HereDocuments.Count == 0;

        public void Feed(string line)
        {
            _continued = false;
            var text = new StringBuilder();
            for (var k = 0; k < line.Length; k++)
            {
                var c = line[k];
                if (_quote == '\'')
                {
                    if (c == '\'') _quote = null;
                    continue;
                }
                if (c == '\\')
                {
                    // A backslash with only blanks after it ends the line as a continuation: wikis leave the blanks
                    // (invisible on the page, and dropped from the imported line, which then ended in a bare "\"), and
                    // the next line ("--replicas=3") ran as a command of its own.
                    if (line.AsSpan(k + 1).IsWhiteSpace()) { _continued = true; break; }
                    k++;
                    continue;
                }
                if (_quote == '"')
                {
                    if (c == '"') _quote = null;
                    else if (c == '$' && k + 1 < line.Length && line[k + 1] == '(') { _substitutions++; k++; }
                    continue;
                }
                if (c == '<' && HereDocumentAt(line, k) is { } here)
                {
                    // Read from the line as written: the delimiter's quotes (<<'EOF') are what make the body literal.
                    HereDocuments.Add(here.Delimiter);
                    text.Append("<<");
                    k = here.End - 1;
                    continue;
                }
                if (c is '\'' or '"') { _quote = c; continue; }
                if (c == '#' && (k == 0 || char.IsWhiteSpace(line[k - 1]))) break; // a comment runs to the end of the line
                if (c == '$' && k + 1 < line.Length && line[k + 1] == '(') { _substitutions++; k++; text.Append("$("); continue; }
                if (c == ')' && _substitutions > 0) { _substitutions--; continue; }
                text.Append(c);
            }
            if (_quote is not null) _continued = false;
            var code = text.ToString();
            _compound += Openers().Count(code) - Closers().Count(code);
            var trimmed = code.Trim();
            if (trimmed.EndsWith('{')) _compound++;
            if (trimmed.StartsWith('}')) _compound--;
            if (trimmed.EndsWith("&&", StringComparison.Ordinal) || trimmed.EndsWith("||", StringComparison.Ordinal) || (trimmed.EndsWith('|') && !trimmed.EndsWith("||", StringComparison.Ordinal)))
                _continued = true;
        }

        [GeneratedRegex(@"(^\s*|[;&|(]\s*|\b(then|do|else)\s+)(if|for|while|until|case|select)\b")]
        private static partial Regex Openers();

        // A closing keyword stands where a command starts ("echo done" is an argument) and may have redirections ("done < pods.txt").
        [GeneratedRegex(@"(^\s*|[;&|]\s*)(fi|done|esac)\b(?=\s*($|[;&|)<>]|\d+[<>]))")]
        private static partial Regex Closers();

        /// <summary>
        /// A here-document operator at <paramref name="at"/> (<c>&lt;&lt;</c>, not a here-string <c>&lt;&lt;&lt;</c>) and its
        /// delimiter with quotes and backslashes removed, as the shell matches it; null when there is none.
        /// </summary>
        private static (string Delimiter, int End)? HereDocumentAt(string line, int at)
        {
            if (at + 1 >= line.Length || line[at + 1] != '<' || (at > 0 && line[at - 1] == '<') || (at + 2 < line.Length && line[at + 2] == '<'))
                return null;
            var i = at + 2;
            if (i < line.Length && line[i] == '-') i++;
            while (i < line.Length && line[i] is ' ' or '\t') i++;
            // A delimiter starts like a word ("1 << 2" is arithmetic, not a here-document).
            if (i >= line.Length || !(char.IsLetter(line[i]) || line[i] is '_' or '\'' or '"' or '\\')) return null;
            var delimiter = new StringBuilder();
            char? quote = null;
            for (; i < line.Length; i++)
            {
                var c = line[i];
                if (quote is { } open)
                {
                    if (c == open) quote = null;
                    else delimiter.Append(c);
                }
                else if (c is '\'' or '"') quote = c;
                else if (c == '\\') { if (i + 1 < line.Length) delimiter.Append(line[++i]); }
                else if (char.IsWhiteSpace(c) || c is ';' or '&' or '|' or '<' or '>' or '(' or ')') break;
                else delimiter.Append(c);
            }
            return delimiter.Length == 0 || quote is not null ? null : (delimiter.ToString(), i);
        }
    }
}
