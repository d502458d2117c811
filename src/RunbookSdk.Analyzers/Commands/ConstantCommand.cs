using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunbookSdk.Analyzers.Dsl;
using RunbookSdk.Commands;

namespace RunbookSdk.Analyzers.Commands;

/// <summary>
/// RB0022: a <c>Run($"…")</c> whose holes are all constant strings never reaches the command handler. C# makes the
/// whole text one constant and passes it to <c>Run(string)</c>, which runs it as written: <c>$"rm -rf /srv/{Dir}"</c>
/// with <c>const string Dir = "my app"</c> runs <c>rm -rf /srv/my app</c>, two paths, where a hole is quoted as one
/// word everywhere else. Reported for each constant the handler would have written otherwise — a space, a quote, a
/// <c>$</c>, an empty value — where it stands; a plain word reads the same either way.
/// </summary>
internal static class ConstantCommand
{
    /// <summary>
    /// The holes of <paramref name="interpolated"/>, a command C# made one constant string, whose values the shell reads
    /// otherwise than a hole's: each with its value and how the handler would have written it (null where the handler
    /// would have refused the value).
    /// </summary>
    public static IEnumerable<(InterpolationSyntax Hole, string Value, string? Quoted)> UnquotedHoles(InterpolatedStringExpressionSyntax interpolated, SyntaxValues values)
    {
        var braces = interpolated.StringStartToken.IsKind(SyntaxKind.InterpolatedStringStartToken) || interpolated.StringStartToken.IsKind(SyntaxKind.InterpolatedVerbatimStringStartToken);
        var pieces = new List<string?>(interpolated.Contents.Count);
        foreach (var content in interpolated.Contents)
        {
            if (content is InterpolatedStringTextSyntax text) pieces.Add(Literal(text, braces));
            else if (content is InterpolationSyntax hole && values.ConstantString(hole.Expression) is not null) pieces.Add(null);
            else yield break; // not a constant string: the text goes to the handler, which quotes its holes (RB0017's)
        }

        // The whole text, as the handler reads it: what follows a word (a pipe into a shell) decides how it is quoted.
        var shell = new ShellQuoteContext(ShellQuoteContext.WholeText(pieces));
        foreach (var content in interpolated.Contents)
        {
            if (content is InterpolatedStringTextSyntax text)
            {
                shell.Advance(Literal(text, braces));
                continue;
            }

            var hole = (InterpolationSyntax)content;
            var value = values.ConstantString(hole.Expression)!;
            string? quoted;
            try
            {
                quoted = shell.QuoteHole(value, value);
            }
            catch (CommandQuotingException)
            {
                quoted = null;
            }

            if (quoted != value) yield return (hole, value, quoted);
            shell.AfterHole(quoted ?? value);
        }
    }

    /// <summary>Tells the code fix it may put single quotes around the hole.</summary>
    public const string QuoteInPlaceProperty = "QuoteInPlace";

    /// <summary>
    /// When the handler would have written the value in single quotes and nothing else (<c>'my app'</c>), quotes put
    /// around the hole in the source make the finished text exactly what the handler would have run: the fix may write
    /// them. Not for a value the handler writes otherwise (one with a <c>'</c>, one inside double quotes or a
    /// here-document) or refuses.
    /// </summary>
    public static ImmutableDictionary<string, string?> FixProperties(string value, string? quoted) =>
        quoted is not null && quoted.Length == value.Length + 2 && quoted[0] == '\'' && quoted[quoted.Length - 1] == '\'' &&
        string.CompareOrdinal(quoted, 1, value, 0, value.Length) == 0
            ? s_quoteInPlace
            : ImmutableDictionary<string, string?>.Empty;

    private static readonly ImmutableDictionary<string, string?> s_quoteInPlace = ImmutableDictionary<string, string?>.Empty.Add(QuoteInPlaceProperty, "true");

    private static string Literal(InterpolatedStringTextSyntax text, bool braces) =>
        braces ? text.TextToken.ValueText.Replace("{{", "{").Replace("}}", "}") : text.TextToken.ValueText;
}
