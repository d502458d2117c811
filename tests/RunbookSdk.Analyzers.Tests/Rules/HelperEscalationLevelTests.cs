using RunbookSdk.Analyzers.Escalation;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0008 and RB0009 on levels a helper adds: a method Define hands its builder to (<c>Helpers.AddAll(rb)</c>, a method of
/// the runbook's own class) whose source is in the compilation is read as RB0001-RB0003 read it, and its levels count
/// where it is called. Before, only its sections did: a level it listed twice passed RB0008, and a helper's late first
/// level passed RB0009, which judged the handbook's levels instead though the runner engages the runbook's own.
/// </summary>
public sealed class HelperEscalationLevelTests
{
    [Fact]
    public Task Levels_a_helper_of_another_class_adds_are_compared_with_the_runbooks_own() =>
        Verify<EscalationAnalyzer>.AnalyzerAsync($$"""
            using System;
            using RunbookSdk;

            [Runbook("helper-duplicate")]
            public sealed class HelperDuplicate : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb)
                {
                    rb.Title("Helper duplicate").Severity(Severity.P1)
                        .Escalation(e => e.Level("On-call Engineer", TimeSpan.Zero));
                    Helpers.AddAll(rb);
                }
            }

            [Runbook("helper-out-of-order")]
            public sealed class HelperOutOfOrder : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb)
                {
                    rb.Title("Helper out of order").Severity(Severity.P1);
                    Helpers.Escalate(rb);
                    rb.Escalation(e => e.Level("CTO", {|RB0008:TimeSpan.FromMinutes(20)|}));
                }
            }

            public static class Helpers
            {
                public static void AddAll(IRunbookBuilder rb) => rb
                    .NoRollback("read-only")
                    .Escalation(e => e.Level({|RB0008:"On-call Engineer"|}, TimeSpan.FromMinutes(30)));

                public static void Escalate(IRunbookBuilder rb) => rb.Escalation(e => e
                    .Level("Development Team", TimeSpan.Zero)
                    .Level("Platform Team Lead", TimeSpan.FromMinutes(30)));
            }

            {{Sources.Handbook}}
            """);

    // The runbook's own escalation, written in a helper, is the one the runner engages: its late first level is
    // reported on the level, as a level written in Define is, also one a helper adds to the escalation's builder it is handed
    // (e => Helpers.Levels(e)); once, however many runbooks of that severity call the helper; a helper that adds levels in
    // time is not reported.
    [Fact]
    public Task A_late_first_level_a_helper_adds_is_reported_on_that_level() =>
        Verify<EscalationAnalyzer>.AnalyzerAsync($$"""
            using System;
            using RunbookSdk;

            [Runbook("late-helper")]
            public sealed class LateHelper : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb)
                {
                    rb.Title("Late helper").Severity(Severity.P1);
                    Helpers.Escalate(rb);
                }
            }

            [Runbook("late-helper-again")]
            public sealed class LateHelperAgain : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb)
                {
                    rb.Title("Late helper again").Severity(Severity.P1);
                    Helpers.Escalate(rb);
                }
            }

            [Runbook("late-own-method")]
            public sealed class LateOwnMethod : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb)
                {
                    rb.Title("Late own method").Severity(Severity.P1);
                    Escalate(rb);
                }

                private static void Escalate(IRunbookBuilder rb) => rb.Escalation(e => e.Level("Platform Team Lead", {|RB0009:TimeSpan.FromMinutes(45)|}));
            }

            [Runbook("in-time-helper")]
            public sealed class InTimeHelper : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb)
                {
                    rb.Title("In time helper").Severity(Severity.P2);
                    Helpers.Escalate(rb);
                }
            }

            [Runbook("late-levels-helper")]
            public sealed class LateLevelsHelper : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Title("Late levels helper").Severity(Severity.P1)
                    .Escalation(e => Helpers.Levels(e));
            }

            public static class Helpers
            {
                public static void Escalate(IRunbookBuilder rb) => rb.Escalation(e => e.Level("Platform Team Lead", {|RB0009:TimeSpan.FromMinutes(30)|}));

                public static void Levels(IEscalationBuilder e) => e.Level("Senior Engineering", {|RB0009:TimeSpan.FromHours(1)|});
            }

            {{Sources.Handbook}}
            """);
}
