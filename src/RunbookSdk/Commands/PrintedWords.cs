using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using RunbookSdk.Analyzers.Text;

// Also compiled into the generator and the analyzers (netstandard2.0), with ShellQuoting.cs.
namespace RunbookSdk.Commands;

/// <summary>
/// What <c>echo</c> or <c>printf</c> prints from its words, when that output is piped into a shell
/// (<c>echo "rm {X}" | ssh HOST</c>): the text that shell reads. echo joins its words with spaces; printf writes its
/// format with each <c>%s</c> replaced by the next word, reusing the format while words remain. A
/// <see cref="CarriedShell"/> asks what stands before each word and feeds it to the receiving shell's context.
/// </summary>
/// <remarks>
/// Exact for the runner's bash: its echo reads no backslash escapes unless given <c>-e</c> (or <c>shopt -s xpg_echo</c>),
/// and printf's <c>%s</c> writes a word as it is. Where the text is not known exactly — <c>echo -e</c>, a printf format
/// with other conversions or escapes, a hole in the format itself — a value must be a plain word, which every shell
/// reads as written, wherever it stands.
/// </remarks>
internal sealed class PrintedWords
{
    // The reserved words after which a command starts (then echo …), as the rules read them.
    private static readonly string s_reservedWords = "((" + string.Join("|", Array.ConvertAll(ShellReservedWords.CommandPrefixes, Regex.Escape)) + @")\s+)*";
    private static readonly Regex s_echo = GuardedPattern.CreateRegex(@"^\s*" + s_reservedWords + @"echo(?<options>(\s+-[neE]+)*)\s+$");
    private static readonly Regex s_printf = GuardedPattern.CreateRegex(@"^\s*" + s_reservedWords + @"printf(\s+--)?\s+$");
    // The command as this context keeps it may start with the ) that closed a function's () or a group before it.
    private static readonly Regex s_printer = GuardedPattern.CreateRegex(@"^[\s)}]*" + s_reservedWords + @"(echo|printf)(\s|$)");

    private readonly bool _printf;
    private readonly StringBuilder _format = new();
    // The format between its %s conversions, unescaped; null until the format word is read.
    private List<string>? _pieces;
    private int _words;

    private PrintedWords(bool printf, string? inexact)
    {
        _printf = printf;
        InFormat = printf;
        Inexact = inexact;
    }

    /// <summary>
    /// The printed text of <paramref name="command"/> — the simple command so far, up to the word that starts now — when
    /// it is <c>echo</c> or <c>printf</c> and that word is the first it prints: after echo's options (<c>-n</c>,
    /// <c>-e</c>), or printf's format. Null otherwise (an option word is still the command's).
    /// </summary>
    /// <param name="command">The simple command as written so far.</param>
    /// <param name="option">The word starting now starts with <c>-</c>.</param>
    /// <param name="wholeText">The whole command text, where <c>shopt -s xpg_echo</c> would make echo read escapes.</param>
    public static PrintedWords? Of(string command, bool option, string wholeText)
    {
        if (option || (command.IndexOf("echo", System.StringComparison.Ordinal) < 0 && command.IndexOf("printf", System.StringComparison.Ordinal) < 0)) return null;
        try
        {
            if (s_printf.IsMatch(command)) return new PrintedWords(printf: true, inexact: null);
            var echo = s_echo.Match(command);
            if (!echo.Success) return null;
            var escapes = echo.Groups["options"].Value.LastIndexOf('e') > echo.Groups["options"].Value.LastIndexOf('E') ||
                wholeText.IndexOf("xpg_echo", System.StringComparison.Ordinal) >= 0;
            return new PrintedWords(printf: false, escapes
                ? "a value in what echo -e prints into a shell (echo -e … | bash) must be a plain word (letters, digits, - _ . / : @ % + , =): echo reads backslash escapes in it, which no quoting for that shell survives."
                : null);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    /// <summary>True when <paramref name="command"/> is <c>echo</c> or <c>printf</c>, whose words are printed as text.</summary>
    public static bool IsPrinter(string command)
    {
        if (command.IndexOf("echo", System.StringComparison.Ordinal) < 0 && command.IndexOf("printf", System.StringComparison.Ordinal) < 0) return false;
        try
        {
            return s_printer.IsMatch(command);
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }

    /// <summary>printf's words, each printed by a <c>%s</c> of the format; echo's otherwise.</summary>
    public bool IsPrintf => _printf;

    /// <summary>printf's format word is being read: it is not printed as it is.</summary>
    public bool InFormat { get; private set; }

    /// <summary>Why the printed text is not known exactly, so a value must be a plain word; null when it is.</summary>
    public string? Inexact { get; private set; }

    /// <summary>No word has been printed yet: a hole starting the first word of echo could be read as an option.</summary>
    public bool BeforeFirstWord => _words == 0;

    /// <summary>A character of printf's format, as printf receives it.</summary>
    public void AddToFormat(char c) => _format.Append(c);

    /// <summary>What is printed before the word that starts now: a space between echo's words, printf's format up to the next <c>%s</c>.</summary>
    public string BeforeWord()
    {
        if (!_printf) return _words == 0 ? "" : " ";
        if (_pieces is null || _pieces.Count < 2) return "";
        var conversions = _pieces.Count - 1;
        var next = _words % conversions;
        // The format starts over: the rest of it after the last %s, then its start.
        return next == 0 ? (_words == 0 ? _pieces[0] : _pieces[conversions] + _pieces[0]) : _pieces[next];
    }

    /// <summary>A word ended: the format word is read, or one more word was printed.</summary>
    public void AfterWord()
    {
        if (!InFormat)
        {
            _words++;
            return;
        }
        InFormat = false;
        _pieces = Pieces(_format.ToString());
        if (_pieces is null)
            Inexact = "a value in what printf prints into a shell (printf … | bash) must be a plain word (letters, digits, - _ . / : @ % + , =) when its format holds conversions or escapes other than %s, %%, \\n, \\t, \\\\ and quotes: what reaches the shell is not known exactly.";
        else if (_pieces.Count < 2)
            Inexact = "a value after a printf format with no %s, piped into a shell, must be a plain word (letters, digits, - _ . / : @ % + , =): printf does not print it as it is.";
    }

    /// <summary>A hole in printf's format: printf reads % and \ in it, so only a plain word without % can stand there.</summary>
    /// <exception cref="CommandQuotingException">The value is not a plain word, or holds a %.</exception>
    public static void CheckFormatHole(string value)
    {
        foreach (var c in value)
        {
            if (c == '%' || !ShellQuoting.IsPlainWordChar(c))
                throw new CommandQuotingException("a value in printf's format, piped into a shell (printf … | bash), must be a plain word without % (letters, digits, - _ . / : @ + , =): printf reads % and backslash escapes in its format. Pass the value as an argument: printf '%s\\n' ….");
        }
    }

    /// <summary>The format split at its <c>%s</c> conversions, escapes read as printf reads them; null when it holds any other.</summary>
    private static List<string>? Pieces(string format)
    {
        var pieces = new List<string>();
        var piece = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c is not ('%' or '\\'))
            {
                piece.Append(c);
                continue;
            }
            if (++i >= format.Length) return null;
            switch (c, format[i])
            {
                case ('%', 's'):
                    pieces.Add(piece.ToString());
                    piece.Length = 0;
                    break;
                case ('%', '%'): piece.Append('%'); break;
                case ('\\', 'n'): piece.Append('\n'); break;
                case ('\\', 't'): piece.Append('\t'); break;
                case ('\\', '\\'): piece.Append('\\'); break;
                case ('\\', '"'): piece.Append('"'); break;
                case ('\\', '\''): piece.Append('\''); break;
                default: return null;
            }
        }
        pieces.Add(piece.ToString());
        return pieces;
    }
}
