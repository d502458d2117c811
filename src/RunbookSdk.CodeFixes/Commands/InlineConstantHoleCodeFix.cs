using System.Collections.Immutable;
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
/// one word. Escaped for the string it lands in; not offered in a raw string where the text would need braces or
/// quotes escaped (a raw string has no escapes).
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

            var written = Escape(System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", text.StringStartToken);
            if (written is null) continue;
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

    /// <summary>The value as it must be written inside the interpolated string; null when it cannot be (a raw string).</summary>
    private static string? Escape(string value, SyntaxToken start)
    {
        if (start.IsKind(SyntaxKind.InterpolatedVerbatimStringStartToken))
            return value.Replace("\"", "\"\"").Replace("{", "{{").Replace("}", "}}");
        if (!start.IsKind(SyntaxKind.InterpolatedStringStartToken))
            return value.IndexOfAny(['{', '}', '"', '\n', '\r']) < 0 ? value : null;

        return InterpolatedLiteral.AppendEscaped(new StringBuilder(value.Length + 8), value).ToString();
    }
}
