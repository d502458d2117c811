using System.Collections.Generic;

namespace RunbookSdk.Analyzers.Text;

/// <summary>
/// An <c>if … fi</c> that ends a command and cannot fail: bash returns 0 from an <c>if</c> whose conditions all failed and
/// that has no <c>else</c>, and a branch's status is its last command's. So <c>if curl -fsS …; then echo ok; fi</c>
/// succeeds whether the service answers or not. RB0014 reports it in a verification.
/// </summary>
/// <param name="Start">Where <c>if</c> starts, in the text as <see cref="ShellOperators.Read"/> reads it.</param>
/// <param name="Length">Up to the end of <c>fi</c>.</param>
/// <param name="ConditionStart">Where the (first) condition starts, after <c>if</c> and its blanks.</param>
/// <param name="ConditionLength">Up to the separator before <c>then</c>, blanks trimmed.</param>
/// <param name="OnlyWrapsItsCondition">
/// No <c>elif</c>, no <c>else</c>, no <c>!</c>: the <c>if</c> adds nothing to its condition but a message, and the
/// condition alone is the check (the code fix's shape).
/// </param>
internal readonly record struct UnfailableConditional(int Start, int Length, int ConditionStart, int ConditionLength, bool OnlyWrapsItsCondition)
{
    /// <summary>The diagnostic property with the condition's source start, for the code fix; absent when it cannot apply.</summary>
    public const string ConditionStartProperty = "ConditionStart";

    /// <summary>The diagnostic property with the condition's source length.</summary>
    public const string ConditionLengthProperty = "ConditionLength";


    // The compound commands whose end a reserved word marks: `fi`, `done`, `esac`, `}`. Only `if` is judged; the rest are
    // followed so that their `then`, `else` and `fi` are not taken for the outer if's.
    private static readonly Dictionary<string, string> s_closers = new(System.StringComparer.Ordinal)
    {
        ["if"] = "fi", ["while"] = "done", ["until"] = "done", ["for"] = "done", ["select"] = "done", ["case"] = "esac", ["{"] = "}",
    };

    /// <summary>
    /// The <c>if … fi</c> that ends <paramref name="shell"/> (the text <see cref="ShellOperators.Read"/> returns; only blanks
    /// and <c>;</c> after it, also the quote closing a nested command line such as <c>ssh HOST 'if …; fi'</c>) when every
    /// branch of it ends in a command sure to succeed; none otherwise.
    /// </summary>
    public static UnfailableConditional? AtEnd(string shell)
    {
        var end = shell.Length;
        while (end > 0 && (char.IsWhiteSpace(shell[end - 1]) || shell[end - 1] == ';')) end--;
        // Most commands end in no `fi`: nothing is read for them.
        if (end < 2 || shell[end - 2] != 'f' || shell[end - 1] != 'i') return null;

        var open = new Stack<Compound>();
        Compound? last = null;
        var atCommandStart = true;
        var i = 0;
        while (i < end)
        {
            var c = shell[i];
            if (IsSeparator(c))
            {
                atCommandStart = true;
                Innermost(open)?.Separator(i);
                i++;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < end && !IsSeparator(shell[i]) && !char.IsWhiteSpace(shell[i])) i++;
            var word = shell.Substring(start, i - start);
            if (!atCommandStart)
            {
                continue;
            }

            var current = Innermost(open);
            if (s_closers.ContainsKey(word))
            {
                current?.Command(word);
                open.Push(new Compound(word, start, FirstNonBlank(shell, i, end)));
                // After these a command starts; `for`, `select` and `case` are followed by a name or a word first.
                atCommandStart = word is "if" or "while" or "until" or "{";
                continue;
            }

            if (current is not null && s_closers[current.Keyword] == word)
            {
                open.Pop();
                current.Close(i);
                if (open.Count == 0) last = current;
                atCommandStart = false;
                continue;
            }

            if (current is { Keyword: "if" } && word is "then" or "elif" or "else")
            {
                current.Branch(word);
                continue;
            }

            current?.Command(word);
            // `do` opens a loop's body; `!` and `time` prefix a command (`then ! echo` fails): a command starts after each.
            atCommandStart = word is "do" or "!" or "time";
        }

        if (last is not { Keyword: "if", End: var fiEnd } conditional || fiEnd != end || !conditional.SureToSucceed) return null;
        var conditionEnd = conditional.ConditionEnd;
        while (conditionEnd > conditional.ConditionStart && char.IsWhiteSpace(shell[conditionEnd - 1])) conditionEnd--;
        var conditionLength = System.Math.Max(0, conditionEnd - conditional.ConditionStart);
        return new UnfailableConditional(conditional.Start, end - conditional.Start, conditional.ConditionStart, conditionLength,
            conditional.OnlyWrapsItsCondition && conditionLength > 0 && shell[conditional.ConditionStart] != '!');
    }

    private static Compound? Innermost(Stack<Compound> open) => open.Count > 0 ? open.Peek() : null;

    private static int FirstNonBlank(string shell, int from, int end)
    {
        while (from < end && char.IsWhiteSpace(shell[from])) from++;
        return from;
    }

    /// <summary><c>;</c>, <c>&amp;</c>, <c>|</c>, <c>(</c>, <c>)</c>, a new line or the start of a nested command line: a command starts after it.</summary>
    private static bool IsSeparator(char c) => c is ';' or '&' or '|' or '(' or ')' or '\n' or ShellOperators.NestedStart;

    /// <summary>One open compound command, and for an <c>if</c>, what its branches run.</summary>
    private sealed class Compound(string keyword, int start, int conditionStart)
    {
        private bool _inBranch;
        private bool _branchSure = true;
        private bool _branchEmpty = true;
        private int _branches;
        private bool _hasElse;
        private bool _hasElif;

        public string Keyword { get; } = keyword;

        public int Start { get; } = start;

        public int End { get; private set; } = -1;

        /// <summary>For an <c>if</c>: the first character after it, where its condition starts.</summary>
        public int ConditionStart { get; } = conditionStart;

        public int ConditionEnd { get; private set; } = -1;

        /// <summary>Every branch ran only commands sure to succeed.</summary>
        public bool SureToSucceed => _branches > 0 && _branchSure;

        /// <summary>A simple or compound command named <paramref name="name"/> starts inside this one.</summary>
        public void Command(string name)
        {
            if (Keyword != "if" || !_inBranch) return;
            _branchEmpty = false;
            _branchSure &= CheckOfNothing.SureToSucceed.Contains(name); // a branch of only these succeeds whatever the condition found
        }

        /// <summary>A separator: the condition, before <c>then</c>, ends at the last one.</summary>
        public void Separator(int at)
        {
            if (Keyword == "if" && !_inBranch && _branches == 0 && !_hasElif) ConditionEnd = at;
        }

        /// <summary><c>then</c>, <c>elif</c> or <c>else</c>: the branch before it ends.</summary>
        public void Branch(string word)
        {
            EndBranch();
            _inBranch = word is "then" or "else";
            _hasElse |= word == "else";
            _hasElif |= word == "elif";
        }

        /// <summary>The closing word (<c>fi</c>, <c>done</c>…) ends at <paramref name="end"/>.</summary>
        public void Close(int end)
        {
            EndBranch();
            End = end;
        }

        private void EndBranch()
        {
            if (!_inBranch) return;
            _branches++;
            // `then fi` does not parse; read as a branch that may fail, it is never reported.
            if (_branchEmpty) _branchSure = false;
            (_inBranch, _branchEmpty) = (false, true);
        }

        /// <summary>The <c>if</c> has one condition and one branch (no <c>elif</c>, no <c>else</c>).</summary>
        public bool OnlyWrapsItsCondition => !_hasElse && !_hasElif;
    }
}
