using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RunbookSdk.Analyzers.Notifications;
using RunbookSdk.Analyzers.Tests.Infrastructure;
using RunbookSdk.CodeFixes.Notifications;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0023: a <c>Notify(template)</c> whose template neither the runbook nor its handbook defines is a notification the
/// run never sends; the runner finds templates by name only when the step is reached, at 3 a.m.
/// </summary>
public sealed class NotifyTemplateTests
{
    private static string Source(string notify, string handbookTemplates = """.Communication("customer-update", "We are on it", "#status")""", string runbookTemplates = "") => $$"""
        using System;
        using RunbookSdk;

        [Handbook("ops")]
        public sealed class Ops : Handbook
        {
            public override void Define(IHandbookBuilder hb) => hb
                .Escalation(e => e.Level("On-call", TimeSpan.Zero))
                {{handbookTemplates}};
        }

        [Runbook("outage")]
        public sealed class Outage : Runbook<Ops>
        {
            [Parameter("Template")] public string Template { get; init; } = "x";
            private const string Shared = "status-page";

            public override void Define(IRunbookBuilder rb) => rb
                .Title("Outage"){{runbookTemplates}}
                .Phase("Tell", p => p.Step("Tell customers", s => s.{{notify}}))
                .NoRollback("nothing changes")
                .Verification(v => v.Step("Look", s => s.Instruction("look")));
        }
        """;

    private static DiagnosticResult Unknown(string name, string defined) =>
        new DiagnosticResult("RB0023", DiagnosticSeverity.Warning).WithLocation(0).WithArguments(name, $" (they define {defined})");

    [Fact]
    public Task A_misspelt_template_is_reported_on_its_name_with_the_names_there_are() =>
        Verify<NotifyTemplateAnalyzer>.AnalyzerAsync(
            Source("""Notify({|#0:"custmer-update"|})""", runbookTemplates: """.Communication("internal", "Heads up")"""),
            Unknown("custmer-update", "'internal', 'customer-update'"));

    [Fact]
    public Task A_constant_naming_no_template_is_reported_on_the_constant() =>
        Verify<NotifyTemplateAnalyzer>.AnalyzerAsync(
            Source("""Notify({|#0:Shared|}, "#status")"""),
            Unknown("status-page", "'customer-update'"));

    [Theory]
    [InlineData("""Notify("customer-update")""")]
    [InlineData("""Notify("Customer-Update")""")]
    [InlineData("""Notify(Template)""")]
    public Task A_defined_template_in_any_case_and_a_name_known_only_at_run_time_are_not_reported(string notify) =>
        Verify<NotifyTemplateAnalyzer>.AnalyzerAsync(Source(notify));

    [Fact]
    public Task A_template_of_the_runbook_itself_is_found() =>
        Verify<NotifyTemplateAnalyzer>.AnalyzerAsync(
            Source("""Notify("status-page")""", runbookTemplates: """.Communication(Shared, "Degraded")"""));

    [Fact]
    public Task Nothing_is_judged_when_a_template_name_is_not_a_constant() =>
        Verify<NotifyTemplateAnalyzer>.AnalyzerAsync(
            Source("""Notify("status-page")""", handbookTemplates: """.Communication(Environment.MachineName, "x")"""));

    [Fact]
    public Task The_fix_sends_the_defined_template_the_name_misspells() =>
        Verify<NotifyTemplateAnalyzer>.FixAsync<NotifyTemplateCodeFix>(
            Source("""Notify({|RB0023:"custmer-update"|}, "#status")"""),
            Source("""Notify("customer-update", "#status")"""));

    [Fact]
    public Task No_fix_is_offered_for_a_name_close_to_no_template() =>
        Verify<NotifyTemplateAnalyzer>.FixAsync<NotifyTemplateCodeFix>(
            Source("""Notify({|RB0023:"pager-duty"|})"""),
            Source("""Notify({|RB0023:"pager-duty"|})"""));
}
