using RunbookSdk.Tests.Fixtures;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Hosting;

/// <summary><c>run &lt;id&gt; --dry-run</c> prints the resolved plan and executes nothing.</summary>
public sealed class DryRunTests
{
    private const string Secret = "s3cr'et \"tok\" $(id)";

    private static Task<HostResult> DryRun(params string[] arguments) =>
        Host.RunAsync(TestCatalog.Create(), ["run", .. arguments, "--dry-run"]);

    [Fact]
    public async Task The_plan_is_printed_in_full_with_values_filled_in_and_secrets_masked()
    {
        var result = await DryRun("deploy-rollback", "Service=api gateway", $"ApiToken={Secret}");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            """
            warning: secret 'ApiToken' was given on the command line, where other users see it in ps output and your shell history keeps it; set the environment variable RUNBOOK_SECRET_APITOKEN instead.
            Dry run of 'deploy-rollback': nothing is executed. Commands are shown as they would run.

            Roll back a bad deploy [prod]
              Severity: P1 (Critical): respond within 15 minutes, resolve within 4 hours
              Handbook: platform (Platform incident handbook)

            Symptoms
              - 5XX rate above 5%
              - Alarm [api-errors] firing

            Parameters
              Region   = eu-central-1
              Service  = api gateway
              Revision = 3
              ApiToken = ***  (secret)

            Phase 1: Assess (0-5 minutes)
              1.1 Check the deployment
                # Is the rollout stuck?
                $ kubectl rollout status deployment/'api gateway' --namespace web 'jobs workers' --region eu-central-1
                  timeout 2 minutes
                $ curl --fail -H 'Authorization: Bearer ***' https://api.example.com/deploys
                # Health with auth
                GET https://api.example.com/health?token=***
                  header Authorization: Bearer ***
                  expect status 200
                  expect body to contain "ok"
              1.2 Tell the team
                Notify: Status update via #incidents
                  printed only (no --webhook, no WebhookUrl set): post it by hand
                  | We are investigating {issue}.
                Manual: Post in #incidents [now] (the operator confirms when done)

            Phase 2: Mitigate (5-15 minutes)
              2.1 Roll back
                [destructive: requires confirmation before it runs]
                $ kubectl rollout undo deployment/'api gateway' --to-revision=3
                  expect exit code 0 or 3
                  retry: 3 attempts in total, first retry after 5 seconds, doubling
              2.2 Let it settle
                Wait 2 minutes: pods restart
                Monitor for 10 minutes: error rate dashboard (then the operator says whether it looked healthy; no fails the step)
              2.3 Record
                Code: Records the rollback in the change log
                  timeout 90 seconds
                Snippet (promql, not executed): Error rate
                  sum(rate(http_requests_total{code=~"5.."}[5m]))
                Note: Check the dashboard too

            Rollback
              R.1 Redeploy
                [destructive: requires confirmation before it runs]
                $ kubectl rollout undo deployment/'api gateway'

            Verification
              V.1 Health is green
                GET https://api.example.com/health
                  expect status 200
                  expect JSON status = ok
                  timeout 30 seconds

            Escalation (inherited from handbook 'platform')
              immediately       On-call engineer: oncall@example.com
              after 30 minutes  Engineering manager: +1 555 0100

            """,
            result.Output);
    }

    [Fact]
    public async Task A_standalone_runbook_shows_its_waived_rollback_missing_verification_and_own_escalation()
    {
        var result = await DryRun("diagnose-latency", "Window=30");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            """
            Dry run of 'diagnose-latency': nothing is executed. Commands are shown as they would run.

            Diagnose high latency
              Severity: Warning

            Parameters
              Window = 30

            Phase 1: Look
              1.1 Read the logs
                $ aws logs tail /aws/lambda/api --since 30m

            Rollback: none needed: read-only diagnostics

            Verification: none defined

            Escalation
              after 5 minutes  Latency owner: latency@example.com

            """,
            result.Output);
    }

    [Theory]
    [InlineData("hunter2")]
    [InlineData("it's a secret")]
    [InlineData("a b/c?d=e&f")]
    [InlineData("$(id) `id` \"q\" \\")]
    public async Task A_secret_value_never_appears_in_the_output(string secret)
    {
        var result = await DryRun("deploy-rollback", "Service=api", $"ApiToken={secret}");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain(secret, result.Output);
        Assert.DoesNotContain(Uri.EscapeDataString(secret), result.Output);
        Assert.DoesNotContain(Quoted(secret), result.Output);
        Assert.Contains("ApiToken = ***  (secret)", result.Output);
        Assert.Contains("GET https://api.example.com/health?token=***", result.Output);
    }

    [Theory]
    [InlineData("first-half\nsecond-half")]
    [InlineData("t0ken-from-a-file\r\n")]
    public async Task A_secret_with_a_line_break_in_a_header_is_refused_without_showing_it(string secret)
    {
        // deploy-rollback sends the token in a header, which no line break can be in: the request could never be sent.
        // Refused when the runbook is prepared (before, the dry run passed and the run failed at the request).
        var result = await DryRun("deploy-rollback", "Service=api", $"ApiToken={secret}");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Header(\"Authorization\", value) cannot send a value holding a line break (CR or LF)", result.Output);
        Assert.Contains("(in phase 'Assess', step 'Check the deployment')", result.Output);
        Assert.All(secret.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries), part => Assert.DoesNotContain(part, result.Output));
    }

    [Fact]
    public async Task Parameter_names_are_case_insensitive()
    {
        var result = await DryRun("deploy-rollback", "service=web", "REGION=us-east-1", "revision=9");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("$ kubectl rollout status deployment/web --namespace web 'jobs workers' --region us-east-1", result.Lines.Select(l => l.Trim()));
        Assert.Contains("$ kubectl rollout undo deployment/web --to-revision=9", result.Lines.Select(l => l.Trim()));
    }

    [Fact]
    public async Task The_runbook_id_is_case_insensitive()
    {
        var result = await DryRun("Diagnose-Latency");
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task Commands_with_hostile_values_are_shown_exactly_as_bash_would_receive_them()
    {
        var result = await DryRun("deploy-rollback", "Service=x; rm -rf /");
        Assert.Contains("$ kubectl rollout undo deployment/'x; rm -rf /' --to-revision=3", result.Lines.Select(l => l.Trim()));
    }

    [Fact]
    public async Task The_output_is_plain_text_without_escape_sequences()
    {
        var result = await DryRun("deploy-rollback", "Service=api");
        Assert.DoesNotContain('\u001b', result.Output);
    }

    private static string Quoted(string value) => RunbookSdk.Commands.ShellQuoting.QuoteBare(value);
}
