using System.Collections.Immutable;
using System.Linq;
using System.Composition;
using System.Globalization;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using RunbookSdk.CodeFixes.Editing;

namespace RunbookSdk.CodeFixes.Commands;

/// <summary>
/// RB0017: <c>$"{Kubectl} get pods -n {Namespace}"</c> becomes <c>$"kubectl --context prod get pods -n {Namespace}"</c>:
/// the constant's text written into the command, where the shell splits it, instead of a hole the handler quotes as
/// one word. Escaped for the string it lands in; in a raw string, which has no escapes, written as it is where its
/// braces and quotes read as text there, and not offered where they would not.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InlineConstantHoleCodeFix)), Shared]
public sealed class InlineConstantHoleCodeFix : CodeFixProvider
{
    internal const string Key = "InlineConstantHole";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("RB0017");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null) return;

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InterpolationSyntax hole ||
                hole.Parent is not InterpolatedStringExpressionSyntax text ||
                model.GetConstantValue(hole.Expression, context.CancellationToken) is not { HasValue: true, Value: { } value }) continue;

            var constant = System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
            var written = Escape(constant, text);
            if (written is null || !ReadsAsWritten(text, hole, written, constant)) continue;
            var change = new TextChange(hole.Span, written);
            context.RegisterCodeFix(
                CodeAction.Create($"Write '{hole.Expression}' into the command text", token => ApplyAsync(context.Document, change, token), Key),
                diagnostic);
        }
    }

    private static async Task<Document> ApplyAsync(Document document, TextChange change, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return document.WithText(text.WithChanges(change));
    }

    /// <summary>
    /// The value as it must be written inside the interpolated string; null when it cannot be: in a raw string, which
    /// has no escapes, a line break, as many braces in a row as the string has <c>$</c> (they would open a hole), or as
    /// many quotes in a row as close it.
    /// </summary>
    private static string? Escape(string value, InterpolatedStringExpressionSyntax text)
    {
        var start = text.StringStartToken;
        if (start.IsKind(SyntaxKind.InterpolatedVerbatimStringStartToken))
            return value.Replace("\"", "\"\"").Replace("{", "{{").Replace("}", "}}");
        if (!start.IsKind(SyntaxKind.InterpolatedStringStartToken))
        {
            var dollars = start.Text.TakeWhile(c => c == '$').Count();
            var quotes = start.Text.Count(c => c == '"');
            return value.IndexOfAny(['\n', '\r']) < 0 && InterpolatedLiteral.LongestRun(value, '{') < dollars && InterpolatedLiteral.LongestRun(value, '}') < dollars &&
                   InterpolatedLiteral.LongestRun(value, '"') < quotes
                ? value
                : null;
        }

        return InterpolatedLiteral.AppendEscaped(new StringBuilder(value.Length + 8), value).ToString();
    }

    /// <summary>
    /// The string with the text in the hole's place still compiles, with one hole fewer, and — a raw string having no
    /// escapes — holds the constant's text as written: a quote or brace beside the delimiters or another hole can read
    /// otherwise there than it does alone (<c>$"""{Quoted}"""</c> with a quote at the end closes the string early).
    /// </summary>
    private static bool ReadsAsWritten(InterpolatedStringExpressionSyntax text, InterpolationSyntax hole, string written, string constant)
    {
        var source = text.ToString();
        var at = hole.SpanStart - text.SpanStart;
        var edited = source.Substring(0, at) + written + source.Substring(at + hole.Span.Length);
        if (SyntaxFactory.ParseExpression(edited) is not InterpolatedStringExpressionSyntax parsed || parsed.ContainsDiagnostics ||
            parsed.Contents.OfType<InterpolationSyntax>().Count() != text.Contents.OfType<InterpolationSyntax>().Count() - 1) return false;
        if (written != constant) return true; // escaped for a regular or verbatim string
        return Length(parsed) == Length(text) + constant.Length;
    }

    private static int Length(InterpolatedStringExpressionSyntax text) =>
        text.Contents.OfType<InterpolatedStringTextSyntax>().Sum(t => t.TextToken.ValueText.Length);
}
