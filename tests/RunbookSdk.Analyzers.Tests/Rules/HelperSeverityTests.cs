using RunbookSdk.Analyzers.Escalation;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0009 on a severity a helper sets: a function Define hands its builder to (<c>Titled(rb)</c>, <c>Helpers.Tag(rb)</c>)
/// that calls <c>Severity(…)</c> sets the runbook's severity where it is called, as the runner's recorder does (the last
/// <c>Severity</c> call wins). Before, the rules read a helper's sections and levels but not its severity: a runbook
/// whose helper set P1 had no severity for RB0009, so its late first level passed.
/// </summary>
public sealed class HelperSeverityTests
{
    [Fact]
    public Task A_severity_a_helper_sets_is_the_runbooks_whether_called_as_a_statement_or_at_a_chains_start() =>
        Verify<EscalationAnalyzer>.AnalyzerAsync($$"""
            using System;
            using RunbookSdk;

            [Runbook("helper-statement")]
            public sealed class HelperStatement : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb)
                {
                    Helpers.Titled(rb, "Helper statement");
                    rb.Escalation(e => e.Level("Platform Team Lead", {|RB0009:TimeSpan.FromMinutes(20)|}));
                }
            }

            [Runbook("local-function-chain")]
            public sealed class LocalFunctionChain : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb)
                {
                    IRunbookBuilder Titled(IRunbookBuilder b) => b.Title("Local function chain").Severity(Severity.P1);

                    Titled(rb).Escalation(e => e.Level("Platform Team Lead", {|RB0009:TimeSpan.FromMinutes(25)|}));
                }
            }

            [Runbook("own-method-chain")]
            public sealed class OwnMethodChain : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb) => Titled(rb)
                    .Escalation(e => e.Level("Platform Team Lead", {|RB0009:TimeSpan.FromMinutes(35)|}));

                private static IRunbookBuilder Titled(IRunbookBuilder rb)
                {
                    rb.Title("Own method chain");
                    rb.Severity(Severity.P1);
                    return rb;
                }
            }

            [Runbook("handbook-levels")]
            public sealed class HandbookLevels : Runbook<LateHandbook>
            {
                public override void Define(IRunbookBuilder rb) => Helpers.Titled(rb, "Handbook levels");
            }

            public static class Helpers
            {
                // Reported once here, for the handbook's levels the runbook above inherits; the runbook with its own
                // late level is reported on that level.
                public static IRunbookBuilder Titled(IRunbookBuilder rb, string title) => rb.Title(title).Severity({|RB0009:Severity.P1|});
            }

            [Handbook("late")]
            public sealed class LateHandbook : Handbook
            {
                public override void Define(IHandbookBuilder hb) => hb
                    .Title("A handbook that engages its first level late")
                    .SeverityLevel("P1", "Critical", s => s.RespondWithin(TimeSpan.Zero))
                    .Escalation(e => e.Level("Development Team", TimeSpan.FromMinutes(10)));
            }

            {{Sources.Handbook}}
            """);

    // The runner's recorder keeps the last Severity(…): a helper's severity replaces the one set before it is called, and
    // one set after it replaces the helper's, also when the helper is a local function written after both.
    [Fact]
    public Task The_last_severity_set_in_run_order_is_the_runbooks() =>
        Verify<EscalationAnalyzer>.AnalyzerAsync($$"""
            using System;
            using RunbookSdk;

            [Runbook("helper-relaxes")]
            public sealed class HelperRelaxes : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb)
                {
                    rb.Title("Helper relaxes").Severity(Severity.P1);
                    Relax(rb);
                    rb.Escalation(e => e.Level("Platform Team Lead", TimeSpan.FromMinutes(20)));
                }

                private static void Relax(IRunbookBuilder rb) => rb.Severity(Severity.P2);
            }

            [Runbook("define-tightens")]
            public sealed class DefineTightens : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb)
                {
                    Relax(rb);
                    rb.Title("Define tightens").Severity(Severity.P1)
                        .Escalation(e => e.Level("Platform Team Lead", {|RB0009:TimeSpan.FromMinutes(20)|}));
                }

                private static void Relax(IRunbookBuilder rb) => rb.Severity(Severity.P2);
            }

            [Runbook("local-function-written-after")]
            public sealed class LocalFunctionWrittenAfter : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb)
                {
                    Relax(rb);
                    rb.Title("Local function written after").Severity(Severity.P1)
                        .Escalation(e => e.Level("Platform Team Lead", {|RB0009:TimeSpan.FromMinutes(20)|}));

                    void Relax(IRunbookBuilder b) => b.Severity(Severity.P2);
                }
            }

            [Runbook("chain-tightens")]
            public sealed class ChainTightens : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb)
                {
                    IRunbookBuilder Relax(IRunbookBuilder b) => b.Severity(Severity.P2);

                    Relax(rb.Title("Chain tightens").Severity(Severity.P2)).Severity(Severity.P1)
                        .Escalation(e => e.Level("Platform Team Lead", {|RB0009:TimeSpan.FromMinutes(20)|}));
                }
            }

            [Runbook("chain-relaxes")]
            public sealed class ChainRelaxes : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb)
                {
                    IRunbookBuilder Relax(IRunbookBuilder b) => b.Severity(Severity.P2);

                    Relax(rb.Title("Chain relaxes").Severity(Severity.P1))
                        .Escalation(e => e.Level("Platform Team Lead", TimeSpan.FromMinutes(20)));
                }
            }

            {{Sources.Handbook}}
            """);
}
