using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RunbookSdk.Analyzers.Notifications;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0026: a template <c>Notify</c> sends with a <c>{placeholder}</c> that neither a parameter of the runbook nor a
/// fact of the run fills went out as written: customers read "issues with {Servce}".
/// </summary>
public sealed class UnfilledPlaceholderTests
{
    private static string Source(string notify, string handbookTemplates = "", string runbookTemplates = "", string parameters = "") => $$"""
        using System;
        using RunbookSdk;

        [Handbook("ops")]
        public sealed class Ops : Handbook
        {
            public override void Define(IHandbookBuilder hb) => hb
                .Escalation(e => e.Level("On-call", TimeSpan.Zero))
                .Communication("customer-update", "{title}: {Region} is degraded since {started}", "#status"){{handbookTemplates}};
        }

        [Runbook("outage")]
        public sealed class Outage : Runbook<Ops>
        {
            [Parameter("Service")] public string Service { get; init; } = "checkout";
            {{parameters}}

            public override void Define(IRunbookBuilder rb) => rb
                .Title("Outage"){{runbookTemplates}}
                .Phase("Tell", p => p.Step("Tell customers", s => s.{{notify}}))
                .NoRollback("nothing changes")
                .Verification(v => v.Step("Look", s => s.Instruction("look")));
        }
        """;

    private static DiagnosticResult Unfilled(string template, string placeholder, string hint = "") =>
        new DiagnosticResult("RB0026", DiagnosticSeverity.Warning).WithLocation(0).WithArguments(template, placeholder, "Outage", hint);

    [Fact]
    public Task A_misspelt_parameter_in_the_runbooks_own_template_is_reported_on_the_Notify_with_the_name_it_meant() =>
        Verify<UnfilledPlaceholderAnalyzer>.AnalyzerAsync(
            Source("""Notify({|#0:"internal"|})""", runbookTemplates: """.Communication("internal", {|#1:"{Servce} is down ({severity})"|})""", parameters: """[Parameter("Region")] public string Region { get; init; } = "eu";"""),
            Unfilled("internal", "Servce", "; did you mean {Service}?").WithLocation(1));

    [Fact]
    public Task The_fix_writes_the_name_the_message_suggests_into_the_template() =>
        Verify<UnfilledPlaceholderAnalyzer>.FixAsync<RunbookSdk.CodeFixes.Notifications.CorrectPlaceholderCodeFix>(
            Source("""Notify({|RB0026:"internal"|})""", runbookTemplates: """.Communication("internal", @"{Servce} is down ({severity}); {SERVCE} restarts")""", parameters: """[Parameter("Region")] public string Region { get; init; } = "eu";"""),
            Source("""Notify("internal")""", runbookTemplates: """.Communication("internal", @"{Service} is down ({severity}); {Service} restarts")""", parameters: """[Parameter("Region")] public string Region { get; init; } = "eu";"""));

    [Fact]
    public Task The_fix_corrects_a_handbook_template_in_another_file_and_each_misspelling_of_it() =>
        Verify<UnfilledPlaceholderAnalyzer>.FixAsync<RunbookSdk.CodeFixes.Notifications.CorrectPlaceholderCodeFix>(
            [("Ops.cs", HandbookFile("{Regoin} is degraded for {servce}")), ("Outage.cs", RunbookFile("Notify({|RB0026:{|RB0026:\"update\"|}|})"))],
            [("Ops.cs", HandbookFile("{Region} is degraded for {Service}")), ("Outage.cs", RunbookFile("Notify(\"update\")"))]);

    [Fact]
    public Task No_fix_is_offered_for_a_placeholder_no_name_is_near_or_a_template_that_is_no_literal() =>
        Verify<UnfilledPlaceholderAnalyzer>.FixAsync<RunbookSdk.CodeFixes.Notifications.CorrectPlaceholderCodeFix>(
            Source("""Notify({|RB0026:"const"|})).Step("Again", s => s.Notify({|RB0026:"customer-update"|})""",
                runbookTemplates: """.Communication("const", Texts.Down)""", parameters: "private static class Texts { public const string Down = \"{Servce} is down\"; }"),
            Source("""Notify({|RB0026:"const"|})).Step("Again", s => s.Notify({|RB0026:"customer-update"|})""",
                runbookTemplates: """.Communication("const", Texts.Down)""", parameters: "private static class Texts { public const string Down = \"{Servce} is down\"; }"));

    private static string HandbookFile(string template) => $$"""
        using System;
        using RunbookSdk;

        [Handbook("ops")]
        public sealed class Ops : Handbook
        {
            public override void Define(IHandbookBuilder hb) => hb
                .Escalation(e => e.Level("On-call", TimeSpan.Zero))
                .Communication("update", "{{template}}", "#status");
        }
        """;

    private static string RunbookFile(string notify) => $$"""
        using RunbookSdk;

        [Runbook("outage")]
        public sealed class Outage : Runbook<Ops>
        {
            [Parameter("Service")] public string Service { get; init; } = "checkout";
            [Parameter("Region")] public string Region { get; init; } = "eu";

            public override void Define(IRunbookBuilder rb) => rb
                .Title("Outage")
                .Phase("Tell", p => p.Step("Tell customers", s => s.{{notify}}))
                .NoRollback("nothing changes")
                .Verification(v => v.Step("Look", s => s.Instruction("look")));
        }
        """;

    [Fact]
    public Task A_handbook_template_naming_a_parameter_this_runbook_lacks_is_reported() =>
        Verify<UnfilledPlaceholderAnalyzer>.AnalyzerAsync(
            Source("""Notify({|#0:"customer-update"|})"""),
            Unfilled("customer-update", "Region"));

    [Theory]
    [InlineData("""[Parameter("Region")] public string Region { get; init; } = "eu";""")]
    [InlineData("""[Parameter("Region")] public string region { get; init; } = "eu";""")]
    public Task A_handbook_template_whose_placeholders_the_runbook_fills_passes(string parameter) =>
        Verify<UnfilledPlaceholderAnalyzer>.AnalyzerAsync(Source("""Notify("Customer-Update")""", parameters: parameter));

    [Fact]
    public Task Every_run_fact_in_any_case_is_filled() =>
        Verify<UnfilledPlaceholderAnalyzer>.AnalyzerAsync(Source("""Notify("facts")""",
            runbookTemplates: """.Communication("facts", "{runbook} {TITLE} {severity} {severity_name} {status} {started} {now} {elapsed} {phase} {step} {journal} {service}")"""));

    [Fact]
    public Task Braces_that_are_no_placeholder_pass() =>
        Verify<UnfilledPlaceholderAnalyzer>.AnalyzerAsync(Source("""Notify("json")""",
            runbookTemplates: """.Communication("json", "Payload {\"service\": 1}, { spaced }, {}, [Time + 30 minutes], {{title}}")"""));

    [Fact]
    public Task The_runbooks_own_template_is_the_one_sent_when_the_handbook_has_one_of_the_same_name() =>
        Verify<UnfilledPlaceholderAnalyzer>.AnalyzerAsync(Source("""Notify("customer-update")""",
            runbookTemplates: """.Communication("customer-update", "{title}: {Service} is degraded")"""));

    [Fact]
    public Task A_placeholder_written_twice_is_reported_once() =>
        Verify<UnfilledPlaceholderAnalyzer>.AnalyzerAsync(
            Source("""Notify({|#0:"twice"|})""", runbookTemplates: """.Communication("twice", "{Cluster} down; {cluster} restarting")"""),
            Unfilled("twice", "Cluster"));

    [Theory]
    [InlineData("""Notify("no-such-template")""")]
    [InlineData("""Notify(Service)""")]
    public Task A_template_that_is_not_defined_or_not_known_is_left_to_RB0023(string notify) =>
        Verify<UnfilledPlaceholderAnalyzer>.AnalyzerAsync(Source(notify));
}
