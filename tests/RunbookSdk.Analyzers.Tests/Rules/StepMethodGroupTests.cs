using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RunbookSdk.Analyzers.Sections;
using RunbookSdk.Analyzers.Steps;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// A step whose actions are a method of the runbook's class, given as a method group (<c>Step("Ask", AskSomeone)</c>)
/// or by a lambda that hands its builder to it (<c>s =&gt; AskSomeone(s)</c>), is read as the lambda would be. Before,
/// RB0029 did not read the method (a read of a renamed step went unreported, and an output it set was reported as set by
/// nothing), the hand-off made RB0001–RB0003 stop judging the <c>Define</c>, and RB0004 and RB0014 did not look inside.
/// </summary>
public sealed class StepMethodGroupTests
{
    private static string Runbook(string define, string members) => $$"""
        using System;
        using System.Threading.Tasks;
        using RunbookSdk;

        [Runbook("sample")]
        public sealed class {|#9:Sample|} : Runbook<OmnixHandbook>
        {
        {{members}}
            public override void Define(IRunbookBuilder rb) => rb
                .Title("Sample")
        {{define}};
        }

        public static class Elsewhere
        {
            public static void Ask(IStepBuilder s) => s.Execute("Decide", ctx => { ctx.SetOutput("elsewhere", "yes"); return Task.CompletedTask; });
            public static void More(IPhaseBuilder p) => p.Step("More", s => s.Run("uptime"));
            public static void JustNotes(IStepBuilder s) => s.Note("the DBA knows");
            public static void Notes(IStepBuilder s) => s.Note("the DBA knows");
            public static void Notes(IStepBuilder s, string more) => s.Note(more);
            public static void MaybeCheck(IStepBuilder s) => s.OnlyIf("the API was restarted").Run("curl -fsS https://api.omnix.ai/health");
            public static void Wipe(IStepBuilder s) => s.Run("{|#8:rm -rf /var/lib/app/cache|}");
        }

        {{Sources.Handbook}}
        """;

    private const string Rest = """
                .NoRollback("Nothing changes.")
                .Verification(v => v.Step("Check", s => s.Run("curl -fsS https://api.omnix.ai/health")))
        """;

    private static DiagnosticResult OutputRead(int location, string name, string problem) =>
        new DiagnosticResult("RB0029", DiagnosticSeverity.Warning).WithLocation(location).WithArguments(name, problem);

    [Fact]
    public Task Reads_in_a_method_given_as_a_steps_actions_are_judged() =>
        Verify<OutputReadAnalyzer>.AnalyzerAsync(Runbook("""
                    .Phase("Act", p => p
                        .Step("Check status", s => s.Run("uptime"))
                        .Step("Ask", AskSomeone)
                        .Step("Decide", s => Decide(s))
                        .Step("Confirm", Confirm)
                        .Step("Later", s => s.Run("kubectl get pods")))
            """ + Rest, """
                private static void AskSomeone(IStepBuilder s) => s.Instruction("Ask the DBA which replica is primary");
                private static void Decide(IStepBuilder s) => s.Execute("Decide", ctx => Task.FromResult(
                    ctx.Outputs[{|#0:"Check the status"|}] + ctx.Outputs[{|#1:"Ask"|}] + ctx.Outputs["Check status"]));
                private void Confirm(IStepBuilder s)
                {
                    s.Execute("Confirm", ctx => Task.FromResult(ctx.Outputs[{|#2:"Later"|}]));
                }
            """),
            OutputRead(0, "Check the status", "names no step's title and no output a step's code sets, so it throws KeyNotFoundException when the step runs; name the step it means"),
            OutputRead(1, "Ask", "is the title of a step with no shell command or HTTP request, which keeps no output, so it throws KeyNotFoundException when the step runs; read a Run or Http step's title, or a name code sets with SetOutput"),
            OutputRead(2, "Later", "is the title of a step that runs only after this code (later in the phases), so it throws KeyNotFoundException when the step runs; read it from a step after 'Later'"));

    [Fact]
    public Task An_output_a_steps_method_sets_or_a_method_of_another_class_may_set_is_not_reported() =>
        Verify<OutputReadAnalyzer>.AnalyzerAsync(Runbook("""
                    .Phase("Act", p => p
                        .Step("Ask", AskSomeone)
                        .Step("Ask elsewhere", Elsewhere.Ask)
                        .Step("Use", s => s.Execute("Use", ctx => Task.FromResult(ctx.Outputs["answer"] + ctx.Outputs["elsewhere"]))))
            """ + Rest, """
                private static void AskSomeone(IStepBuilder s) => s.Execute("Decide", ctx => { ctx.SetOutput("answer", "yes"); return Task.CompletedTask; });
            """));

    [Fact]
    public Task A_step_handing_its_builder_to_a_method_of_the_class_leaves_the_sections_judged() =>
        Verify<SectionCompletenessAnalyzer>.AnalyzerAsync(Runbook("""
                    .Phase("Act", p => p.Step("Ask", s => AskSomeone(s)).Step("Again", s => { AskSomeone(s); }))
                    .Phase("Diagnose", Diagnose)
                    .Verification(v => v.Step("Check", s => s.Run("curl -fsS https://api.omnix.ai/health")))
            """, """
                private static void AskSomeone(IStepBuilder s) => s.Instruction("Ask the DBA which replica is primary");
                private static void Diagnose(IPhaseBuilder p) => p.Step("Look", s => AskSomeone(s));
            """),
            new DiagnosticResult("RB0002", DiagnosticSeverity.Error).WithLocation(9).WithArguments("Sample",
                "; add Rollback(...) or state why none is needed with NoRollback(\"reason\")"));

    // A step's builder, handed on or read no further, declares no section (HandedOnBuilderSectionTests): the missing
    // rollback is reported. Before, both made the sections wait.
    [Fact]
    public Task A_method_that_hands_a_steps_builder_on_or_calls_itself_leaves_the_sections_judged() =>
        Verify<SectionCompletenessAnalyzer>.AnalyzerAsync(Runbook("""
                    .Phase("Act", p => p.Step("Ask", s => HandsOn(s)).Step("Loop", s => Loop(s)))
                    .Verification(v => v.Step("Check", s => s.Run("curl -fsS https://api.omnix.ai/health")))
            """, """
                private static void HandsOn(IStepBuilder s) => Elsewhere.Ask(s);
                private static void Loop(IStepBuilder s) => Loop(s);
            """),
            new DiagnosticResult("RB0002", DiagnosticSeverity.Error).WithLocation(9).WithArguments("Sample",
                "; add Rollback(...) or state why none is needed with NoRollback(\"reason\")"));

    [Fact]
    public Task A_phase_given_as_a_method_group_is_judged_as_before_though_its_method_hands_the_builder_on() =>
        Verify<SectionCompletenessAnalyzer>.AnalyzerAsync(Runbook("""
                    .Phase("Diagnose", Diagnose)
                    .Verification(v => v.Step("Check", s => s.Run("curl -fsS https://api.omnix.ai/health")))
            """, """
                private static void Diagnose(IPhaseBuilder p)
                {
                    p.Step("Look", s => s.Run("uptime"));
                    Elsewhere.More(p);
                }
            """),
            new DiagnosticResult("RB0002", DiagnosticSeverity.Error).WithLocation(9).WithArguments("Sample",
                "; add Rollback(...) or state why none is needed with NoRollback(\"reason\")"));

    [Fact]
    public Task An_output_a_phases_method_may_set_through_code_it_hands_the_builder_to_is_not_reported() =>
        Verify<OutputReadAnalyzer>.AnalyzerAsync(Runbook("""
                    .Phase("Diagnose", Diagnose)
                    .Phase("Act", p => p.Step("Use", s => s.Execute("Use", ctx => Task.FromResult(ctx.Outputs["from elsewhere"]))))
            """ + Rest, """
                private static void Diagnose(IPhaseBuilder p)
                {
                    p.Step("Look", s => s.Run("uptime"));
                    Elsewhere.More(p);
                }
            """));

    [Fact]
    public Task A_step_whose_method_does_nothing_is_empty() =>
        Verify<EmptyStepAnalyzer>.AnalyzerAsync(Runbook("""
                    .Phase("Act", p => p
                        .Step({|#0:"Ask"|}, JustNotes)
                        .Step({|#1:"Ask again"|}, s => JustNotes(s))
                        .Step("Do", Act))
            """ + Rest, """
                private static void JustNotes(IStepBuilder s) => s.Note("the DBA knows");
                private static void Act(IStepBuilder s) => s.Run("uptime");
            """),
            new DiagnosticResult("RB0004", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("Ask"),
            new DiagnosticResult("RB0004", DiagnosticSeverity.Warning).WithLocation(1).WithArguments("Ask again"));

    // A lambda may hand its builder by the name of the method's parameter (s => JustNotes(step: s)): it is read as
    // s => JustNotes(s) is. Before, the named argument was not read, and the steps' actions went unjudged.
    [Fact]
    public Task A_step_handing_its_builder_by_the_parameters_name_to_a_method_that_does_nothing_is_empty() =>
        Verify<EmptyStepAnalyzer>.AnalyzerAsync(Runbook("""
                    .Phase("Act", p => p
                        .Step({|#0:"Ask"|}, s => JustNotes(step: s))
                        .Step({|#1:"Ask again"|}, s => { this.JustNotes(step: s); })
                        .Step("Do", s => Act(step: s)))
            """ + Rest, """
                private void JustNotes(IStepBuilder step) => step.Note("the DBA knows");
                private static void Act(IStepBuilder step) => step.Run("uptime");
            """),
            new DiagnosticResult("RB0004", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("Ask"),
            new DiagnosticResult("RB0004", DiagnosticSeverity.Warning).WithLocation(1).WithArguments("Ask again"));

    [Fact]
    public Task A_verification_whose_steps_methods_are_all_conditional_can_pass_without_a_check() =>
        Verify<ConditionalVerificationAnalyzer>.AnalyzerAsync(Runbook("""
                    .Phase("Act", p => p.Step("Do", s => s.Run("uptime")))
                    .NoRollback("Nothing changes.")
                    .{|#0:Verification(v => v.Step("Check", MaybeCheck).Step("Check again", s => MaybeCheck(s)))|}
            """, """
                private static void MaybeCheck(IStepBuilder s) => s.OnlyIf("the API was restarted").Run("curl -fsS https://api.omnix.ai/health");
            """),
            new DiagnosticResult("RB0014", DiagnosticSeverity.Warning).WithLocation(0).WithArguments(
                "every verification step is conditional (OnlyIf), so answering no to each passes it without a check; make at least one check unconditional"));

    // The page reads another class's static method given as a step's actions (Step("Ask", Elsewhere.JustNotes)), and the
    // runner runs it there: RB0004 reads it too, as it reads the class's own. Before, only the runbook's own methods were
    // read, so such a step was never judged. An overloaded name stays unread, as on the page.
    [Fact]
    public Task A_step_whose_method_of_another_class_does_nothing_is_empty() =>
        Verify<EmptyStepAnalyzer>.AnalyzerAsync(Runbook("""
                    .Phase("Act", p => p
                        .Step({|#0:"Ask"|}, Elsewhere.JustNotes)
                        .Step({|#1:"Ask again"|}, s => Elsewhere.JustNotes(s))
                        .Step("Overloaded", Elsewhere.Notes)
                        .Step("Do", s => s.Run("uptime")))
            """ + Rest, ""),
            new DiagnosticResult("RB0004", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("Ask"),
            new DiagnosticResult("RB0004", DiagnosticSeverity.Warning).WithLocation(1).WithArguments("Ask again"));

    [Fact]
    public Task A_verification_whose_steps_methods_of_another_class_are_all_conditional_can_pass_without_a_check() =>
        Verify<ConditionalVerificationAnalyzer>.AnalyzerAsync(Runbook("""
                    .Phase("Act", p => p.Step("Do", s => s.Run("uptime")))
                    .NoRollback("Nothing changes.")
                    .{|#0:Verification(v => v.Step("Check", Elsewhere.MaybeCheck).Step("Check again", s => Elsewhere.MaybeCheck(s)))|}
            """, ""),
            new DiagnosticResult("RB0014", DiagnosticSeverity.Warning).WithLocation(0).WithArguments(
                "every verification step is conditional (OnlyIf), so answering no to each passes it without a check; make at least one check unconditional"));

    // RB0005 judges a command where it is written: a destructive one in another class's method given as a step's actions
    // is reported there, as in any helper whose callers cannot all be seen.
    [Fact]
    public Task A_destructive_command_in_a_method_of_another_class_given_as_a_steps_actions_is_reported_where_it_is_written() =>
        Verify<Commands.CommandTextAnalyzer>.AnalyzerAsync(Runbook("""
                    .Phase("Act", p => p.Step("Wipe", Elsewhere.Wipe).Step("Wipe again", s => Elsewhere.Wipe(s)))
            """ + Rest, ""),
            new DiagnosticResult("RB0005", DiagnosticSeverity.Warning).WithLocation(8).WithArguments("rm -rf /var/lib/app/cache"));

    [Fact]
    public Task Half_typed_method_groups_and_hand_offs_do_not_throw()
    {
        var source = Runbook("""
                    .Phase("Act", p => p.Step("Ask", AskSom).Step("Again", s => AskSomeone(s, )).Step("Third", s => AskSomeone(s).)
                    .Step("Fourth", Broken).Step("Fifth", this.).Step("Sixth", s => AskSomeone(s)
                    .Step("Seventh", s => { AskSomeone(s) }))
                    .Verification(v => v.Step("Check", s => Broken(s)))
            """, """
                private static void AskSomeone(IStepBuilder s) => s.Execute("Decide", ctx => Task.FromResult(ctx.Outputs[
                private static void Broken(IStepBuilder ) =>
                private static void Broken2(IStepBuilder s) => s.
            """);
        return Task.WhenAll(
            Verify<OutputReadAnalyzer>.WithoutCompilerErrorsAsync(source),
            Verify<SectionCompletenessAnalyzer>.WithoutCompilerErrorsAsync(source),
            Verify<EmptyStepAnalyzer>.WithoutCompilerErrorsAsync(source),
            Verify<ConditionalVerificationAnalyzer>.WithoutCompilerErrorsAsync(source));
    }
}
