using System.Collections.Generic;
using System.Text;
using RunbookSdk.Analyzers.Text;

// Also compiled into the generator and the analyzers (netstandard2.0), with ShellQuoting.cs.
namespace RunbookSdk.Commands;

/// <summary>
/// The shell at the other end of a command line that the shell running the command hands on: the remote shell of
/// <c>ssh HOST '…'</c> (or <c>ssh HOST word…</c>), the one of <c>sh -c "…"</c>, <c>su -c</c>, <c>watch</c>, <c>eval</c>,
/// and a shell reading a script from a here-document (<c>bash &lt;&lt;EOF</c>, <c>ssh HOST &lt;&lt;EOF</c>).
/// It is fed the text that shell will read — the outer shell's word with its quotes and escapes removed, words joined
/// with spaces — and follows it with a <see cref="ShellQuoteContext"/> of its own, so a hole is quoted first where it
/// stands for the inner shell, then for the outer one.
/// </summary>
/// <remarks>
/// What the outer shell substitutes into the text (<c>$(…)</c>, backticks) is unknown here and is fed as one plain
/// character; a variable (<c>$HOME</c>) is fed as written. Neither comes from a hole: holes are quoted at every level.
/// </remarks>
internal sealed class CarriedShell
{
    private readonly ShellQuoteContext _shell = new();
    // Text fed since the inner context last read: it reads it in one piece when a hole needs its answer.
    private readonly StringBuilder _pending = new();
    private readonly List<string> _holeTexts = new(1);
    private bool _inWord;

    /// <param name="reach">How much of the command the inner shell reads: one word, or every word to the command's end.</param>
    public CarriedShell(CarriedCommandLine reach) => Reach = reach;

    /// <summary>One word (<c>sh -c WORD</c>) or every word to the end of the simple command (<c>ssh HOST WORD…</c>, a script).</summary>
    public CarriedCommandLine Reach { get; }

    /// <summary>The inner shell's own quoting context, brought up to date with everything fed so far.</summary>
    private ShellQuoteContext Shell
    {
        get
        {
            if (_pending.Length > 0)
            {
                _shell.Advance(_pending.ToString());
                _pending.Length = 0;
            }
            return _shell;
        }
    }

    /// <summary>The inner shell (or one it hands the text on to) reads a hole here as a bare word.</summary>
    public bool AtInnermostBareWord => Shell.AtInnermostBareWord;

    /// <summary>A hole here starts a simple command of the inner shell (or of one it hands the text on to).</summary>
    public bool AtInnermostCommandStart => Shell.AtInnermostCommandStart;

    /// <summary>A character the inner shell reads.</summary>
    public void Feed(char c)
    {
        _pending.Append(c);
        _inWord = true;
    }

    /// <summary>A character of the outer text that the inner shell does not read (a quote or an escaping backslash), but which continues the word.</summary>
    public void ContinueWord() => _inWord = true;

    /// <summary>
    /// The outer shell ended a word with a blank. True when that ends what the inner shell reads (<c>sh -c WORD</c>);
    /// otherwise the next word is joined to it with one space, as ssh, watch and eval do.
    /// </summary>
    public bool EndWord()
    {
        if (!_inWord) return false;
        if (Reach == CarriedCommandLine.Word) return true;
        _pending.Append(' ');
        _inWord = false;
        return false;
    }

    /// <summary>Quotes a hole for the inner shell: <paramref name="value"/> decides whether it can stand there, <paramref name="shown"/> is written.</summary>
    /// <exception cref="CommandQuotingException">No quoting keeps the value literal where it stands for the inner shell.</exception>
    public string QuoteHole(string value, string shown)
    {
        var text = Shell.QuoteHole(value, shown);
        _holeTexts.Add(text);
        return text;
    }

    /// <summary>The hole was written (quoted by <see cref="QuoteHole"/>, or left as its placeholder on a page).</summary>
    public void AfterHole()
    {
        Shell.AfterHole(_holeTexts.Count switch
        {
            0 => "_",
            1 => _holeTexts[0],
            _ => string.Join(" ", _holeTexts),
        });
        _holeTexts.Clear();
        _inWord = true;
    }
}
