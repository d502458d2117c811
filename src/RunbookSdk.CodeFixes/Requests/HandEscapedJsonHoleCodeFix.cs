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
/// RB0027: <c>{JsonSerializer.Serialize(User)}</c> (or <c>{JsonEncodedText.Encode(User).Value}</c>) becomes
/// <c>{User}</c>, the value the JSON body then writes once. The argument keeps what it was written as, comments and all.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HandEscapedJsonHoleCodeFix)), Shared]
public sealed class HandEscapedJsonHoleCodeFix : CodeFixProvider
{
    internal const string Key = "HandEscapedJsonHole";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("RB0027");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InterpolationSyntax>() is not { } hole) continue;
            if (HandEscapedJsonHoleAnalyzer.Encoders.Find(hole.Expression) is not { } encoder) continue;
            var value = encoder.ArgumentList.Arguments[0].Expression.WithTriviaFrom(hole.Expression);
            context.RegisterCodeFix(
                CodeAction.Create("Leave the escaping to the JSON body", _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(hole.Expression, value))), Key),
                diagnostic);
        }
    }
}
