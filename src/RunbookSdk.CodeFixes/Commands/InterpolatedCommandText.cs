using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunbookSdk.CodeFixes.Editing;

namespace RunbookSdk.CodeFixes.Commands;

/// <summary>
/// Rewrites a command built from pieces — <c>"… " + Region</c>, <c>string.Format("… {0}", Region)</c> — as one
/// interpolated string, <c>$"… {Region}"</c>, with the same text: literal parts escaped for <c>$"…"</c>
/// (braces doubled), every other part a hole. A script over several lines written as a raw string stays one:
/// <c>$$"""</c> with its lines as they were, instead of one line of <c>\n</c> escapes. Passed straight to <c>Run</c>,
/// that string binds to the command interpolation handler, which quotes each hole for the shell.
/// </summary>
internal sealed class InterpolatedCommandText
{
    // The command in order: literal text (Hole null) and holes (the expression as written, and its format).
    private readonly List<(string Text, string? Format, bool IsHole)> _pieces = [];
    private bool _hasLiteral;
    private bool _hasHole;
    // The closing line's indentation of the first raw string over several lines among the pieces, when there is one.
    private string? _rawIndentation;

    private InterpolatedCommandText()
    {
    }

    /// <summary>
    /// The interpolated string for <paramref name="expression"/>, or null when it is not text built from pieces
    /// (a single variable, a method call): turned into <c>$"{X}"</c>, the whole command would become one quoted word.
    /// </summary>
    public static string? From(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        var builder = new InterpolatedCommandText();
        var ok = expression is InvocationExpressionSyntax format
            ? builder.AppendFormat(format, model, cancellationToken)
            : builder.Append(expression, model, cancellationToken);
        if (!ok || !builder._hasLiteral || !builder._hasHole) return null;
        return builder.AsRawString() ?? builder.AsRegularString();
    }

    private string AsRegularString()
    {
        var text = new StringBuilder("$\"");
        foreach (var (piece, format, isHole) in _pieces)
        {
            if (isHole) AppendHole(text, piece, format, 1);
            else InterpolatedLiteral.AppendEscaped(text, piece);
        }

        return text.Append('"').ToString();
    }

    /// <summary>
    /// The command as a raw string over several lines, when a piece was written as one and the text keeps its lines:
    /// only line feeds and tabs among the control characters, and no hole over several lines. Null otherwise.
    /// </summary>
    private string? AsRawString()
    {
        if (_rawIndentation is not { } indentation) return null;
        var literal = string.Concat(_pieces.Where(p => !p.IsHole).Select(p => p.Text));
        if (literal.IndexOf('\n') < 0 || literal.Any(c => char.IsControl(c) && c is not '\n' and not '\t')
            || _pieces.Any(p => p.IsHole && p.Text.IndexOfAny(['\r', '\n']) >= 0)) return null;

        // More dollars than the longest brace run of the text, more quotes than its longest quote run.
        var dollars = Math.Max(InterpolatedLiteral.LongestRun(literal, '{'), InterpolatedLiteral.LongestRun(literal, '}')) + 1;
        var quotes = new string('"', Math.Max(3, InterpolatedLiteral.LongestRun(literal, '"') + 1));
        var content = new StringBuilder();
        foreach (var (piece, format, isHole) in _pieces)
        {
            if (isHole) AppendHole(content, piece, format, dollars);
            else content.Append(piece);
        }

        var text = new StringBuilder(new string('$', dollars)).Append(quotes);
        foreach (var line in content.ToString().Split('\n'))
        {
            text.Append('\n');
            if (line.Length > 0) text.Append(indentation).Append(line);
        }

        return text.Append('\n').Append(indentation).Append(quotes).ToString();
    }

    private bool Append(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized when IsString(parenthesized, model, cancellationToken):
                return Append(parenthesized.Expression, model, cancellationToken);
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression) && IsString(binary, model, cancellationToken):
                // "a" + b + "c" is ("a" + b) + "c"; 1 + 2 + "a" is (1 + 2) + "a", whose left side is a number, kept as one hole.
                return Append(binary.Left, model, cancellationToken) && Append(binary.Right, model, cancellationToken);
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                if (literal.Token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken)) NoteRawIndentation(literal.Token.Text);
                AppendLiteral(literal.Token.ValueText);
                return true;
            case InterpolatedStringExpressionSyntax interpolated:
                return AppendInterpolated(interpolated, model, cancellationToken);
            default:
                if (ConstantText(expression, model, cancellationToken) is { } constant)
                {
                    // The handler quotes every hole, constant or not: a constant keeps its meaning only as literal text.
                    AppendLiteral(constant);
                    return true;
                }

                AppendHole(expression, null);
                return true;
        }
    }

    private bool AppendInterpolated(InterpolatedStringExpressionSyntax interpolated, SemanticModel model, CancellationToken cancellationToken)
    {
        var start = interpolated.StringStartToken;
        foreach (var content in interpolated.Contents)
        {
            switch (content)
            {
                case InterpolatedStringTextSyntax text when start.IsKind(SyntaxKind.InterpolatedStringStartToken)
                    || start.IsKind(SyntaxKind.InterpolatedVerbatimStringStartToken):
                    AppendLiteral(text.TextToken.ValueText);
                    break;
                case InterpolatedStringTextSyntax text when start.IsKind(SyntaxKind.InterpolatedMultiLineRawStringStartToken):
                    // The text without the indentation the closing line sets, as the compiler reads it.
                    NoteRawIndentation(interpolated.StringEndToken.Text);
                    AppendLiteral(text.TextToken.ValueText);
                    break;
                case InterpolationSyntax { AlignmentClause: null, FormatClause: null } hole
                    when ConstantText(hole.Expression, model, cancellationToken) is { } constant:
                    AppendLiteral(constant);
                    break;
                case InterpolationSyntax hole:
                    var format = hole.FormatClause?.FormatStringToken.ValueText;
                    if (format is not null && !IsPlainFormat(format)) return false;
                    if (hole.AlignmentClause is not null) return false; // the handler has no alignment: padding a shell word means nothing
                    AppendHole(hole.Expression, format);
                    break;
                default:
                    return false; // a raw string on one line: rare in a concatenation, left to the person
            }
        }

        return true;
    }

    /// <summary><c>string.Format("… {0} …", a)</c> with a constant format and its arguments listed one by one.</summary>
    private bool AppendFormat(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol
            {
                Name: "Format", IsStatic: true, ContainingType.SpecialType: SpecialType.System_String, Parameters: [{ Type.SpecialType: SpecialType.System_String }, ..],
            }) return false;

        var arguments = invocation.ArgumentList.Arguments;
        if (arguments.Count < 2 || arguments[0].NameColon is not null) return false;
        if (model.GetConstantValue(arguments[0].Expression, cancellationToken) is not { HasValue: true, Value: string format }) return false;
        for (var i = 1; i < arguments.Count; i++)
        {
            // An object[] handed to params, or a named argument, does not map {0} to a written expression.
            if (arguments[i].NameColon is not null || model.GetTypeInfo(arguments[i].Expression, cancellationToken).Type is IArrayTypeSymbol) return false;
        }

        var literal = new StringBuilder();
        var position = 0;
        while (position < format.Length)
        {
            var c = format[position];
            if ((c == '{' || c == '}') && position + 1 < format.Length && format[position + 1] == c)
            {
                literal.Append(c);
                position += 2;
                continue;
            }

            if (c == '}') return false;
            if (c != '{')
            {
                literal.Append(c);
                position++;
                continue;
            }

            var end = format.IndexOf('}', position);
            if (end < 0 || !TryParseItem(format.Substring(position + 1, end - position - 1), out var index, out var hasAlignment, out var itemFormat)) return false;
            if (hasAlignment) return false;
            if (index + 1 >= arguments.Count) return false;
            if (itemFormat is not null && !IsPlainFormat(itemFormat)) return false;
            if (literal.Length > 0) AppendLiteral(literal.ToString());
            literal.Clear();
            AppendHole(arguments[index + 1].Expression, itemFormat);
            position = end + 1;
        }

        if (literal.Length > 0) AppendLiteral(literal.ToString());
        return true;
    }

    private static bool TryParseItem(string item, out int index, out bool hasAlignment, out string? format)
    {
        index = -1;
        hasAlignment = false;
        format = null;
        var colon = item.IndexOf(':');
        if (colon >= 0)
        {
            format = item.Substring(colon + 1);
            item = item.Substring(0, colon);
        }

        var comma = item.IndexOf(',');
        if (comma >= 0)
        {
            hasAlignment = true;
            item = item.Substring(0, comma);
        }

        return int.TryParse(item.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out index);
    }

    /// <summary>A format the hole can carry as written: no quote or backslash to escape, no brace to end the hole.</summary>
    private static bool IsPlainFormat(string format) => format.IndexOfAny(['"', '\\', '{', '}']) < 0;

    private void AppendHole(ExpressionSyntax expression, string? format)
    {
        var text = expression.WithoutTrivia().ToString();
        // A ':' at the top of a hole would start its format ("a ? b : c", "global::X"): parentheses keep it an expression.
        if (text.IndexOf(':') >= 0) text = "(" + text + ")";
        _pieces.Add((text, format, true));
        _hasHole = true;
    }

    private static void AppendHole(StringBuilder text, string expression, string? format, int braces)
    {
        text.Append('{', braces).Append(expression);
        if (format is not null) text.Append(':').Append(format);
        text.Append('}', braces);
    }

    private void AppendLiteral(string value)
    {
        _pieces.Add((value, null, false));
        _hasLiteral |= value.Length > 0;
    }

    /// <summary>Keeps the indentation of a raw string's closing line (the whitespace before its quotes), the first one met.</summary>
    private void NoteRawIndentation(string closing)
    {
        if (_rawIndentation is not null) return;
        var lastLine = closing.Substring(closing.LastIndexOf('\n') + 1);
        _rawIndentation = lastLine.Substring(0, lastLine.Length - lastLine.TrimStart().Length);
    }

    /// <summary>
    /// The text of a string or char constant (<c>' '</c> between two words must stay a space the shell splits at, not
    /// a quoted hole); null for anything else.
    /// </summary>
    private static string? ConstantText(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken) =>
        model.GetConstantValue(expression, cancellationToken) switch
        {
            { HasValue: true, Value: string text } => text,
            { HasValue: true, Value: char c } => c.ToString(),
            _ => null,
        };

    private static bool IsString(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken) =>
        model.GetTypeInfo(expression, cancellationToken).Type?.SpecialType == SpecialType.System_String;
}
