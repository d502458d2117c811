namespace RunbookSdk.Analyzers.Text;

/// <summary>
/// Reads shell quoting for the command rules, so they split a command where the shell does. Inside <c>'…'</c>,
/// <c>"…"</c> and <c>$'…'</c>, and after a backslash, <c>;</c>, <c>|</c>, <c>&amp;</c>, <c>(</c>, <c>)</c> and new lines
/// are text: <c>echo "done; now tail -f the log"</c> is one command, <c>grep -E 'ok|healthy'</c> ends no pipeline.
/// </summary>
/// <remarks>
/// <see cref="Read"/> returns the text with those quoted characters replaced, at the same length, so every index
/// into it is an index into the command and the rules' patterns (which know only unquoted operators) read it as the
/// shell does. A command substitution inside double quotes (<c>"$(kubectl get pods | wc -l)"</c>, backticks) is a
/// command of its own and keeps its operators. A quote that is never closed is read as a plain character, as the
/// rules read it before: half-typed text and apostrophes in prose do not swallow the rest of the command.
/// Here-document bodies are not read (a quote in one is read as a quote).
/// The runner's <c>ShellQuoteContext</c> (linked into this assembly to check constant holes) follows quoting to quote
/// a hole at a literal's end; it keeps stacks per command and answers only there, while the rules need every
/// character's answer, per keystroke, and nothing allocated for the many commands without a quote.
/// </remarks>
internal static class ShellOperators
{
    /// <summary>Stands for a quoted operator: neither a separator, a blank nor a word character, so <c>\b</c> still holds.</summary>
    public const char Quoted = '\u001F';

    private static readonly char[] s_quoting = ['\'', '"', '\\'];

    /// <summary>
    /// The text with every quoted or escaped operator character replaced (a quoted new line by a space, the rest by
    /// <see cref="Quoted"/>). The text itself, not a copy, when nothing in it is quoted: the rules run per keystroke.
    /// </summary>
    public static string Read(string text)
    {
        if (text.IndexOfAny(s_quoting) < 0) return text;
        var reader = new Reader(text);
        var i = 0;
        reader.Unquoted(ref i, closer: '\0', depth: 0);
        return reader.Result;
    }

    private static bool IsOperator(char c) => c is ';' or '|' or '&' or '(' or ')' or '\n';

    /// <summary>One reading of one command; allocated only for text that has a quote or a backslash.</summary>
    private sealed class Reader
    {
        // Deeper command substitutions inside double quotes are read as quoted text: enough for any real command,
        // and a hostile text cannot exhaust the stack.
        private const int MaxDepth = 8;
        private readonly string _text;
        private char[]? _masked;
        // Every unclosed quote rereads what follows it; the budget keeps hostile text linear, then gives up on quoting.
        private int _budget;

        public Reader(string text)
        {
            _text = text;
            _budget = 8 * text.Length + 64;
        }

        public string Result => _budget < 0 || _masked is null ? _text : new string(_masked);

        /// <summary>Reads unquoted text up to <paramref name="closer"/> (<c>)</c> or a backtick; none at the top). True when it was found.</summary>
        public bool Unquoted(ref int i, char closer, int depth)
        {
            var parentheses = 0;
            while (i < _text.Length)
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
                    case '\\':
                        Mask(i + 1);
                        i += 2;
                        continue;
                    case '\'':
                        if (!Closed(ref i, i > 0 && _text[i - 1] == '$' ? SingleQuoted.AnsiC : SingleQuoted.Plain)) i++;
                        continue;
                    case '"':
                        if (!Closed(ref i, depth)) i++;
                        continue;
                    case '#' when i == 0 || char.IsWhiteSpace(_text[i - 1]) || IsOperator(_text[i - 1]):
                        // A comment runs to the end of the line; an apostrophe in it opens nothing.
                        while (i < _text.Length && _text[i] != '\n') i++;
                        continue;
                }

                i++;
            }

            return closer == '\0';
        }

        private enum SingleQuoted { Plain, AnsiC }

        /// <summary>Reads <c>'…'</c> or <c>$'…'</c> from its opening quote at <paramref name="i"/>; false (nothing changed) when it is never closed.</summary>
        private bool Closed(ref int i, SingleQuoted kind)
        {
            for (var j = i + 1; j < _text.Length; j++)
            {
                var c = _text[j];
                if (c == '\'')
                {
                    for (var k = i + 1; k < j; k++) Mask(k);
                    i = j + 1;
                    return true;
                }

                if (c == '\\' && kind == SingleQuoted.AnsiC) j++; // $'it\'s': the escaped quote does not close it
            }

            _budget -= _text.Length - i;
            return false;
        }

        /// <summary>Reads <c>"…"</c> from its opening quote at <paramref name="i"/>; false (nothing changed) when it is never closed.</summary>
        private bool Closed(ref int i, int depth)
        {
            var start = i;
            var j = i + 1;
            while (j < _text.Length)
            {
                if (--_budget < 0) return false;
                var c = _text[j];
                if (c == '"')
                {
                    i = j + 1;
                    return true;
                }

                if (c == '\\')
                {
                    Mask(j + 1);
                    j += 2;
                }
                else if (depth < MaxDepth && (c == '`' || c == '$' && j + 1 < _text.Length && _text[j + 1] == '('))
                {
                    // "$(…)" and "`…`" run a command: its operators are operators.
                    j += c == '`' ? 1 : 2;
                    if (!Unquoted(ref j, c == '`' ? '`' : ')', depth + 1)) break;
                }
                else
                {
                    Mask(j);
                    j++;
                }
            }

            Restore(start, j);
            return false;
        }

        private void Mask(int k)
        {
            if (k >= _text.Length || !IsOperator(_text[k])) return;
            _masked ??= _text.ToCharArray();
            _masked[k] = _text[k] == '\n' ? ' ' : Quoted;
        }

        /// <summary>Undoes the masks of a quote that turned out never to close.</summary>
        private void Restore(int from, int to)
        {
            if (_masked is null) return;
            for (var k = from; k < to && k < _text.Length; k++) _masked[k] = _text[k];
        }
    }
}
