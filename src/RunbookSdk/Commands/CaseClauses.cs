using RunbookSdk.Analyzers.Text;

// Also compiled into the generator and the analyzers (netstandard2.0), with ShellQuoting.cs.
namespace RunbookSdk.Commands;

/// <summary>
/// Follows <c>case WORD in PATTERN) LIST;; … esac</c> for <see cref="ShellQuoteContext"/>: the <c>)</c> that ends a
/// pattern closes no subshell and no <c>$( )</c>. Read as a parenthesis, it would end <c>"$(case a in a) echo {X};; esac)"</c>
/// early, and the value, still inside the substitution, would be quoted for the double quotes around it.
/// </summary>
/// <remarks>
/// Only the structure is followed: <c>case … in</c> opens (the patterns come next), <c>;;</c>, <c>;&amp;</c> and
/// <c>;;&amp;</c> end a clause (a pattern comes next), <c>esac</c> where a command starts closes. A pattern's optional
/// leading <c>(</c> is part of it. Patterns with parentheses of their own (extglob <c>@(a|b)</c>) are not followed.
/// </remarks>
internal struct CaseClauses
{
    // case commands whose esac has not come yet.
    private int _open;

    /// <summary>A pattern is being read: the next <c>)</c> ends it.</summary>
    public bool InPattern { get; private set; }

    /// <summary>
    /// A word of the simple command <paramref name="command"/> (as written so far) ended: <c>case … in</c> starts the
    /// patterns, <c>esac</c> alone closes the innermost case.
    /// </summary>
    /// <param name="command">The simple command so far, from its first character.</param>
    public void WordEnded(string command)
    {
        var words = command.Split([' ', '\t', '\n'], System.StringSplitOptions.RemoveEmptyEntries);
        var first = 0;
        // then case …, do case …, { case …: the reserved words that start a command before it.
        while (first < words.Length && System.Array.IndexOf(ShellReservedWords.CommandPrefixes, words[first]) >= 0) first++;
        var count = words.Length - first;
        if (count == 1 && words[first] == "esac" && _open > 0)
        {
            _open--;
            InPattern = false;
        }
        else if (count >= 3 && words[first] == "case" && words[words.Length - 1] == "in" && !InPattern)
        {
            _open++;
            InPattern = true;
        }
    }

    /// <summary><c>;;</c>, <c>;&amp;</c> or <c>;;&amp;</c> ended a clause: a pattern or <c>esac</c> comes next.</summary>
    public void ClauseEnded()
    {
        if (_open > 0) InPattern = true;
    }

    /// <summary>The <c>)</c> that ends a pattern was read: its command list comes next.</summary>
    public void PatternEnded() => InPattern = false;
}
