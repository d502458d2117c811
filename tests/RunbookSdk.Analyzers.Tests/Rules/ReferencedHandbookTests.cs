using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using RunbookSdk.Analyzers.Escalation;
using RunbookSdk.Analyzers.Notifications;
using RunbookSdk.Analyzers.Sections;
using RunbookSdk.Analyzers.Tests.Infrastructure;
using RunbookSdk.Generators;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// A handbook compiled in another project is metadata to a build: no <c>Define</c> to read. Its project's generator
/// wrote its severity and escalation levels into the handbook's part, so RB0001 and RB0009 judge the escalation a
/// runbook inherits from it in a build as they would next to the handbook (before, a build let both pass).
/// </summary>
public sealed class ReferencedHandbookTests
{
    private static string Runbook(string severity, string act = """s.Run("systemctl restart api").RequiresConfirmation()""") => $$"""
        using RunbookSdk;

        [Runbook("restart-api")]
        public sealed class {|#0:RestartApi|} : Runbook<Shared.OpsHandbook>
        {
            public override void Define(IRunbookBuilder rb) => rb
                .Title("Restart the API")
                .Severity({{severity}})
                .Phase("Act", p => p.Step("Restart", s => {{act}}))
                .Rollback(r => r.Step("Undo", s => s.Run("systemctl restart api-previous").RequiresConfirmation()))
                .Verification(v => v.Step("Check", s => s.Run("curl --fail http://127.0.0.1/health")));
        }
        """;

    [Fact]
    public Task A_handbook_of_another_project_without_escalation_is_reported_in_a_build() =>
        RunAsync<SectionCompletenessAnalyzer>(Runbook("Severity.P1"), SharedHandbook(escalation: ""),
            new DiagnosticResult("RB0001", DiagnosticSeverity.Error).WithLocation(0).WithArguments("RestartApi", "; add Escalation(...) to it or to its handbook"));

    [Fact]
    public Task An_inherited_first_level_later_than_the_response_time_of_a_handbook_of_another_project_is_reported() =>
        RunAsync<EscalationAnalyzer>(Runbook("{|RB0009:Severity.P1|}"),
            SharedHandbook(escalation: """.Escalation(e => e.Level("Lead", TimeSpan.FromMinutes(30)))"""));

    [Fact]
    public Task A_handbook_of_another_project_that_escalates_in_time_passes() =>
        RunAsync<SectionCompletenessAnalyzer>(Runbook("Severity.P1"),
            SharedHandbook(escalation: """.Escalation(e => e.Level("On-call", TimeSpan.Zero, "oncall@example.com"))"""));

    [Fact]
    public Task A_Notify_of_a_template_a_handbook_of_another_project_does_not_define_is_reported_in_a_build() =>
        RunAsync<NotifyTemplateAnalyzer>(Runbook("Severity.P1", """s.Notify({|#1:"custmer-update"|})"""),
            SharedHandbook(escalation: Templates),
            new DiagnosticResult("RB0023", DiagnosticSeverity.Warning).WithLocation(1).WithArguments("custmer-update", " (they define 'customer-update', 'all-clear')"));

    [Fact]
    public Task A_Notify_of_a_template_a_handbook_of_another_project_defines_passes() =>
        RunAsync<NotifyTemplateAnalyzer>(Runbook("Severity.P1", """s.Notify("Customer-Update")"""), SharedHandbook(escalation: Templates));

    [Fact]
    public Task A_handbook_of_another_project_with_a_template_named_at_run_time_may_define_any_name() =>
        RunAsync<NotifyTemplateAnalyzer>(Runbook("Severity.P1", """s.Notify("custmer-update")"""),
            SharedHandbook(escalation: Templates + """.Communication(Environment.MachineName, "Hello")"""));

    private const string Templates = """
        .Escalation(e => e.Level("On-call", TimeSpan.Zero))
                    .Communication("customer-update", "We are investigating.", "#status")
                    .Communication("all-clear", "Resolved.")
        """;

    private static Task RunAsync<TAnalyzer>(string source, MetadataReference shared, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = source };
        Verify<TAnalyzer>.Configure(test);
        test.TestState.AdditionalReferences.Add(shared);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>The handbook project as a build references it: compiled with the real generator, then emitted.</summary>
    internal static MetadataReference SharedHandbook(string escalation)
    {
        var source = $$"""
            using System;
            using RunbookSdk;

            namespace Shared;

            [Handbook("ops")]
            public sealed class OpsHandbook : Handbook
            {
                public override void Define(IHandbookBuilder hb) => hb
                    .Title("Ops handbook")
                    .SeverityLevel("P1", "Critical", s => s.RespondWithin(TimeSpan.FromMinutes(15)))
                    {{escalation}};
            }
            """;
        var compilation = CSharpCompilation.Create("Shared", [CSharpSyntaxTree.ParseText(source)], TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        CSharpGeneratorDriver.Create(new RunbookGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
