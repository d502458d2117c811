using System.Text;

namespace RunbookSdk.Validation.Projects;

/// <summary>
/// Evaluates the common forms of an MSBuild <c>Condition</c> without MSBuild: comparisons (<c>==</c>, <c>!=</c>,
/// case-insensitive, as MSBuild compares) of quoted or bare strings with <c>$(Name)</c> references
/// (<c>'$(Configuration)|$(Platform)' == 'Release|AnyCPU'</c>, <c>'$(TargetFramework)' != 'net8.0'</c>), joined with
/// <c>and</c>, <c>or</c>, <c>!</c> and parentheses. Anything else — a function (<c>Exists(...)</c>,
/// <c>$([MSBuild]::...)</c>), an item list, a property the caller cannot name — is "not understood" (null), so the
/// caller keeps its conservative reading rather than guess.
/// </summary>
internal static class MsBuildCondition
{
    /// <summary>The condition's value, or null when it is not a form understood here.</summary>
    /// <param name="condition">The <c>Condition</c> attribute's text.</param>
    /// <param name="property">A property's value at this point of the evaluation, or null when it is not known.</param>
    public static bool? Evaluate(string condition, Func<string, string?> property)
    {
        try
        {
            var parser = new Parser(condition, property);
            var value = parser.Or();
            return parser.AtEnd ? value : null;
        }
        catch (NotUnderstoodException)
        {
            return null;
        }
    }

    private sealed class NotUnderstoodException : Exception;

    private sealed class Parser(string text, Func<string, string?> property)
    {
        private int _position;

        public bool AtEnd
        {
            get
            {
                SkipSpace();
                return _position == text.Length;
            }
        }

        public bool Or()
        {
            var value = And();
            while (Keyword("or")) value = And() | value;
            return value;
        }

        private bool And()
        {
            var value = Unary();
            while (Keyword("and")) value = Unary() & value;
            return value;
        }

        private bool Unary()
        {
            SkipSpace();
            if (Peek('!') && !Peek("!="))
            {
                _position++;
                return !Unary();
            }

            if (Peek('('))
            {
                _position++;
                var inner = Or();
                SkipSpace();
                if (!Peek(')')) throw new NotUnderstoodException();
                _position++;
                return inner;
            }

            var left = Operand();
            SkipSpace();
            if (Peek("==") || Peek("!="))
            {
                var equal = Peek("==");
                _position += 2;
                var right = Operand();
                return string.Equals(left, right, StringComparison.OrdinalIgnoreCase) == equal;
            }

            // A lone operand is a boolean: 'true' or 'false' (after expansion), as MSBuild takes it.
            return left.ToLowerInvariant() switch
            {
                "true" => true,
                "false" => false,
                _ => throw new NotUnderstoodException(),
            };
        }

        private string Operand()
        {
            SkipSpace();
            if (Peek('\''))
            {
                var end = text.IndexOf('\'', _position + 1);
                if (end < 0) throw new NotUnderstoodException();
                var quoted = text[(_position + 1)..end];
                _position = end + 1;
                return Expand(quoted);
            }

            if (Peek("$(") && !Peek("$(["))
            {
                var end = text.IndexOf(')', _position);
                if (end < 0) throw new NotUnderstoodException();
                var reference = text[_position..(end + 1)];
                _position = end + 1;
                return Expand(reference);
            }

            // A bare word (true, Release); a word followed by '(' is a function, not understood.
            var start = _position;
            while (_position < text.Length && (char.IsLetterOrDigit(text[_position]) || text[_position] is '_' or '.' or '-')) _position++;
            if (_position == start || IsKeyword(text[start.._position])) throw new NotUnderstoodException();
            SkipSpace();
            if (Peek('(')) throw new NotUnderstoodException();
            return text[start.._position].Trim();
        }

        private string Expand(string value)
        {
            if (value.Contains("$([", StringComparison.Ordinal) || value.Contains("@(", StringComparison.Ordinal) || value.Contains("%(", StringComparison.Ordinal))
                throw new NotUnderstoodException();
            var result = new StringBuilder();
            for (var i = 0; i < value.Length; i++)
            {
                if (value[i] == '$' && i + 1 < value.Length && value[i + 1] == '(')
                {
                    var end = value.IndexOf(')', i);
                    if (end < 0) throw new NotUnderstoodException();
                    var name = value[(i + 2)..end].Trim();
                    if (name.Length == 0 || !name.All(c => char.IsLetterOrDigit(c) || c is '_' or '-' or '.')) throw new NotUnderstoodException();
                    result.Append(property(name) ?? throw new NotUnderstoodException());
                    i = end;
                }
                else
                {
                    result.Append(value[i]);
                }
            }

            return result.ToString();
        }

        private bool Keyword(string keyword)
        {
            SkipSpace();
            if (_position + keyword.Length > text.Length || !text.AsSpan(_position, keyword.Length).Equals(keyword, StringComparison.OrdinalIgnoreCase)) return false;
            var after = _position + keyword.Length;
            if (after < text.Length && (char.IsLetterOrDigit(text[after]) || text[after] == '_')) return false;
            _position = after;
            return true;
        }

        private static bool IsKeyword(string word) => word.Equals("and", StringComparison.OrdinalIgnoreCase) || word.Equals("or", StringComparison.OrdinalIgnoreCase);

        private bool Peek(char c) => _position < text.Length && text[_position] == c;

        private bool Peek(string s) => string.CompareOrdinal(text, _position, s, 0, s.Length) == 0;

        private void SkipSpace()
        {
            while (_position < text.Length && char.IsWhiteSpace(text[_position])) _position++;
        }
    }
}
