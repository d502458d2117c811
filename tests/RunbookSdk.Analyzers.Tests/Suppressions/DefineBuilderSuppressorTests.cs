using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using RunbookSdk.Analyzers.Suppressions;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Suppressions;

/// <summary>
/// A handbook shared across projects is public, and with the .NET analyzers as errors CA1062 ("validate parameter 'hb'
/// is non-null") failed the build on every public runbook's and handbook's <c>Define</c>, though the host always
/// passes its own builder. The suppressor takes CA1062 off that parameter only. CA1062's own analyzer ships with the
/// .NET SDK, not with this test: a stand-in reports it where it would, at each use of a public method's parameter.
/// </summary>
public sealed class DefineBuilderSuppressorTests
{
    private const string Source = """
        using System;
        using RunbookSdk;

        namespace Acme.Ops
        {
            [Handbook("acme")]
            public sealed class AcmeHandbook : Handbook
            {
                public override void Define(IHandbookBuilder hb) => hb.Title("Acme");

                public static string Shout(string text) => text.ToUpperInvariant();
            }

            [Runbook("acme-api-down")]
            public sealed class ApiDown : Runbook<AcmeHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb.Title("API down");
            }

            public sealed class NotARunbook : Runbook
            {
                public override void Define(IRunbookBuilder rb) => rb.Title("No attribute");
            }
        }
        """;

    [Fact]
    public async Task CA1062_is_suppressed_on_the_builder_of_Define_in_runbook_and_handbook_classes_only()
    {
        var compilation = TestReferences.Compile(Source);
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new ParameterUseStandIn(), new DefineBuilderSuppressor());

        var diagnostics = await compilation
            .WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true))
            .GetAnalyzerDiagnosticsAsync();

        var byUse = diagnostics.Where(d => d.Id == "CA1062").ToDictionary(d => d.GetMessage(), d => d.IsSuppressed);
        Assert.Equal(
            new Dictionary<string, bool> { ["AcmeHandbook.hb"] = true, ["AcmeHandbook.text"] = false, ["ApiDown.rb"] = true, ["NotARunbook.rb"] = false },
            byUse);
    }

#pragma warning disable RS1001 // never loaded by a compiler: the test hands it to the compilation
#pragma warning disable RS1029, RS2008 // a stand-in for the .NET analyzer's rule: its id, and no release to track
    /// <summary>Reports CA1062 at each use of a public method's parameter, named "Class.parameter".</summary>
    private sealed class ParameterUseStandIn : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor s_rule = new("CA1062", "Validate arguments of public methods", "{0}", "Design", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [s_rule];

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSyntaxNodeAction(
                c =>
                {
                    var method = (MethodDeclarationSyntax)c.Node;
                    if (!method.Modifiers.Any(SyntaxKind.PublicKeyword) || method.ExpressionBody is not { } body) return;
                    var names = method.ParameterList.Parameters.Select(p => p.Identifier.ValueText).ToHashSet(StringComparer.Ordinal);
                    foreach (var used in body.DescendantNodes().OfType<IdentifierNameSyntax>().Where(i => names.Contains(i.Identifier.ValueText)))
                        c.ReportDiagnostic(Diagnostic.Create(s_rule, used.GetLocation(), ((ClassDeclarationSyntax)method.Parent!).Identifier.ValueText + "." + used.Identifier.ValueText));
                },
                SyntaxKind.MethodDeclaration);
        }
    }
#pragma warning restore RS1001, RS1029, RS2008
}
