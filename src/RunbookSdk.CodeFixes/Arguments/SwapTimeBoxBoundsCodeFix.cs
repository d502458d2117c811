using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunbookSdk.Analyzers.Arguments;

namespace RunbookSdk.CodeFixes.Arguments;

/// <summary>
/// RB0021 on a backwards time box: <c>TimeBox.Minutes(15, 5)</c> becomes <c>TimeBox.Minutes(5, 15)</c> (also
/// <c>Hours</c>, <c>new TimeBox(from, to)</c> and named bounds, whose names stay put). Offered only where the analyzer
/// found that swapping makes a valid window (both bounds zero or later); a negative start is for a person to decide.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SwapTimeBoxBoundsCodeFix)), Shared]
public sealed class SwapTimeBoxBoundsCodeFix : CodeFixProvider
{
    internal const string Key = "SwapTimeBoxBounds";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("RB0021");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.ContainsKey(RefusedArgumentAnalyzer.SwapBoundsProperty) || Bounds(root, diagnostic) is null) continue;
            context.RegisterCodeFix(
                CodeAction.Create("Swap the time box's bounds", token => FixAsync(context.Document, diagnostic, token), Key),
                diagnostic);
        }
    }

    /// <summary>The two arguments of the time box the diagnostic points at, or null when the code changed under it.</summary>
    private static ArgumentListSyntax? Bounds(SyntaxNode root, Diagnostic diagnostic)
    {
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        while (node is ParenthesizedExpressionSyntax or ArgumentSyntax) node = node is ArgumentSyntax argument ? argument.Expression : ((ParenthesizedExpressionSyntax)node).Expression;
        var arguments = node switch
        {
            InvocationExpressionSyntax invocation => invocation.ArgumentList,
            BaseObjectCreationExpressionSyntax creation => creation.ArgumentList,
            _ => null,
        };
        // Named bounds too: the expressions change places and the names stay, so to: 5, from: 15 becomes to: 15, from: 5.
        return arguments is { Arguments.Count: 2 } ? arguments : null;
    }

    private static async Task<Document> FixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || Bounds(root, diagnostic) is not { } list) return document;

        // The expressions change places; the trivia around each position (layout, comments) stays where it was.
        var (first, second) = (list.Arguments[0], list.Arguments[1]);
        var swapped = list.WithArguments(SyntaxFactory.SeparatedList(
            new[]
            {
                first.WithExpression(second.Expression.WithTriviaFrom(first.Expression)),
                second.WithExpression(first.Expression.WithTriviaFrom(second.Expression)),
            },
            list.Arguments.GetSeparators()));
        return document.WithSyntaxRoot(root.ReplaceNode(list, swapped));
    }
}
