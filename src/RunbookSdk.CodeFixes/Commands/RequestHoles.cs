using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace RunbookSdk.CodeFixes.Commands;

/// <summary>
/// Whether a secret moved into a hole of an <c>Http(...)</c> URL or a <c>Body(...)</c> is sent as it was written there.
/// The URL's handler sends a hole before the path (the scheme, the user and password, the host) as written and
/// percent-encodes one after it (<c>Uri.EscapeDataString</c>), which leaves letters, digits and <c>-_.~</c> as they are;
/// the body's handler escapes a hole inside a JSON string (<c>"</c>, <c>\</c> and control characters) and writes one
/// outside a string as a JSON value. So the fix is offered for a URL's secret in the authority or made only of those
/// characters, and for a body's secret inside a JSON string with none of those escapes; anywhere else the request
/// would carry another value than the one that was in the literal.
/// </summary>
internal static class RequestHoles
{
    /// <summary>
    /// True when a hole at <paramref name="span"/> of <paramref name="literal"/>, the argument of <paramref name="call"/>
    /// (<c>Http</c> or <c>Body</c>), would send <paramref name="value"/> as it is.
    /// </summary>
    public static bool SendAsWritten(string call, ExpressionSyntax literal, TextSpan span, string value)
    {
        var before = literal.SyntaxTree.GetText().ToString(TextSpan.FromBounds(literal.SpanStart, span.Start));
        return call == "Http" ? UrlSendsAsWritten(before, value) : BodySendsAsWritten(literal, before, value);
    }

    private static bool UrlSendsAsWritten(string before, string value)
    {
        if (IsUnreserved(value)) return true;
        // In the authority (https://ops:SECRET@host): the handler sends it as written. Not past the path's first '/'.
        var scheme = before.IndexOf("://", System.StringComparison.Ordinal);
        return scheme >= 0 && before.IndexOfAny(new[] { '/', '?', '#' }, scheme + 3) < 0;
    }

    private static bool BodySendsAsWritten(ExpressionSyntax literal, string before, string value)
    {
        foreach (var c in value)
        {
            if (c is '"' or '\\' or < ' ') return false;
        }

        // Inside a JSON string, read from the literal's value up to the secret. A string with holes before the secret is
        // not judged: a hole's value may hold quotes.
        if (ValueBefore(literal, before) is not { } json) return false;
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            if (inString && json[i] == '\\') i++;
            else if (json[i] == '"') inString = !inString;
        }

        return inString;
    }

    /// <summary>The value of <paramref name="literal"/>'s text <paramref name="before"/> the secret, null when a hole comes first.</summary>
    private static string? ValueBefore(ExpressionSyntax literal, string before)
    {
        if (literal is InterpolatedStringExpressionSyntax interpolated &&
            interpolated.Contents.Any(c => c is InterpolationSyntax && c.SpanStart < literal.SpanStart + before.Length))
            return null;
        var opening = literal is LiteralExpressionSyntax l ? l.Token.Text : ((InterpolatedStringExpressionSyntax)literal).StringStartToken.Text;
        var quotes = opening.TrimStart('$', '@').TakeWhile(c => c == '"').Count();
        // A raw string has no escapes: its text is its value (its lines' indentation changes no quote).
        if (quotes >= 3) return before.Substring(before.IndexOf('"') + quotes);
        var parsed = SyntaxFactory.ParseExpression(before + "\"");
        return parsed switch
        {
            LiteralExpressionSyntax { Token.Value: string value } => value,
            InterpolatedStringExpressionSyntax { Contents: [InterpolatedStringTextSyntax text] } => text.TextToken.ValueText,
            InterpolatedStringExpressionSyntax { Contents.Count: 0 } => "",
            _ => null,
        };
    }

    private static bool IsUnreserved(string value)
    {
        foreach (var c in value)
        {
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '_' or '.' or '~')) return false;
        }

        return value.Length > 0;
    }
}
