using RunbookSdk;

namespace CliTestRunbooks;

[Handbook("cli-test-ops")]
public sealed class OpsHandbook : Handbook
{
    public override void Define(IHandbookBuilder hb) => hb
        .Title("CLI test operations")
        .Escalation(e => e.Level("On-call engineer", TimeSpan.Zero, "oncall@example.com"))
        .PostIncident("Within 24 hours", "Write the timeline", "Notify stakeholders");
}
