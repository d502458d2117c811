using System.Collections.Generic;
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
using RunbookSdk.Analyzers.Dsl;
using RunbookSdk.Analyzers.Identity;
using RunbookSdk.CodeFixes.Editing;

namespace RunbookSdk.CodeFixes.Identity;

/// <summary>
/// RB0030: <c>public sealed class ApiOutage : Runbook&lt;ServiceHandbook&gt;</c> gets <c>[Runbook("api-outage")]</c>, the id
/// the runbook item template gives a class of that name, above the class and its other attributes, after its comments.
/// Offered only when no other runbook or handbook, nor a runbook of a referenced runbook library, has that id (the
/// analyzer says so). Fix All gives each class a distinct
/// id (<see cref="DistinctRunbookIds"/>): two class names can give one id.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddRunbookAttributeCodeFix)), Shared]
public sealed class AddRunbookAttributeCodeFix : CodeFixProvider
{
    internal const string Key = "AddRunbookAttribute";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("RB0030");

    /// <inheritdoc />
    /// <remarks>
    /// Not the batch fixer: two classes whose names give one id would each get it, trading the findings for a
    /// duplicated id (RB0011).
    /// </remarks>
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
        return document.WithSyntaxRoot(root.ReplaceNode(declaration, WithAttribute(declaration, AttributeName(model, declaration.SpanStart), id, root)));
    }

    /// <summary>
    /// The document's findings fixed at once, each with the id <see cref="DistinctRunbookIds"/> gives it among the
    /// findings in scope (the document, or the project for a project or solution: ids are unique per compilation).
    /// </summary>
    private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var inScope = context.Scope == FixAllScope.Document
            ? diagnostics
            : await context.GetAllDiagnosticsAsync(document.Project).ConfigureAwait(false);
        var compilation = await document.Project.GetCompilationAsync(context.CancellationToken).ConfigureAwait(false);
        var ids = DistinctRunbookIds.Assign(inScope, compilation is null ? null : RunbookCompilation.For(compilation));

        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null) return document;
        var classes = new Dictionary<ClassDeclarationSyntax, string>();
        foreach (var diagnostic in diagnostics)
        {
            if (ids.TryGetValue(DistinctRunbookIds.Where(diagnostic), out var id) && ClassAt(root, diagnostic) is { } declaration) classes[declaration] = id;
        }

        // A class nested in another the fix changes is given its attribute inside the changed one.
        return document.WithSyntaxRoot(root.ReplaceNodes(classes.Keys,
            (original, rewritten) => WithAttribute(rewritten, AttributeName(model, original.SpanStart), classes[original], root)));
    }

    private static ClassDeclarationSyntax WithAttribute(ClassDeclarationSyntax declaration, string attributeName, string id, SyntaxNode root)
    {
        // The class's comments and indentation go before the new attribute, which is on a line of its own; the class
        // (or its first attribute) keeps the indentation.
        var leading = declaration.GetLeadingTrivia();
        var indentation = leading.Count > 0 && leading.Last().IsKind(SyntaxKind.WhitespaceTrivia) ? SyntaxFactory.TriviaList(leading.Last()) : SyntaxFactory.TriviaList();
        var attribute = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Attribute(
                SyntaxFactory.ParseName(attributeName),
                SyntaxFactory.ParseAttributeArgumentList("(" + SymbolDisplay.FormatLiteral(id, quote: true) + ")"))))
            .WithLeadingTrivia(leading)
            .WithTrailingTrivia(SyntaxFactory.EndOfLine(FluentChain.EndOfLine(root)));
        var stripped = declaration.WithLeadingTrivia(indentation);
        return stripped.WithAttributeLists(stripped.AttributeLists.Insert(0, attribute));
    }

    /// <summary><c>Runbook</c> where that names RunbookSdk's attribute (<c>using RunbookSdk;</c>, a global using), else in full.</summary>
    private static string AttributeName(SemanticModel model, int position)
    {
        var found = model.LookupNamespacesAndTypes(position, name: "RunbookAttribute");
        return found.Length == 1 && found[0].ToDisplayString() == "RunbookSdk.RunbookAttribute" ? "Runbook" : "RunbookSdk.Runbook";
    }
}
