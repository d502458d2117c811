using RunbookSdk.Analyzers.Escalation;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0009 on a runbook whose own escalation levels are added by code the rules do not follow (a virtual method a
/// derived class may replace, a helper of a referenced assembly): the runbook has an escalation of its own, so the
/// handbook's levels are not the ones engaged. Before, the rules found no levels of the runbook's own and judged the
/// handbook's instead, and a runbook whose own first level is engaged in time got RB0009 on its severity.
/// </summary>
public sealed class UnreadEscalationTests
{
    [Fact]
    public Task Levels_added_by_code_the_rules_do_not_follow_are_not_judged_as_the_handbooks() =>
        Verify<EscalationAnalyzer>.AnalyzerAsync($$"""
            using System;
            using RunbookSdk;

            [Runbook("virtual-levels")]
            public class VirtualLevels : Runbook<LateHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Title("Virtual levels").Severity(Severity.P1)
                    .Escalation(Levels);

                protected virtual void Levels(IEscalationBuilder e) => e.Level("On-call engineer", TimeSpan.Zero);
            }

            // Its escalation is the handbook's alone: the late first level is still reported on the severity.
            [Runbook("inherited-levels")]
            public sealed class InheritedLevels : Runbook<LateHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Title("Inherited levels").Severity({|RB0009:Severity.P1|});
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
}
