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

namespace RunbookSdk.CodeFixes.Steps;

/// <summary>
/// RB0004 for a step whose only content is one note — often prose an import or a hurried author filed as
/// background: <c>s.Note("Check the dashboard")</c> becomes <c>s.Instruction("Check the dashboard")</c>, which the
/// runner shows and the operator acknowledges. Not offered for a step with no note or several (which one is the
/// instruction is the author's call), and nothing is invented for a step with no text at all.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NoteToInstructionCodeFix)), Shared]
public sealed class NoteToInstructionCodeFix : CodeFixProvider
{
    internal const string Key = "NoteToInstruction";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("RB0004");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (OnlyNote(root, diagnostic) is null) continue;
            context.RegisterCodeFix(
                CodeAction.Create("Make the note the step's instruction", token => ApplyAsync(context.Document, diagnostic, token), Key),
                diagnostic);
        }
    }

    private static async Task<Document> ApplyAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || OnlyNote(root, diagnostic) is not { } note) return document;
        var instruction = note.WithIdentifier(SyntaxFactory.Identifier(note.Identifier.LeadingTrivia, "Instruction", note.Identifier.TrailingTrivia));
        return document.WithSyntaxRoot(root.ReplaceNode(note, instruction));
    }

    /// <summary>The name of the step's one <c>Note(text)</c> call, when the finding's step has exactly one.</summary>
    private static SimpleNameSyntax? OnlyNote(SyntaxNode? root, Diagnostic diagnostic)
    {
        // The finding sits on the step's title (or its name); the step is the Step(...) call around it.
        var step = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)?.AncestorsAndSelf()
            .OfType<InvocationExpressionSyntax>()
            .FirstOrDefault(call => call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Step" });
        var lambda = step?.ArgumentList.Arguments.Select(a => a.Expression).OfType<LambdaExpressionSyntax>().LastOrDefault();
        if (lambda is null) return null;

        var notes = lambda.Body.DescendantNodesAndSelf()
            .OfType<InvocationExpressionSyntax>()
            .Where(call => call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Note" } && call.ArgumentList.Arguments.Count == 1)
            .Select(call => ((MemberAccessExpressionSyntax)call.Expression).Name)
            .Take(2)
            .ToList();
        return notes.Count == 1 ? notes[0] : null;
    }
}
