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
/// instruction is the author's call), and nothing is invented for a step with no text at all. An empty action beside
/// the note (<c>s.Instruction("").Note("…")</c>, <c>s.Run("   ").Note("…")</c>) is what RB0004 reported: the note
/// replaces it rather than joining it, so the page shows no empty checkbox and the run no empty prompt or command.
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
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var step = note.FirstAncestorOrSelf<LambdaExpressionSyntax>()!;
        var empty = step.Body.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>()
            .Where(call => IsRemovableEmptyAction(call, model, cancellationToken))
            .ToList();

        // Nested in one chain: each replacement sees its receiver already rewritten.
        return document.WithSyntaxRoot(root.ReplaceNodes(empty.Cast<SyntaxNode>().Append(note), (original, rewritten) => original == note
            ? ((SimpleNameSyntax)rewritten).WithIdentifier(SyntaxFactory.Identifier(note.Identifier.LeadingTrivia, "Instruction", note.Identifier.TrailingTrivia))
            : ((MemberAccessExpressionSyntax)((InvocationExpressionSyntax)rewritten).Expression).Expression.WithTrailingTrivia(rewritten.GetTrailingTrivia())));
    }

    // What a step builder offers after any action: a call after an empty Run(...) that is none of these (Timeout,
    // ExpectExitCode, ...) configures that command, and removing the command would hand it to another action.
    private static readonly ImmutableHashSet<string> s_stepCalls = ImmutableHashSet.Create(
        "Run", "Http", "Instruction", "Wait", "Monitor", "Execute", "Notify", "Snippet", "Note", "RequiresConfirmation", "OnlyIf", "Idempotent");

    /// <summary><c>x.Instruction("")</c> or <c>x.Run("   ")</c> (a constant of only blanks), when <c>x</c> can stand in its place.</summary>
    private static bool IsRemovableEmptyAction(InvocationExpressionSyntax call, SemanticModel? model, CancellationToken cancellationToken)
    {
        if (call.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name and ("Run" or "Instruction") }) return false;
        var parameter = name == "Run" ? "command" : "text";
        var argument = call.ArgumentList.Arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == parameter)
                       ?? call.ArgumentList.Arguments.FirstOrDefault(a => a.NameColon is null);
        if (argument is null || model?.GetConstantValue(argument.Expression, cancellationToken) is not { HasValue: true, Value: string text } ||
            !string.IsNullOrWhiteSpace(text)) return false;

        return call.Parent is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: var next } || s_stepCalls.Contains(next);
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
