using System.Globalization;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunbookSdk.CodeFixes.Editing;

namespace RunbookSdk.CodeFixes.Commands;

/// <summary>
/// Rewrites a command built from pieces — <c>"… " + Region</c>, <c>string.Format("… {0}", Region)</c> — as one
/// regular interpolated string, <c>$"… {Region}"</c>, with the same text: literal parts escaped for <c>$"…"</c>
/// (braces doubled), every other part a hole. Passed straight to <c>Run</c>, that string binds to the command
/// interpolation handler, which quotes each hole for the shell.
/// </summary>
internal sealed class InterpolatedCommandText
{
    private readonly StringBuilder _text = new("$\"");
    private bool _hasLiteral;
    private bool _hasHole;

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
        return builder._text.Append('"').ToString();
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
                case InterpolatedStringTextSyntax text when start.IsKind(SyntaxKind.InterpolatedStringStartToken):
                    // Already escaped for $"…".
                    _text.Append(text.TextToken.Text);
                    _hasLiteral = true;
                    break;
                case InterpolatedStringTextSyntax text when start.IsKind(SyntaxKind.InterpolatedVerbatimStringStartToken):
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
                    return false; // raw strings: rare in a concatenation, left to the person
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
        _text.Append('{').Append(text);
        if (format is not null) _text.Append(':').Append(format);
        _text.Append('}');
        _hasHole = true;
    }

    private void AppendLiteral(string value)
    {
        InterpolatedLiteral.AppendEscaped(_text, value);
        _hasLiteral |= value.Length > 0;
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
