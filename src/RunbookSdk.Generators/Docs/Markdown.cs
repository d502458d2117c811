using System;
using System.Linq;
using System.Text;
using RunbookSdk.Analyzers.Text;

namespace RunbookSdk.Generators.Docs;

/// <summary>Small markdown helpers: escaping, anchors, fences. Output uses "\n" line endings on every OS.</summary>
internal static class Markdown
{
    /// <summary>Escapes text for a table cell: placeholders kept (<see cref="Text"/>), pipes escaped, line breaks as &lt;br&gt;.</summary>
    public static string Cell(string? text) =>
        Text(text ?? "").Replace("|", "\\|").Replace("\r\n", "\n").Replace("\n", "<br>");

    /// <summary>
    /// Markdown text a person wrote (a title, a symptom, an instruction, a note), with every <c>&lt;</c> that would open
    /// an HTML tag the page does not mean escaped: <c>kubectl logs &lt;pod-name&gt;</c> is a placeholder to the author,
    /// but to a markdown renderer an unknown HTML tag, which GitHub drops, so the engineer read <c>kubectl logs</c> and
    /// a heading's contents link pointed at an anchor that did not exist. Tags markdown authors do write
    /// (<c>&lt;br&gt;</c>, <c>&lt;details&gt;</c>, <c>&lt;a href=…&gt;</c>, ...), comments, autolinks
    /// (<c>&lt;https://…&gt;</c>, <c>&lt;ops@example.com&gt;</c>), code spans and fenced blocks stay as written, and
    /// so does a <c>&lt;</c> already escaped: the text is still markdown. A line that would open a heading
    /// (<c># of 5xx above 100</c>) is escaped too.
    /// </summary>
    public static string Text(string text) => Text(text, listItem: false);

    // listItem: the text is a list item's, where a line opening a block of its own (a list, a quote, a rule, a setext
    // underline) is escaped too (see ListItem).
    private static string Text(string text, bool listItem)
    {
        if (text.IndexOf('<') < 0 && text.IndexOf('#') < 0 && !(listItem && AnyLineOpensBlock(text))) return text;
        var builder = new StringBuilder(text.Length + 8);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var lineStart = i == 0 || text[i - 1] == '\n';
            if (lineStart && FencedBlockEnd(text, i) is var fenceEnd && fenceEnd > i)
            {
                builder.Append(text, i, fenceEnd - i);
                i = fenceEnd;
            }
            else if (lineStart && OpensHeading(text, i) is var hash && hash >= 0)
            {
                // "# of replicas must be 3" in a note or a symptom is a count, not a heading: unescaped it became a
                // first-level heading in the middle of a step. A runbook's structure comes from its phases and sections.
                builder.Append(text, i, hash - i).Append('\\');
                i = hash;
                builder.Append(text[i++]);
            }
            else if (listItem && lineStart && OpensBlockInListItem(text, i) is var marker && marker >= 0)
            {
                // "* wildcard certs expired" as a symptom was a nested list: the engineer read "wildcard certs expired"
                // under an empty bullet, its "*" gone; "1. restart" became a numbered list, "> 5 errors" a quote, and
                // a "---" under a line made that line a heading.
                builder.Append(text, i, marker - i).Append('\\').Append(text[marker]);
                i = marker + 1;
            }
            else if (c == '\\' && i + 1 < text.Length)
            {
                builder.Append(text, i, 2);
                i += 2;
            }
            else if (c == '`')
            {
                var end = CodeSpanEnd(text, i);
                builder.Append(text, i, end - i);
                i = end;
            }
            else
            {
                if (c == '<' && OpensUnmeantTag(text, i)) builder.Append('\\');
                builder.Append(c);
                i++;
            }
        }
        return builder.ToString();
    }

    // Tags a markdown author writes on purpose and GitHub renders; any other tag name (pod-name, namespace, table in
    // "TRUNCATE <table>") is read as a placeholder. a, img and source mean something only with attributes.
    private static readonly System.Collections.Generic.HashSet<string> s_meantTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "b", "blockquote", "br", "code", "dd", "del", "details", "div", "dl", "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6",
        "hr", "i", "ins", "kbd", "li", "mark", "ol", "p", "picture", "pre", "s", "samp", "span", "strike", "strong", "sub",
        "summary", "sup", "u", "ul",
    };

    private static readonly System.Collections.Generic.HashSet<string> s_meantTagsWithAttributes = new(StringComparer.OrdinalIgnoreCase) { "a", "img", "source" };

    // Whether the "<" at start opens (or closes) an HTML tag, as CommonMark reads one, that is not in s_meantTags.
    private static bool OpensUnmeantTag(string text, int start)
    {
        var i = start + 1;
        var closing = i < text.Length && text[i] == '/';
        if (closing) i++;
        var nameStart = i;
        if (i >= text.Length || !IsAsciiLetter(text[i])) return false;
        while (i < text.Length && (IsAsciiLetter(text[i]) || text[i] is >= '0' and <= '9' || text[i] == '-')) i++;
        // "<https://…>" and "<ops@example.com>" are autolinks, "<5 minutes" or "a<b" no tag at all.
        if (i < text.Length && !(text[i] is '>' or '/' or ' ' or '\t' or '\n' or '\r')) return false;
        var name = text.Substring(nameStart, i - nameStart);
        if (s_meantTags.Contains(name)) return false;
        var hasAttributes = i < text.Length && text[i] is ' ' or '\t' or '\n' or '\r';
        return !(s_meantTagsWithAttributes.Contains(name) && (hasAttributes || closing));
    }

    // Where the '#' of an ATX heading opening the line at start stands (up to three spaces, one to six '#', then a
    // space, a tab or the line's end), or -1.
    private static int OpensHeading(string text, int start)
    {
        var i = start;
        while (i < text.Length && i - start < 3 && text[i] == ' ') i++;
        var hash = i;
        while (i < text.Length && text[i] == '#') i++;
        var count = i - hash;
        return count is >= 1 and <= 6 && (i == text.Length || text[i] is ' ' or '\t' or '\r' or '\n') ? hash : -1;
    }

    private static bool AnyLineOpensBlock(string text)
    {
        for (var i = 0; i < text.Length; i = text.IndexOf('\n', i) is var next && next < 0 ? text.Length : next + 1)
            if (OpensBlockInListItem(text, i) >= 0) return true;
        return false;
    }

    // Where the character to escape stands when the line at start, in a list item, would not read as the text it is,
    // or -1. On the item's first line, right after the item's own marker, any block opening there, as CommonMark reads
    // it after up to three spaces: a bullet ("-", "*" or "+" then a space, a tab or the line's end), an ordered item
    // ("1." or "1)" then the same; the "." or ")" is escaped), a block quote (">") or a thematic break ("***", "___",
    // "- - -"). On a later line only a setext underline (a line of "=" or of "-"), which turns the line above into a
    // heading: a list or a quote there is the author's own nested block ("1. **API Gateway**\n- 5XXError, Latency").
    private static int OpensBlockInListItem(string text, int start)
    {
        var i = start;
        while (i < text.Length && i - start < 3 && text[i] == ' ') i++;
        if (i >= text.Length) return -1;
        var c = text[i];
        var firstLine = start == 0;
        if (c is '-' or '=' && OnlyRunOf(text, i, c, spaced: false)) return i;
        if (!firstLine) return -1;
        bool EndsMarker(int at) => at >= text.Length || text[at] is ' ' or '\t' or '\r' or '\n';
        if (c is '-' or '*' or '+' && EndsMarker(i + 1)) return i;
        if (c == '>') return i;
        if (c is '*' or '_' && OnlyRunOf(text, i, c, spaced: true)) return i;
        if (c is >= '0' and <= '9')
        {
            var digits = i;
            while (digits < text.Length && digits - i < 9 && text[digits] is >= '0' and <= '9') digits++;
            return digits < text.Length && text[digits] is '.' or ')' && EndsMarker(digits + 1) ? digits : -1;
        }
        return -1;
    }

    // Whether the line from start holds only c (a setext underline: one run, then spaces), or, spaced, at least three
    // c among spaces and tabs (a thematic break).
    private static bool OnlyRunOf(string text, int start, char c, bool spaced)
    {
        var count = 0;
        var runEnded = false;
        for (var j = start; j < text.Length && text[j] is not ('\n' or '\r'); j++)
        {
            if (text[j] == c && !runEnded) count++;
            else if (text[j] is ' ' or '\t') runEnded = !spaced;
            else return false;
        }
        return spaced ? count >= 3 : count >= 1;
    }

    private static bool IsAsciiLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';

    // Where the code span opened by the backtick run at start ends: after its closing run of exactly the same length,
    // or, with none, after the run itself (unmatched backticks are literal text).
    private static int CodeSpanEnd(string text, int start)
    {
        var length = 0;
        while (start + length < text.Length && text[start + length] == '`') length++;
        var i = start + length;
        while (i < text.Length)
        {
            if (text[i] != '`') { i++; continue; }
            var run = 0;
            while (i + run < text.Length && text[i + run] == '`') run++;
            if (run == length) return i + run;
            i += run;
        }
        return start + length;
    }

    // Where a fenced code block starting on the line at start ends (after its closing fence line, or the text's end),
    // or start when no fence opens there.
    private static int FencedBlockEnd(string text, int start)
    {
        var i = start;
        while (i < text.Length && i - start < 3 && text[i] == ' ') i++;
        if (i >= text.Length || text[i] is not ('`' or '~')) return start;
        var fenceChar = text[i];
        var length = 0;
        while (i + length < text.Length && text[i + length] == fenceChar) length++;
        if (length < 3) return start;
        var lineEnd = text.IndexOf('\n', i);
        if (lineEnd < 0) return text.Length;
        // An info string with a backtick opens no fence (CommonMark); it is a code span then.
        if (fenceChar == '`' && text.IndexOf('`', i + length, lineEnd - i - length) >= 0) return start;
        var line = lineEnd + 1;
        while (line < text.Length)
        {
            var next = text.IndexOf('\n', line);
            var end = next < 0 ? text.Length : next + 1;
            var content = text.Substring(line, end - line).Trim();
            if (content.Length >= length && content.All(ch => ch == fenceChar)) return end;
            line = end;
        }
        return text.Length;
    }

    /// <summary>
    /// Text for a heading, which markdown ends at the first line break: a title, phase or step name written over two
    /// lines (<c>\r\n</c>, <c>\n</c> or <c>\r</c>) put its second line below the heading as a paragraph, and split the
    /// contents link in two. Each break becomes one space. Hidden characters are shown (<see cref="Prose"/>) here already,
    /// not only when the page is done: the contents link's anchor is computed from this text, as GitHub computes it from
    /// the heading it shows.
    /// </summary>
    public static string Heading(string text)
    {
        text = Text(Prose(text));
        if (text.IndexOfAny(s_lineBreaks) >= 0) text = text.Replace("\r\n", " ").Replace('\r', ' ').Replace('\n', ' ');
        return WithoutClosingSequence(text);
    }

    /// <summary>
    /// A heading's text whose last word is only <c>#</c>s, with its first <c>#</c> escaped: CommonMark reads such a word
    /// as the heading's closing sequence, markup to drop, so "Page on-call #" showed as "Page on-call" (and its anchor
    /// no longer matched the contents link). <c>C#</c> is no such word and stays as written.
    /// </summary>
    private static string WithoutClosingSequence(string text)
    {
        var end = text.Length;
        while (end > 0 && text[end - 1] is ' ' or '\t') end--;
        var start = end;
        while (start > 0 && text[start - 1] == '#') start--;
        if (start == end || start > 0 && text[start - 1] is not (' ' or '\t')) return text;
        return text.Substring(0, start) + "\\" + text.Substring(start);
    }

    /// <summary>
    /// Text a person reads, with bidirectional controls and invisible characters written visibly (<c>⟨U+202E⟩</c>):
    /// raw, they reorder the page the on-call engineer follows ("Trojan Source") or hide inside a word. Every page
    /// goes through it once more when rendered, whatever its template.
    /// </summary>
    public static string Prose(string text) => HiddenCharacters.Visible(text, spacesToo: false);

    /// <summary>
    /// Code as the page shows it (<see cref="Prose"/>, and also spaces other than the ASCII one, at which a shell
    /// does not split words): a code block must show what runs. Clean code is returned unchanged, so it pastes as written.
    /// </summary>
    public static string ShownCode(string code) => HiddenCharacters.Visible(code, spacesToo: true);

    private static readonly char[] s_lineBreaks = { '\r', '\n' };

    /// <summary>Inline code that survives backticks in the text: a code span ends at a run of exactly its fence's length.</summary>
    public static string Code(string text)
    {
        text = ShownCode(text);
        var fence = new string('`', LongestBacktickRun(text) + 1);
        var pad = text.StartsWith("`", StringComparison.Ordinal) || text.EndsWith("`", StringComparison.Ordinal) ? " " : "";
        return fence + pad + text + pad + fence;
    }

    /// <summary>A fenced code block whose fence is longer than any backtick run inside the code.</summary>
    /// <param name="language">The block's info string.</param>
    /// <param name="code">What the block holds.</param>
    /// <param name="isCode">False for a message in a block (a communication template): it is shown as <see cref="Prose"/>,
    /// since a no-break space before a French colon is typography there, not a broken command.</param>
    public static string Fence(string language, string code, bool isCode = true) =>
        AppendShownFence(new StringBuilder(code.Length + 16), language, isCode ? ShownCode(code) : Prose(code)).ToString();

    /// <summary>Appends <see cref="Fence"/>'s block: line endings as "\n", trailing line breaks of the code dropped.</summary>
    public static StringBuilder AppendFence(StringBuilder builder, string language, string code) =>
        AppendShownFence(builder, language, ShownCode(code));

    private static StringBuilder AppendShownFence(StringBuilder builder, string language, string code)
    {
        var fenceLength = FenceLength(LongestBacktickRun(code));
        var codeStart = OpenFence(builder, language, fenceLength);
        builder.Append(code);
        return CloseFence(builder, codeStart, fenceLength);
    }

    /// <summary>The longest run of backticks in <paramref name="text"/>; a fence must be longer.</summary>
    public static int LongestBacktickRun(string text)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return longest;
    }

    public static int FenceLength(int longestBacktickRun) => Math.Max(3, longestBacktickRun + 1);

    /// <summary>Opens a fenced block; returns where its code starts, for <see cref="CloseFence"/>.</summary>
    public static int OpenFence(StringBuilder builder, string language, int fenceLength)
    {
        builder.Append('`', fenceLength).Append(language).Append('\n');
        return builder.Length;
    }

    /// <summary>
    /// Closes a fenced block whose code was appended as written: "\r\n" in it becomes "\n" (once, over the whole code,
    /// so a "\r" ending one appended piece pairs with a "\n" starting the next) and its trailing line breaks are dropped.
    /// </summary>
    public static StringBuilder CloseFence(StringBuilder builder, int codeStart, int fenceLength)
    {
        builder.Replace("\r\n", "\n", codeStart, builder.Length - codeStart);
        var end = builder.Length;
        while (end > codeStart && builder[end - 1] == '\n') end--;
        builder.Length = end;
        return builder.Append('\n').Append('`', fenceLength).Append('\n');
    }

    /// <summary>
    /// The anchor GitHub gives a heading: lower case, spaces to hyphens, and only letters, marks, digits, connector
    /// punctuation (<c>_</c>) and hyphens kept (Ruby's <c>\p{Word}</c>): a vowel sign in Hindi or Thai is a mark, and
    /// dropping it pointed the contents at an anchor that does not exist. Lower case is Unicode's full mapping, as GitHub
    /// applies it: the Turkish dotted capital İ becomes <c>i</c> and a combining dot above (U+0307), where .NET's
    /// invariant lower case, one character for one, leaves İ as it is.
    /// </summary>
    public static string Anchor(string heading)
    {
        var builder = new StringBuilder();
        // İ is the one letter whose full lower case is two characters (SpecialCasing.txt); its simple one is itself.
        var text = heading.ToLowerInvariant().Replace("\u0130", "i\u0307");
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            // Read per code point, so a letter outside the BMP (a surrogate pair) is kept whole.
            var length = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            switch (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(text, i))
            {
                case System.Globalization.UnicodeCategory.UppercaseLetter:
                case System.Globalization.UnicodeCategory.LowercaseLetter:
                case System.Globalization.UnicodeCategory.TitlecaseLetter:
                case System.Globalization.UnicodeCategory.ModifierLetter:
                case System.Globalization.UnicodeCategory.OtherLetter:
                case System.Globalization.UnicodeCategory.NonSpacingMark:
                case System.Globalization.UnicodeCategory.SpacingCombiningMark:
                case System.Globalization.UnicodeCategory.EnclosingMark:
                case System.Globalization.UnicodeCategory.DecimalDigitNumber:
                case System.Globalization.UnicodeCategory.ConnectorPunctuation:
                    builder.Append(text, i, length);
                    break;
                default:
                    if (c == '-') builder.Append('-');
                    else if (c == ' ') builder.Append('-');
                    break;
            }
            i += length - 1;
        }
        return builder.ToString();
    }

    /// <summary>
    /// A link's text: <paramref name="title"/> as prose (<see cref="Text"/>) with <c>[</c> and <c>]</c> escaped, as an
    /// unbalanced bracket ends the text early and breaks the link; <paramref name="url"/> when the title is blank, since
    /// a link of no text is a link nobody can see or click.
    /// </summary>
    public static string LinkText(string? title, string url)
    {
        var text = string.IsNullOrWhiteSpace(title) ? url : title!;
        return Text(Prose(text)).Replace("[", "\\[").Replace("]", "\\]");
    }

    /// <summary>
    /// A link's destination, the part of <c>[title](destination)</c> in parentheses. A plain destination ends at a space
    /// and cannot hold <c>&lt;</c>, <c>&gt;</c> or unbalanced parentheses: <c>[x](https://h/a b)</c> is no link at all,
    /// and the engineer saw the brackets and half a URL. Such a URL is written in CommonMark's <c>&lt;…&gt;</c> form,
    /// which takes spaces and parentheses as they are, with <c>&lt;</c>, <c>&gt;</c> and <c>\</c> escaped and line
    /// breaks (which no destination holds) percent-encoded. Any other URL is returned unchanged.
    /// </summary>
    public static string LinkDestination(string url)
    {
        var plain = true;
        foreach (var c in url)
        {
            if (c <= ' ' || c == '\x7F' || c is '<' or '>' or '(' or ')' or '\\') { plain = false; break; }
        }
        if (plain && url.Length > 0) return url;
        var builder = new StringBuilder(url.Length + 8).Append('<');
        foreach (var c in url)
        {
            if (c is '<' or '>' or '\\') builder.Append('\\').Append(c);
            else if (c is '\n' or '\r') builder.Append(c == '\n' ? "%0A" : "%0D");
            else builder.Append(c);
        }
        return builder.Append('>').ToString();
    }

    /// <summary>
    /// A list item's text (<see cref="Text"/>) with every line after the first indented under the item. An item whose
    /// text opens with a block's marker (<c>* wildcard certs expired</c>, <c>1. restart</c>, <c>&gt; 5 errors</c>) has
    /// it escaped, and so has a later line of only <c>-</c> or <c>=</c>: each would not read as written.
    /// </summary>
    public static string ListItem(string text) => IndentedListItem(text, 2);

    /// <summary><see cref="ListItem(string)"/> for an item whose marker is <paramref name="indent"/> characters wide.</summary>
    /// <param name="text">The item's text.</param>
    /// <param name="indent">The width of the item's marker with its space: 3 for <c>1. </c>, 4 for <c>10. </c>. A later line
    /// indented less is not inside the item: under <c>1. **API Gateway**</c>, a list of its metrics indented by two
    /// ended the numbered list instead of nesting under the item.</param>
    public static string IndentedListItem(string text, int indent) =>
        string.Join("\n" + new string(' ', indent), Text(text, listItem: true).Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd()));
}
