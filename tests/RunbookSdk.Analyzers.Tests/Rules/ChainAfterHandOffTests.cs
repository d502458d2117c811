using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Escalation;
using RunbookSdk.Analyzers.Sections;
using RunbookSdk.Analyzers.Tests.Infrastructure;
using RunbookSdk.CodeFixes.Commands;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// A chain may start with a call handing the builder to a local function of Define, or a method of the runbook's own
/// class, that returns it: <c>Checks(rb).Escalation(…).NoRollback(…)</c>, <c>this.AddChecks(rb).Rollback(…)</c>,
/// <c>p =&gt; Pods(p).Step(…)</c>. The runner makes the calls chained on it on that builder, after the function's own, and
/// the page reads them so (the generator's LocalFunctionPageTests, ClassMethodCallPageTests). The rules took such a call
/// for the end of a chain: they read the function, but none of the calls chained after it, so RB0001 and RB0002 failed
/// the build of a complete runbook and a destructive command chained there passed RB0005. Now they read the chain as the
/// same runbook written inline.
/// </summary>
public sealed class ChainAfterHandOffTests
{
    [Fact]
    public Task The_sections_chained_after_a_function_returning_the_builder_count() =>
        Verify<SectionCompletenessAnalyzer>.AnalyzerAsync("""
            using System;
            using RunbookSdk;

            [Runbook("local-function-chain")]
            public sealed class LocalFunctionChain : Runbook
            {
                public override void Define(IRunbookBuilder rb)
                {
                    IRunbookBuilder Checks(IRunbookBuilder b) => b.Verification(v => v.Step("Health is green", s => s.Http("GET", "https://api.omnix.ai/health").ExpectStatus(200)));

                    Checks(rb.Title("Local function chain"))
                        .Escalation(e => e.Level("On-call", TimeSpan.Zero))
                        .NoRollback("read-only");
                }
            }

            [Runbook("own-method-chain")]
            public sealed class OwnMethodChain : Runbook
            {
                public override void Define(IRunbookBuilder rb) => AddChecks(rb)
                    .Title("Own method chain")
                    .Escalation(e => e.Level("On-call", TimeSpan.Zero))
                    .Rollback(r => r.Step("Roll back", s => s.Run("./rollback-plan.sh").RequiresConfirmation()));

                private static IRunbookBuilder AddChecks(IRunbookBuilder rb) =>
                    rb.Verification(v => v.Step("Health is green", s => s.Http("GET", "https://api.omnix.ai/health").ExpectStatus(200)));
            }

            [Runbook("this-method-chain")]
            public sealed class ThisMethodChain : Runbook
            {
                public override void Define(IRunbookBuilder rb)
                {
                    (this.Escalate(b: rb))
                        .Title("This method chain")
                        .NoRollback("read-only")
                        .Verification(v => v.Step("Health is green", s => s.Http("GET", "https://api.omnix.ai/health").ExpectStatus(200)));
                }

                private IRunbookBuilder Escalate(IRunbookBuilder b)
                {
                    b.Escalation(e => e.Level("On-call", TimeSpan.Zero));
                    return b;
                }
            }

            [Runbook("chain-leaving-one-out")]
            public sealed class {|#0:ChainLeavingOneOut|} : Runbook
            {
                public override void Define(IRunbookBuilder rb)
                {
                    IRunbookBuilder Checks(IRunbookBuilder b) => b.Verification(v => v.Step("Health is green", s => s.Http("GET", "https://api.omnix.ai/health").ExpectStatus(200)));

                    Checks(rb).Title("Chain leaving one out").NoRollback("read-only");
                }
            }
            """,
            new DiagnosticResult("RB0001", DiagnosticSeverity.Error).WithLocation(0).WithArguments("ChainLeavingOneOut", "; add Escalation(...) to it or to its handbook"));

    [Fact]
    public Task A_destructive_command_chained_after_a_function_returning_the_builder_is_reported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Runbook("""
                    IPhaseBuilder Pods(IPhaseBuilder p) => p.Step("Check pods", s => s.Run("kubectl get pods -n payments"));
                    IStepBuilder Announce(IStepBuilder s) => s.Instruction("Tell #incidents before you start");

                    Checks(rb)
                        .Phase("Clean up", p => Pods(p).Step("Wipe", s => s.Run("{|RB0005:rm -rf /srv/app|}")))
                        .Phase("Flush", p => p.Step("Flush", s => Announce(s).Run("redis-cli {|RB0005:FLUSHALL|}")))
                        .Phase("Flush when asked", p => Pods(p).Step("Flush", s => Announce(s).Run("redis-cli FLUSHALL").RequiresConfirmation()))
                        .Rollback(r => r.Step("Drop", s => s.Run("{|RB0005:kubectl delete namespace payments|}")));
            """));

    [Fact]
    public Task An_endless_command_or_a_check_that_cannot_fail_chained_after_a_function_returning_the_builder_is_reported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Runbook("""
                    IPhaseBuilder Pods(IPhaseBuilder p) => p.Step("Check pods", s => s.Run("kubectl get pods -n payments"));

                    Checks(rb)
                        .Phase("Watch", p => Pods(p).Step("Wait", s => s.Run("kubectl {|RB0015:rollout status|} deploy/api")))
                        .NoRollback("read-only")
                        .Verification(v => Pods(v).Step("Health", s => s.Run("{|RB0014:curl|} -s https://api.omnix.ai/health")));
            """));

    [Fact]
    public Task The_confirmation_fix_works_on_a_command_chained_after_a_function_returning_the_builder() =>
        Verify<CommandTextAnalyzer>.FixAsync<RequiresConfirmationCodeFix>(
            Runbook("""
                    IPhaseBuilder Pods(IPhaseBuilder p) => p.Step("Check pods", s => s.Run("kubectl get pods -n payments"));

                    Checks(rb).Phase("Clean up", p => Pods(p).Step("Wipe", s => s.Run("{|RB0005:rm -rf /srv/app|}")));
            """),
            Runbook("""
                    IPhaseBuilder Pods(IPhaseBuilder p) => p.Step("Check pods", s => s.Run("kubectl get pods -n payments"));

                    Checks(rb).Phase("Clean up", p => Pods(p).Step("Wipe", s => s.Run("rm -rf /srv/app").RequiresConfirmation()));
            """));

    [Fact]
    public Task Levels_chained_after_a_function_returning_the_builder_are_judged() =>
        Verify<EscalationAnalyzer>.AnalyzerAsync($$"""
            using System;
            using RunbookSdk;

            [Runbook("out-of-order")]
            public sealed class OutOfOrder : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb)
                {
                    IRunbookBuilder Titled(IRunbookBuilder b) => b.Title("Out of order");

                    Titled(rb).Severity(Severity.P2).Escalation(e => e
                        .Level("Platform Team Lead", TimeSpan.FromMinutes(20))
                        .Level("On-call Engineer", {|RB0008:TimeSpan.FromMinutes(10)|}));
                }
            }

            [Runbook("late-first-level")]
            public sealed class LateFirstLevel : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb) => Titled(rb)
                    .Severity(Severity.P1)
                    .Escalation(e => e.Level("On-call Engineer", {|RB0009:TimeSpan.FromMinutes(45)|}));

                private static IRunbookBuilder Titled(IRunbookBuilder b) => b.Title("Late first level");
            }

            {{Sources.Handbook}}
            """);

    /// <summary>A runbook of the production handbook whose Define has <paramref name="body"/> and a <c>Checks</c> local function adding the verification.</summary>
    private static string Runbook(string body) => $$"""
        using System;
        using RunbookSdk;

        [Runbook("payments-api-down")]
        public sealed class ApiDown : Runbook<OmnixHandbook>
        {
            public override void Define(IRunbookBuilder rb)
            {
                IRunbookBuilder Checks(IRunbookBuilder b) => b
                    .Title("Payments API down")
                    .Verification(v => v.Step("Health is green", s => s.Http("GET", "https://api.omnix.ai/health").ExpectStatus(200)));

        {{body}}
            }
        }

        {{Sources.Handbook}}
        """;
}
