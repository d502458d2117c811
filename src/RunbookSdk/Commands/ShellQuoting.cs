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

/// <summary>Follows literal shell text to know the quoting state at its end.</summary>
internal sealed class ShellQuoteContext
{
    public ShellQuoteState Current { get; private set; } = ShellQuoteState.Bare;

    public void Advance(string literal)
    {
        for (var i = 0; i < literal.Length; i++)
        {
            var c = literal[i];
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
        }
    }
}
