using RunbookSdk.Execution;
using RunbookSdk.Model;

namespace RunbookSdk.Tests.Execution;

public sealed class EffectiveEscalationTests
{
    private static readonly EscalationLevelPlan Own = new("Service owner", TimeSpan.Zero, "owner@example.com");
    private static readonly EscalationLevelPlan Shared = new("On-call", TimeSpan.Zero, null);

    private static RunbookPlan Runbook(params EscalationLevelPlan[] levels) =>
        new() { Id = "r", Document = new DocumentSections { Escalation = levels } };

    private static HandbookPlan Handbook(params EscalationLevelPlan[] levels) =>
        new() { Id = "h", Document = new DocumentSections { Escalation = levels } };

    [Fact]
    public void A_runbooks_own_escalation_wins_over_its_handbooks()
    {
        var escalation = EffectiveEscalation.Resolve(Runbook(Own), Handbook(Shared));
        Assert.Equal([Own], escalation.Levels);
        Assert.False(escalation.IsInherited);
    }

    [Fact]
    public void A_runbook_without_escalation_inherits_its_handbooks()
    {
        var escalation = EffectiveEscalation.Resolve(Runbook(), Handbook(Shared));
        Assert.Equal([Shared], escalation.Levels);
        Assert.Equal("h", escalation.InheritedFrom);
    }

    [Fact]
    public void A_standalone_runbook_has_only_its_own()
    {
        var escalation = EffectiveEscalation.Resolve(Runbook(Own), null);
        Assert.Equal([Own], escalation.Levels);
        Assert.Null(escalation.InheritedFrom);
    }

    [Fact]
    public void Neither_defining_any_leaves_it_empty_and_not_inherited()
    {
        var escalation = EffectiveEscalation.Resolve(Runbook(), Handbook());
        Assert.Empty(escalation.Levels);
        Assert.False(escalation.IsInherited);
    }
}
