using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunbookSdk.Analyzers.Dsl;

namespace RunbookSdk.Analyzers.Commands;

/// <summary>
/// RB0028: <c>{Stage}</c> written in a command, URL, header value or body that is a plain string literal, where the runbook has a
/// <c>[Parameter] Stage</c>. Only an interpolated string puts a parameter's value in; a plain string is run as written,
/// so the shell gets the text <c>{Stage}</c>, while the page, which shows holes the same way, reads as if it were filled.
/// Writing a command like a communication template (whose placeholders are filled) is an easy slip.
/// </summary>
internal static class PlainTextParameters
{
    /// <summary>A <c>{Name}</c> in the text, where it starts and how long it is, and the parameter it names.</summary>
    public readonly record struct Placeholder(int Start, int Length, string Name);

    /// <summary>
    /// The <c>{Name}</c> placeholders of <paramref name="argument"/> that name a parameter of the runbook, when the
    /// argument is a plain string literal (regular, verbatim or raw); none for any other expression. <c>${Name}</c>
    /// (a shell variable) and <c>{{Name}}</c> (a Go or Helm template) are left alone.
    /// </summary>
    public static IEnumerable<Placeholder> In(ExpressionSyntax argument, string text, SyntaxValues values)
    {
        if (SyntaxValues.Unwrap(argument) is not LiteralExpressionSyntax literal || !literal.IsKind(SyntaxKind.StringLiteralExpression)) yield break;
        foreach (var candidate in Candidates(text))
        {
            if (values.ParameterNamed(candidate.Name) is not null) yield return candidate;
        }
    }

    /// <summary>
    /// Every <c>{Name}</c> in <paramref name="text"/> whose name is a C# identifier, but not <c>${Name}</c> nor
    /// <c>{{Name}}</c>: what would be a hole of an interpolated string. The code fix reads the source text with it.
    /// </summary>
    public static IEnumerable<Placeholder> Candidates(string text)
    {
        for (var open = text.IndexOf('{'); open >= 0; open = text.IndexOf('{', open + 1))
        {
            var close = NameEnd(text, open + 1);
            if (close < 0 || text[close] != '}') continue;
            if (open > 0 && text[open - 1] is '$' or '{' || close + 1 < text.Length && text[close + 1] == '}') continue;
            yield return new Placeholder(open, close - open + 1, text.Substring(open + 1, close - open - 1));
        }
    }

    /// <summary>Where a C# identifier starting at <paramref name="start"/> ends; -1 when none starts there.</summary>
    private static int NameEnd(string text, int start)
    {
        if (start >= text.Length || !(char.IsLetter(text[start]) || text[start] == '_')) return -1;
        var end = start + 1;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_')) end++;
        return end < text.Length ? end : -1;
    }
}
