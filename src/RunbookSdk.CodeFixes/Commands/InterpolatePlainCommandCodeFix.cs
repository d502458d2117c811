using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunbookSdk.Analyzers.Commands;
using RunbookSdk.CodeFixes.Editing;

namespace RunbookSdk.CodeFixes.Commands;

/// <summary>
/// RB0028: <c>Run("aws apigateway get-stage --stage-name {Stage}")</c> becomes
/// <c>Run($"aws apigateway get-stage --stage-name {Stage}")</c>: every <c>{Name}</c> of a parameter becomes a hole, and
/// every other brace stays text (doubled in <c>$"…"</c> and <c>$@"…"</c>; a raw string gets one <c>$</c> more than its
/// longest run of braces, and its holes as many braces). Not offered where no instance has the property (a static
/// helper), nor when the result would not read back as the same text with those holes.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InterpolatePlainCommandCodeFix)), Shared]
public sealed class InterpolatePlainCommandCodeFix : CodeFixProvider
{
    internal const string Key = "InterpolatePlainCommand";

    private const string Title = "Make it an interpolated string, so the parameters fill their holes";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("RB0028");

    // Each finding is one placeholder, and the fix rewrites the whole literal: applied in turn, the first rewrite fixes
    // them all and the others find an interpolated string and leave it (the batch fixer would merge overlapping rewrites).
    private static readonly FixAllProvider FixAll = new SequentialFixAllProvider(Title, async (document, diagnostic, token) =>
        (await FixAsync(document, diagnostic, token).ConfigureAwait(false)).Project.Solution);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => FixAll;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (await PlanAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is null) continue;
            context.RegisterCodeFix(CodeAction.Create(Title, token => FixAsync(context.Document, diagnostic, token), Key), diagnostic);
        }
    }

    private static async Task<Document> FixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (await PlanAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is not { } plan) return document;
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return document.WithSyntaxRoot(root!.ReplaceNode(plan.Literal, plan.Interpolated.WithTriviaFrom(plan.Literal)));
    }

    private sealed record Plan(LiteralExpressionSyntax Literal, ExpressionSyntax Interpolated);

    private static async Task<Plan?> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null) return null;
        if (root.FindToken(diagnostic.Location.SourceSpan.Start).Parent is not LiteralExpressionSyntax literal ||
            !literal.IsKind(SyntaxKind.StringLiteralExpression) || literal.Token.ContainsDiagnostics ||
            !InInstanceContext(model, literal, cancellationToken))
            return null;

        var token = literal.Token;
        var raw = token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) || token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken);
        var text = token.Text;
        var holes = PlainTextParameters.Candidates(text).Where(c => IsParameter(model, literal, c.Name, cancellationToken)).ToList();
        if (holes.Count == 0) return null;

        var rewritten = raw ? Raw(text, holes) : Escaped(text, holes);
        // Checked by reading it back: an interpolated string with exactly those holes, and nothing C# complains about.
        if (SyntaxFactory.ParseExpression(rewritten) is not InterpolatedStringExpressionSyntax interpolated ||
            interpolated.ContainsDiagnostics || interpolated.FullSpan.Length != rewritten.Length ||
            interpolated.Contents.OfType<InterpolationSyntax>().Count() != holes.Count)
            return null;

        return new Plan(literal, interpolated);
    }

    /// <summary>A regular or verbatim literal with <c>$</c> in front, braces other than the holes' doubled.</summary>
    private static string Escaped(string text, List<PlainTextParameters.Placeholder> holes)
    {
        var builder = new StringBuilder(text.Length + 8).Append('$');
        var next = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (next < holes.Count && i == holes[next].Start)
            {
                builder.Append(text, i, holes[next].Length);
                i += holes[next].Length - 1;
                next++;
                continue;
            }

            builder.Append(text[i]);
            if (text[i] is '{' or '}') builder.Append(text[i]);
        }

        return builder.ToString();
    }

    /// <summary>A raw literal with one <c>$</c> more than its longest run of other braces, and its holes as many braces.</summary>
    private static string Raw(string text, List<PlainTextParameters.Placeholder> holes)
    {
        var others = new StringBuilder(text);
        foreach (var hole in holes) others.Remove(hole.Start, hole.Length).Insert(hole.Start, new string(' ', hole.Length));
        var rest = others.ToString();
        var dollars = System.Math.Max(InterpolatedLiteral.LongestRun(rest, '{'), InterpolatedLiteral.LongestRun(rest, '}')) + 1;
        var builder = new StringBuilder(text.Length + 16).Append('$', dollars);
        var from = 0;
        foreach (var hole in holes)
        {
            builder.Append(text, from, hole.Start - from).Append('{', dollars).Append(hole.Name).Append('}', dollars);
            from = hole.Start + hole.Length;
        }

        return builder.Append(text, from, text.Length - from).ToString();
    }

    private static bool IsParameter(SemanticModel model, LiteralExpressionSyntax literal, string name, CancellationToken cancellationToken) =>
        model.LookupSymbols(literal.SpanStart, name: name).OfType<IPropertySymbol>()
            .Any(property => !property.IsStatic && property.GetAttributes().Any(a => a.AttributeClass?.Name == "ParameterAttribute"));

    private static bool InInstanceContext(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
    {
        for (var symbol = model.GetEnclosingSymbol(node.SpanStart, cancellationToken); symbol is not null and not INamedTypeSymbol; symbol = symbol.ContainingSymbol)
        {
            if (symbol.IsStatic) return false;
        }

        return true;
    }
}
