using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RunbookSdk.Analyzers.Escalation;
using RunbookSdk.Analyzers.Steps;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// A <c>virtual</c> method given in place of a lambda (<c>p.Step("Check", CheckHealth)</c>,
/// <c>rb.Escalation(Levels)</c>) is not read: the runner calls the method the instance has, and a runbook deriving from
/// the class that declares it may override it, so the body written there is not necessarily what runs. The rules wait on
/// what it adds, as for a method of a referenced assembly. Before, they judged the base's body while the runbook ran its
/// own override: RB0004, RB0014, RB0029 and RB0008 reported what the base's body did, not what ran. The page refuses such
/// a method alike (RB0101).
/// </summary>
public sealed class ReplaceableStepMethodTests
{
    /// <summary>A team base class whose <c>Define</c> hands its steps to <paramref name="members"/>, and a runbook overriding some.</summary>
    private static string BaseAndRunbook(string define, string members, string overrides) => $$"""
        using System;
        using System.Threading.Tasks;
        using RunbookSdk;

        public abstract class PaymentsRunbook : Runbook<OmnixHandbook>
        {
            public override void Define(IRunbookBuilder rb) => rb
                .Title("Payments")
        {{define}};

        {{members}}
        }

        [Runbook("api-down")]
        public sealed class ApiDown : PaymentsRunbook
        {
        {{overrides}}
        }

        {{Sources.Handbook}}
        """;

    private const string Rest = """
                .NoRollback("Nothing changes.")
                .Verification(v => v.Step("Check", s => s.Run("curl -fsS https://api.omnix.ai/health")))
        """;

    [Fact]
    public Task A_virtual_step_method_that_only_takes_notes_is_not_judged_empty_while_a_private_one_is() =>
        Verify<EmptyStepAnalyzer>.AnalyzerAsync(BaseAndRunbook("""
                    .Phase("Act", p => p
                        .Step("Check health", CheckHealth)
                        .Step("Check again", s => CheckHealth(s))
                        .Step({|#0:"Ask"|}, JustNotes))
            """ + Rest, """
                protected virtual void CheckHealth(IStepBuilder s) => s.Note("see the dashboard");
                private static void JustNotes(IStepBuilder s) => s.Note("the DBA knows");
            """, """
                protected override void CheckHealth(IStepBuilder s) => s.Run("curl -fsS https://pay.omnix.ai/health");
            """),
            new DiagnosticResult("RB0004", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("Ask"));

    [Fact]
    public Task A_verification_of_a_virtual_conditional_step_method_is_not_reported_as_unable_to_fail() =>
        Verify<ConditionalVerificationAnalyzer>.AnalyzerAsync(BaseAndRunbook("""
                    .Phase("Act", p => p.Step("Do", s => s.Run("uptime")))
                    .NoRollback("Nothing changes.")
                    .Verification(v => v.Step("Health", CheckHealth).Step("Health again", s => CheckHealth(s)))
            """, """
                protected virtual void CheckHealth(IStepBuilder s) => s.OnlyIf("the API was restarted").Run("curl -fsS https://api.omnix.ai/health");
            """, """
                protected override void CheckHealth(IStepBuilder s) => s.Run("curl -fsS https://pay.omnix.ai/health");
            """));

    [Fact]
    public Task The_output_of_a_step_given_a_virtual_method_is_not_reported_as_never_kept() =>
        Verify<OutputReadAnalyzer>.AnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            using RunbookSdk;

            [Runbook("payments")]
            public class Payments : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Title("Payments")
                    .Phase("Act", p => p
                        .Step("Check health", CheckHealth)
                        .Step("Use", s => s.Execute("Use", ctx => Task.FromResult(ctx.Outputs["Check health"]))))
                    .NoRollback("Nothing changes.")
                    .Verification(v => v.Step("Check", s => s.Run("curl -fsS https://api.omnix.ai/health")));

                protected virtual void CheckHealth(IStepBuilder s) => s.Instruction("Open the dashboard");
            }

            [Runbook("payments-eu")]
            public sealed class PaymentsEu : Payments
            {
                protected override void CheckHealth(IStepBuilder s) => s.Run("curl -fsS https://eu.pay.omnix.ai/health");
            }

            """ + Sources.Handbook);

    [Fact]
    public Task Levels_of_a_virtual_escalation_method_are_not_judged_in_the_order_the_base_writes_them() =>
        Verify<EscalationAnalyzer>.AnalyzerAsync(BaseAndRunbook("""
                    .Escalation(Levels)
                    .Phase("Act", p => p.Step("Do", s => s.Run("uptime")))
            """ + Rest, """
                protected virtual void Levels(IEscalationBuilder e) => e
                    .Level("Platform Team Lead", TimeSpan.FromMinutes(10))
                    .Level("On-call Engineer", TimeSpan.Zero);
            """, """
                protected override void Levels(IEscalationBuilder e) => e
                    .Level("On-call Engineer", TimeSpan.Zero)
                    .Level("Platform Team Lead", TimeSpan.FromMinutes(10));
            """));

    // A runbook class that is not sealed may be derived from, by a runbook that overrides the method: its own virtual
    // method is not read either.
    [Fact]
    public Task A_virtual_step_method_of_a_runbook_class_that_is_not_sealed_is_not_read() =>
        Verify<EmptyStepAnalyzer>.AnalyzerAsync("""
            using System;
            using RunbookSdk;

            [Runbook("payments")]
            public class Payments : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Title("Payments")
                    .Phase("Act", p => p.Step("Check health", CheckHealth))
                    .NoRollback("Nothing changes.")
                    .Verification(v => v.Step("Check", s => s.Run("curl -fsS https://api.omnix.ai/health")));

                protected virtual void CheckHealth(IStepBuilder s) => s.Note("see the dashboard");
            }

            [Runbook("payments-eu")]
            public sealed class PaymentsEu : Payments
            {
                protected override void CheckHealth(IStepBuilder s) => s.Run("curl -fsS https://eu.pay.omnix.ai/health");
            }

            """ + Sources.Handbook);
}
