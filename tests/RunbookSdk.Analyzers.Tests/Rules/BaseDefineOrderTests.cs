using RunbookSdk.Analyzers.Escalation;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0008 and RB0009 on a runbook that calls its base class's <c>Define</c> (<c>base.Define(rb)</c>): what the base sets
/// counts where the call is, in the order the calls run, as the runner's recorder keeps it: the last <c>Severity(…)</c>
/// wins, and every <c>Escalation(…)</c> adds its levels to the one list. Before, the runbook's own severity won wherever
/// <c>base.Define(rb)</c> was called, and its own levels hid the base's: a runbook that set P1 and then called a base
/// setting P2 was judged as P1, and a level listed in both passed though the runner records it twice.
/// </summary>
public sealed class BaseDefineOrderTests
{
    [Fact]
    public Task The_last_severity_set_in_run_order_is_the_runbooks_also_across_a_base_call() =>
        Verify<EscalationAnalyzer>.AnalyzerAsync($$"""
            using System;
            using RunbookSdk;

            public abstract class RelaxedRunbook : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb.Severity(Severity.P2);
            }

            // The base's P2 is set last: its response time (30 minutes) is the one a 20-minute first level must meet.
            [Runbook("base-relaxes")]
            public sealed class BaseRelaxes : RelaxedRunbook
            {
                public override void Define(IRunbookBuilder rb)
                {
                    rb.Title("Base relaxes").Severity(Severity.P1);
                    base.Define(rb);
                    rb.Escalation(e => e.Level("Platform Team Lead", TimeSpan.FromMinutes(20)));
                }
            }

            [Runbook("define-tightens")]
            public sealed class DefineTightens : RelaxedRunbook
            {
                public override void Define(IRunbookBuilder rb)
                {
                    base.Define(rb);
                    rb.Title("Define tightens").Severity(Severity.P1)
                        .Escalation(e => e.Level("Platform Team Lead", {|RB0009:TimeSpan.FromMinutes(20)|}));
                }
            }

            {{Sources.Handbook}}
            """);

    [Fact]
    public Task A_base_defines_levels_count_where_it_is_called_among_the_runbooks_own() =>
        Verify<EscalationAnalyzer>.AnalyzerAsync($$"""
            using System;
            using RunbookSdk;

            public abstract class OnCallFirst : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Escalation(e => e.Level("On-call Engineer", {|RB0008:TimeSpan.Zero|}));
            }

            // The runner records the base's level, then these: the on-call engineer twice, and a lead at zero again.
            [Runbook("levels-after-base")]
            public sealed class LevelsAfterBase : OnCallFirst
            {
                public override void Define(IRunbookBuilder rb)
                {
                    rb.Title("Levels after base").Severity(Severity.P1);
                    base.Define(rb);
                    rb.Escalation(e => e
                        .Level({|RB0008:"On-call Engineer"|}, TimeSpan.FromMinutes(10))
                        .Level("Platform Team Lead", {|RB0008:TimeSpan.Zero|}));
                }
            }

            // The base's level is the first the runner engages: at zero, within P1's response time, though this
            // runbook's own first level is at 20 minutes.
            [Runbook("base-engages-first")]
            public sealed class BaseEngagesFirst : OnCallFirst
            {
                public override void Define(IRunbookBuilder rb)
                {
                    base.Define(rb);
                    rb.Title("Base engages first").Severity(Severity.P1)
                        .Escalation(e => e.Level("Platform Team Lead", TimeSpan.FromMinutes(20)));
                }
            }

            // Own levels first: the base's on-call engineer at zero comes after a level at 20 minutes, reported in the base
            // (once, however many runbooks derive from it).
            [Runbook("base-after-own")]
            public sealed class BaseAfterOwn : OnCallFirst
            {
                public override void Define(IRunbookBuilder rb)
                {
                    rb.Title("Base after own").Severity(Severity.P2)
                        .Escalation(e => e.Level("Platform Team Lead", TimeSpan.FromMinutes(20)));
                    base.Define(rb);
                }
            }

            {{Sources.Handbook}}
            """);
}
