using System.Collections.Generic;

namespace RunbookSdk.Analyzers.Text;

/// <summary>
/// Reads shell quoting for the command rules, so they split a command where the shell does. Inside <c>'…'</c>,
/// <c>"…"</c> and <c>$'…'</c>, and after a backslash, <c>;</c>, <c>|</c>, <c>&amp;</c>, <c>(</c>, <c>)</c> and new lines
/// are text: <c>echo "done; now tail -f the log"</c> is one command, <c>grep -E 'ok|healthy'</c> ends no pipeline.
/// A quoted argument that another shell runs (<see cref="NestedShells"/>: <c>ssh host 'cd /srv; tail -f app.log'</c>,
/// <c>bash -c '…'</c>) is read as the command line it is, and so is a here-document fed to a shell (<c>bash &lt;&lt;'EOF'</c>,
/// <c>ssh host &lt;&lt;EOF</c>); the body of any other here-document (<c>cat &lt;&lt;EOF</c>, <c>kubectl apply -f - &lt;&lt;EOF</c>)
/// is data, read like a quoted word.
/// </summary>
/// <remarks>
/// <see cref="Read"/> returns the text with those quoted characters replaced, at the same length, so every index
/// into it is an index into the command and the rules' patterns (which know only unquoted operators) read it as the
/// shell does. A command substitution inside double quotes (<c>"$(kubectl get pods | wc -l)"</c>, backticks) is a
/// command of its own and keeps its operators. A quote that is never closed is read as a plain character, as the
/// rules read it before: half-typed text and apostrophes in prose do not swallow the rest of the command.
/// The quote (or new line) that opens a nested command line becomes <see cref="NestedStart"/>, where a command starts,
/// and the one that closes it <see cref="NestedEnd"/>, a blank: the outer command goes on after it
/// (<c>ssh bastion 'curl -s …' | grep -q ok</c> is judged by its grep).
/// The new line that opens a script fed to a shell and the one that ends its last line are marked the same way.
/// The runner's <c>ShellQuoteContext</c> (linked into this assembly to check constant holes) follows quoting to quote
/// a hole at a literal's end; it keeps stacks per command and answers only there, while the rules need every
/// character's answer, per keystroke, and nothing allocated for the many commands without a quote.
/// </remarks>
internal static class ShellOperators
{
    /// <summary>Stands for a quoted operator: neither a separator, a blank nor a word character, so <c>\b</c> still holds.</summary>
    public const char Quoted = '\u001F';

    /// <summary>Stands for the quote that opens a nested command line: a command starts after it, as after <c>;</c>.</summary>
    public const char NestedStart = '\u0002';

    /// <summary>Stands for the quote that closes a nested command line: a blank (<c>\s</c>), so the outer command goes on.</summary>
    public const char NestedEnd = '\u0085';

    /// <summary>
    /// Stands for a line break in a here-document's data: a blank (<c>\s</c>) that separates no command, so the body joins
    /// the command that redirects it, yet the command patterns do not join one line of data with the next.
    /// </summary>
    public const char DataLineBreak = '\f';

    private static readonly char[] s_quoting = ['\'', '"', '\\'];

    /// <summary>
    /// The text with every quoted or escaped operator character replaced (a quoted new line by a space, the rest by
    /// <see cref="Quoted"/>), and the quotes around a nested command line by <see cref="NestedStart"/> and
    /// <see cref="NestedEnd"/>. The text itself, not a copy, when nothing in it is quoted: the rules run per keystroke.
    /// </summary>
    public static string Read(string text)
    {
        if (text.IndexOfAny(s_quoting) < 0 && text.IndexOf("<<", System.StringComparison.Ordinal) < 0) return text;
        var reader = new Reader(text);
        var i = 0;
        reader.Unquoted(ref i, text.Length, closer: '\0', depth: 0);
        return reader.Result;
    }

    /// <summary>
    /// The quoted word or here-document body that holds <paramref name="index"/> of <paramref name="text"/> (the command
    /// as written) when it is text no shell runs: a quoted argument that is no nested command line
    /// (<c>git commit -m 'rm -rf build'</c>), or the body of a here-document that no shell reads (<c>cat &lt;&lt;EOF</c>).
    /// Null for a bare word, a nested command line or a script, a command substitution inside either (<c>"$(rm -rf x)"</c>),
    /// and a quote that is never closed. Reads the text as <see cref="Read"/> does, once more: asked only of a finding.
    /// </summary>
    public static QuotedText? TextAt(string text, int index)
    {
        if (index < 0 || index >= text.Length) return null;
        if (text.IndexOfAny(s_quoting) < 0 && text.IndexOf("<<", System.StringComparison.Ordinal) < 0) return null;
        var reader = new Reader(text, probe: index);
        var i = 0;
        reader.Unquoted(ref i, text.Length, closer: '\0', depth: 0);
        return reader.Found;
    }

    /// <summary>
    /// Where the nested command line holding <paramref name="index"/> opens (its <see cref="NestedStart"/>) in a text
    /// <see cref="Read"/> returned; -1 when <paramref name="index"/> is in the outermost command line.
    /// </summary>
    public static int EnclosingStart(string shell, int index)
    {
        if (shell.IndexOf(NestedStart) < 0) return -1;
        var closed = 0;
        for (var k = index - 1; k >= 0; k--)
        {
            if (shell[k] == NestedEnd) closed++;
            else if (shell[k] == NestedStart && closed-- == 0) return k;
        }

        return -1;
    }

    private static bool IsOperator(char c) => c is ';' or '|' or '&' or '(' or ')' or '\n';

    /// <summary>One reading of one command; allocated only for text that has a quote, a backslash or a here-document.</summary>
    private sealed class Reader
    {
        // Deeper command substitutions and nested shells are read as quoted text: enough for any real command,
        // and a hostile text cannot exhaust the stack.
        private const int MaxDepth = 8;
        private readonly string _text;
        private readonly bool _mayNest;
        private char[]? _masked;
        // Every unclosed quote rereads what follows it; the budget keeps hostile text linear, then gives up on quoting.
        private int _budget;

        // The index TextAt asks about, or -1; Found is the text that holds it.
        private readonly int _probe;

        public Reader(string text, int probe = -1)
        {
            _text = text;
            _probe = probe;
            _mayNest = NestedShells.MayCarry(text);
            _budget = 8 * text.Length + 64;
        }

        public string Result => _budget < 0 || _masked is null ? _text : new string(_masked);

        /// <summary>The quoted text or data body holding the probed index; null when it is none, or the reading gave up.</summary>
        public QuotedText? Found => _budget < 0 ? null : _found;

        private QuotedText? _found;

        /// <summary>Records the text from <paramref name="open"/> to <paramref name="close"/> when it holds the probed index.</summary>
        private void Probe(int open, int close, bool hereDocument)
        {
            if (_probe > open && _probe < close) _found = new QuotedText(open, close, hereDocument);
        }

        /// <summary>
        /// Reads unquoted text up to <paramref name="closer"/> (<c>)</c> or a backtick; none at the top or in a nested
        /// command line) or <paramref name="end"/>. True when it was found.
        /// </summary>
        /// <param name="escapedQuotes">In a nested command line that was double-quoted, <c>\"</c> quotes for the nested shell.</param>
        public bool Unquoted(ref int i, int end, char closer, int depth, bool escapedQuotes = false)
        {
            var parentheses = 0;
            var commandStart = i;
            List<(HereDocument Document, bool FedToShell)>? hereDocuments = null; // their bodies start on the next line
            while (i < end)
            {
                if (--_budget < 0) return false;
                var c = _text[i];
                if (closer == '`' && c == '`' || closer == ')' && c == ')' && parentheses == 0)
                {
                    i++;
                    return true;
                }

                switch (c)
                {
                    case '(' when closer == ')':
                        parentheses++;
                        break;
                    case ')' when closer == ')':
                        parentheses--;
                        break;
                    case '\\' when escapedQuotes && i + 1 < end && _text[i + 1] == '"':
                        if (!EscapedQuoted(ref i, end)) i += 2;
                        continue;
                    case '\\':
                        Mask(i + 1);
                        i += 2;
                        continue;
                    case '\'':
                        var ansiC = i > 0 && _text[i - 1] == '$';
                        if (!Closed(ref i, end, ansiC ? SingleQuoted.AnsiC : SingleQuoted.Plain, depth, nested: !ansiC && Carries(commandStart, i))) i++;
                        continue;
                    case '"':
                        if (!Closed(ref i, end, depth, nested: Carries(commandStart, i))) i++;
                        continue;
                    case '#' when i == 0 || char.IsWhiteSpace(_text[i - 1]) || IsOperator(_text[i - 1]):
                        // A comment runs to the end of the line; an apostrophe in it opens nothing.
                        while (i < end && _text[i] != '\n') i++;
                        continue;
                    case '<' when i + 2 < end && _text[i + 1] == '<' && _text[i + 2] != '<' && (i == 0 || _text[i - 1] != '<') &&
                                  HereDocument.TryRead(_text, i + 2, end) is { } hereDocument:
                        (hereDocuments ??= []).Add((hereDocument, _mayNest && NestedShells.ReadsHereDocument(_text, commandStart, i) &&
                                                                  !ShellCommandBounds.OnlyNamesItsArguments(_text, commandStart, i)));
                        i = hereDocument.RedirectionEnd;
                        continue;
                    case '\n' when hereDocuments is not null:
                        // Leaves i on the new line that ends the last delimiter's line (or at the end), read next as a separator.
                        i = Bodies(i, end, hereDocuments, depth);
                        hereDocuments = null;
                        continue;
                }

                if (IsOperator(c)) commandStart = i + 1;
                i++;
            }

            return closer == '\0';
        }

        /// <summary>
        /// Reads the bodies of the here-documents redirected on the line that ends at <paramref name="newline"/>, one after
        /// the other: a script fed to a shell as a nested command line, data as quoted text. Returns where the last
        /// delimiter's line ends.
        /// </summary>
        private int Bodies(int newline, int end, List<(HereDocument Document, bool FedToShell)> hereDocuments, int depth)
        {
            var opening = newline;
            foreach (var (document, fedToShell) in hereDocuments)
            {
                var bodyStart = opening + 1;
                var terminator = document.TerminatorLine(_text, bodyStart, end);
                _budget -= terminator - opening;
                // The body's last new line ends it; without a delimiter line the body runs to the end.
                var bodyEnd = terminator < end ? terminator - 1 : end;
                if (fedToShell && depth < MaxDepth)
                {
                    if (bodyEnd > bodyStart) Nested(opening, bodyEnd, depth, escapedQuotes: false, closed: terminator < end);
                }
                else
                {
                    Data(opening, terminator, document.Expands, depth);
                }

                if (terminator >= end) return end;
                var terminatorEnd = _text.IndexOf('\n', terminator, end - terminator);
                if (terminatorEnd < 0) return end;
                opening = terminatorEnd;
            }

            return opening;
        }

        /// <summary>
        /// Reads a data body from the new line before it up to its delimiter's line: text, as inside quotes, so it joins the
        /// command that redirects it, its line breaks read as <see cref="DataLineBreak"/>. An unquoted delimiter's
        /// <c>$(…)</c> and backticks still run commands.
        /// </summary>
        private void Data(int opening, int terminator, bool expands, int depth)
        {
            Put(opening, DataLineBreak);
            var j = opening + 1;
            while (j < terminator)
            {
                var c = _text[j];
                if (expands && c == '\\')
                {
                    Mask(j + 1);
                    if (j == _probe || j + 1 == _probe) Probe(opening, terminator, hereDocument: true);
                    j += 2;
                }
                else if (expands && depth < MaxDepth && (c == '`' || c == '$' && j + 1 < terminator && _text[j + 1] == '('))
                {
                    j += c == '`' ? 1 : 2;
                    if (!Unquoted(ref j, terminator, c == '`' ? '`' : ')', depth + 1)) return;
                }
                else
                {
                    if (c == '\n') Put(j, DataLineBreak);
                    else Mask(j);
                    if (j == _probe) Probe(opening, terminator, hereDocument: true);
                    j++;
                }
            }
        }

        // `echo Then run: ssh HOST '…'` runs nothing: the quote is echo's text, unless echo's output is piped on (to a shell).
        private bool Carries(int commandStart, int quote) =>
            _mayNest && NestedShells.CarriesArgument(_text, commandStart, quote) && !ShellCommandBounds.OnlyNamesItsArguments(_text, commandStart, AfterQuote(quote));

        /// <summary>Just after the quote that closes the one at <paramref name="quote"/> (the end when none does): where a pipe would follow it.</summary>
        private int AfterQuote(int quote)
        {
            var close = _text.IndexOf(_text[quote], quote + 1);
            return close < 0 ? _text.Length : close + 1;
        }

        private enum SingleQuoted { Plain, AnsiC }

        /// <summary>
        /// Reads <c>'…'</c> or <c>$'…'</c> from its opening quote at <paramref name="i"/>; false (nothing changed) when it is
        /// never closed. A <paramref name="nested"/> one is a command line: read as such, its quotes marked.
        /// </summary>
        private bool Closed(ref int i, int end, SingleQuoted kind, int depth, bool nested)
        {
            for (var j = i + 1; j < end; j++)
            {
                var c = _text[j];
                if (c == '\'')
                {
                    if (nested && depth < MaxDepth) Nested(i, j, depth, escapedQuotes: false);
                    else
                    {
                        for (var k = i + 1; k < j; k++) Mask(k);
                        Probe(i, j, hereDocument: false);
                    }
                    i = j + 1;
                    return true;
                }

                if (c == '\\' && kind == SingleQuoted.AnsiC) j++; // $'it\'s': the escaped quote does not close it
            }

            _budget -= end - i;
            return false;
        }

        /// <summary>Reads <c>"…"</c> from its opening quote at <paramref name="i"/>; false (nothing changed) when it is never closed.</summary>
        private bool Closed(ref int i, int end, int depth, bool nested)
        {
            if (nested && depth < MaxDepth && ClosingDoubleQuote(i, end) is var close and >= 0)
            {
                // sh -c "cd /srv; curl -s \"$URL\"": the outer shell only removes the backslashes; the nested one splits.
                Nested(i, close, depth, escapedQuotes: true);
                i = close + 1;
                return true;
            }

            var start = i;
            var j = i + 1;
            // The probed index is a character of the quoted text itself, not of a command substitution inside it.
            var probed = false;
            while (j < end)
            {
                if (--_budget < 0) return false;
                var c = _text[j];
                if (c == '"')
                {
                    if (probed) Probe(start, j, hereDocument: false);
                    i = j + 1;
                    return true;
                }

                if (c == '\\')
                {
                    Mask(j + 1);
                    probed |= j == _probe || j + 1 == _probe;
                    j += 2;
                }
                else if (depth < MaxDepth && (c == '`' || c == '$' && j + 1 < end && _text[j + 1] == '('))
                {
                    // "$(…)" and "`…`" run a command: its operators are operators.
                    j += c == '`' ? 1 : 2;
                    if (!Unquoted(ref j, end, c == '`' ? '`' : ')', depth + 1)) break;
                }
                else
                {
                    Mask(j);
                    probed |= j == _probe;
                    j++;
                }
            }

            Restore(start, j);
            return false;
        }

        /// <summary>The double quote that closes the one at <paramref name="open"/> (not an escaped one); -1 when none does.</summary>
        private int ClosingDoubleQuote(int open, int end)
        {
            for (var j = open + 1; j < end; j++)
            {
                if (_text[j] == '\\') j++;
                else if (_text[j] == '"') return j;
            }

            return -1;
        }

        /// <summary>
        /// Reads the command line between the quotes (or new lines) at <paramref name="open"/> and <paramref name="close"/>;
        /// a script whose delimiter never comes is not <paramref name="closed"/>: it runs to the end.
        /// </summary>
        private void Nested(int open, int close, int depth, bool escapedQuotes, bool closed = true)
        {
            Put(open, NestedStart);
            var k = open + 1;
            Unquoted(ref k, close, closer: '\0', depth + 1, escapedQuotes);
            if (closed) Put(close, NestedEnd);
        }

        /// <summary>Reads <c>\"…\"</c>, a quoted word of a command line that was itself double-quoted; false when never closed.</summary>
        private bool EscapedQuoted(ref int i, int end)
        {
            for (var j = i + 2; j + 1 < end; j++)
            {
                if (_text[j] != '\\') continue;
                if (_text[j + 1] == '"')
                {
                    for (var k = i + 2; k < j; k++) Mask(k);
                    Probe(i + 1, j, hereDocument: false);
                    i = j + 2;
                    return true;
                }

                j++;
            }

            return false;
        }

        private void Mask(int k)
        {
            if (k >= _text.Length || !IsOperator(_text[k])) return;
            Put(k, _text[k] == '\n' ? ' ' : Quoted);
        }

        private void Put(int k, char reading)
        {
            _masked ??= _text.ToCharArray();
            _masked[k] = reading;
        }

        /// <summary>Undoes the masks of a quote that turned out never to close.</summary>
        private void Restore(int from, int to)
        {
            if (_masked is null) return;
            for (var k = from; k < to && k < _text.Length; k++) _masked[k] = _text[k];
        }
    }
}

/// <summary>
/// Text inside a command that no shell runs (<see cref="ShellOperators.TextAt"/>): a quoted word from its opening quote
/// to its closing one, or a here-document's data from the new line before it to its delimiter's line.
/// </summary>
/// <param name="Open">The opening quote, or the new line the body starts after.</param>
/// <param name="Close">The closing quote, or where the delimiter's line starts.</param>
/// <param name="HereDocument">A here-document's body, not a quoted word.</param>
internal readonly record struct QuotedText(int Open, int Close, bool HereDocument);
