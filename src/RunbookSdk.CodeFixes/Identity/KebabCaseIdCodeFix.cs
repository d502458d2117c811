using System;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunbookSdk.Analyzers.Identity;

namespace RunbookSdk.CodeFixes.Identity;

/// <summary>
/// RB0011: <c>[Runbook("Api_Lambda_Failure")]</c> becomes <c>[Runbook("api-lambda-failure")]</c>. Offered only for an id
/// written as a literal in the attribute (a constant may be shared, and is the person's to rename) and only for the
/// kebab-case finding: a duplicated id needs a new name, not a new spelling. Fix All respells only the first of the ids
/// that share a kebab-case spelling (<c>Api_Failure</c>, <c>API_FAILURE</c>), as fixing them one by one would: two would
/// trade the findings for a duplicate id.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KebabCaseIdCodeFix)), Shared]
public sealed class KebabCaseIdCodeFix : CodeFixProvider
{
    internal const string Key = "KebabCaseId";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("RB0011");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => s_fixAll;

    private static readonly FixAllProvider s_fixAll = FixAllProvider.Create(FixAllInDocumentAsync);

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(IdentityAnalyzer.SuggestedIdProperty, out var id) || id is null) continue;
            if (LiteralAt(root, diagnostic) is null) continue;
            context.RegisterCodeFix(
                CodeAction.Create($"Use the id '{id}' (links to the old page name break)", token => FixAsync(context.Document, diagnostic, id, token), Key),
                diagnostic);
        }
    }

    /// <summary>
    /// The document's findings fixed at once, except those whose spelling an earlier finding in scope (the document, or
    /// the project for a project or solution) also gets: ids are unique per compilation.
    /// </summary>
    private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var inScope = context.Scope == FixAllScope.Document
            ? diagnostics
            : await context.GetAllDiagnosticsAsync(document.Project).ConfigureAwait(false);
        var first = inScope
            .Where(d => d.Id == "RB0011" && d.Location.SourceTree is { } tree && SuggestedId(d) is not null &&
                        LiteralAt(tree.GetRoot(context.CancellationToken), d) is not null)
            .OrderBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start)
            .GroupBy(d => SuggestedId(d)!, StringComparer.Ordinal)
            .Select(group => group.First())
            .ToList();

        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return document;
        var replacements = new System.Collections.Generic.Dictionary<SyntaxNode, string>();
        foreach (var diagnostic in diagnostics)
        {
            if (!first.Any(f => f.Location.SourceTree == diagnostic.Location.SourceTree && f.Location.SourceSpan == diagnostic.Location.SourceSpan)) continue;
            if (LiteralAt(root, diagnostic) is { } literal && SuggestedId(diagnostic) is { } id && !replacements.ContainsKey(literal)) replacements[literal] = id;
        }

        return document.WithSyntaxRoot(root.ReplaceNodes(replacements.Keys,
            (original, _) => SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(replacements[original])).WithTriviaFrom(original)));
    }

    private static string? SuggestedId(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(IdentityAnalyzer.SuggestedIdProperty, out var id) ? id : null;

    private static LiteralExpressionSyntax? LiteralAt(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) switch
        {
            AttributeArgumentSyntax { Expression: LiteralExpressionSyntax literal } when literal.IsKind(SyntaxKind.StringLiteralExpression) => literal,
            LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => literal,
            _ => null,
        };

    private static async Task<Document> FixAsync(Document document, Diagnostic diagnostic, string id, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || LiteralAt(root, diagnostic) is not { } literal) return document;
        var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(id)).WithTriviaFrom(literal);
        return document.WithSyntaxRoot(root.ReplaceNode(literal, replacement));
    }
}
