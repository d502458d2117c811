using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Sections;
using RunbookSdk.Analyzers.Steps;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// A runbook split into <c>partial class</c> files — <c>Define</c> in one, the methods its steps and sections are given
/// in another — is judged as the same runbook in one file: a method given in place of a lambda
/// (<c>Step("Ask", AskSomeone)</c>, <c>s =&gt; AskSomeone(s)</c>) is looked up in every part of the class, under the
/// same conditions (BuilderMethodSyntax), and its body is read with its own file's calls. Before, only the part the
/// argument is written in was searched: RB0004, RB0014 and RB0029 did not look inside such a method, and RB0029 took
/// the runbook's outputs for unknown.
/// </summary>
public sealed class PartialClassMethodTests
{
    private static (string Name, string Source) DefinePart(string define) => ("DbFailover.cs", $$"""
        using System;
        using System.Threading.Tasks;
        using RunbookSdk;

        [Runbook("db-failover")]
        public sealed partial class {|#9:DbFailover|} : Runbook<OmnixHandbook>
        {
            public override void Define(IRunbookBuilder rb) => rb
                .Title("Database failover")
        {{define}};
        }

        {{Sources.Handbook}}
        """);

    private static (string Name, string Source) MethodsPart(string members) => ("DbFailover.Steps.cs", $$"""
        using System;
        using System.Threading.Tasks;
        using RunbookSdk;

        public sealed partial class DbFailover
        {
        {{members}}
        }
        """);

    private const string Rest = """
                .NoRollback("Nothing changes.")
                .Verification(v => v.Step("Check", s => s.Run("curl -fsS https://api.omnix.ai/health")))
        """;

    [Fact]
    public Task A_step_whose_method_in_another_part_does_nothing_is_empty() =>
        Verify<EmptyStepAnalyzer>.AnalyzerAsync(
            [
                DefinePart("""
                            .Phase("Act", p => p
                                .Step({|#0:"Ask"|}, JustNotes)
                                .Step({|#1:"Ask again"|}, s => JustNotes(s))
                                .Step("Do", Act))
                    """ + Rest),
                MethodsPart("""
                        private static void JustNotes(IStepBuilder s) => s.Note("the DBA knows");
                        private static void Act(IStepBuilder s) => s.Run("uptime");
                    """),
            ],
            new DiagnosticResult("RB0004", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("Ask"),
            new DiagnosticResult("RB0004", DiagnosticSeverity.Warning).WithLocation(1).WithArguments("Ask again"));

    // The conditions are those of one part, counted over all parts: a name declared in two parts is overloaded, and
    // which one is bound is the compiler's to say, so the step is not judged.
    [Fact]
    public Task A_step_whose_method_is_overloaded_across_parts_is_not_judged() =>
        Verify<EmptyStepAnalyzer>.AnalyzerAsync(
            [
                DefinePart("""
                            .Phase("Act", p => p.Step("Ask", JustNotes))
                    """ + Rest + """
                    ;
                    private static void JustNotes(IStepBuilder s, int times) => s.Run("uptime")
                    """),
                MethodsPart("""
                        private static void JustNotes(IStepBuilder s) => s.Note("the DBA knows");
                    """),
            ]);

    [Fact]
    public Task A_verification_whose_steps_methods_in_another_part_are_all_conditional_can_pass_without_a_check() =>
        Verify<ConditionalVerificationAnalyzer>.AnalyzerAsync(
            [
                DefinePart("""
                            .Phase("Act", p => p.Step("Do", s => s.Run("uptime")))
                            .NoRollback("Nothing changes.")
                            .{|#0:Verification(v => v.Step("Check", MaybeCheck).Step("Check again", s => MaybeCheck(s)))|}
                    """),
                MethodsPart("""
                        private static void MaybeCheck(IStepBuilder s) => s.OnlyIf("the API was restarted").Run("curl -fsS https://api.omnix.ai/health");
                    """),
            ],
            new DiagnosticResult("RB0014", DiagnosticSeverity.Warning).WithLocation(0).WithArguments(
                "every verification step is conditional (OnlyIf), so answering no to each passes it without a check; make at least one check unconditional"));

    [Fact]
    public Task Reads_in_a_method_of_another_part_given_as_a_steps_actions_are_judged() =>
        Verify<OutputReadAnalyzer>.AnalyzerAsync(
            [
                DefinePart("""
                            .Phase("Act", p => p
                                .Step("Check status", s => s.Run("uptime"))
                                .Step("Decide", s => Decide(s)))
                    """ + Rest),
                MethodsPart("""
                        private static void Decide(IStepBuilder s) => s.Execute("Decide", ctx => Task.FromResult(
                            ctx.Outputs[{|#0:"Check the status"|}] + ctx.Outputs["Check status"]));
                    """),
            ],
            new DiagnosticResult("RB0029", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("Check the status",
                "names no step's title and no output a step's code sets, so it throws KeyNotFoundException when the step runs; name the step it means"));

    // A step's destructive command written in a method of another part asks first only if that method (or the step) does.
    [Fact]
    public Task A_destructive_command_in_a_method_of_another_part_is_reported_unless_confirmed() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(
            [
                DefinePart("""
                            .Phase("Act", p => p.Step("Drop", Drop).Step("Drop confirmed", s => DropConfirmed(s)))
                    """ + Rest),
                MethodsPart("""
                        private static void Drop(IStepBuilder s) => s.Run("{|#0:kubectl delete namespace payments|}");
                        private static void DropConfirmed(IStepBuilder s) => s.Run("kubectl delete namespace payments").RequiresConfirmation();
                    """),
            ],
            new DiagnosticResult("RB0005", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("kubectl delete namespace payments"));

    // The rollback and verification given as methods of another part are the runbook's: only what is missing is reported.
    [Fact]
    public Task A_rollback_in_a_method_of_another_part_counts_and_a_missing_verification_is_reported() =>
        Verify<SectionCompletenessAnalyzer>.AnalyzerAsync(
            [
                DefinePart("""
                            .Phase("Act", p => p.Step("Fail over", s => FailOver(s)))
                            .Rollback(r => RollBack(r))
                    """),
                MethodsPart("""
                        private static void FailOver(IStepBuilder s) => s.Run("aws rds failover-db-cluster --db-cluster-identifier payments").RequiresConfirmation();
                        private static void RollBack(IPhaseBuilder r) => r.Step("Fail back", s => s.Instruction("Fail back to the original primary"));
                    """),
            ],
            new DiagnosticResult("RB0003", DiagnosticSeverity.Error).WithLocation(9).WithArguments("DbFailover", "; add Verification(...) to prove the system is healthy again"));

    // Code given as a method group (Execute("Decide", Decide)) of another part is read as one of the same part is.
    [Fact]
    public Task Reads_in_step_code_given_as_a_method_of_another_part_are_judged() =>
        Verify<OutputReadAnalyzer>.AnalyzerAsync(
            [
                DefinePart("""
                            .Phase("Act", p => p
                                .Step("Check status", s => s.Run("uptime"))
                                .Step("Decide", s => s.Execute("Is it up?", Decide))
                                .Step("Decide again", s => s.Execute("Is it still up?", this.Decide)))
                    """ + Rest),
                MethodsPart("""
                        private Task Decide(StepContext ctx) => Task.FromResult(ctx.Outputs["Check status"] + ctx.Outputs[{|#0:"Check the status"|}]);
                    """),
            ],
            new DiagnosticResult("RB0029", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("Check the status",
                "names no step's title and no output a step's code sets, so it throws KeyNotFoundException when the step runs; name the step it means"));

    // The outputs such a method sets are known: a read of one is fine, a read of a name it does not set still reported.
    // Before, the method was not read and the runbook's outputs were unknown, so neither was judged.
    [Fact]
    public Task An_output_step_code_of_another_part_sets_is_known_and_one_it_does_not_set_is_reported() =>
        Verify<OutputReadAnalyzer>.AnalyzerAsync(
            [
                DefinePart("""
                            .Phase("Act", p => p
                                .Step("Record", s => s.Execute("Record the version", Record))
                                .Step("Use", s => s.Execute("Use it", ctx => Task.FromResult(ctx.Outputs["Version"] + ctx.Outputs[{|#0:"Build"|}]))))
                    """ + Rest),
                MethodsPart("""
                        private static Task Record(StepContext ctx)
                        {
                            ctx.SetOutput("Version", "v42");
                            return Task.CompletedTask;
                        }
                    """),
            ],
            new DiagnosticResult("RB0029", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("Build",
                "names no step's title and no output a step's code sets, so it throws KeyNotFoundException when the step runs; name the step it means"));

    // A builder handed to a method of another part (Bounded(s.Run(…)), Confirm(s)) is followed there, under the same
    // conditions as in one part (ConfiguringCallers.HandedTo): the team's wrappers bound, confirm and check.
    [Fact]
    public Task A_command_a_wrapper_in_another_part_bounds_confirms_or_checks_is_not_reported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(
            [
                DefinePart("""
                            .Phase("Act", p => p
                                .Step("Logs", s => Bounded(s.Run("kubectl logs -f api-0")))
                                .Step("Drop", s => Confirm(s.Run("kubectl delete namespace payments")))
                                .Step("Wipe", s => { s.Run("rm -rf /srv/app"); this.Confirm(s); }))
                            .NoRollback("Nothing changes.")
                            .Verification(v => v.Step("Check", s => Checked(s.Http("GET", "https://api.omnix.ai/health"))))
                    """),
                MethodsPart("""
                        private static ICommandStepBuilder Bounded(ICommandStepBuilder c) => c.Timeout(TimeSpan.FromMinutes(5));
                        private IStepBuilder Confirm(IStepBuilder s) => s.RequiresConfirmation();
                        private static IHttpStepBuilder Checked(IHttpStepBuilder h) => h.ExpectStatus(200);
                    """),
            ]);

    [Fact]
    public Task A_command_a_wrapper_in_another_part_leaves_unconfigured_is_reported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(
            [
                DefinePart("""
                            .Phase("Act", p => p
                                .Step("Logs", s => Retried(s.Run("kubectl logs {|RB0015:-f|} api-0")))
                                .Step("Drop", s => Announce(s.Run("{|RB0005:kubectl delete namespace payments|}")))
                                .Step("Wipe", s => { s.Run("{|RB0005:rm -rf /srv/app|}"); this.MaybeConfirm(s, false); }))
                            .NoRollback("Nothing changes.")
                            .Verification(v => v.Step("Check", s => Logged(s.Http("GET", {|RB0014:"https://api.omnix.ai/health"|}))))
                    """),
                MethodsPart("""
                        private static ICommandStepBuilder Retried(ICommandStepBuilder c) => c.Retry(2, TimeSpan.FromSeconds(5));
                        private static IStepBuilder Announce(IStepBuilder s) => s.Instruction("Tell #ops first");
                        private IStepBuilder MaybeConfirm(IStepBuilder s, bool ask)
                        {
                            if (ask) s.RequiresConfirmation();
                            return s;
                        }
                        private static IHttpStepBuilder Logged(IHttpStepBuilder h) => h;
                    """),
            ]);
}
