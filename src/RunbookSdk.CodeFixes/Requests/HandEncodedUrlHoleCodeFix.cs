using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunbookSdk.Analyzers.Requests;

namespace RunbookSdk.CodeFixes.Requests;

/// <summary>
/// RB0025: <c>{Uri.EscapeDataString(User)}</c> becomes <c>{User}</c>, the value the URL then encodes once. The
/// argument keeps what it was written as, comments and all.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HandEncodedUrlHoleCodeFix)), Shared]
public sealed class HandEncodedUrlHoleCodeFix : CodeFixProvider
{
    internal const string Key = "HandEncodedUrlHole";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("RB0025");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax found) continue;
            if (found.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } encoder || HandEncodedUrlHoleAnalyzer.Encoders.Find(encoder) is null) continue;
            var value = encoder.ArgumentList.Arguments[0].Expression.WithTriviaFrom(encoder);
            context.RegisterCodeFix(
                CodeAction.Create("Leave the encoding to the URL", _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(encoder, value))), Key),
                diagnostic);
        }
    }
}
