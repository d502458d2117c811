using RunbookSdk.GitHub.Tests;

namespace RunbookSdk.Cli.Tests;

/// <summary>
/// <c>validate --github-repo</c> in each GitHub Actions event a team runs it on: the verdict goes on the commit the
/// workflow checked out and validated, never on one it did not, and an event without a pull request is not a failure.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class ValidateEventTests : IDisposable
{
    private const string Validated = "1111111111111111111111111111111111111111";
    private readonly string _work = Path.Combine(Path.GetTempPath(), "runbook-cli-events-" + Guid.NewGuid().ToString("N"));

    public ValidateEventTests() => Directory.CreateDirectory(_work);

    public void Dispose()
    {
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>The variables GitHub Actions sets for an event; each test sets all of them so none leaks in from the host.</summary>
    private IDisposable Workflow(string? eventName, string? payload, string? sha = Validated)
    {
        string? path = null;
        if (payload is not null)
        {
            path = Path.Combine(_work, "event.json");
            File.WriteAllText(path, payload);
        }

        var variables = new[]
        {
            new EnvironmentVariable("GITHUB_TOKEN", "ghs_cli_test"),
            new EnvironmentVariable("GITHUB_ACTIONS", eventName is null ? null : "true"),
            new EnvironmentVariable("GITHUB_EVENT_NAME", eventName),
            new EnvironmentVariable("GITHUB_EVENT_PATH", path),
            new EnvironmentVariable("GITHUB_SHA", sha),
            new EnvironmentVariable("RUNBOOK_GITHUB_RETRY_WAIT", "0"),
        };
        return new Restore(variables);
    }

    private sealed class Restore(IEnumerable<IDisposable> variables) : IDisposable
    {
        public void Dispose() { foreach (var variable in variables) variable.Dispose(); }
    }

    private static Task<(int Code, string Out, string Error)> Validate(FakeGitHub github, params string[] options) =>
        Cli.RunAsync(["validate", Repository.Path("samples/Omnix"), "--github-repo", "octo/ops", "--github-api-url", github.ApiUrl.ToString(), .. options]);

    private static string CheckRunSha(FakeGitHub github) =>
        Assert.Single(github.Writes, r => r.Method == "POST" && r.Path == "/repos/octo/ops/check-runs").Body!["head_sha"]!.GetValue<string>();

    [Fact]
    public async Task PullRequestTargetIsRefusedBecauseItsCheckoutIsTheBaseBranchNotThePullRequest()
    {
        using var github = new FakeGitHub { HeadSha = "2222222222222222222222222222222222222222" };
        using var workflow = Workflow("pull_request_target",
            """{"action":"synchronize","number":7,"pull_request":{"number":7,"head":{"sha":"2222222222222222222222222222222222222222"}}}""");

        var (code, output, error) = await Validate(github, "--pr", "7");

        Assert.True(code == ExitCodes.Usage, output + error);
        Assert.Contains("pull_request_target", error, StringComparison.Ordinal);
        Assert.Contains("on: pull_request", error, StringComparison.Ordinal);
        Assert.Empty(github.Requests);
    }

    [Fact]
    public async Task InAMergeQueueTheCheckRunGoesOnTheMergeGroupsHeadWithoutAComment()
    {
        using var github = new FakeGitHub();
        using var workflow = Workflow("merge_group",
            """{"action":"checks_requested","merge_group":{"head_sha":"4444444444444444444444444444444444444444","head_ref":"refs/heads/gh-readonly-queue/main/pr-7-abc","base_sha":"0000000000000000000000000000000000000000","base_ref":"refs/heads/main"}}""",
            sha: "4444444444444444444444444444444444444444");

        var (code, output, error) = await Validate(github);

        Assert.True(code == 0, output + error);
        Assert.Equal("", error);
        Assert.Equal("4444444444444444444444444444444444444444", CheckRunSha(github));
        Assert.DoesNotContain(github.Requests, r => r.Path.Contains("/issues/", StringComparison.Ordinal) || r.Path.Contains("/pulls/", StringComparison.Ordinal));
        Assert.Contains("GitHub: check run", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("push", """{"ref":"refs/heads/main","after":"1111111111111111111111111111111111111111"}""")]
    [InlineData("workflow_dispatch", """{"ref":"refs/heads/main","inputs":{}}""")]
    [InlineData("schedule", """{"schedule":"0 3 * * *"}""")]
    public async Task WithoutAPullRequestTheCheckRunGoesOnTheWorkflowsCommit(string eventName, string payload)
    {
        using var github = new FakeGitHub();
        using var workflow = Workflow(eventName, payload);

        var (code, output, error) = await Validate(github);

        Assert.True(code == 0, output + error);
        Assert.Equal("", error);
        Assert.Equal(Validated, CheckRunSha(github));
        Assert.DoesNotContain(github.Requests, r => r.Path.Contains("/issues/", StringComparison.Ordinal));
    }

    private const string IssueComment =
        """{"action":"created","issue":{"number":7,"pull_request":{"url":"https://api.github.com/repos/octo/ops/pulls/7"}},"comment":{"body":"/validate"}}""";

    [Fact]
    public async Task InAChatCommandRunTheCheckRunGoesOnTheShaTheJobCheckedOutWithTheCommentOnItsPullRequest()
    {
        // issue_comment: GITHUB_SHA is the default branch's latest commit; the job checked out pull request #7's head.
        using var github = new FakeGitHub { HeadSha = "2222222222222222222222222222222222222222" };
        using var workflow = Workflow("issue_comment", IssueComment, sha: "9999999999999999999999999999999999999999");

        var (code, output, error) = await Validate(github, "--pr", "7", "--sha", "ABCDEFABCDEFABCDEFABCDEFABCDEFABCDEFABCD");

        Assert.True(code == 0, output + error);
        Assert.Equal("", error);
        Assert.Equal("abcdefabcdefabcdefabcdefabcdefabcdefabcd", CheckRunSha(github));
        Assert.Contains(github.Writes, r => r.Method == "POST" && r.Path == "/repos/octo/ops/issues/7/comments");
    }

    [Fact]
    public async Task AChatCommandRunWithoutShaSaysWhereTheCheckRunWent()
    {
        using var github = new FakeGitHub();
        using var workflow = Workflow("issue_comment", IssueComment, sha: "9999999999999999999999999999999999999999");

        var (code, output, error) = await Validate(github);

        Assert.True(code == 0, output + error);
        Assert.Equal("9999999999999999999999999999999999999999", CheckRunSha(github));
        Assert.Contains("--sha", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnAPullRequestTheShaGivenWinsOverTheEventsHead()
    {
        using var github = new FakeGitHub { HeadSha = "2222222222222222222222222222222222222222" };
        using var workflow = Workflow("pull_request", """{"action":"opened","number":7,"pull_request":{"number":7,"head":{"sha":"1111111111111111111111111111111111111111"}}}""");

        var (code, output, error) = await Validate(github, "--sha", "3333333333333333333333333333333333333333");

        Assert.True(code == 0, output + error);
        Assert.Equal("3333333333333333333333333333333333333333", CheckRunSha(github));
        Assert.Contains(github.Writes, r => r.Method == "POST" && r.Path == "/repos/octo/ops/issues/7/comments");
    }

    [Fact]
    public async Task OutsideActionsAShaAloneGetsACheckRunAndNoComment()
    {
        using var github = new FakeGitHub();
        using var workflow = Workflow(null, null, sha: null);

        var (code, output, error) = await Validate(github, "--sha", "3333333333333333333333333333333333333333");

        Assert.True(code == 0, output + error);
        Assert.Equal("3333333333333333333333333333333333333333", CheckRunSha(github));
        Assert.DoesNotContain(github.Requests, r => r.Path.Contains("/issues/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("abc123")]
    [InlineData("333333333333333333333333333333333333333g")]
    [InlineData("33333333333333333333333333333333333333333")]
    public async Task AShaThatIsNotFortyHexDigitsIsAUsageError(string sha)
    {
        using var github = new FakeGitHub();
        using var workflow = Workflow("issue_comment", IssueComment);

        var (code, _, error) = await Validate(github, "--sha", sha);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--sha", error, StringComparison.Ordinal);
        Assert.Empty(github.Requests);
    }

    [Fact]
    public async Task OnAPullRequestThePullRequestNumberComesFromTheEvent()
    {
        using var github = new FakeGitHub { HeadSha = "2222222222222222222222222222222222222222" };
        using var workflow = Workflow("pull_request", """{"action":"opened","number":7,"pull_request":{"number":7,"head":{"sha":"1111111111111111111111111111111111111111"}}}""",
            sha: "9999999999999999999999999999999999999999");

        var (code, output, error) = await Validate(github);

        Assert.True(code == 0, output + error);
        Assert.Equal(Validated, CheckRunSha(github));
        Assert.Contains(github.Writes, r => r.Method == "POST" && r.Path == "/repos/octo/ops/issues/7/comments");
    }

    [Fact]
    public async Task APullRequestNumberThatIsNotTheEventsPostsNothingAndSaysWhich()
    {
        using var github = new FakeGitHub();
        using var workflow = Workflow("pull_request", """{"action":"opened","number":7,"pull_request":{"number":7,"head":{"sha":"1111111111111111111111111111111111111111"}}}""");

        var (code, output, error) = await Validate(github, "--pr", "8");

        Assert.True(code == 0, output + error);
        Assert.Contains("warning: ", error, StringComparison.Ordinal);
        Assert.Contains("#8", error, StringComparison.Ordinal);
        Assert.Contains("#7", error, StringComparison.Ordinal);
        Assert.Empty(github.Writes);
    }

    [Fact]
    public async Task APullRequestNumberOnAPushPostsNoCommentButTheCheckRunStillGoesOnTheCommit()
    {
        using var github = new FakeGitHub();
        using var workflow = Workflow("push", """{"ref":"refs/heads/main"}""");

        var (code, output, error) = await Validate(github, "--pr", "8");

        Assert.True(code == 0, output + error);
        Assert.Contains("warning: ", error, StringComparison.Ordinal);
        Assert.Contains("#8", error, StringComparison.Ordinal);
        Assert.Equal(Validated, CheckRunSha(github));
        Assert.DoesNotContain(github.Requests, r => r.Path.Contains("/issues/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("[1, 2]")]
    [InlineData(null)]
    public async Task AnEventPayloadThatCannotBeReadIsAWarningAndAPullRequestStillGetsItsReport(string? payload)
    {
        using var github = new FakeGitHub { HeadSha = "2222222222222222222222222222222222222222" };
        using var workflow = Workflow("pull_request", payload, sha: "9999999999999999999999999999999999999999");
        if (payload is null) Environment.SetEnvironmentVariable("GITHUB_EVENT_PATH", Path.Combine(_work, "missing.json"));

        var (code, output, error) = await Validate(github, "--pr", "7");

        Assert.True(code == 0, output + error);
        Assert.Contains("warning: ", error, StringComparison.Ordinal);
        Assert.Contains("GITHUB_EVENT_PATH", error, StringComparison.Ordinal);
        // Not the merge commit GITHUB_SHA names (a check run there shows on no pull request): the pull request's head.
        Assert.Equal("2222222222222222222222222222222222222222", CheckRunSha(github));
        Assert.Contains(github.Writes, r => r.Method == "POST" && r.Path == "/repos/octo/ops/issues/7/comments");
    }

    [Fact]
    public async Task AMergeGroupPayloadThatCannotBeReadFallsBackToGitHubSha()
    {
        using var github = new FakeGitHub();
        using var workflow = Workflow("merge_group", "{ not json", sha: "4444444444444444444444444444444444444444");

        var (code, output, error) = await Validate(github);

        Assert.True(code == 0, output + error);
        Assert.Contains("GITHUB_EVENT_PATH", error, StringComparison.Ordinal);
        Assert.Equal("4444444444444444444444444444444444444444", CheckRunSha(github));
    }

    [Fact]
    public async Task OnAPullRequestEventWithoutAReadablePayloadOrPrNumberNothingIsPostedAndTheRunSaysSo()
    {
        using var github = new FakeGitHub();
        using var workflow = Workflow("pull_request", "{ not json");

        var (code, output, error) = await Validate(github);

        Assert.True(code == 0, output + error);
        Assert.Contains("warning: ", error, StringComparison.Ordinal);
        Assert.Contains("--pr", error, StringComparison.Ordinal);
        Assert.Empty(github.Writes);
    }

    [Fact]
    public async Task OutsideGitHubActionsTheRepositoryWithoutAPullRequestIsStillAUsageError()
    {
        using var github = new FakeGitHub();
        using var workflow = Workflow(null, null, sha: null);

        var (code, _, error) = await Validate(github);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--pr", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AJobSummaryThatCannotBeWrittenFailsTheStepNamingItAndTheCheckRunStillGoesOut()
    {
        using var github = new FakeGitHub();
        using var workflow = Workflow("merge_group", """{"merge_group":{"head_sha":"4444444444444444444444444444444444444444"}}""");
        var summary = Path.Combine(_work, "no-such-folder", "step_summary");
        using var stepSummary = new EnvironmentVariable("GITHUB_STEP_SUMMARY", summary);

        var (code, output, error) = await Validate(github, "--markdown", summary);

        Assert.True(code == ExitCodes.Failure, output + error);
        Assert.Contains("error: could not write a report file", error, StringComparison.Ordinal);
        Assert.Contains(summary, error, StringComparison.Ordinal);
        Assert.Equal("4444444444444444444444444444444444444444", CheckRunSha(github));
    }
    [Fact]
    public async Task OnAPullRequestFromAForkTheFindingsBecomeWorkflowCommandsTheRunnerAnnotatesWithoutAToken()
    {
        // A fork's GITHUB_TOKEN is read-only whatever the workflow asks for: GitHub refuses the comment and the check run.
        using var github = new FakeGitHub
        {
            Fail = r => r.Method == "POST" ? FakeGitHub.Error(403, "Resource not accessible by integration") : null,
        };
        using var workflow = Workflow("pull_request", """{"action":"opened","number":7,"pull_request":{"number":7,"head":{"sha":"1111111111111111111111111111111111111111"}}}""");

        var (code, output, error) = await Validate(github);

        Assert.True(code == 0, output + error);
        Assert.Contains("::warning file=samples/Omnix/ApiLambdaFailure.cs,line=13,col=51,endColumn=71,title=RB0012::This production runbook names 'omnix-ai-products-dev'", output, StringComparison.Ordinal);
        Assert.Contains("written to the job log as workflow commands", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenGitHubRefusesTheCheckRunTheWarningsSayWhyBeforeTheLineThatSaysWhereTheFindingsWent()
    {
        // Cause, then consequence: the log said "no check run carried the findings; N annotations written…" and only
        // after it the warnings that said GitHub refused the check run, and why.
        using var github = new FakeGitHub { Fail = r => r.Method == "POST" ? FakeGitHub.Error(403, "Resource not accessible by integration") : null };
        using var workflow = Workflow("pull_request", """{"action":"opened","number":7,"pull_request":{"number":7,"head":{"sha":"1111111111111111111111111111111111111111"}}}""");

        var (code, output, error) = await Validate(github);

        Assert.True(code == 0, output + error);
        var lines = error.Split('\n');
        var refused = Array.FindIndex(lines, l => l.StartsWith("warning:", StringComparison.Ordinal) && l.Contains("check run", StringComparison.Ordinal));
        var written = Array.FindIndex(lines, l => l.StartsWith("GitHub: no check run carried the findings;", StringComparison.Ordinal));
        Assert.True(refused >= 0 && written > refused, error);
    }

    [Fact]
    public async Task Text_a_pull_request_wrote_never_reaches_the_runner_as_a_workflow_command()
    {
        // A runbook id with a line break put "::error file=README.md…" (or ::add-mask::, ::stop-commands::, which hides
        // every annotation after it) at the start of a log line, where the runner took it as a command; "##[" is one
        // anywhere in a line. The report now pauses the runner's commands around what it echoes.
        var directory = Path.Combine(_work, "Payments");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "Payments.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <ItemGroup><PackageReference Include="RunbookSdk" Version="0.1.0" /></ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "QueueStuck.cs"), """
            using RunbookSdk;

            namespace Payments;

            [Runbook("queue-stuck\n::error file=README.md,line=1::Injected\n::stop-commands::hidden\nsee ##[warning]Injected")]
            public sealed class QueueStuck : Runbook
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Title("Payments queue stuck")
                    .Escalation(e => e.Level("Payments on-call", TimeSpan.Zero, "payments@example.com"))
                    .Phase("Assess", p => p.Step("Look", s => s.Instruction("Open the queue dashboard")));
            }
            """);
        using var github = new FakeGitHub { Fail = r => r.Method == "POST" ? FakeGitHub.Error(403, "Resource not accessible by integration") : null };
        using var workflow = Workflow("pull_request", """{"action":"opened","number":7,"pull_request":{"number":7,"head":{"sha":"1111111111111111111111111111111111111111"}}}""");

        var (code, output, error) = await Cli.RunAsync("validate", directory, "--github-repo", "octo/ops", "--github-api-url", github.ApiUrl.ToString());

        Assert.True(code == 1, output + error);
        Assert.Contains("::error file=README.md,line=1::Injected", output, StringComparison.Ordinal);
        var commands = RunnerLog.Commands(output + "\n" + error);
        // What the id smuggled in: an error annotation on README.md, a warning, and a stop that hides the rest.
        Assert.DoesNotContain(commands, c => c.Data is "Injected" or "hidden");
        // The validator's own annotations are still read: each one, whole, with its finding.
        Assert.Contains(commands, c => c.Name == "error" && c.Data.StartsWith("Runbook 'QueueStuck' has no rollback", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InGitHubActionsWithoutGitHubRepoTheFindingsAreStillWorkflowCommands()
    {
        // Workflow commands need no token and no API: a job that runs validate without --github-repo printed none, so
        // its pull request showed no annotation at all.
        using var workflow = Workflow("pull_request", """{"action":"opened","number":7,"pull_request":{"number":7,"head":{"sha":"1111111111111111111111111111111111111111"}}}""");

        var (code, output, error) = await Cli.RunAsync("validate", Repository.Path("samples/Omnix"));

        Assert.True(code == 0, output + error);
        var annotation = "::warning file=samples/Omnix/ApiLambdaFailure.cs,line=13,col=51,endColumn=71,title=RB0012::This production runbook names 'omnix-ai-products-dev'";
        // Once, where the runner reads it (after the pause around the table).
        Assert.Single(output.Split('\n'), l => l.StartsWith(annotation, StringComparison.Ordinal));
        Assert.Contains(RunnerLog.Commands(output + "\n" + error), c => c.Name == "warning" && c.Data.StartsWith("This production runbook names 'omnix-ai-products-dev'", StringComparison.Ordinal));
        Assert.Contains("written to the job log as workflow commands", error, StringComparison.Ordinal);
        Assert.DoesNotContain("no check run", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReportThatIsSkippedStillLeavesTheFindingsAsWorkflowCommands()
    {
        // A --pr that is not the event's posts nothing; the findings went nowhere but the table.
        using var github = new FakeGitHub();
        using var workflow = Workflow("pull_request", """{"action":"opened","number":7,"pull_request":{"number":7,"head":{"sha":"1111111111111111111111111111111111111111"}}}""");

        var (code, output, error) = await Validate(github, "--pr", "8");

        Assert.True(code == 0, output + error);
        Assert.Empty(github.Writes);
        Assert.Contains("::warning file=samples/Omnix/ApiLambdaFailure.cs,line=13,col=51,endColumn=71,title=RB0012::", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARateLimitIsWaitedOutAsRetryAfterSaysAndTheWaitIsSaidOnStandardError()
    {
        var limited = false;
        using var github = new FakeGitHub
        {
            Fail = r => !limited && (limited = true) ? FakeGitHub.Error(429, "Too many requests") with { Headers = new Dictionary<string, string> { ["Retry-After"] = "1" } } : null,
        };
        using var workflow = Workflow("pull_request", """{"action":"opened","number":7,"pull_request":{"number":7,"head":{"sha":"1111111111111111111111111111111111111111"}}}""");
        using var retries = new EnvironmentVariable("RUNBOOK_GITHUB_RETRY_WAIT", "10");

        var (code, output, error) = await Validate(github);

        Assert.True(code == 0, output + error);
        Assert.Equal(2, github.Requests.Count(r => r.Method == "GET" && r.Path == "/repos/octo/ops/issues/7/comments"));
        Assert.Contains("GitHub: rate limit (429) with Retry-After: waiting 1 s before sending GET /api/v3/repos/octo/ops/issues/7/comments again (attempt 2 of 4; at most 10 s of waiting in all).", error, StringComparison.Ordinal);
        Assert.DoesNotContain("warning:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACheckRunLeftInProgressFailsTheJobAndTheFindingsGoToTheLog()
    {
        // GitHub created the run and answered 500 to every update: the run stayed pending for good (a required check
        // blocking the pull request) while validate said only "warning:" and exited 0, with no annotation anywhere.
        using var github = new FakeGitHub { Fail = r => r.Method == "PATCH" && r.Path.Contains("/check-runs/", StringComparison.Ordinal) ? FakeGitHub.Error(500, "Server Error") : null };
        using var workflow = Workflow("pull_request", """{"action":"opened","number":7,"pull_request":{"number":7,"head":{"sha":"1111111111111111111111111111111111111111"}}}""");

        var (code, output, error) = await Validate(github);

        Assert.True(code == ExitCodes.Failure, output + error);
        Assert.Contains("could not be completed and stays in progress", error, StringComparison.Ordinal);
        Assert.Contains("::warning file=samples/Omnix/ApiLambdaFailure.cs,line=13,col=51,endColumn=71,title=RB0012::", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task AJobCancelledWhileReportingCompletesItsCheckRunAsCancelled(string signal)
    {
        // GitHub Actions cancels a job with SIGINT, then SIGTERM: the process died at once and the check run it had
        // created stayed "in progress" for good, blocking a required check.
        var arrived = new TaskCompletionSource();
        var answer = new TaskCompletionSource();
        using var github = new FakeGitHub
        {
            Hold = r => r.Method == "PATCH" && r.Path.Contains("/check-runs/", StringComparison.Ordinal) && arrived.TrySetResult() ? answer.Task : Task.CompletedTask,
        };
        using var workflow = Workflow("pull_request", """{"action":"opened","number":7,"pull_request":{"number":7,"head":{"sha":"1111111111111111111111111111111111111111"}}}""");
        var start = new System.Diagnostics.ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "RunbookSdk.Cli.dll"), "validate", Repository.Path("samples/Omnix"), "--github-repo", "octo/ops", "--github-api-url", github.ApiUrl.ToString() })
            start.ArgumentList.Add(argument);
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await arrived.Task.WaitAsync(TimeSpan.FromMinutes(5));
            using (var kill = System.Diagnostics.Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
                await kill.WaitForExitAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        }
        finally
        {
            answer.TrySetResult();
            if (!process.HasExited) process.Kill();
        }

        var log = await output + await error;
        var last = github.Requests.Last(r => r.Method == "PATCH" && r.Path.Contains("/check-runs/", StringComparison.Ordinal));
        Assert.True(last.Body?["conclusion"]?.GetValue<string>() == "cancelled", log);
        Assert.Equal("completed", last.Body!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task WhenTheCheckRunCarriesTheFindingsNoWorkflowCommandIsWritten()
    {
        using var github = new FakeGitHub();
        using var workflow = Workflow("pull_request", """{"action":"opened","number":7,"pull_request":{"number":7,"head":{"sha":"1111111111111111111111111111111111111111"}}}""");

        var (code, output, error) = await Validate(github);

        Assert.True(code == 0, output + error);
        Assert.DoesNotContain("::warning ", output, StringComparison.Ordinal);
    }
}
