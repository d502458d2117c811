using System.Collections.Generic;
using System.Text;
using RunbookSdk.Analyzers.Text;

// Also compiled into the generator and the analyzers (netstandard2.0), with ShellQuoting.cs.
namespace RunbookSdk.Commands;

/// <summary>
/// The shell at the other end of a command line that the shell running the command hands on: the remote shell of
/// <c>ssh HOST '…'</c> (or <c>ssh HOST word…</c>), the one of <c>sh -c "…"</c>, <c>su -c</c>, <c>watch</c>, <c>eval</c>,
/// a shell reading a script from a here-document (<c>bash &lt;&lt;EOF</c>, <c>ssh HOST &lt;&lt;EOF</c>), and one reading what
/// echo or printf prints into a pipe (<c>echo "rm {X}" | ssh HOST</c>: see <see cref="PrintedWords"/>).
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
    // echo's or printf's words, when the inner shell reads what they print rather than the words themselves.
    private readonly PrintedWords? _printed;

    /// <param name="reach">How much of the command the inner shell reads: one word, or every word to the command's end.</param>
    /// <param name="readAfterPipe">The inner shell is one the command's output is piped into (<c>cat &lt;&lt;&lt; "…" | bash</c>), not the command's own.</param>
    public CarriedShell(CarriedCommandLine reach, bool readAfterPipe = false) => (Reach, ReadAfterPipe) = (reach, readAfterPipe);

    /// <summary>The shell that reads what echo or printf prints from its words, to the end of the command.</summary>
    /// <param name="printed">What the command prints from its words.</param>
    public CarriedShell(PrintedWords printed) : this(CarriedCommandLine.Words, readAfterPipe: true) => _printed = printed;

    /// <summary>The inner shell reads what echo or printf prints into a pipe.</summary>
    public bool ReadsPrintedText => _printed is not null;

    /// <summary>The inner shell is the one at the end of a pipe the command's output goes into: what it prints is that shell's output.</summary>
    public bool ReadAfterPipe { get; }

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
        if (_printed is { InFormat: true }) _printed.AddToFormat(c);
        else
        {
            StartWord();
            _pending.Append(c);
        }
        _inWord = true;
    }

    /// <summary>A character of the outer text that the inner shell does not read (a quote or an escaping backslash), but which continues the word.</summary>
    public void ContinueWord()
    {
        StartWord();
        _inWord = true;
    }

    /// <summary>A word starts: what echo or printf prints before it (a space, a piece of the format) is read first.</summary>
    private void StartWord()
    {
        if (!_inWord && _printed is { InFormat: false }) _pending.Append(_printed.BeforeWord());
    }

    /// <summary>
    /// The outer shell ended a word with a blank. True when that ends what the inner shell reads (<c>sh -c WORD</c>);
    /// otherwise the next word is joined to it with one space, as ssh, watch and eval do.
    /// </summary>
    public bool EndWord()
    {
        if (!_inWord) return false;
        if (Reach == CarriedCommandLine.Word) return true;
        if (_printed is null) _pending.Append(' ');
        else _printed.AfterWord();
        _inWord = false;
        return false;
    }

    /// <summary>
    /// The outer shell decodes text it hands on (a backslash escape in <c>$'…'</c>): what the inner shell reads is not what
    /// was fed, so a value after it cannot be quoted exactly for that shell (<c>ssh HOST $'\x27' {X}</c> opens a quote there).
    /// </summary>
    public void FeedEncodedText() => _fedEncodedText = true;

    private bool _fedEncodedText;

    /// <summary>Quotes a hole for the inner shell: <paramref name="value"/> decides whether it can stand there, <paramref name="shown"/> is written.</summary>
    /// <exception cref="CommandQuotingException">No quoting keeps the value literal where it stands for the inner shell.</exception>
    public string QuoteHole(string value, string shown)
    {
        if (_fedEncodedText && !ShellQuoting.IsPlainWord(value))
            throw new CommandQuotingException("a value in a command line handed to another shell after a backslash escape in $'…' (ssh HOST $'\\x27' {X}) must be a plain word (letters, digits, - _ . / : @ % + , =): that shell reads the escape decoded, which this reading does not follow. Write the text the escape stands for into the command line.");
        if (_printed is { InFormat: true })
        {
            PrintedWords.CheckFormatHole(value);
            return shown;
        }
        if (_printed?.Inexact is { } inexact && !ShellQuoting.IsPlainWord(value)) throw new CommandQuotingException(inexact);
        // A sequence's values are printf's words, each printed by a %s of its own: not followed one by one here.
        if (_printed is { IsPrintf: true } && _holeTexts.Count > 0 && !ShellQuoting.IsPlainWord(value))
            throw new CommandQuotingException("a sequence's values printed by printf into a shell (printf … | bash) must be plain words (letters, digits, - _ . / : @ % + , =): join them into one value, or print them with echo.");
        var startsWord = !_inWord;
        StartWord();
        _inWord = true;
        var text = Shell.QuoteHole(value, shown);
        // echo would read a first word such as -e as its option: quoted, the inner shell still reads the value.
        if (startsWord && _printed is { IsPrintf: false, BeforeFirstWord: true } && text.Length > 0 && text[0] == '-' && _holeTexts.Count == 0) text = "'" + text + "'";
        _holeTexts.Add(text);
        return text;
    }

    /// <summary>The hole was written (quoted by <see cref="QuoteHole"/>, or left as its placeholder on a page).</summary>
    public void AfterHole()
    {
        if (_printed is { InFormat: true })
        {
            _printed.AddToFormat('_'); // a plain word without %: printed as it is
            _holeTexts.Clear();
            _inWord = true;
            return;
        }
        StartWord();
        Shell.AfterHole(_holeTexts.Count switch
        {
            0 => "_",
            1 => _holeTexts[0],
            _ => string.Join(" ", _holeTexts),
        });
        _holeTexts.Clear();
        _inWord = true;
    }

    /// <summary>A value reached what this shell prints unquoted (<see cref="ShellQuoteContext.PrintsUnquotedValue"/>); asked after <see cref="End"/>.</summary>
    public bool PrintsUnquotedValue => _shell.PrintsUnquotedValue;

    /// <summary>
    /// The outer shell's command ended, and with it what this shell reads: why a value in it could not be quoted for a
    /// shell it pipes text into (<see cref="ShellQuoteContext.End"/>), or null.
    /// </summary>
    public string? End()
    {
        try
        {
            return Shell.End();
        }
        catch (CommandQuotingException refused)
        {
            // The rest of the text, read only now (a value that made a later line a here-document's delimiter): the
            // outer context reports it when the command ends, so the generator and analyzers reading it never throw.
            return refused.Message;
        }
    }
}
