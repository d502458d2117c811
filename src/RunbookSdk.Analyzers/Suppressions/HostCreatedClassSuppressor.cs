using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RunbookSdk.Analyzers.Suppressions;

/// <summary>
/// Suppresses CA1812 ("an internal class that is apparently never instantiated") on a <c>[Runbook]</c> or
/// <c>[Handbook]</c> class: the generated catalog names it, and the runbook host creates it (<c>list</c>, <c>docs</c>,
/// <c>run</c>), so no code of the project says <c>new</c>. A repository that builds with the .NET analyzers as errors
/// (<c>AnalysisMode=All</c>) was caught between CA1515, which asks an app's public classes to be internal, and CA1812,
/// which then failed the build on every runbook and handbook unless each one carried a suppression of its own.
/// Any other class keeps the diagnostic: an abstract runbook base, or a class without the attribute, is created by no one.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HostCreatedClassSuppressor : DiagnosticSuppressor
{
    /// <summary>The suppression of CA1812 on a runbook or handbook class.</summary>
    public static readonly SuppressionDescriptor CreatedByTheHost = new(
        "RBSP1812",
        "CA1812",
        "The runbook host creates every [Runbook] and [Handbook] class the generated catalog names, so it is instantiated although no code says new.");

    /// <inheritdoc />
    public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions { get; } = ImmutableArray.Create(CreatedByTheHost);

    /// <inheritdoc />
    public override void ReportSuppressions(SuppressionAnalysisContext context)
    {
        if (HostCreatedClasses.Of(context.Compilation) is not { } classes) return;
        foreach (var diagnostic in context.ReportedDiagnostics)
        {
            if (diagnostic.Location.SourceTree is not { } tree) continue;
            var node = tree.GetRoot(context.CancellationToken).FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (node.FirstAncestorOrSelf<ClassDeclarationSyntax>() is { } declaration && classes.Contains(declaration, context.CancellationToken))
                context.ReportSuppression(Suppression.Create(CreatedByTheHost, diagnostic));
        }
    }
}
