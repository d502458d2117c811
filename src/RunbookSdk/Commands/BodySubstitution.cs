using System.Text;

// Also compiled into the generator and the analyzers (netstandard2.0), with ShellQuoting.cs.
namespace RunbookSdk.Commands;

/// <summary>
/// Follows the command substitutions (<c>$( )</c>, <c>$(( ))</c>, backticks) of a here-document body whose delimiter is
/// not quoted: the shell expands them while it reads the body, so their text is a command of that shell, not body text.
/// </summary>
/// <remarks>
/// A <c>$( )</c> is read as this shell reads a command (a <see cref="ShellQuoteContext"/> of its own): quotes, escapes,
/// comments and case patterns decide which <c>)</c> closes it, as bash's parser does. Counting parentheses alone would
/// close <c>$(echo ")" {X})</c> at the quoted one, and the value, still in the substitution, would be escaped as body
/// text, where it runs. The body is followed lazily, when a hole asks, so the reading sees whole pieces of text (a
/// <c>$(</c>, a <c>&lt;&lt;</c>) as the command's own reading does.
/// </remarks>
internal sealed class BodySubstitution
{
    // Body text read since a hole last asked; a hole stands in it as one plain character.
    private readonly StringBuilder _unread = new();
    // The $( ) or $(( )) being read, from its $; null in body text.
    private ShellQuoteContext? _substitution;
    private bool _backticks;
    private bool _escaped;
    private bool _afterDollar;

    /// <summary>The body text being read stands inside a substitution.</summary>
    public bool Open
    {
        get
        {
            CatchUp();
            return _substitution is not null || _backticks;
        }
    }

    /// <summary>The body text so far ends with a <c>$</c> no backslash escapes: a value after it would continue an expansion.</summary>
    public bool AfterDollar
    {
        get
        {
            CatchUp();
            return _afterDollar;
        }
    }

    /// <summary>The body text so far ends with a backslash outside a substitution: it would escape what a value starts with.</summary>
    public bool AfterBackslash
    {
        get
        {
            CatchUp();
            return _escaped && _substitution is null;
        }
    }

    /// <summary>Reads one character of the body, as written.</summary>
    public void Read(char c) => _unread.Append(c);

    /// <summary>A hole was written: one plain character for the reading (a value in a substitution is a plain word, or refused).</summary>
    public void AfterHole() => _unread.Append('_');

    /// <summary>Follows the text read since the last question.</summary>
    private void CatchUp()
    {
        if (_unread.Length == 0) return;
        var text = _unread.ToString();
        _unread.Length = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (_substitution is { } substitution)
            {
                var closedAt = substitution.ReadUntilClosed(i == 0 ? text : text.Substring(i));
                if (closedAt < 0) return;
                _substitution = null;
                i += closedAt;
                continue;
            }
            if (StartsSubstitution(text, i))
            {
                // Read from the $: the substitution's own reading opens $( or $(( there and says where it closes.
                _substitution = ShellQuoteContext.ForSubstitution();
                _afterDollar = false;
                continue;
            }
            ReadBodyCharacter(text[i]);
            i++;
        }
    }

    /// <summary>An unescaped <c>$(</c> outside backticks starts at <paramref name="index"/>.</summary>
    private bool StartsSubstitution(string text, int index) =>
        !_escaped && !_backticks && text[index] == '$' && index + 1 < text.Length && text[index + 1] == '(';

    /// <summary>Reads a character of body text outside a substitution: an escape, a backtick or a <c>$</c>.</summary>
    private void ReadBodyCharacter(char c)
    {
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
        }
    }
}
