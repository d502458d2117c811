using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RunbookSdk.Analyzers.Sections;
using RunbookSdk.Analyzers.Tests.Infrastructure;
using RunbookSdk.CodeFixes.Sections;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// A section declared and left empty gives the on-call engineer a heading with nothing under it, and the runner records
/// no rollback, verification or escalation level (<c>runbook validate</c> shows it missing). RB0001-RB0003 report it
/// where it was declared, say that it is empty, and the fix fills it in place.
/// </summary>
public sealed class EmptySectionTests
{
    private static string Runbook(string define, string name = "Agree") => $$"""
        using System;
        using RunbookSdk;

        [Runbook("agree")]
        public sealed class {{name}} : Runbook
        {
            public override void Define(IRunbookBuilder rb) => rb
                .Title("Agree")
                .Phase("Fix", p => p.Step("Fix", s => s.Instruction("fix it")))
        {{define}};
        }
        """;

    private const string Escalation = """        .Escalation(e => e.Level("On-call engineer", TimeSpan.Zero))""";
    private const string Rollback = """        .Rollback(r => r.Step("Undo", s => s.Instruction("undo")))""";
    private const string Verification = """        .Verification(v => v.Step("Look", s => s.Instruction("look")))""";

    [Fact]
    public Task An_empty_rollback_is_reported_on_its_call_and_says_it_adds_no_step() =>
        Verify<SectionCompletenessAnalyzer>.AnalyzerAsync(
            Runbook($"{Escalation}\n        .{{|#0:Rollback|}}(r => {{ }})\n{Verification}"),
            new DiagnosticResult("RB0002", DiagnosticSeverity.Error).WithLocation(0).WithArguments("Agree",
                ": its Rollback(...) adds no step; add the steps that undo the change, or state why none is needed with NoRollback(\"reason\")"));

    [Fact]
    public Task A_section_whose_code_does_not_start_from_its_builder_is_not_called_empty() =>
        // The dot of v.Step not typed yet, or deleted: the compiler reports the name, and the rule does not call the
        // section empty, whose fix would replace the author's step with a TODO one.
        Verify<SectionCompletenessAnalyzer>.AnalyzerAsync(
            Runbook($"        .Escalation(e => {{|CS0103:eLevel|}}(\"On-call engineer\", TimeSpan.Zero))\n{Rollback}\n        .Verification(v => {{|CS0103:vStep|}}(\"Look\", s => s.Instruction(\"look\")))"));

    [Fact]
    public Task A_section_whose_body_only_returns_is_still_empty() =>
        Verify<SectionCompletenessAnalyzer>.AnalyzerAsync(
            Runbook($"{Escalation}\n{Rollback}\n        .{{|#0:Verification|}}(v => {{ return; }})"),
            new DiagnosticResult("RB0003", DiagnosticSeverity.Error).WithLocation(0).WithArguments("Agree",
                ": its Verification(...) adds no step; add the check that proves the system is healthy again"));

    [Fact]
    public Task A_waiver_with_a_blank_reason_is_reported_on_the_reason() =>
        Verify<SectionCompletenessAnalyzer>.AnalyzerAsync(
            Runbook($"{Escalation}\n        .NoRollback({{|#0:\" \"|}})\n{Verification}"),
            new DiagnosticResult("RB0002", DiagnosticSeverity.Error).WithLocation(0).WithArguments("Agree",
                ": NoRollback(...) gives no reason; say why nothing needs undoing, which the on-call engineer reads in place of a rollback"));

    [Fact]
    public Task A_waiver_whose_reason_is_not_a_constant_is_not_judged() =>
        Verify<SectionCompletenessAnalyzer>.AnalyzerAsync(
            Runbook($"{Escalation}\n        .NoRollback(Environment.MachineName)\n{Verification}"));

    [Fact]
    public Task An_empty_verification_and_an_empty_escalation_are_reported_on_their_calls() =>
        Verify<SectionCompletenessAnalyzer>.AnalyzerAsync(
            Runbook($"        .{{|#0:Escalation|}}(_ => {{ }})\n{Rollback}\n        .{{|#1:Verification|}}((v) => {{ /* later */ }})"),
            new DiagnosticResult("RB0001", DiagnosticSeverity.Error).WithLocation(0).WithArguments("Agree",
                ": its Escalation(...) adds no level; say who is engaged and when with Level(who, after)"),
            new DiagnosticResult("RB0003", DiagnosticSeverity.Error).WithLocation(1).WithArguments("Agree",
                ": its Verification(...) adds no step; add the check that proves the system is healthy again"));

    [Fact]
    public Task A_step_under_a_condition_or_a_decision_fills_a_section() =>
        Verify<SectionCompletenessAnalyzer>.AnalyzerAsync(Runbook($$"""
            {{Escalation}}
                    .Rollback(r => { if (DateTime.Now.Hour > 1) r.Step("Undo", s => s.Instruction("undo")); })
                    .Verification(v => v.OneOf("Where to look", o => o.Step("Dashboard", s => s.Instruction("look")).Step("Logs", s => s.Instruction("read"))))
            """));

    [Fact]
    public Task An_empty_rollback_in_a_base_class_is_reported_on_the_runbook_that_inherits_it() =>
        Verify<SectionCompletenessAnalyzer>.AnalyzerAsync($$"""
            using System;
            using RunbookSdk;

            public abstract class Base : Runbook
            {
                public override void Define(IRunbookBuilder rb) => rb
            {{Escalation}}
                    .Rollback(r => { })
            {{Verification}};
            }

            [Runbook("derived")]
            public sealed class {|#0:Derived|} : Base
            {
                public override void Define(IRunbookBuilder rb) { base.Define(rb); rb.Title("Derived"); }
            }
            """,
            new DiagnosticResult("RB0002", DiagnosticSeverity.Error).WithLocation(0).WithArguments("Derived",
                ": its Rollback(...) adds no step; add the steps that undo the change, or state why none is needed with NoRollback(\"reason\")"));

    [Fact]
    public Task The_fix_fills_an_empty_rollback_in_place_with_the_author_s_builder_name() =>
        Verify<SectionCompletenessAnalyzer>.FixAsync<FillEmptySectionCodeFix>(
            Runbook($"{Escalation}\n        .{{|RB0002:Rollback|}}(undo => {{ }})\n{Verification}"),
            Runbook($"{Escalation}\n        .Rollback(undo => undo.Step(\"Undo the change\", s => s.Instruction(\"TODO: how to undo what the phases changed\")))\n{Verification}"));

    [Fact]
    public Task The_fix_fills_an_empty_escalation_whose_builder_is_a_discard() =>
        Verify<SectionCompletenessAnalyzer>.FixAsync<FillEmptySectionCodeFix>(
            Runbook($"        .{{|RB0001:Escalation|}}(_ => {{ }})\n{Rollback}\n{Verification}"),
            Runbook($"        .Escalation(e => e.Level(\"On-call engineer\", TimeSpan.Zero))\n{Rollback}\n{Verification}"));

    [Fact]
    public Task The_fix_gives_a_blank_waiver_a_reason_to_write() =>
        Verify<SectionCompletenessAnalyzer>.FixAsync<FillEmptySectionCodeFix>(
            Runbook($"{Escalation}\n        .NoRollback({{|RB0002:\"\"|}})\n{Verification}"),
            Runbook($"{Escalation}\n        .NoRollback(\"TODO: why nothing needs undoing, e.g. read-only diagnostics\")\n{Verification}"));
}
