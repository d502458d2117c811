using System;
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

namespace RunbookSdk.CodeFixes.Escalation;

/// <summary>
/// RB0008: lists the <c>.Level(...)</c> calls of an escalation in increasing time, as the times already say they are
/// engaged. Offered only when every level of the chain has a constant time, no two share one and nobody is listed
/// twice: merging levels or dropping a duplicate changes who gets paged, which is the person's call.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SortEscalationLevelsCodeFix)), Shared]
public sealed class SortEscalationLevelsCodeFix : CodeFixProvider
{
    internal const string Key = "SortEscalationLevels";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("RB0008");

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
            if (Plan(root, model, diagnostic, context.CancellationToken) is null) continue;
            context.RegisterCodeFix(
                CodeAction.Create("List the escalation levels in increasing time", token => FixAsync(context.Document, diagnostic, token), Key),
                diagnostic);
        }
    }

    /// <summary>Each Level call of the chain in source order, paired with the call whose arguments belong there.</summary>
    private static IReadOnlyList<(InvocationExpressionSyntax Current, InvocationExpressionSyntax Moved)>? Plan(
        SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (RunbookCompilation.For(model.Compilation) is not { } runbooks) return null;
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var level = node.AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault(EscalationChain.IsLevel);
        if (level is null) return null;

        var calls = EscalationChain.Levels(level);
        var type = model.GetEnclosingSymbol(level.SpanStart, cancellationToken)?.ContainingType;
        var values = new SyntaxValues(runbooks, type, model, cancellationToken);
        var levels = new List<(InvocationExpressionSyntax Call, string Who, TimeSpan After)>();
        foreach (var call in calls)
        {
            var who = values.ConstantString(runbooks.Syntax.Argument(call, "who"));
            if (who is null || !values.TryGetTimeSpan(runbooks.Syntax.Argument(call, "after"), out var after)) return null;
            levels.Add((call, who, after));
        }

        if (levels.Select(l => l.Who).Distinct(StringComparer.OrdinalIgnoreCase).Count() != levels.Count) return null;
        if (levels.Select(l => l.After).Distinct().Count() != levels.Count) return null;

        var sorted = levels.OrderBy(l => l.After).ToList();
        // Already in order where the fix can see (the finding is about levels it cannot move): nothing to offer.
        if (levels.Select(l => l.Call).SequenceEqual(sorted.Select(l => l.Call))) return null;
        return levels.Select((l, i) => (l.Call, sorted[i].Call)).ToList();
    }

    private static async Task<Document> FixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || Plan(root, model, diagnostic, cancellationToken) is not { } plan) return document;

        // A level moves with its comments (the lines above its ".Level" and the one after its ")"); each position keeps
        // its parentheses and line break, so the chain's layout does not change.
        var arguments = new Dictionary<SyntaxNode, ArgumentListSyntax>();
        var dots = new Dictionary<SyntaxToken, SyntaxToken>();
        foreach (var (current, moved) in plan)
        {
            var close = current.ArgumentList.CloseParenToken;
            arguments[current.ArgumentList] = moved.ArgumentList
                .WithOpenParenToken(current.ArgumentList.OpenParenToken)
                .WithCloseParenToken(close.WithTrailingTrivia(TrailingTrivia(close.TrailingTrivia, moved.ArgumentList.CloseParenToken.TrailingTrivia)));
            var dot = Dot(current);
            dots[dot] = dot.WithLeadingTrivia(Dot(moved).LeadingTrivia);
        }

        return document.WithSyntaxRoot(root.ReplaceSyntax(
            arguments.Keys, (original, _) => arguments[original],
            dots.Keys, (original, _) => dots[original],
            Array.Empty<SyntaxTrivia>(), (original, _) => original));
    }

    /// <summary>The moved level's trailing comment, then this position's line break; a line comment with no line break after it would swallow the chain's closing parentheses, so it becomes a block comment.</summary>
    private static SyntaxTriviaList TrailingTrivia(SyntaxTriviaList position, SyntaxTriviaList moved)
    {
        var lineBreak = position.Where(t => t.IsKind(SyntaxKind.EndOfLineTrivia)).ToList();
        var comments = moved.Where(t => !t.IsKind(SyntaxKind.EndOfLineTrivia)).Select(t =>
            lineBreak.Count == 0 && t.IsKind(SyntaxKind.SingleLineCommentTrivia)
                ? SyntaxFactory.Comment("/* " + t.ToString().Substring(2).Trim() + " */")
                : t);
        return SyntaxFactory.TriviaList(comments.Concat(lineBreak));
    }

    private static SyntaxToken Dot(InvocationExpressionSyntax level) => ((MemberAccessExpressionSyntax)level.Expression).OperatorToken;
}
