using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.CodeFixes.Parameters;

/// <summary>
/// RB0031: removes a <c>[Parameter]</c> property nothing of the runbook reads, with its attributes and its comments, so
/// the page no longer lists it and a run no longer asks for it (or refuses to start without it).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveUnreadParameterCodeFix)), Shared]
public sealed class RemoveUnreadParameterCodeFix : CodeFixProvider
{
    internal const string Key = "RemoveUnreadParameter";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("RB0031");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindToken(diagnostic.Location.SourceSpan.Start).Parent is not PropertyDeclarationSyntax property) continue;
            context.RegisterCodeFix(
                CodeAction.Create($"Remove parameter '{property.Identifier.ValueText}'", _ => Task.FromResult(context.Document.WithSyntaxRoot(Without(root, property))), Key),
                diagnostic);
        }
    }

    private static SyntaxNode Without(SyntaxNode root, PropertyDeclarationSyntax property)
    {
        // The blank line that parted the property from the next member would open the class with an empty line.
        var next = property.GetLastToken().GetNextToken();
        var firstMember = property.Parent is TypeDeclarationSyntax type && type.Members.FirstOrDefault() == property;
        var leading = next.LeadingTrivia;
        var updated = firstMember && leading.Count > 0 && leading[0].IsKind(SyntaxKind.EndOfLineTrivia)
            ? root.ReplaceToken(next, next.WithLeadingTrivia(leading.RemoveAt(0)))
            : root;
        var removed = updated.FindNode(property.Span) as PropertyDeclarationSyntax ?? property;
        return updated.RemoveNode(removed.FirstAncestorOrSelf<PropertyDeclarationSyntax>()!, SyntaxRemoveOptions.KeepNoTrivia) ?? root;
    }
}
