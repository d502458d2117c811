using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunbookSdk.CodeFixes.Editing;

namespace RunbookSdk.CodeFixes.Review;

/// <summary>
/// RB0010, after the person has reviewed the document: <c>ReviewDate(…)</c> moves six months past today (UTC, as the
/// rule reads it), and a <c>LastUpdated(…)</c> in the same chain becomes today. The title states both dates, so the
/// click says "I reviewed this" and nothing else; the review itself stays with the person.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MarkReviewedCodeFix)), Shared]
public sealed class MarkReviewedCodeFix : CodeFixProvider
{
    internal const string Key = "MarkReviewed";

    /// <summary>How far ahead the next review is set: the rule page's suggestion.</summary>
    private const int MonthsToNextReview = 6;

    private static readonly string[] s_dateParameters = ["year", "month", "day"];

    // Today is the reviewer's today, read when the fix is offered; a test hands in a fixed day.
    private readonly Func<DateTime> _utcNow;

    /// <summary>A fix that reads today from the system clock (UTC), as the rule does.</summary>
    public MarkReviewedCodeFix()
        : this(static () => DateTime.UtcNow)
    {
    }

    /// <summary>A fix that reads today from <paramref name="utcNow"/>.</summary>
    internal MarkReviewedCodeFix(Func<DateTime> utcNow) => _utcNow = utcNow;

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("RB0010");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var today = _utcNow().Date;
        var next = today.AddMonths(MonthsToNextReview);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (ReviewDateCall(root, diagnostic) is null) continue;
            var title = $"Reviewed today: next review on {next.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
            context.RegisterCodeFix(CodeAction.Create(title, token => ApplyAsync(context.Document, diagnostic, today, next, token), Key), diagnostic);
        }
    }

    private static async Task<Document> ApplyAsync(Document document, Diagnostic diagnostic, DateTime today, DateTime next, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || ReviewDateCall(root, diagnostic) is not { } review) return document;

        var replacements = new Dictionary<InvocationExpressionSyntax, DateTime> { [review] = next };
        foreach (var updated in FluentChain.Top(review).DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
        {
            if (NameOf(updated) == "LastUpdated" && updated.ArgumentList.Arguments.Count == 3) replacements[updated] = today;
        }

        return document.WithSyntaxRoot(root.ReplaceNodes(replacements.Keys, (original, rewritten) => WithDate(rewritten, replacements[original])));
    }

    private static InvocationExpressionSyntax? ReviewDateCall(SyntaxNode? root, Diagnostic diagnostic) =>
        root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)?.FirstAncestorOrSelf<InvocationExpressionSyntax>() is { } call &&
        NameOf(call) == "ReviewDate" && call.ArgumentList.Arguments.Count == 3
            ? call
            : null;

    private static string? NameOf(InvocationExpressionSyntax call) => call.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        IdentifierNameSyntax name => name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>The call with its year, month and day set to <paramref name="date"/>, named arguments kept by name.</summary>
    private static InvocationExpressionSyntax WithDate(InvocationExpressionSyntax call, DateTime date)
    {
        var values = new[] { date.Year, date.Month, date.Day };
        var arguments = call.ArgumentList.Arguments;
        var rewritten = arguments.Select((argument, position) =>
        {
            var index = argument.NameColon is { } name ? Array.IndexOf(s_dateParameters, name.Name.Identifier.ValueText) : position;
            if (index < 0) return argument;
            var literal = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(values[index]));
            return argument.WithExpression(literal.WithTriviaFrom(argument.Expression));
        });
        return call.WithArgumentList(call.ArgumentList.WithArguments(SyntaxFactory.SeparatedList(rewritten, arguments.GetSeparators())));
    }
}
