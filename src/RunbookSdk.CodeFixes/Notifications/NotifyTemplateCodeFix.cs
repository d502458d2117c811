using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunbookSdk.Analyzers.Notifications;

namespace RunbookSdk.CodeFixes.Notifications;

/// <summary>
/// RB0023: <c>Notify("custmer-update")</c> becomes <c>Notify("customer-update")</c>, the defined template it is closest
/// to. Offered only for a name written as a literal and only when one defined name is close (a third of its letters
/// or fewer differ): anything else — a new template, another name — is for the author to decide.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NotifyTemplateCodeFix)), Shared]
public sealed class NotifyTemplateCodeFix : CodeFixProvider
{
    internal const string Key = "NotifyTemplate";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("RB0023");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(NotifyTemplateAnalyzer.SuggestionProperty, out var name) || name is null) continue;
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
                || !literal.IsKind(SyntaxKind.StringLiteralExpression)) continue;
            context.RegisterCodeFix(
                CodeAction.Create($"Send the template '{name}'", token => FixAsync(context.Document, root, literal, name, token), Key),
                diagnostic);
        }
    }

    private static Task<Document> FixAsync(Document document, SyntaxNode root, LiteralExpressionSyntax literal, string name, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(name)).WithTriviaFrom(literal);
        return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(literal, replacement)));
    }
}
