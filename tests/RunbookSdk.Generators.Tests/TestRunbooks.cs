namespace RunbookSdk.Generators.Tests;

/// <summary>Source of small but complete runbooks used across the generator tests.</summary>
internal static class TestRunbooks
{
    public const string Handbook = """
        using System;
        using RunbookSdk;

        namespace Payments;

        [Handbook("payments")]
        public sealed class PaymentsHandbook : Handbook
        {
            public override void Define(IHandbookBuilder hb) => hb
                .Title("Payments incident handbook")
                .Owner("Payments SRE")
                .SeverityLevel("P1", "Critical", s => s.RespondWithin(TimeSpan.Zero).ResolveWithin(TimeSpan.FromHours(4)).Criteria("Checkout down"))
                .Slo("Availability", "99.9%")
                .Escalation(e => e
                    .Level("On-call engineer", TimeSpan.Zero, "pager: payments")
                    .Level("Payments lead", TimeSpan.FromMinutes(15), "lead@example.com"))
                .Communication("Status update", "We are investigating {issue}.", "#payments-incidents")
                .PostIncident("Within 24 hours", "Write the incident report");
        }
        """;

    public const string Runbook = """
        using System;
        using RunbookSdk;

        namespace Payments;

        [Runbook("payments-api-down")]
        public sealed class ApiDown : Runbook<PaymentsHandbook>
        {
            [Parameter("Kubernetes namespace")] public string Namespace { get; init; } = "payments";
            [Parameter("Replica count", Required = false)] public int Replicas { get; init; } = 3;
            [Parameter("API token"), Secret] public string ApiToken { get; init; } = "";

            public override void Define(IRunbookBuilder rb) => rb
                .Title("Payments API down")
                .Severity(Severity.P1)
                .Environment("production")
                .Symptoms("Checkout returns 503", "Alert `payments-api-5xx` firing")
                .Phase("Diagnose", TimeBox.Minutes(0, 5), p => p
                    .Step("Check pods", s => s
                        .Run($"kubectl get pods -n {Namespace}", "List pods")
                        .Http("GET", "https://payments.example.com/health").ExpectStatus(200).ExpectBodyContains("ok")))
                .Phase("Mitigate", TimeBox.Minutes(5, 15), p => p
                    .Step("Restart", s => s
                        .Run($"kubectl rollout restart deployment/api -n {Namespace}").Timeout(TimeSpan.FromMinutes(2))
                        .RequiresConfirmation())
                    .Step("Scale", s => s
                        .Run($"kubectl scale deployment/api --replicas={Replicas} -n {Namespace}").Retry(3, TimeSpan.FromSeconds(5))
                        .Wait(TimeSpan.FromMinutes(1), "pods to become ready")
                        .Snippet("promql", "sum(rate(http_requests_total{code=~\"5..\"}[5m]))", "Error rate query")))
                .Rollback(r => r.Step("Undo scale", s => s.Run($"kubectl scale deployment/api --replicas=2 -n {Namespace}").RequiresConfirmation()))
                .Verification(v => v.Step("Healthy", s => s.Http("GET", "https://payments.example.com/health").ExpectStatus(200)))
                .Reference("Dashboard", "https://grafana.example.com/d/payments")
                .ReviewDate(2027, 1, 31);
        }
        """;
}
