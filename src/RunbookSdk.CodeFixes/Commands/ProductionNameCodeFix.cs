using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using RunbookSdk.Analyzers.Text;

namespace RunbookSdk.CodeFixes.Commands;

/// <summary>
/// RB0012: offers the resource name without its environment part — <c>omnix-ai-backend-dev</c> → <c>omnix-ai-backend</c> —
/// in a command, URL or parameter default. The title shows the name, because it is a guess at what production calls
/// the resource: the person accepts it only when it is right.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ProductionNameCodeFix)), Shared]
public sealed class ProductionNameCodeFix : CodeFixProvider
{
    internal const string Key = "ProductionName";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("RB0012");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var text = await context.Document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (Replacement(text, diagnostic) is not { } name) continue;
            var span = diagnostic.Location.SourceSpan;
            context.RegisterCodeFix(
                CodeAction.Create($"Use '{name}'", token => FixAsync(context.Document, span, name, token), Key + ":" + name),
                diagnostic);
        }
    }

    /// <summary>
    /// The name to write, when the finding points exactly at the resource name as written in one literal: a finding on
    /// a whole argument (text built from constants) or on text with escapes is left alone.
    /// </summary>
    private static string? Replacement(SourceText text, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(NonProductionNames.ResourceProperty, out var resource) || resource is null ||
            !diagnostic.Properties.TryGetValue(NonProductionNames.ProductionNameProperty, out var name) || name is null) return null;
        var span = diagnostic.Location.SourceSpan;
        return span.End <= text.Length && text.ToString(span) == resource && name.IndexOfAny(['"', '\\', '{', '}']) < 0 ? name : null;
    }

    private static async Task<Document> FixAsync(Document document, TextSpan span, string name, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return document.WithText(text.WithChanges(new TextChange(span, name)));
    }
}
