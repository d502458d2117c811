namespace RunbookSdk.Tests.Fixtures;

/// <summary>A standalone runbook: its own escalation, no rollback (waived), no verification.</summary>
[Runbook("diagnose-latency")]
public sealed class DiagnoseLatency : Runbook
{
    [Parameter("Minutes of logs to read")] public int Window { get; init; } = 15;

    public override void Define(IRunbookBuilder rb) => rb
        .Title("Diagnose high latency")
        .Severity("Warning")
        .Phase("Look", p => p
            .Step("Read the logs", s => s.Run($"aws logs tail /aws/lambda/api --since {Window}m")))
        .NoRollback("read-only diagnostics")
        .Escalation(e => e.Level("Latency owner", TimeSpan.FromMinutes(5), "latency@example.com"));
}
