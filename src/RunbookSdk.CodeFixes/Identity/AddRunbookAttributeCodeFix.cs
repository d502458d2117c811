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
using RunbookSdk.CodeFixes.Editing;

namespace RunbookSdk.CodeFixes.Identity;

/// <summary>
/// RB0030: <c>public sealed class ApiOutage : Runbook&lt;ServiceHandbook&gt;</c> gets <c>[Runbook("api-outage")]</c>, the id
/// the runbook item template gives a class of that name, above the class and its other attributes, after its comments.
/// Offered only when no other runbook or handbook has that id (the analyzer says so).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddRunbookAttributeCodeFix)), Shared]
public sealed class AddRunbookAttributeCodeFix : CodeFixProvider
{
    internal const string Key = "AddRunbookAttribute";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("RB0030");

    /// <inheritdoc />
    /// <remarks>Not Fix All: two classes whose names give one id would trade the findings for a duplicated id (RB0011).</remarks>
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(IdentityAnalyzer.SuggestedIdProperty, out var id) || id is null) continue;
            if (ClassAt(root, diagnostic) is null) continue;
            context.RegisterCodeFix(
                CodeAction.Create($"Add [Runbook(\"{id}\")]", token => FixAsync(context.Document, diagnostic, id, token), Key),
                diagnostic);
        }
    }

    private static ClassDeclarationSyntax? ClassAt(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindToken(diagnostic.Location.SourceSpan.Start).Parent as ClassDeclarationSyntax;

    private static async Task<Document> FixAsync(Document document, Diagnostic diagnostic, string id, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || ClassAt(root, diagnostic) is not { } declaration) return document;

        // The class's comments and indentation go before the new attribute, which is on a line of its own; the class
        // (or its first attribute) keeps the indentation.
        var leading = declaration.GetLeadingTrivia();
        var indentation = leading.Count > 0 && leading.Last().IsKind(SyntaxKind.WhitespaceTrivia) ? SyntaxFactory.TriviaList(leading.Last()) : SyntaxFactory.TriviaList();
        var attribute = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Attribute(
                SyntaxFactory.ParseName(AttributeName(model, declaration.SpanStart)),
                SyntaxFactory.ParseAttributeArgumentList("(" + SymbolDisplay.FormatLiteral(id, quote: true) + ")"))))
            .WithLeadingTrivia(leading)
            .WithTrailingTrivia(SyntaxFactory.EndOfLine(FluentChain.EndOfLine(root)));
        var stripped = declaration.WithLeadingTrivia(indentation);
        var updated = stripped.WithAttributeLists(stripped.AttributeLists.Insert(0, attribute));
        return document.WithSyntaxRoot(root.ReplaceNode(declaration, updated));
    }

    /// <summary><c>Runbook</c> where that names RunbookSdk's attribute (<c>using RunbookSdk;</c>, a global using), else in full.</summary>
    private static string AttributeName(SemanticModel model, int position)
    {
        var found = model.LookupNamespacesAndTypes(position, name: "RunbookAttribute");
        return found.Length == 1 && found[0].ToDisplayString() == "RunbookSdk.RunbookAttribute" ? "Runbook" : "RunbookSdk.Runbook";
    }
}
