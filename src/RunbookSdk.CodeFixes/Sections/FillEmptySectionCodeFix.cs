using System;
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
using RunbookSdk.CodeFixes.Editing;

namespace RunbookSdk.CodeFixes.Sections;

/// <summary>
/// RB0001-RB0003 on a section the runbook declared and left empty — <c>Rollback(r =&gt; { })</c>, an escalation
/// without a level, <c>NoRollback("")</c>: fills it in place with the skeleton <see cref="AddSectionCodeFix"/> would
/// add, instead of adding a second declaration after it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(FillEmptySectionCodeFix)), Shared]
public sealed class FillEmptySectionCodeFix : CodeFixProvider
{
    internal const string Key = "FillEmptySection";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("RB0001", "RB0002", "RB0003");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;

        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (node is IdentifierNameSyntax { Parent: MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax section } access } name
                && access.Name == name
                && section.ArgumentList.Arguments is [{ Expression: AnonymousFunctionExpressionSyntax lambda }]
                && Skeleton(name.Identifier.ValueText) is { } skeleton)
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Add {skeleton.Adds} to the empty {name.Identifier.ValueText}", token => FillAsync(context.Document, lambda, skeleton, token), Key),
                    diagnostic);
            }
            else if (node is LiteralExpressionSyntax or InterpolatedStringExpressionSyntax && node.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax waiver } }
                && waiver.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "NoRollback" })
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Say why nothing needs undoing", _ => Task.FromResult(context.Document.WithSyntaxRoot(
                        root.ReplaceNode(node, SyntaxFactory.ParseExpression(SectionSkeletons.WaiverReason).WithTriviaFrom(node)))), Key),
                    diagnostic);
            }
        }
    }

    /// <summary>The builder's name a section's skeleton uses, the skeleton for a builder's name, and what it adds.</summary>
    private static (string Parameter, Func<string, string> Body, string Adds)? Skeleton(string section) => section switch
    {
        "Escalation" => ("e", SectionSkeletons.Escalation, "a level"),
        "Rollback" => ("r", SectionSkeletons.Rollback, "a step"),
        "Verification" => ("v", SectionSkeletons.Verification, "a step"),
        _ => null,
    };

    private static async Task<Document> FillAsync(Document document, AnonymousFunctionExpressionSyntax lambda, (string Parameter, Func<string, string> Body, string Adds) skeleton, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null) return document;

        // The author's name for the builder, unless it is a discard or the step's own `s`.
        var written = lambda switch
        {
            SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.Text,
            ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters: [var only] } => only.Identifier.Text,
            AnonymousMethodExpressionSyntax { ParameterList.Parameters: [var only] } => only.Identifier.Text,
            _ => "",
        };
        var parameter = written is "" or "_" or "s" ? skeleton.Parameter : written;
        var body = skeleton.Body(parameter);
        if (body.Contains("TimeSpan") && await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is { } model)
            body = body.Replace("TimeSpan.", TimeSpanName.At(model, lambda.SpanStart) + ".");

        var filled = SyntaxFactory.ParseExpression(parameter + " => " + body).WithTriviaFrom(lambda);
        return document.WithSyntaxRoot(root.ReplaceNode(lambda, filled));
    }
}
