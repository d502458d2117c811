using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using RunbookSdk.Analyzers.Suppressions;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Suppressions;

/// <summary>
/// A repository that builds with the .NET analyzers as errors (<c>AnalysisMode=All</c>) makes an app's classes
/// internal (CA1515), and CA1812 then called every internal runbook and handbook "apparently never instantiated",
/// failing the build, though the runbook host creates each one. The suppressor takes CA1812 off those classes only.
/// CA1812's own analyzer ships with the .NET SDK, not with this test: a stand-in reports it where it would.
/// </summary>
public sealed class HostCreatedClassSuppressorTests
{
    private const string Source = """
        using System;
        using RunbookSdk;

        namespace Acme.Ops
        {
            [Handbook("acme")]
            internal sealed class AcmeHandbook : Handbook
            {
                public override void Define(IHandbookBuilder hb) => hb.Title("Acme");
            }

            [Runbook("acme-api-down")]
            internal sealed class ApiDown : Runbook<AcmeHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb.Title("API down");
            }

            [Runbook("acme-cache")]
            internal sealed class Cache : Runbook
            {
                public override void Define(IRunbookBuilder rb) => rb.Title("Cache");
            }

            internal sealed class Unused { }

            internal sealed class NotARunbook : Runbook
            {
                public override void Define(IRunbookBuilder rb) => rb.Title("No attribute");
            }
        }
        """;

    [Fact]
    public async Task CA1812_is_suppressed_on_runbook_and_handbook_classes_and_kept_on_any_other()
    {
        var compilation = TestReferences.Compile(Source);
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new NeverInstantiatedStandIn(), new HostCreatedClassSuppressor());

        var diagnostics = await compilation
            .WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true))
            .GetAnalyzerDiagnosticsAsync();

        var byClass = diagnostics.Where(d => d.Id == "CA1812").ToDictionary(d => d.GetMessage(), d => d);
        Assert.Equal(["AcmeHandbook", "ApiDown", "Cache", "NotARunbook", "Unused"], byClass.Keys.Order(StringComparer.Ordinal));
        foreach (var name in new[] { "AcmeHandbook", "ApiDown", "Cache" }) Assert.True(byClass[name].IsSuppressed, name);

        Assert.False(byClass["Unused"].IsSuppressed);
        Assert.False(byClass["NotARunbook"].IsSuppressed);
    }

#pragma warning disable RS1001 // never loaded by a compiler: the test hands it to the compilation
#pragma warning disable RS1029, RS2008 // a stand-in for the .NET analyzer's rule: its id, and no release to track
    /// <summary>Reports CA1812 on every internal class's name, as the .NET analyzer does on one it sees no <c>new</c> of.</summary>
    private sealed class NeverInstantiatedStandIn : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor s_rule = new("CA1812", "Avoid uninstantiated internal classes", "{0}", "Performance", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [s_rule];

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSyntaxNodeAction(
                c =>
                {
                    var declaration = (ClassDeclarationSyntax)c.Node;
                    if (declaration.Modifiers.Any(m => m.ValueText == "internal"))
                        c.ReportDiagnostic(Diagnostic.Create(s_rule, declaration.Identifier.GetLocation(), declaration.Identifier.ValueText));
                },
                Microsoft.CodeAnalysis.CSharp.SyntaxKind.ClassDeclaration);
        }
    }
#pragma warning restore RS1001, RS1029, RS2008
}
