namespace RunbookSdk.Commands;

/// <summary>Where in a POSIX shell word a hole stands.</summary>
public enum ShellQuoteState
{
    /// <summary>Outside any quotes.</summary>
    Bare,
    /// <summary>Inside <c>'single quotes'</c>.</summary>
    SingleQuoted,
    /// <summary>Inside <c>"double quotes"</c>.</summary>
    DoubleQuoted,
}

/// <summary>Quotes values for POSIX shells (bash -c) so they stay one literal word.</summary>
public static class ShellQuoting
{
    /// <summary>Quotes <paramref name="value"/> for the given context.</summary>
    /// <param name="value">Any text, including quotes, <c>$()</c>, backticks, newlines and unicode.</param>
    /// <param name="state">Where the value will stand.</param>
    /// <returns>Text that the shell reads back as exactly <paramref name="value"/>.</returns>
    public static string Quote(string value, ShellQuoteState state) => state switch
    {
        // Inside '...' everything is literal except the closing quote: close, emit an escaped quote, reopen.
        ShellQuoteState.SingleQuoted => value.Replace("'", @"'\''"),
        // Inside "..." only \ " $ ` keep a special meaning (history expansion is off in bash -c).
        ShellQuoteState.DoubleQuoted => EscapeForDoubleQuotes(value),
        _ => QuoteBare(value),
    };

    /// <summary>Quotes a value that stands outside any quotes; plain words stay readable as they are.</summary>
    /// <param name="value">The value.</param>
    public static string QuoteBare(string value) =>
        value.Length > 0 && value.All(IsPlainWordChar) ? value : "'" + value.Replace("'", @"'\''") + "'";

    private static string EscapeForDoubleQuotes(string value)
    {
        var builder = new System.Text.StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (c is '\\' or '"' or '$' or '`') builder.Append('\\');
            builder.Append(c);
        }
        return builder.ToString();
    }

    private static bool IsPlainWordChar(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
            or '-' or '_' or '.' or '/' or ':' or '@' or '%' or '+' or ',' or '=';
}

/// <summary>
/// Follows literal shell text to know the quoting state at its end. Besides quotes it follows <c>#</c> comments
/// (an apostrophe in a comment opens no quote) and <c>$( )</c> command substitutions, which start a fresh bare
/// context even inside double quotes. Backtick substitutions are not followed: a hole belongs outside them.
/// </summary>
internal sealed class ShellQuoteContext
{
    // One frame per open $( ): the state to return to at its closing parenthesis, and the plain parentheses
    // that were open outside it.
    private readonly Stack<(ShellQuoteState Outer, int Parentheses)> _substitutions = new();
    private int _parentheses;
    private bool _atWordStart = true;

    public ShellQuoteState Current { get; private set; } = ShellQuoteState.Bare;

    /// <summary>Inside a <c>#</c> comment, which a line break in a hole would end.</summary>
    public bool InComment { get; private set; }

    public void Advance(string literal)
    {
        for (var i = 0; i < literal.Length; i++)
        {
            var c = literal[i];
            if (InComment)
            {
                if (c == '\n') (InComment, _atWordStart) = (false, true);
                continue;
            }

            var atWordStart = false;
            switch (Current)
            {
                case ShellQuoteState.Bare when c == '\\':
                    i++; // the next character is escaped
                    break;
                case ShellQuoteState.Bare when c == '\'':
                    Current = ShellQuoteState.SingleQuoted;
                    break;
                case ShellQuoteState.Bare when c == '"':
                    Current = ShellQuoteState.DoubleQuoted;
                    break;
                case ShellQuoteState.Bare when c == '#' && _atWordStart:
                    InComment = true;
                    break;
                case ShellQuoteState.Bare or ShellQuoteState.DoubleQuoted when c == '$' && i + 1 < literal.Length && literal[i + 1] == '(':
                    _substitutions.Push((Current, _parentheses));
                    (Current, _parentheses, atWordStart) = (ShellQuoteState.Bare, 0, true);
                    i++;
                    break;
                case ShellQuoteState.Bare when c == '(':
                    _parentheses++;
                    atWordStart = true;
                    break;
                case ShellQuoteState.Bare when c == ')':
                    if (_parentheses > 0) _parentheses--;
                    else if (_substitutions.TryPop(out var outer)) (Current, _parentheses) = outer;
                    break;
                case ShellQuoteState.Bare:
                    atWordStart = char.IsWhiteSpace(c) || c is ';' or '&' or '|';
                    break;
                case ShellQuoteState.SingleQuoted when c == '\'':
                    Current = ShellQuoteState.Bare;
                    break;
                case ShellQuoteState.DoubleQuoted when c == '\\':
                    i++;
                    break;
                case ShellQuoteState.DoubleQuoted when c == '"':
                    Current = ShellQuoteState.Bare;
                    break;
            }
            _atWordStart = atWordStart;
        }
    }

    /// <summary>A hole's text was written: whatever follows continues its word.</summary>
    public void AfterHole() => _atWordStart = false;
}
