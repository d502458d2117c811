using System;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Analyzers.Text;

/// <summary>
/// The value of one string literal token, with a map from every value character back to its position in the
/// source, so a finding inside a command squiggles exactly the offending text (escapes included).
/// </summary>
internal sealed class LiteralText
{
    private readonly bool _verbatim;
    private readonly bool _raw;
    private int[]? _map;
    private bool _mapped;

    private LiteralText(SyntaxToken token, bool verbatim, bool raw)
    {
        Token = token;
        Value = token.ValueText;
        _verbatim = verbatim;
        _raw = raw;
    }

    public string Value { get; }

    public SyntaxToken Token { get; }

    /// <summary>
    /// Absolute source position of each value character, plus one entry for the end; null when unmappable. Worked out
    /// when a finding needs a location: most literals of most commands have no finding.
    /// </summary>
    public int[]? Map
    {
        get
        {
            if (_mapped) return _map;
            _map = CreateMap();
            _mapped = true;
            return _map;
        }
    }

    /// <summary>Reads a string literal token or the text token of an interpolated string.</summary>
    /// <param name="token">The token.</param>
    /// <param name="verbatim">For an interpolated text token: whether the string is verbatim (<c>$@"..."</c>).</param>
    /// <param name="raw">For an interpolated text token: whether the string is a raw string (<c>$"""..."""</c>).</param>
    public static LiteralText Create(SyntaxToken token, bool verbatim = false, bool raw = false) => new(token, verbatim, raw);

    private int[]? CreateMap()
    {
        var text = Token.Text;
        int[]? map = null;
        string? decoded = null;
        switch (Token.Kind())
        {
            case SyntaxKind.StringLiteralToken when text.StartsWith("@", System.StringComparison.Ordinal):
                decoded = Decode(text, 2, text.Length - 1, verbatim: true, interpolated: false, out map);
                break;
            case SyntaxKind.StringLiteralToken:
                decoded = Decode(text, 1, text.Length - 1, verbatim: false, interpolated: false, out map);
                break;
            case SyntaxKind.SingleLineRawStringLiteralToken:
                var quotes = 0;
                while (quotes < text.Length && text[quotes] == '"') quotes++;
                if (text.Length >= quotes * 2) decoded = Decode(text, quotes, text.Length - quotes, verbatim: true, interpolated: false, out map, raw: true);
                break;
            case SyntaxKind.MultiLineRawStringLiteralToken:
                decoded = DecodeMultiLineRaw(text, out map);
                break;
            case SyntaxKind.InterpolatedStringTextToken when !_raw:
                decoded = Decode(text, 0, text.Length, _verbatim, interpolated: true, out map);
                break;
            case SyntaxKind.InterpolatedStringTextToken when Token.Parent?.Parent is InterpolatedStringExpressionSyntax multiLine &&
                                                             multiLine.StringStartToken.IsKind(SyntaxKind.InterpolatedMultiLineRawStringStartToken):
                // The text between holes keeps the source's indentation, which the value drops line by line: the
                // closing quotes' indentation. The first text starts a line (the start token ends with the newline).
                var endText = multiLine.StringEndToken.Text;
                decoded = DecodeRawLines(text, 0, text.Length, IndentationOf(endText), atLineStart: Token.SpanStart == multiLine.StringStartToken.Span.End, out map);
                break;
            case SyntaxKind.InterpolatedStringTextToken:
                decoded = text;
                map = Identity(text.Length);
                break;
        }

        if (decoded is null || decoded != Value || map is null) return null;
        for (var i = 0; i < map.Length; i++) map[i] += Token.SpanStart;
        return map;
    }

    /// <summary>
    /// A <c>"""</c> literal over several lines: its value is the lines between the opening and the closing line, each
    /// without the closing quotes' indentation (a line of blanks shorter than that is empty).
    /// </summary>
    private static string? DecodeMultiLineRaw(string text, out int[]? map)
    {
        map = null;
        var quotes = 0;
        while (quotes < text.Length && text[quotes] == '"') quotes++;
        var firstNewline = text.IndexOf('\n', quotes);
        if (firstNewline < 0) return null; // half typed: no line yet
        var closing = text.Length;
        while (closing > firstNewline + 1 && text[closing - 1] == '"') closing--;
        var lastNewline = text.LastIndexOf('\n', closing - 1);
        if (lastNewline <= firstNewline) return null;
        var contentEnd = lastNewline > 0 && text[lastNewline - 1] == '\r' ? lastNewline - 1 : lastNewline;
        return DecodeRawLines(text, firstNewline + 1, contentEnd, closing - (lastNewline + 1), atLineStart: true, out map);
    }

    /// <summary>The indentation of a multi-line raw string's end token (<c>\n    """</c>): what every line loses.</summary>
    private static int IndentationOf(string endText)
    {
        var lineStart = endText.LastIndexOf('\n') + 1;
        var quotes = endText.IndexOf('"', lineStart);
        return quotes < 0 ? 0 : quotes - lineStart;
    }

    /// <summary>
    /// Raw text from <paramref name="start"/> to <paramref name="end"/>, lines without their first
    /// <paramref name="indentation"/> characters: no escapes, so every value character is one source character.
    /// </summary>
    /// <param name="atLineStart">Whether <paramref name="start"/> begins a line (not text after a hole).</param>
    private static string DecodeRawLines(string text, int start, int end, int indentation, bool atLineStart, out int[]? map)
    {
        var value = new StringBuilder(end - start);
        var positions = new System.Collections.Generic.List<int>(end - start + 1);
        var i = start;
        while (i < end)
        {
            if (atLineStart)
            {
                atLineStart = false;
                // Up to the indentation's length of whitespace: a line of blanks shorter than it is empty.
                var j = i;
                while (j < end && j - i < indentation && text[j] is not ('\r' or '\n') && char.IsWhiteSpace(text[j])) j++;
                i = j;
                continue;
            }

            var c = text[i];
            positions.Add(i);
            value.Append(c);
            i++;
            if (c == '\n' || (c == '\r' && (i >= end || text[i] != '\n'))) atLineStart = true;
        }

        positions.Add(end);
        map = positions.ToArray();
        return value.ToString();
    }

    private static int[] Identity(int length)
    {
        var map = new int[length + 1];
        for (var i = 0; i <= length; i++) map[i] = i;
        return map;
    }

    private static string? Decode(string text, int start, int end, bool verbatim, bool interpolated, out int[]? map, bool raw = false)
    {
        var value = new StringBuilder();
        var positions = new System.Collections.Generic.List<int>(end - start + 1);
        map = null;
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (raw)
            {
                positions.Add(i);
                value.Append(c);
                i++;
                continue;
            }

            if (interpolated && (c == '{' || c == '}') && i + 1 < end && text[i + 1] == c)
            {
                positions.Add(i);
                value.Append(c);
                i += 2;
                continue;
            }

            if (verbatim)
            {
                positions.Add(i);
                value.Append(c);
                i += c == '"' && i + 1 < end && text[i + 1] == '"' ? 2 : 1;
                continue;
            }

            if (c != '\\')
            {
                positions.Add(i);
                value.Append(c);
                i++;
                continue;
            }

            if (i + 1 >= end) return null;
            var escapeStart = i;
            var next = text[i + 1];
            string? produced = next switch
            {
                '\'' => "'", '"' => "\"", '\\' => "\\", '0' => "\0", 'a' => "\a", 'b' => "\b", 'f' => "\f",
                'n' => "\n", 'r' => "\r", 't' => "\t", 'v' => "\v", 'e' => "\u001b",
                _ => null,
            };
            if (produced is not null)
            {
                i += 2;
            }
            else if (next is 'u' or 'U' or 'x')
            {
                var digits = next == 'u' ? 4 : next == 'U' ? 8 : 0;
                var j = i + 2;
                if (next == 'x')
                {
                    while (j < end && j < i + 6 && Uri.IsHexDigit(text[j])) j++;
                }
                else
                {
                    j = i + 2 + digits;
                }

                if (j > end || j == i + 2) return null;
                if (!int.TryParse(text.Substring(i + 2, j - i - 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code)) return null;
                try
                {
                    produced = char.ConvertFromUtf32(code);
                }
                catch (System.ArgumentOutOfRangeException)
                {
                    return null;
                }

                i = j;
            }
            else
            {
                return null;
            }

            foreach (var ch in produced)
            {
                positions.Add(escapeStart);
                value.Append(ch);
            }
        }

        positions.Add(end);
        map = positions.ToArray();
        return value.ToString();
    }
}
