using RunbookSdk;

namespace CliTestRunbooks;

/// <summary>Succeeds, or fails at its second step when Fail=yes (then rolls back).</summary>
[Runbook("cli-test-restart")]
public sealed class Restart : Runbook<OpsHandbook>
{
    [Parameter("Fail the restart step: yes or no")] public string Fail { get; init; } = "no";

    public override void Define(IRunbookBuilder rb) => rb
        .Title("Worker stuck")
        .Severity(Severity.P2)
        .Symptoms("Jobs pile up in the queue")
        .Phase("Diagnose", TimeBox.Minutes(0, 5), p => p
            .Step("Look at the worker", s => s.Run($"echo worker-state=stuck").Timeout(TimeSpan.FromSeconds(30))))
        .Phase("Mitigate", TimeBox.Minutes(5, 15), p => p
            .Step("Restart the worker", s => s.Run($"test {Fail} = no && echo restarted").Timeout(TimeSpan.FromSeconds(30))))
        .Rollback(r => r.Step("Start the old worker", s => s.Run($"echo old-worker-started").Timeout(TimeSpan.FromSeconds(30))))
        .Verification(v => v.Step("Worker is healthy", s => s.Run($"echo healthy | grep healthy").Timeout(TimeSpan.FromSeconds(30))));
}
