using System;
using System.Collections.Generic;
using System.Linq;
using RunbookSdk.Analyzers.Text;

// Also compiled into the generator (netstandard2.0), which quotes constant holes on the page as the runner does.
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

    /// <summary>Letters, digits and <c>- _ . / : @ % + , =</c> only: every shell reads such a word as written, wherever it stands.</summary>
    internal static bool IsPlainWord(string value) => value.All(IsPlainWordChar);

    internal static bool IsPlainWordChar(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
            or '-' or '_' or '.' or '/' or ':' or '@' or '%' or '+' or ',' or '=';
}

/// <summary>
/// Follows literal shell text to know how a hole at its end must be quoted. Besides quotes it follows <c>#</c>
/// comments (an apostrophe in a comment opens no quote), <c>$( )</c> command substitutions, which start a fresh bare
/// context even inside double quotes, and the places where no quoting keeps a value literal: inside backticks (the
/// text is read again as a command after backslashes are removed), in arithmetic (<c>(( ))</c>, <c>$(( ))</c>,
/// <c>[[ ]]</c>, <c>let</c>, <c>declare -i</c> and array subscripts, where <c>a[$(cmd)]</c> runs even when quoted), and in here-document bodies (quotes are literal there
/// and a line equal to the delimiter ends the body).
/// </summary>
/// <remarks>
/// A command line that this shell hands to another one (<see cref="NestedShells"/>: <c>ssh HOST '…'</c>,
/// <c>ssh HOST word…</c>, <c>sh -c "…"</c>, <c>su -c</c>, <c>watch</c>, <c>eval</c>, a script in <c>bash &lt;&lt;EOF</c>) is
/// followed by a <see cref="CarriedShell"/> with a context of its own, fed what that shell will read; a hole in it is
/// quoted for the inner shell first, then for where it stands in this one. The inner context does the same for a
/// command line it hands on (<c>ssh a 'ssh b "rm {X}"'</c>).
/// </remarks>
internal sealed class ShellQuoteContext
{
    // Test is [[ ]]; Subscript an array's [ ] in an assignment or ${name[ ]}; Let the rest of a let command;
    // IntegerAssignment the value of an assignment to a variable declared -i earlier in the text (n=..., n+=...).
    // ProcessSubstitution a <( ) or >( ) among the words of a carried command line: this shell's own command.
    private enum FrameKind { Substitution, Arithmetic, Test, Subscript, Let, IntegerAssignment, ProcessSubstitution }

    // One frame per open $( ), $(( )), (( )) or [[ ]]: the state to return to when it closes, and the plain
    // parentheses that were open outside it.
    // A frame also keeps the simple command and the carried command line of the text it interrupts: $( ) starts
    // commands of its own, and what it prints is part of the word around it.
    // A redirection it interrupts is kept too: in ssh HOST cmd > $(…) the substitution's commands are no redirection.
    private readonly Stack<Frame> _frames = new();

    private readonly record struct Frame(FrameKind Kind, ShellQuoteState Outer, int Parentheses, string Command, CarriedShell? Carried, Pipeline Pipeline, CaseClauses Cases, Redirection Redirection);

    /// <summary>Runs commands of its own, unlike arithmetic, tests and subscripts.</summary>
    private static bool RunsCommands(FrameKind kind) => kind is FrameKind.Substitution or FrameKind.ProcessSubstitution;
    private readonly Queue<HereDocumentBody> _pendingHereDocuments = new();
    private HereDocumentBody? _hereDocument;
    // An unquoted delimiter's body: a backslash before $, ` or \ escapes it for the shell that reads a script from it.
    private bool _hereDocumentEscape;
    // An unquoted delimiter's body is expanded: $( ), $(( )) and backticks in it run as commands of this shell, where a
    // value stands outside any quotes the body's escaping gives. Followed here for every such body, script or not.
    private BodySubstitution? _bodySubstitution;
    // The simple command so far, as written (a hole as its plain value, or _): where NestedShells looks for a carrier.
    private readonly System.Text.StringBuilder _command = new();
    // The command line this shell hands to another one, while the text being read is part of it.
    private CarriedShell? _carried;
    // A redirection in a carried command line (> file, 2>&1): its operator and target are this shell's, not handed on.
    private Redirection _redirection;
    // Where the current word starts in _command: what scp reads as a remote path (host:…) is known from it.
    private int _wordStart;
    // The word a hole stands for in _command, once QuoteHole has seen its value.
    private string? _holeWord;
    private bool _holeQuoted;

    private enum Redirection { None, Operator, Target }

    // The whole command text, a hole as one _: what comes after a word (the pipe that hands echo's output to a shell)
    // is known only from it. Null in a carried shell's own context, which is fed its text as it is read.
    private readonly string? _wholeText;
    // How much of the whole text has been read, and where the character or hole being read stands in it.
    private int _consumed;
    private int _position;
    // The pipeline being read: whether a pipe came before the command, and what a shell at its end would read.
    private Pipeline _pipeline;
    // Open compound commands (if, while, for, case, { … }) and subshells: a pipe after them takes all their output.
    private int _compound;
    // A function definition being read: its header (name() or function name), then its body, a compound command.
    private FunctionDefinition _function;
    // A function body printed a value unquoted: wherever the function is called later, so is the value.
    private bool _functionPrintsValue;

    private enum FunctionDefinition { None, Header, Body }
    // The case commands open in the text being read: a pattern's ) closes no parenthesis and no substitution.
    private CaseClauses _cases;
    // Reads one $( ) of a here-document body from its $ (ForSubstitution), and stops where it closes.
    private bool _readsOneSubstitution;
    private int _closedAt = -1;
    // Why a value could not be quoted for a shell that text holding it is piped into, once that pipe was seen.
    private string? _refusal;
    // A value reached what this shell prints without being quoted for a shell that may read it there.
    private bool _printsUnquotedValue;

    /// <summary>
    /// A value reached what this shell prints without being quoted for a shell that may read that (<c>echo {X}</c>): the
    /// shell around it refuses the command if it pipes this one's output into a shell (<c>ssh HOST 'echo {X}' | bash</c>).
    /// </summary>
    public bool PrintsUnquotedValue => _printsUnquotedValue;

    /// <summary>The pipeline the text being read belongs to.</summary>
    private struct Pipeline
    {
        /// <summary>The command being read comes after a <c>|</c>.</summary>
        public bool AfterPipe;
        /// <summary>The operator that ended the last command: <c>|</c>, <c>;</c>, <c>&amp;</c>, a new line, <c>)</c>.</summary>
        public char LastSeparator;
        /// <summary>Here-documents of commands before the pipe, not yet read: a shell at the pipe's end reads them as a script.</summary>
        public int HereDocuments;
        /// <summary>
        /// A value that is not a plain word was printed by echo or printf without being quoted for a shell at a pipe's end
        /// (that pipe was not known yet): a shell reading this pipeline would read it unquoted.
        /// </summary>
        public bool UnquotedPrintedHole;
        /// <summary>The script a shell at the pipe's end reads (<c>echo "…" | bash</c>) prints a value unquoted: so does that shell.</summary>
        public bool ReaderPrintsValue;
        /// <summary>Standard error is piped too (<c>|&amp;</c>, <c>2&gt;&amp;1</c>), where an error message may repeat any value as it is.</summary>
        public bool StandardErrorPiped;
        /// <summary>A value that is not a plain word stands in the pipeline, not quoted for a shell at its end.</summary>
        public bool UnquotedHole;
    }

    /// <summary>A context for text read piece by piece, with nothing known of what follows (a carried shell's).</summary>
    public ShellQuoteContext() { }

    /// <summary>
    /// A context that reads one command substitution of an expanded here-document body, from its <c>$</c>, as this shell
    /// reads a command, until <see cref="ReadUntilClosed"/> finds the <c>)</c> that closes it.
    /// </summary>
    internal static ShellQuoteContext ForSubstitution() => new() { _readsOneSubstitution = true };

    /// <summary>
    /// Reads more of the substitution of <see cref="ForSubstitution"/>: the length of <paramref name="text"/> up to and
    /// including the <c>)</c> that closes it (what follows is not read), or -1 when it is still open after all of it.
    /// </summary>
    /// <param name="text">The substitution's text, starting with its <c>$</c> the first time.</param>
    internal int ReadUntilClosed(string text)
    {
        _closedAt = -1;
        Advance(text);
        return _closedAt;
    }

    /// <summary>A context for a whole command, <paramref name="wholeText"/>: its literal text with every hole as one <c>_</c>.</summary>
    /// <param name="wholeText">The command's literal text, each hole passed to <see cref="AfterHole"/> standing as one <c>_</c>.</param>
    public ShellQuoteContext(string wholeText) => _wholeText = wholeText;

    /// <summary>
    /// The whole command text for <see cref="ShellQuoteContext(string)"/>: the literals, each hole as one <c>_</c>.
    /// </summary>
    /// <param name="pieces">The literal texts, and null for each hole.</param>
    public static string WholeText(IEnumerable<string?> pieces)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var piece in pieces) builder.Append(piece ?? "_");
        return builder.ToString();
    }

    /// <summary>A here-document whose body is being read: <see cref="Script"/> when a shell reads it as commands.</summary>
    /// <param name="Delimiter">The line that ends the body.</param>
    /// <param name="Literal">The delimiter was quoted: nothing in the body is expanded.</param>
    /// <param name="StripTabs"><c>&lt;&lt;-</c>: leading tabs are removed from each line.</param>
    /// <param name="Script">A shell reads the body as commands.</param>
    /// <param name="OutputPiped">What the script's shell prints is piped into another shell (<c>bash &lt;&lt;EOF | bash</c>).</param>
    private readonly record struct HereDocumentBody(string Delimiter, bool Literal, bool StripTabs, bool Script, bool OutputPiped = false);
    private readonly System.Text.StringBuilder _line = new();
    private bool _lineHasHole;
    private int _parentheses;
    private bool _atWordStart = true;
    private bool _inBackticks;
    // The single quotes are $'…' ones (Current is SingleQuoted).
    private bool _ansiCQuoted;
    // Open process substitutions whose output a shell reads as its script (bash < <(…), source <(…)): the frames
    // open outside each, and the parentheses level its ) closes. A value inside one cannot be quoted for that shell.
    private Stack<(int Frames, int Parentheses)>? _scriptSubstitutions;
    // Variables declared -i (declare, local, typeset) earlier in the text: a later assignment to one is arithmetic.
    // Scopes are not followed (a function's local -i n makes n= outside it arithmetic too), which only refuses more.
    private HashSet<string>? _integerNames;

    public ShellQuoteState Current { get; private set; } = ShellQuoteState.Bare;

    /// <summary>Inside a <c>#</c> comment, which a line break in a hole would end.</summary>
    public bool InComment { get; private set; }

    /// <summary>
    /// A hole here becomes one quoted word outside any quotes: not in a comment, a here-document body, backticks or
    /// arithmetic, where other rules apply.
    /// </summary>
    public bool AtBareWord => Current == ShellQuoteState.Bare && !InComment && _hereDocument is null && !_inBackticks && !InArithmetic;

    private bool InArithmetic => _frames.Count > 0 && !RunsCommands(_frames.Peek().Kind);

    /// <summary>
    /// <see cref="AtBareWord"/>, asked of the shell that reads a hole here last: the inner shell of a carried command
    /// line (<c>ssh HOST '{X} …'</c>, <c>ssh HOST {X} …</c>), which reads the hole as one word however this one quotes it.
    /// </summary>
    public bool AtInnermostBareWord
    {
        get
        {
            BeginHoleWord();
            return Carried is { } carried ? carried.AtInnermostBareWord : AtBareWord;
        }
    }

    /// <summary>A hole here starts a simple command of the shell that reads it last: nothing stands before it there.</summary>
    public bool AtInnermostCommandStart
    {
        get
        {
            BeginHoleWord();
            return Carried is { } carried ? carried.AtInnermostCommandStart : _command.Length == 0;
        }
    }

    public void Advance(string literal)
    {
        // Where the current word began in this text: -1 when it began before it (or no word has begun).
        var wordStart = _atWordStart ? 0 : -1;
        for (var i = 0; i < literal.Length; i++)
        {
            var c = literal[i];
            _position = _consumed + i;
            if (_hereDocument is { } document)
            {
                AdvanceHereDocument(document, c);
                continue;
            }
            if (InComment)
            {
                if (c == '\n')
                {
                    (InComment, _atWordStart) = (false, true);
                    EndCommand('\n');
                    _command.Length = 0;
                    StartPendingHereDocument(); // cat <<EOF # a comment: the body starts on the next line
                }
                continue;
            }

            if (_atWordStart && Current == ShellQuoteState.Bare && StartsWord(c)) BeginWord(option: c == '-');
            // The shell that reads this character after this one hands it on, if any; null inside a $( ) or backticks
            // of this shell, and in a redirection.
            var carried = Carried;
            var atWordStart = false;
            // A let command's arithmetic ends with the command.
            if (Current == ShellQuoteState.Bare && c is ';' or '&' or '|' or '\n' && _frames.Count > 0 && _frames.Peek().Kind == FrameKind.Let)
                CloseFrame();
            // An assignment's value ends with its word.
            if (Current == ShellQuoteState.Bare && (char.IsWhiteSpace(c) || c is ';' or '&' or '|' or ')') && _frames.Count > 0 && _frames.Peek().Kind == FrameKind.IntegerAssignment)
                CloseFrame();
            // case … in, esac and ;; are known where a word ends.
            if (Current == ShellQuoteState.Bare && !_inBackticks && !InArithmetic && (char.IsWhiteSpace(c) || c is ';' or '&' or '|' or ')' or '<' or '>'))
                FollowCase(literal, i);
            switch (Current)
            {
                case ShellQuoteState.Bare when c == '\\':
                    // The next character is escaped: the inner shell reads it as it is (a line continuation, nothing).
                    if (i + 1 < literal.Length)
                    {
                        _command.Append(c);
                        c = literal[++i];
                        if (c != '\n') carried?.Feed(c);
                    }
                    carried?.ContinueWord();
                    break;
                case ShellQuoteState.Bare when c == '\'':
                    Current = ShellQuoteState.SingleQuoted;
                    // $'…': bash reads backslash escapes in it, and \' does not end it.
                    _ansiCQuoted = EndsWithUnescapedDollar(_command);
                    carried?.ContinueWord();
                    break;
                case ShellQuoteState.Bare when c == '"':
                    Current = ShellQuoteState.DoubleQuoted;
                    carried?.ContinueWord();
                    break;
                case ShellQuoteState.Bare or ShellQuoteState.DoubleQuoted when c == '`':
                    _inBackticks = !_inBackticks;
                    // What the substitution prints is read by the inner shell: one unknown character.
                    if (!_inBackticks) Carried?.Feed('_');
                    break;
                case ShellQuoteState.Bare when c == '#' && _atWordStart:
                    InComment = true;
                    EndCarried(); // a comment ends the command: nothing after it is handed on
                    break;
                case ShellQuoteState.Bare or ShellQuoteState.DoubleQuoted when c == '$' && At(literal, i + 1, "(("):
                    Open(FrameKind.Arithmetic);
                    i += 2;
                    break;
                case ShellQuoteState.Bare or ShellQuoteState.DoubleQuoted when c == '$' && At(literal, i + 1, "("):
                    Open(FrameKind.Substitution);
                    atWordStart = true;
                    i++;
                    break;
                // case WORD in (PATTERN|PATTERN) …: the pattern's parentheses and bars are its own, no subshell or pipe.
                case ShellQuoteState.Bare when _cases.InPattern && (c == '(' && _atWordStart || c == '|'):
                    break;
                case ShellQuoteState.Bare when _cases.InPattern && c == ')':
                    _cases.PatternEnded();
                    atWordStart = true;
                    EndCarried();
                    EndCommand(')'); // case a in a): the case command opened a compound, as its esac closes one
                    _command.Length = 0;
                    break;
                // In a carried command line the words are arguments of this shell's command: arithmetic, tests, let
                // and assignments there are the inner shell's (its own context follows them).
                case ShellQuoteState.Bare when carried is null && _atWordStart && c == '(' && At(literal, i + 1, "("):
                    Open(FrameKind.Arithmetic);
                    i++;
                    break;
                case ShellQuoteState.Bare when carried is null && _atWordStart && c == '[' && At(literal, i + 1, "[") && (i + 2 == literal.Length || char.IsWhiteSpace(literal[i + 2])):
                    Open(FrameKind.Test);
                    i++;
                    atWordStart = true;
                    break;
                case ShellQuoteState.Bare when _atWordStart && c == ']' && At(literal, i + 1, "]") && _frames.Count > 0 && _frames.Peek().Kind == FrameKind.Test:
                    CloseFrame();
                    i++;
                    break;
                case ShellQuoteState.Bare when carried is null && _atWordStart && At(literal, i, "let") && i + 3 < literal.Length && literal[i + 3] is ' ' or '\t':
                    Open(FrameKind.Let);
                    i += 2;
                    break;
                case ShellQuoteState.Bare when carried is null && _atWordStart && DeclaresIntegers(literal, i) is var length and > 0:
                    // declare -i n=..., local -i, typeset -i: the assignments are evaluated as arithmetic, and so is
                    // every later assignment to the names declared.
                    RememberIntegerNames(literal, i + length);
                    Open(FrameKind.Let);
                    i += length - 1;
                    break;
                case ShellQuoteState.Bare when carried is null && _atWordStart && AssignsInteger(literal, i) is var nameLength and > 0:
                    Open(FrameKind.IntegerAssignment);
                    i += nameLength - 1;
                    break;
                case ShellQuoteState.Bare or ShellQuoteState.DoubleQuoted when c == '[' && IsSubscriptStart(literal, i, carried is null ? wordStart : -1):
                    Open(FrameKind.Subscript);
                    break;
                case ShellQuoteState.Bare when c == ']' && _frames.Count > 0 && _frames.Peek().Kind == FrameKind.Subscript:
                    CloseFrame();
                    break;
                // ssh HOST cmd < <(…) more: this shell runs the substitution, and the words after it are still handed on.
                case ShellQuoteState.Bare when c == '(' && _carried is not null && _command.Length > 0 && _command[_command.Length - 1] is '<' or '>' && !InArithmetic:
                    var feedsShell = _command[_command.Length - 1] == '<' && ProcessSubstitutions.FeedsShell(_command.ToString(0, _command.Length - 1));
                    if (feedsShell) (_scriptSubstitutions ??= new Stack<(int, int)>()).Push((_frames.Count, CarriedProcessSubstitution));
                    Open(FrameKind.ProcessSubstitution);
                    atWordStart = true;
                    break;
                // <( … ): a process substitution, which a shell may read as its script (bash < <(…), source <(…)).
                case ShellQuoteState.Bare when c == '(' && _command.Length > 0 && _command[_command.Length - 1] == '<' && !InArithmetic:
                    if (ProcessSubstitutions.FeedsShell(_command.ToString(0, _command.Length - 1)))
                        (_scriptSubstitutions ??= new Stack<(int, int)>()).Push((_frames.Count, _parentheses + 1));
                    _parentheses++;
                    atWordStart = true;
                    EndCarried();
                    _command.Length = 0;
                    break;
                // <<< is a here-string, not a here-document (its last two characters are no <<).
                case ShellQuoteState.Bare when c == '<' && At(literal, i + 1, "<") && !At(literal, i + 2, "<") && !InArithmetic &&
                    !(_command.Length > 0 && _command[_command.Length - 1] == '<'):
                    // The redirection is this shell's; the body is read as a script when it is fed to a shell.
                    var script = NestedShells.ReadsHereDocument(_command.ToString(), 0, _command.Length);
                    var pending = _pendingHereDocuments.Count;
                    i = ReadHereDocumentDelimiter(literal, i + 2, script) - 1;
                    // cat <<EOF | ssh HOST: known to be a script once the pipe's end is read, before the body is.
                    _pipeline.HereDocuments += _pendingHereDocuments.Count - pending;
                    break;
                case ShellQuoteState.Bare when _carried is not null && c is '<' or '>':
                    _redirection = Redirection.Operator;
                    break;
                case ShellQuoteState.Bare when c == '(':
                    _parentheses++;
                    atWordStart = true;
                    EndCarried();
                    _command.Length = 0;
                    break;
                case ShellQuoteState.Bare when c == ')':
                    if (_parentheses > 0)
                    {
                        EndCarried();
                        EndCommand(')');
                        _parentheses--;
                        _command.Length = 0;
                        // name() { …; }: the body comes next, and what it prints may be piped anywhere later in the text.
                        if (i > 0 && literal[i - 1] == '(') _function = FunctionDefinition.Header;
                        if (_scriptSubstitutions is { Count: > 0 } open && open.Peek() is var (frames, level) && frames == _frames.Count && _parentheses < level)
                            open.Pop();
                    }
                    else if (_frames.Count > 0 && CloseFrame() == FrameKind.Arithmetic && At(literal, i + 1, ")")) i++;
                    break;
                case ShellQuoteState.Bare when c == '\n':
                    atWordStart = true;
                    EndCarried();
                    EndCommand('\n');
                    _command.Length = 0;
                    StartPendingHereDocument();
                    break;
                case ShellQuoteState.Bare when _carried is not null && _redirection != Redirection.None:
                    atWordStart = AdvanceRedirection(c);
                    break;
                case ShellQuoteState.Bare when c == '&' && (_command.Length > 0 && _command[_command.Length - 1] == '>' || At(literal, i + 1, ">")):
                    // 2>&1, &>file: a redirection, not the end of the command.
                    if (carried is null && _command.Length > 1 && _command[_command.Length - 2] == '2') _pipeline.StandardErrorPiped = true;
                    carried?.Feed(c);
                    break;
                case ShellQuoteState.Bare:
                    // A word starts after <<< too (bash <<<'…'): a here-string fed to a shell is its script.
                    atWordStart = char.IsWhiteSpace(c) || c is ';' or '&' or '|' ||
                        c == '<' && _command.Length >= 2 && _command[_command.Length - 1] == '<' && _command[_command.Length - 2] == '<';
                    if (c is ';' or '&' or '|')
                    {
                        EndCarried();
                        EndCommand(c);
                        _command.Length = 0;
                    }
                    else if (char.IsWhiteSpace(c))
                    {
                        if (carried is not null && carried.EndWord()) EndCarried();
                    }
                    else carried?.Feed(c);
                    break;
                case ShellQuoteState.SingleQuoted when _ansiCQuoted && c == '\\':
                    if (i + 1 < literal.Length)
                    {
                        _command.Append(c);
                        carried?.Feed(c);
                        c = literal[++i];
                        carried?.Feed(c);
                    }
                    // The other shell reads the escape decoded (\x27 is a quote there), not as it was fed.
                    carried?.FeedEncodedText();
                    break;
                case ShellQuoteState.SingleQuoted when c == '\'':
                    Current = ShellQuoteState.Bare;
                    _ansiCQuoted = false;
                    break;
                case ShellQuoteState.SingleQuoted:
                    carried?.Feed(c);
                    break;
                case ShellQuoteState.DoubleQuoted when c == '\\':
                    // Inside "…" a backslash escapes only $ ` " \ and a new line; before anything else it stays.
                    if (i + 1 < literal.Length)
                    {
                        _command.Append(c);
                        c = literal[++i];
                        if (c is not ('$' or '`' or '"' or '\\' or '\n')) carried?.Feed('\\');
                        if (c != '\n') carried?.Feed(c);
                    }
                    break;
                case ShellQuoteState.DoubleQuoted when c == '"':
                    Current = ShellQuoteState.Bare;
                    break;
                case ShellQuoteState.DoubleQuoted:
                    carried?.Feed(c);
                    break;
            }
            if (_command.Length > 0 || !atWordStart) _command.Append(c);
            // `gcloud compute ssh VM --command='…'`, `ansible web --args=…`: the rest of the word is handed on.
            if (c == '=' && Current == ShellQuoteState.Bare && !atWordStart && _carried is null && !_inBackticks && !InArithmetic) BeginValue();
            _atWordStart = atWordStart;
            if (atWordStart) wordStart = i + 1;
            if (_readsOneSubstitution && _frames.Count == 0)
            {
                _closedAt = i + 1;
                return;
            }
        }
        _consumed += literal.Length;
    }

    /// <summary>
    /// A word of the simple command may have ended at <paramref name="index"/> (a blank or an operator follows it): follows
    /// <c>case … in</c>, <c>esac</c>, and the <c>;;</c>, <c>;&amp;</c>, <c>;;&amp;</c> that end a clause.
    /// </summary>
    private void FollowCase(string literal, int index)
    {
        // Only a command ending in "in" or "esac" can open or close one: no copy of every command at every blank.
        if (EndsWith(_command, "in") || EndsWith(_command, "esac")) _cases.WordEnded(_command.ToString());
        if (literal[index] == ';' && (At(literal, index + 1, ";") || At(literal, index + 1, "&"))) _cases.ClauseEnded();
    }

    private static bool EndsWith(System.Text.StringBuilder text, string end)
    {
        if (text.Length < end.Length) return false;
        for (var i = 0; i < end.Length; i++)
            if (text[text.Length - end.Length + i] != end[i]) return false;
        return true;
    }

    /// <summary>
    /// The command text ended: what is still open ends with it. Returns why a value could not be quoted for a shell that
    /// text holding it is piped into (<c>ssh db-1 'echo "rm {X}" | bash'</c>, where the pipe is seen only after the value),
    /// or null; the runner refuses the command then.
    /// </summary>
    public string? End()
    {
        EndCarried();
        EndCommand('\n');
        return _refusal;
    }

    private const string ErrorsPiped =
        "a value in a command whose standard error is piped into a shell (… |& bash, … 2>&1 | bash) must be a plain word (letters, digits, - _ . / : @ % + , =): an error message may repeat it as it is, and that shell would read it so.";

    private const string PipedTooLate =
        "a value that echo or printf prints, piped into a shell (… | bash, … | ssh HOST), must be a plain word (letters, digits, - _ . / : @ % + , =) where the pipe is known only after the value — inside a command line handed to another shell, a group, a loop, a function or $( ) — since the value was not quoted for that shell. Pipe echo or printf straight into the shell at the top of the command, where the value is quoted for it.";

    /// <summary>
    /// A simple command ended with <paramref name="separator"/>. A shell that reads its input after a pipe
    /// (<see cref="NestedShells.ReadsStandardInput"/>) reads the here-documents of the commands before it as scripts, and
    /// refuses a value echo printed into it unquoted.
    /// </summary>
    private void EndCommand(char separator)
    {
        var blank = true;
        for (var i = 0; i < _command.Length && blank; i++) blank = char.IsWhiteSpace(_command[i]);
        if (blank && _pipeline.LastSeparator == '|')
        {
            if (separator == '&') _pipeline.StandardErrorPiped = true; // |& pipes standard error too
            if (separator is '&' or '\n') return; // a new line after | continues the pipeline
            if (separator == '|')
            {
                // ||: what follows runs when the pipeline fails, reading nothing of it
                _pipeline.AfterPipe = false;
                _pipeline.LastSeparator = ';';
                return;
            }
        }
        if (!blank)
        {
            var command = _command.ToString();
            if (_pipeline.AfterPipe && NestedShells.ReadsStandardInput(command))
            {
                // A function that prints a value may be called anywhere in the pipeline.
                if (_pipeline.UnquotedPrintedHole || _functionPrintsValue) _refusal ??= PipedTooLate;
                if (_pipeline.StandardErrorPiped && _pipeline.UnquotedHole) _refusal ??= ErrorsPiped;
                if (_pipeline.HereDocuments > 0) PipeHereDocumentsIntoShell(_pipeline.HereDocuments);
                // What this shell prints holds a value unquoted: a shell after a later pipe would read it so.
                if (_pipeline.ReaderPrintsValue) (_pipeline.UnquotedPrintedHole, _pipeline.ReaderPrintsValue) = (true, false);
            }
            CountCompound(command);
        }
        _pipeline.LastSeparator = separator;
        if (separator == '|')
        {
            _pipeline.AfterPipe = true;
            return;
        }
        _pipeline.AfterPipe = false;
        (_pipeline.HereDocuments, _pipeline.StandardErrorPiped, _pipeline.UnquotedHole) = (0, false, false);
        // Inside a group, loop or function the output may still reach a pipe after it.
        if (_function == FunctionDefinition.Header && (_parentheses > 0 || _compound > 0)) _function = FunctionDefinition.Body;
        if (_parentheses > 0 || _compound > 0) return;
        if (_function == FunctionDefinition.Body)
        {
            // The function's body ended: a value it printed is printed wherever the function is called.
            _functionPrintsValue |= _pipeline.UnquotedPrintedHole;
            _function = FunctionDefinition.None;
        }
        // At the top level, what was printed went to the output: a pipe after it takes none of it.
        _pipeline.UnquotedPrintedHole = false;
    }

    // What a pipe after them takes all the output of: not the same as the words after which a command starts
    // (ShellReservedWords.CommandPrefixes), where for, select and case are missing and then, do, ! are not compounds.
    private static readonly string[] CompoundOpeners = ["if", "while", "until", "for", "select", "case", "{"];
    private static readonly string[] CompoundClosers = ["fi", "done", "esac", "}"];

    /// <summary>
    /// Follows the compound commands the command's leading reserved words open or close, up to the command's first word
    /// (the word after <c>for</c>, <c>select</c> or <c>case</c> is no command, and ends the leading words too).
    /// </summary>
    private void CountCompound(string command)
    {
        // The command as kept here starts with the ) that closed a function's () or a subshell before it: not a word.
        var words = command.TrimStart(' ', '\t', ')').Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            if (Array.IndexOf(CompoundOpeners, word) >= 0) _compound++;
            else if (Array.IndexOf(CompoundClosers, word) >= 0) _compound--;
            else if (word == "function")
            {
                // function name { …; }: the name is no command, the body's { comes after it.
                _function = FunctionDefinition.Header;
                i++;
                continue;
            }
            if (Array.IndexOf(ShellReservedWords.CommandPrefixes, word) < 0 && Array.IndexOf(CompoundClosers, word) < 0) return;
        }
    }

    /// <summary>
    /// The pipeline's last <paramref name="count"/> here-documents, waiting for their bodies, are piped into a shell: one
    /// no shell read yet is that shell's script (<c>cat &lt;&lt;EOF | bash</c>); what a script's shell prints is read by it
    /// (<c>bash &lt;&lt;EOF | bash</c>).
    /// </summary>
    private void PipeHereDocumentsIntoShell(int count)
    {
        var documents = _pendingHereDocuments.ToArray();
        _pendingHereDocuments.Clear();
        for (var i = 0; i < documents.Length; i++)
        {
            var document = documents[i];
            if (i >= documents.Length - count) document = document.Script ? document with { OutputPiped = true } : document with { Script = true };
            _pendingHereDocuments.Enqueue(document);
        }
    }

    /// <summary>The carried command line the text now being read is part of; null in this shell's own parts of it.</summary>
    private CarriedShell? Carried => _redirection == Redirection.None && !_inBackticks ? _carried : null;

    /// <summary>A character that starts a word (not a blank, an operator or a comment).</summary>
    private bool StartsWord(char c) =>
        !char.IsWhiteSpace(c) && c is not (';' or '&' or '|' or '(' or ')' or '<' or '>' or '#') && !_inBackticks && !InArithmetic;

    /// <summary>
    /// A word starts in this shell's own text: when the command so far hands the text from here on to another shell
    /// (<see cref="NestedShells"/>), that shell's reading begins. The options of ssh, watch and eval
    /// (<paramref name="option"/>: the word starts with <c>-</c>) before the command line are still theirs.
    /// </summary>
    private void BeginWord(bool option)
    {
        _wordStart = _command.Length;
        if (_carried is not null || _command.Length < 2) return;
        var command = _command.ToString();
        if (NestedShells.MayCarry(command))
        {
            var reach = NestedShells.CommandLineAt(command, 0, command.Length);
            if (reach != CarriedCommandLine.None && !(option && reach == CarriedCommandLine.Words))
            {
                _carried = new CarriedShell(reach);
                return;
            }
        }
        // bash <<< "…", ssh HOST <<<'…': the here-string's one word is the script that shell reads.
        var hereString = command.LastIndexOf("<<<", StringComparison.Ordinal);
        // cat <<< "…" | bash: a here-string piped on into a shell is its script too.
        if (hereString > 0 && command.Substring(hereString + 3).Trim().Length == 0)
        {
            if (NestedShells.ReadsHereDocument(command, 0, hereString)) _carried = new CarriedShell(CarriedCommandLine.Word);
            else if (_wholeText is not null && PipedShells.FeedsShell(_wholeText, _position)) _carried = new CarriedShell(CarriedCommandLine.Word, readAfterPipe: true);
            if (_carried is not null) return;
        }
        // echo "rm {X}" | ssh HOST: what echo or printf prints is a script for the shell at the pipe's end, known only
        // from the whole text (a carried shell's context has none: there a value is refused when the pipe is seen).
        if (_wholeText is not null && PrintedWords.Of(command, option, _wholeText) is { } printed && PipedShells.FeedsShell(_wholeText, _position))
            _carried = new CarriedShell(printed);
    }

    /// <summary>
    /// A hole that starts a word can start a carried command line (<c>bash -c {Script}</c>, <c>ssh HOST {Command} …</c>).
    /// It never counts as an option of ssh, watch or eval: quoted for the inner shell, a value that is not a plain word
    /// starts with a quote, which is no option (and eval would refuse <c>-x; …</c> as one rather than run it).
    /// </summary>
    private void BeginHoleWord()
    {
        if (_atWordStart && Current == ShellQuoteState.Bare && _hereDocument is null && !InComment && !_inBackticks && !InArithmetic)
        {
            _position = _consumed;
            BeginWord(option: false);
        }
    }

    /// <summary>
    /// After an option's <c>=</c>: when the option hands its value to another shell (<c>--command=</c>, <c>--args=</c>),
    /// that shell's reading begins with the rest of the word.
    /// </summary>
    private void BeginValue()
    {
        var command = _command.ToString();
        if (!NestedShells.MayCarry(command)) return;
        if (NestedShells.CommandLineAt(command, 0, command.Length) == CarriedCommandLine.Word) _carried = new CarriedShell(CarriedCommandLine.Word);
    }

    /// <summary>The carried command line ended: its shell's refusal, if any, is this one's.</summary>
    private void EndCarried()
    {
        if (_carried is { } carried)
        {
            if (carried.End() is { } refusal) _refusal ??= refusal;
            if (carried.PrintsUnquotedValue)
            {
                // The value is inside that shell's text, already quoted for it: no shell after a pipe can be quoted for.
                _printsUnquotedValue = true;
                if (_hereDocument is { } document)
                {
                    if (document.OutputPiped) _refusal ??= PipedTooLate;
                }
                else if (carried.ReadAfterPipe) _pipeline.ReaderPrintsValue = true;
                else _pipeline.UnquotedPrintedHole = true;
            }
        }
        (_carried, _redirection) = (null, Redirection.None);
    }

    /// <summary>Reads a character of a redirection in a carried command line; true when it ends the redirection's target word.</summary>
    private bool AdvanceRedirection(char c)
    {
        if (c is ';' or '&' or '|' && _redirection == Redirection.Target || c == '\n')
        {
            // The command ends with its redirection (> out; next): so does the carried command line.
            EndCarried();
            EndCommand(c);
            _command.Length = 0;
            return true;
        }
        if (char.IsWhiteSpace(c))
        {
            if (_redirection == Redirection.Target) _redirection = Redirection.None;
            return true;
        }
        if (c is not ('&' or '|' or '<' or '>')) _redirection = Redirection.Target;
        return false;
    }

    private static readonly string[] IntegerDeclarations = ["declare ", "local ", "typeset "];

    /// <summary>
    /// The length of <c>declare</c>, <c>local</c> or <c>typeset</c> with an option that includes <c>i</c> (<c>-i</c>,
    /// <c>-ri</c>) starting at <paramref name="start"/>; 0 when there is none.
    /// </summary>
    private static int DeclaresIntegers(string text, int start)
    {
        foreach (var builtin in IntegerDeclarations)
        {
            if (!At(text, start, builtin)) continue;
            var i = start + builtin.Length;
            while (i < text.Length && text[i] is ' ' or '\t') i++;
            var option = i;
            while (option < text.Length && text[option] == '-' && option + 1 < text.Length && char.IsLetter(text[option + 1]))
            {
                var end = option + 1;
                while (end < text.Length && char.IsLetter(text[end])) end++;
                if (text.IndexOf('i', option + 1, end - option - 1) >= 0) return end - start;
                option = end;
                while (option < text.Length && text[option] is ' ' or '\t') option++;
            }
            return 0;
        }
        return 0;
    }

    /// <summary>Records the names a <c>declare -i</c> command declares: its words up to the end of the command.</summary>
    private void RememberIntegerNames(string text, int start)
    {
        var i = start;
        while (i < text.Length && text[i] is not (';' or '&' or '|' or '\n' or ')'))
        {
            while (i < text.Length && text[i] is ' ' or '\t') i++;
            var name = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_')) i++;
            if (i > name && !char.IsDigit(text[name])) (_integerNames ??= new HashSet<string>(StringComparer.Ordinal)).Add(text.Substring(name, i - name));
            // Skip the rest of the word (=value, [subscript]); a quoted value ends where its quote does.
            char? quote = null;
            for (; i < text.Length; i++)
            {
                var c = text[i];
                if (quote is { } open) { if (c == open) quote = null; }
                else if (c is '\'' or '"') quote = c;
                else if (c is ' ' or '\t' or ';' or '&' or '|' or '\n' or ')') break;
            }
        }
    }

    /// <summary>
    /// The length of <c>name=</c> or <c>name+=</c> at <paramref name="start"/> when <c>name</c> was declared <c>-i</c>
    /// earlier in the text; 0 otherwise.
    /// </summary>
    private int AssignsInteger(string text, int start)
    {
        if (_integerNames is null) return 0;
        var end = start;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_')) end++;
        if (end == start || !_integerNames.Contains(text.Substring(start, end - start))) return 0;
        if (At(text, end, "=")) return end + 1 - start;
        if (At(text, end, "+=")) return end + 2 - start;
        return 0;
    }

    /// <summary>
    /// An array subscript, which bash evaluates as arithmetic: <c>name[</c> at the start of a word (an assignment)
    /// or <c>${name[</c>. Not any <c>[</c> after a name: <c>"filter[{x}]"</c> is only text.
    /// </summary>
    private static bool IsSubscriptStart(string text, int bracket, int wordStart)
    {
        var start = bracket;
        while (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] == '_')) start--;
        if (start == bracket) return false;
        return start == wordStart || (start >= 2 && text[start - 1] == '{' && text[start - 2] == '$');
    }

    /// <summary>
    /// Quotes one hole's value where the text so far leaves it. <paramref name="value"/> decides whether it can stand
    /// there at all; <paramref name="shown"/> (the value, or its masked form) is what is written.
    /// </summary>
    /// <exception cref="CommandQuotingException">No quoting would keep <paramref name="value"/> literal here.</exception>
    public string QuoteHole(string value, string shown)
    {
        _holeWord = _holeQuoted || value.Length == 0 || !IsPlainWord(value) ? "_" : value;
        _holeQuoted = true;
        if (!InComment && !IsPlainWord(value)) RefuseSubstitutedIntoShell();
        if (_hereDocument is { } document)
        {
            // A line break could end the body early (a line equal to the delimiter), and what followed would run.
            if (value.IndexOf('\n') >= 0 || value.IndexOf('\r') >= 0)
                throw new CommandQuotingException("a value in a here-document cannot hold a line break: it could end the here-document, and the lines after it would run as commands.");
            if (_bodySubstitution is { AfterDollar: true } && !IsPlainWord(value))
                throw new CommandQuotingException(AfterDollar);
            if (_bodySubstitution is { AfterBackslash: true } && !IsPlainWord(value))
                throw new CommandQuotingException(AfterBackslash);
            if (_bodySubstitution is { Open: true } && !IsPlainWord(value))
                throw new CommandQuotingException("a value inside $( ), $(( )) or backticks in a here-document body whose delimiter is not quoted (<<EOF) must be a plain word (letters, digits, - _ . / : @ % + , =): this shell runs the substitution while it reads the body, where the body's escaping does not quote it. Quote the delimiter (<<'EOF') or put the value outside the substitution.");
            // A script's shell reads the value as a word of its own (bash <<EOF, ssh HOST <<EOF).
            if (_carried is { } script) shown = script.QuoteHole(value, shown);
            // Quotes mean nothing in a body; with an unquoted delimiter $, ` and \ still do, and a backslash escapes them.
            return document.Literal ? shown : EscapeForHereDocument(shown);
        }
        if (InComment) return ShellQuoting.QuoteBare(shown.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' '));
        if (_inBackticks && !IsPlainWord(value))
            throw new CommandQuotingException("a value inside a backtick substitution (`...`) cannot be quoted: the shell reads it again as a command. Write $(...) instead.");
        if (InArithmetic && !IsPlainWord(value))
            throw new CommandQuotingException("a value in arithmetic ((( )), $(( )), [[ ]], let, a variable declared -i or an array subscript) must be a plain word (letters, digits, - _ . / : @ % + , =): there the shell evaluates even a quoted a[$(...)].");
        if (_ansiCQuoted && Current == ShellQuoteState.SingleQuoted && !IsPlainWord(value))
            throw new CommandQuotingException(InAnsiCQuotes);
        // \ and the quoted value: the backslash escapes the quoting's first character (\'x; …), and the rest is command text.
        if (Current != ShellQuoteState.SingleQuoted && !IsPlainWord(value) && EndsWithUnescapedBackslash(_command))
            throw new CommandQuotingException(AfterBackslash);
        BeginHoleWord();
        var afterDollar = !IsPlainWord(value) && !_inBackticks && EndsWithUnescapedDollar(_command);
        // Bare, $ and the quoted value make $'…', whose backslash escapes can end it early and run what follows.
        if (afterDollar && Current == ShellQuoteState.Bare) throw new CommandQuotingException(AfterDollar);
        // Printed by echo or printf where no pipe into a shell is known yet: refused if one turns up (End).
        // (A here-string's word, cat <<< "…", is printed as it is too.)
        if (!IsPlainWord(value) && PrintedUnquoted(_command.ToString())) (_pipeline.UnquotedPrintedHole, _printsUnquotedValue) = (true, true);
        if (!IsPlainWord(value) && Carried is not { ReadAfterPipe: true }) _pipeline.UnquotedHole = true;
        if (!IsPlainWord(value) && Carried is null && InScpRemotePath())
            throw new CommandQuotingException("a value in the remote path of scp (host:…) must be a plain word (letters, digits, - _ . / : @ % + , =): with SFTP (OpenSSH 9 and later) scp reads the path as written, with the legacy protocol (scp -O, older OpenSSH) the remote shell reads it again, and no quoting means the same to both.");
        // First for the shell that reads the command line this one hands on (ssh HOST '…', sh -c "…"), then for this one.
        if (Carried is { } carried) shown = carried.QuoteHole(value, shown);
        // "cost ${X}": an empty "" parts the $ from a value starting with ( or {, which would make $( ) or ${ } of them.
        return (afterDollar && Current == ShellQuoteState.DoubleQuoted ? "\"\"" : "") + ShellQuoting.Quote(shown, Current);
    }

    private const string AfterDollar =
        "a value right after a $ outside quotes or in a here-document body (echo cost ${X}, <<EOF) must be a plain word (letters, digits, - _ . / : @ % + , =): the $ and the value would make $( ), ${ } or $'…' of it. Write \\$ for a dollar sign, or put the $ and the value in double quotes (\"cost ${X}\"), where the value is quoted exactly.";

    private const string InAnsiCQuotes =
        "a value inside $'…' must be a plain word (letters, digits, - _ . / : @ % + , =): bash reads backslash escapes there, and \\' in a value does not end the quotes where quoting for '…' expects it to. Put the value in '…' or \"…\" beside the $'…' part.";

    private const string AfterBackslash =
        "a value right after a backslash outside single quotes (printf %s \\{X}, \"\\{X}\", a here-document body) must be a plain word (letters, digits, - _ . / : @ % + , =): the backslash would escape the first character of the quoting that keeps the value literal, and the rest of the value would be read as the command's text. Write \\\\ for a backslash before the value.";

    /// <summary>The text ends with a backslash that no backslash escapes: it escapes whatever comes next.</summary>
    private static bool EndsWithUnescapedBackslash(System.Text.StringBuilder text)
    {
        var backslashes = 0;
        for (var i = text.Length - 1; i >= 0 && text[i] == '\\'; i--) backslashes++;
        return backslashes % 2 == 1;
    }

    /// <summary>The text ends with a <c>$</c> that no backslash escapes: a value after it would continue an expansion.</summary>
    private static bool EndsWithUnescapedDollar(System.Text.StringBuilder text)
    {
        if (text.Length == 0 || text[text.Length - 1] != '$') return false;
        var backslashes = 0;
        for (var i = text.Length - 2; i >= 0 && text[i] == '\\'; i--) backslashes++;
        return backslashes % 2 == 0;
    }

    private const string InScriptSubstitution =
        "a value inside a process substitution that a shell reads as its script (bash < <(…), source <(…), . <(…), bash <(…), ssh HOST < <(…)) must be a plain word (letters, digits, - _ . / : @ % + , =): what the substitution prints reaches that shell unquoted for it. Pass the value as an argument (bash -c '… \"$1\"' bash {X}) or write the script into the literal text.";

    private const string InCarriedSubstitution =
        "a value inside a command substitution $( ) in a command line handed to another shell (ssh HOST \"… $(…)\", sh -c, su -c, watch, eval, text echo or printf prints piped into a shell) must be a plain word (letters, digits, - _ . / : @ % + , =): what the substitution prints lands in that shell's text unquoted for it. Put the value in the handed-on text itself, where it is quoted for that shell.";

    /// <summary>
    /// A value that is not a plain word stands where this shell substitutes it into another shell's script: inside a
    /// process substitution a shell reads (<c>bash &lt; &lt;(echo "rm {X}")</c>), or inside a <c>$( )</c> of this shell
    /// that stands in a command line handed on (<c>ssh HOST "rm $(echo {X})"</c>). The value is quoted for this
    /// shell only, and what the substitution prints is read again by the other one.
    /// </summary>
    /// <exception cref="CommandQuotingException">Always, when the value stands in either.</exception>
    private void RefuseSubstitutedIntoShell()
    {
        if (_scriptSubstitutions is { Count: > 0 }) throw new CommandQuotingException(InScriptSubstitution);
        foreach (var frame in _frames)
            if (frame.Kind == FrameKind.Substitution && frame.Carried is not null) throw new CommandQuotingException(InCarriedSubstitution);
    }

    /// <summary>
    /// A hole here is printed by <paramref name="command"/> (echo, printf, a here-string's command) and not quoted for a
    /// shell that reads the print: no pipe into one was known when the command's words began.
    /// </summary>
    private bool PrintedUnquoted(string command) =>
        Carried is not { ReadsPrintedText: true } && PrintedWords.IsPrinter(command) ||
        Carried is null && command.IndexOf("<<<", StringComparison.Ordinal) >= 0;

    /// <summary>A hole's text was written: whatever follows continues its word (and its line).</summary>
    /// <param name="written">The hole's text as written (quoted by <see cref="QuoteHole"/>, or a page's placeholder).</param>
    public void AfterHole(string written)
    {
        // A hole no value was quoted for (a parameter on a generated page) can still start the carried command line.
        BeginHoleWord();
        var carried = _hereDocument is null ? Carried : _carried;
        carried?.AfterHole();
        if (_redirection == Redirection.Operator) _redirection = Redirection.Target;
        if (_hereDocument is null && !InComment) _command.Append(_holeWord ?? "_");
        (_holeWord, _holeQuoted) = (null, false);
        _atWordStart = false;
        _consumed++; // the hole's _ in the whole text
        if (_hereDocument is not null)
        {
            _line.Append(written);
            _lineHasHole = true;
            _bodySubstitution?.AfterHole();
        }
    }

    private static readonly System.Text.RegularExpressions.Regex s_scp = GuardedPattern.CreateRegex(@"(?<![^\s/])scp\s");

    /// <summary>
    /// The hole stands in a remote path of scp: its word so far has a <c>:</c> with no <c>/</c> before it
    /// (<c>db-1:/var/log/{File}</c>, <c>{Host}:{Path}</c>), and the command is scp's.
    /// </summary>
    private bool InScpRemotePath()
    {
        if (_wordStart > _command.Length) return false;
        var colon = -1;
        for (var i = _wordStart; i < _command.Length; i++)
        {
            if (_command[i] == '/') return false;
            if (_command[i] != ':') continue;
            colon = i;
            break;
        }
        if (colon < 0) return false;
        try
        {
            return s_scp.Match(_command.ToString(0, _wordStart)).Success;
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return true; // refusing is safe; running is not
        }
    }

    private static bool IsPlainWord(string value) => ShellQuoting.IsPlainWord(value);

    private static bool At(string text, int index, string expected) =>
        index + expected.Length <= text.Length && string.CompareOrdinal(text, index, expected, 0, expected.Length) == 0;

    private void Open(FrameKind kind)
    {
        _frames.Push(new Frame(kind, Current, _parentheses, _command.ToString(), _carried, _pipeline, _cases, _redirection));
        (Current, _parentheses, _carried, _pipeline, _cases, _redirection) = (ShellQuoteState.Bare, 0, null, default, default, Redirection.None);
        _command.Length = 0;
    }

    /// <summary>Closes the innermost frame: back to the quoting, the command and the carried command line around it.</summary>
    private FrameKind CloseFrame()
    {
        // What $( ) prints stands in the command around it: so does a value it printed unquoted.
        var printedHole = _pipeline.UnquotedPrintedHole && RunsCommands(_frames.Peek().Kind);
        if (RunsCommands(_frames.Peek().Kind))
        {
            EndCarried();
            EndCommand(')');
        }
        var frame = _frames.Pop();
        (Current, _parentheses, _carried, _pipeline, _cases, _redirection) = (frame.Outer, frame.Parentheses, frame.Carried, frame.Pipeline, frame.Cases, frame.Redirection);
        _pipeline.UnquotedPrintedHole |= printedHole;
        // What $( ) prints, or $(( )) computes, is part of the word around it: unknown, one plain character.
        _command.Length = 0;
        _command.Append(frame.Command).Append('_');
        if (frame.Kind == FrameKind.ProcessSubstitution) AfterCarriedProcessSubstitution(frame.Command);
        Carried?.Feed('_');
        return frame.Kind;
    }

    // The parentheses level a script substitution that is a frame of its own (a carried command line's) is kept at.
    private const int CarriedProcessSubstitution = -1;

    /// <summary>
    /// A <c>&lt;( )</c> or <c>&gt;( )</c> among the words of a carried command line closed; <paramref name="before"/> is the
    /// command as written up to its <c>(</c>. As a redirection's target (<c>&lt; &lt;(…)</c>) it ends the redirection, and
    /// the next word is the inner shell's again; as a word of its own (<c>diff &lt;(…) b</c>) it is the path this shell
    /// passes, one word the inner shell reads. A script substitution it was (<c>ssh HOST bash &lt; &lt;(…)</c>) ends too.
    /// </summary>
    private void AfterCarriedProcessSubstitution(string before)
    {
        if (_scriptSubstitutions is { Count: > 0 } open && open.Peek() is var (frames, level) && frames == _frames.Count && level == CarriedProcessSubstitution)
            open.Pop();
        var operatorBefore = before.Substring(0, before.Length - 1).TrimEnd();
        if (operatorBefore.Length > 0 && operatorBefore[operatorBefore.Length - 1] is '<' or '>') _redirection = Redirection.Target;
        else _redirection = Redirection.None; // Carried feeds the inner shell the path, one unknown word
    }

    /// <summary>Reads <c>&lt;&lt;-'EOF'</c>'s delimiter from <paramref name="start"/>; returns the index after it.</summary>
    /// <param name="text">The literal text.</param>
    /// <param name="start">Just after the <c>&lt;&lt;</c>.</param>
    /// <param name="script">A shell reads the body as commands (<see cref="NestedShells.ReadsHereDocument"/>).</param>
    private int ReadHereDocumentDelimiter(string text, int start, bool script)
    {
        var i = start;
        var stripTabs = i < text.Length && text[i] == '-';
        if (stripTabs) i++;
        while (i < text.Length && text[i] is ' ' or '\t') i++;
        var delimiter = new System.Text.StringBuilder();
        var quoted = false; // any quoting in the delimiter makes the body literal
        char? quote = null;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is { } open)
            {
                if (c == open) quote = null;
                else delimiter.Append(c);
            }
            else if (c is '\'' or '"') (quote, quoted) = (c, true);
            else if (c == '\\')
            {
                quoted = true;
                if (i + 1 < text.Length) delimiter.Append(text[++i]);
            }
            else if (char.IsWhiteSpace(c) || c is ';' or '&' or '|' or '<' or '>' or '(' or ')') break;
            else delimiter.Append(c);
        }
        if (delimiter.Length > 0) _pendingHereDocuments.Enqueue(new HereDocumentBody(delimiter.ToString(), quoted, stripTabs, script));
        return i;
    }

    private void StartPendingHereDocument()
    {
        if (_pendingHereDocuments.Count == 0) return;
        var document = _pendingHereDocuments.Dequeue();
        _hereDocument = document;
        (_line.Length, _lineHasHole, _hereDocumentEscape) = (0, false, false);
        _bodySubstitution = document.Literal ? null : new BodySubstitution();
        // The shell that reads a script reads the whole body, with its own quoting.
        _carried = document.Script ? new CarriedShell(CarriedCommandLine.Words) : null;
    }

    private void AdvanceHereDocument(HereDocumentBody document, char c)
    {
        _bodySubstitution?.Read(c);
        FeedScript(document, c);
        if (c != '\n')
        {
            _line.Append(c);
            return;
        }
        var line = document.StripTabs ? _line.ToString().TrimStart('\t') : _line.ToString();
        if (line == document.Delimiter)
        {
            // A value made this line the delimiter: the body would end here and the rest run as commands.
            if (_lineHasHole)
                throw new CommandQuotingException("a value in a here-document makes a line equal to its delimiter: the here-document would end there, and the lines after it would run as commands.");
            EndCarried(); // while the document is known: whether what its shell prints is piped on
            _hereDocument = null;
            (_line.Length, _lineHasHole, _atWordStart) = (0, false, true);
            _command.Length = 0;
            StartPendingHereDocument();
            return;
        }
        (_line.Length, _lineHasHole) = (0, false);
    }

    /// <summary>
    /// Feeds a character of a script's body to the shell that reads it, as this shell passes it on: all of it under a
    /// quoted delimiter; under an unquoted one without the backslash that escapes <c>$</c>, <c>`</c> or <c>\</c>, and
    /// without a backslash and new line (a line continuation). The delimiter line is fed too: the script ends there.
    /// </summary>
    private void FeedScript(HereDocumentBody document, char c)
    {
        if (_carried is not { } script) return;
        if (document.Literal)
        {
            script.Feed(c);
            return;
        }
        if (_hereDocumentEscape)
        {
            _hereDocumentEscape = false;
            if (c is not ('$' or '`' or '\\' or '\n')) script.Feed('\\');
            if (c != '\n') script.Feed(c);
            return;
        }
        if (c == '\\') _hereDocumentEscape = true;
        else script.Feed(c);
    }

    private static string EscapeForHereDocument(string value)
    {
        var builder = new System.Text.StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (c is '\\' or '$' or '`') builder.Append('\\');
            builder.Append(c);
        }
        return builder.ToString();
    }
}
