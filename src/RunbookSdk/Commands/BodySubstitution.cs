// Also compiled into the generator and the analyzers (netstandard2.0), with ShellQuoting.cs.
namespace RunbookSdk.Commands;

/// <summary>
/// Follows the command substitutions (<c>$( )</c>, <c>$(( ))</c>, backticks) of a here-document body whose delimiter is
/// not quoted: the shell expands them while it reads the body, so their text is a command of that shell, not body text.
/// </summary>
/// <remarks>
/// Parentheses are counted without following quotes inside a substitution: <c>$(echo ")")</c> closes it early. That
/// text is rare in a body, and a value after it would be quoted as body text, as it was before this was followed.
/// </remarks>
internal struct BodySubstitution
{
    private int _depth;
    private bool _backticks;
    private bool _escaped;
    private bool _afterDollar;

    /// <summary>The body text being read stands inside a substitution.</summary>
    public readonly bool Open => _depth > 0 || _backticks;

    /// <summary>The last character read is a <c>$</c> no backslash escapes: a value after it would continue an expansion.</summary>
    public readonly bool AfterDollar => _afterDollar;

    /// <summary>Reads one character of the body, as written.</summary>
    public void Read(char c)
    {
        var afterDollar = _afterDollar;
        _afterDollar = false;
        if (_escaped)
        {
            _escaped = false; // \$( and \` are body text
            return;
        }
        switch (c)
        {
            case '\\':
                _escaped = true;
                break;
            case '`':
                _backticks = !_backticks;
                break;
            case '$':
                _afterDollar = true;
                break;
            case '(' when afterDollar || _depth > 0:
                _depth++;
                break;
            case ')' when _depth > 0:
                _depth--;
                break;
        }
    }
}
