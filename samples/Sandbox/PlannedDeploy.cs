using System.Text.Json;
using RunbookSdk;

namespace Sandbox;

/// <summary>
/// A planned deploy with a soak period: deploy, watch health, check through code that the new version stays live, roll
/// back if either does not hold. Both checks only read, so they are marked idempotent: a resume of a run killed during
/// them runs them again without asking.
/// </summary>
[Runbook("sandbox-deploy")]
public sealed class PlannedDeploy : Runbook<SandboxHandbook>
{
    [Parameter("Base URL of the sandbox service, as it printed at start-up")] public string BaseUrl { get; init; } = "http://127.0.0.1:5099";
    [Parameter("The version to deploy")] public string Version { get; init; } = "1.1.0";
    [Parameter("Health checks during the soak, one per second")] public int SoakChecks { get; init; } = 5;
    [Parameter("Version checks after the soak, one per second")] public int VersionChecks { get; init; } = 2;

    public override void Define(IRunbookBuilder rb) => rb
        .Title("Sandbox: deploy a new version")
        .Severity(Severity.P3)
        .Symptoms("A planned change: nothing is broken yet")
        .Phase("Deploy", TimeBox.Minutes(0, 10), p => p
            .Step("Deploy the new version", s => s
                .Run($"curl --fail -sS --max-time 10 -X POST --data {Version} {BaseUrl}/deploy")
                .RequiresConfirmation())
            .Step("Soak: health holds", s => s
                .Run($"for i in $(seq 1 {SoakChecks}); do curl --fail -sS --max-time 5 {BaseUrl}/health && echo || exit 1; sleep 1; done")
                .Timeout(TimeSpan.FromMinutes(10))
                .Idempotent())
            .Step("The new version stays live", s => s
                .Execute("Reads /version once a second and fails when the service reports another version", VersionStaysLiveAsync)
                .Timeout(TimeSpan.FromMinutes(15))
                .Idempotent()))
        .Rollback(r => r
            .Step("Roll back the deploy", s => s
                .Run($"curl --fail -sS --max-time 10 -X POST --data '' {BaseUrl}/rollback")
                .RequiresConfirmation()))
        .Verification(v => v
            .Step("Health is green", s => s
                .Http("GET", $"{BaseUrl}/health")
                .ExpectStatus(200)
                .ExpectJson("status", "ok")));

    // What the engineer would otherwise do by hand with curl, as code: a client library's check fits here too.
    private async Task VersionStaysLiveAsync(StepContext context)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var check = 1; check <= VersionChecks; check++)
        {
            var body = await http.GetStringAsync($"{BaseUrl}/version", context.CancellationToken);
            Console.WriteLine($"check {check}: {body}");
            using var answer = JsonDocument.Parse(body);
            var live = answer.RootElement.GetProperty("version").GetString();
            if (live != Version) throw new InvalidOperationException($"the service reports version {live}, not {Version}");
            await Task.Delay(TimeSpan.FromSeconds(1), context.CancellationToken);
        }
    }
}
