using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RunbookSdk.Analyzers.Suppressions;

/// <summary>
/// Suppresses CA1062 ("validate parameter 'rb' is non-null") on the builder a <c>[Runbook]</c> or <c>[Handbook]</c>
/// class's <c>Define</c> override uses: the host calls it, always with a builder of its own. A handbook shared across
/// projects must be public, and a repository that builds with the .NET analyzers as errors (<c>AnalysisMode=All</c>)
/// failed on every such <c>Define</c> — a null check the DSL's one fluent chain has no place for, written in every class.
/// Any other method, and any other parameter, keeps CA1062.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DefineBuilderSuppressor : DiagnosticSuppressor
{
    /// <summary>The suppression of CA1062 on the builder parameter of a runbook's or handbook's <c>Define</c>.</summary>
    public static readonly SuppressionDescriptor PassedByTheHost = new(
        "RBSP1062",
        "CA1062",
        "The runbook host calls Define on every [Runbook] and [Handbook] class with a builder of its own, never null.");

    /// <inheritdoc />
    public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions { get; } = ImmutableArray.Create(PassedByTheHost);

    /// <inheritdoc />
    public override void ReportSuppressions(SuppressionAnalysisContext context)
    {
        if (HostCreatedClasses.Of(context.Compilation) is not { } classes) return;
        foreach (var diagnostic in context.ReportedDiagnostics)
        {
            if (diagnostic.Location.SourceTree is not { } tree) continue;
            var node = tree.GetRoot(context.CancellationToken).FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            // CA1062 points at the parameter's use: an identifier naming Define's one parameter.
            if (node is not IdentifierNameSyntax used
                || node.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { Identifier.ValueText: "Define", ParameterList.Parameters.Count: 1 } define
                || !define.Modifiers.Any(SyntaxKind.OverrideKeyword)
                || define.ParameterList.Parameters[0].Identifier.ValueText != used.Identifier.ValueText
                || define.Parent is not ClassDeclarationSyntax declaration
                || !classes.Contains(declaration, context.CancellationToken))
                continue;
            context.ReportSuppression(Suppression.Create(PassedByTheHost, diagnostic));
        }
    }
}
