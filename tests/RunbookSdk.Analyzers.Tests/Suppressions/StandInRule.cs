using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RunbookSdk.Analyzers.Tests.Suppressions;

#pragma warning disable RS1001 // never loaded by a compiler: a test hands it to the compilation
#pragma warning disable RS1017, RS1029, RS2008 // a stand-in for a .NET analyzer's rule: its id given by the test, and no release to track
/// <summary>
/// Stands in for a rule of the .NET analyzers, which ship with the SDK and not with these tests: reports
/// <paramref name="id"/> wherever <paramref name="report"/> says the real rule would, with the message the test
/// matches on.
/// </summary>
internal sealed class StandInRule(string id, SyntaxKind kind, Func<SyntaxNode, IEnumerable<(Location Where, string Message)>> report) : DiagnosticAnalyzer
{
    private readonly DiagnosticDescriptor _rule = new(id, "Stand-in for " + id, "{0}", "StandIn", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [_rule];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(
            c =>
            {
                foreach (var (where, message) in report(c.Node)) c.ReportDiagnostic(Diagnostic.Create(_rule, where, message));
            },
            kind);
    }
}
#pragma warning restore RS1001, RS1017, RS1029, RS2008
