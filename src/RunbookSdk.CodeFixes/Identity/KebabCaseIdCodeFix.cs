using System.Collections.Immutable;
using System.Composition;
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
/// kebab-case finding: a duplicated id needs a new name, not a new spelling.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KebabCaseIdCodeFix)), Shared]
public sealed class KebabCaseIdCodeFix : CodeFixProvider
{
    internal const string Key = "KebabCaseId";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("RB0011");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

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
