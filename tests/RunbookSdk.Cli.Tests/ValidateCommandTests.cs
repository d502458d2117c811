using System.Text.Json;
using RunbookSdk.GitHub.PullRequests;
using RunbookSdk.GitHub.Tests;

namespace RunbookSdk.Cli.Tests;

/// <summary><c>runbook validate</c>: the table, the exit code from the validation result, report files, and the pull-request comment.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class ValidateCommandTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "runbook-cli-validate-" + Guid.NewGuid().ToString("N")[..8]);

    // These tests are about the command line outside a workflow (ValidateEventTests has the events): a CI job running
    // them in GitHub Actions must not hand them its own event, which would name another pull request.
    private readonly EnvironmentVariable[] _outsideActions =
        [new("GITHUB_EVENT_NAME", null), new("GITHUB_EVENT_PATH", null), new("GITHUB_SHA", null), new("GITHUB_ACTIONS", null)];

    public ValidateCommandTests() => Directory.CreateDirectory(_work);

    public void Dispose()
    {
        foreach (var variable in _outsideActions) variable.Dispose();
        try { Directory.Delete(_work, recursive: true); }
        catch (IOException) { }
    }

    private static readonly string[] OmnixRunbooks =
    [
        "omnix-api-lambda-failure", "omnix-data-accuracy", "omnix-database-performance", "omnix-full-system-recovery", "omnix-performance-degradation",
    ];

    [Fact]
    public async Task OmnixPassesWithARowPerRunbookAndItsWarning()
    {
        var (code, output, error) = await Cli.RunAsync("validate", Repository.Path("samples/Omnix"));

        Assert.True(code == 0, output + error);
        foreach (var id in OmnixRunbooks) Assert.Contains($"│ {id} ", output, StringComparison.Ordinal);
        Assert.Contains("samples/Omnix/OmnixHandbook.cs(15,10): warning RB0010", output, StringComparison.Ordinal);
        Assert.Contains("docs samples/Omnix/docs: current", output, StringComparison.Ordinal);
        Assert.Contains("passed: 5 runbooks in 1 project", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--json")]
    [InlineData("--json", "--markdown", "summary.md")]
    [InlineData("--sarif", "--json", "report.json")]
    public async Task AReportOptionWithoutItsFileIsAUsageErrorAndNothingIsWritten(params string[] options)
    {
        // The parser binds such an option to its own name for the default command, and the report went to a file of
        // that name, next to wherever the job ran.
        var (code, output, error) = await Cli.RunAsync(["validate", Repository.Path("samples/Omnix"), .. options]);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Matches(@"^error: Option '--(json|sarif)' was given without its value: --(json|sarif) <FILE>\.", error);
        Assert.False(File.Exists("__default_command"));
        Assert.False(File.Exists("summary.md") || File.Exists("report.json"));
    }

    [Theory]
    [InlineData("--markdown", "")]
    [InlineData("--json", " ")]
    [InlineData("--sarif", "")]
    public async Task An_empty_report_file_name_is_a_usage_error_before_anything_is_validated(string option, string file)
    {
        // "--markdown \"$GITHUB_STEP_SUMMARY\"" outside GitHub Actions: validated, then "error: The value cannot be an
        // empty string. (Parameter 'path')" with exit code 1 and no report to the pull request; " " wrote a file named " ".
        var (code, output, error) = await Cli.RunAsync("validate", Repository.Path("samples/Omnix"), option, file);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith($"error: {option} was given an empty file name", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.GetFullPath(" ")));
    }

    [Fact]
    public async Task AProjectWithoutRollbackFailsWithExitCode1()
    {
        var project = WriteProject(rollback: false);

        var (code, output, error) = await Cli.RunAsync("validate", project);

        Assert.True(code == 1, output + error);
        Assert.Contains("│ payments-queue-stuck ", output, StringComparison.Ordinal);
        Assert.Contains("missing", output, StringComparison.Ordinal);
        Assert.Contains("error RB0002", output, StringComparison.Ordinal);
        Assert.Contains("failed:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingCompileItemIsNamedWithItsProjectLineAndFailsWithExitCode1()
    {
        // dotnet build fails with "CSC : error CS2001: Source file '.../Missing.cs' could not be found", naming no line.
        var project = WriteProject(rollback: true);
        File.WriteAllText(project, File.ReadAllText(project).Replace("</ItemGroup>", "  <Compile Include=\"Missing.cs\" />\n  </ItemGroup>", StringComparison.Ordinal));

        var (code, output, error) = await Cli.RunAsync("validate", project);

        Assert.True(code == 1, output + error);
        Assert.Contains("Payments.csproj(10,", output, StringComparison.Ordinal);
        Assert.Contains("error CS2001: Source file 'Missing.cs' could not be found", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASolutionWhoseConfigurationBuildsNothingIsToldApartFromAMissingRunbook()
    {
        var project = WriteProject(rollback: true);
        var solution = Path.Combine(_work, "Payments.slnx");
        File.WriteAllText(solution, """
            <Solution>
              <Project Path="Payments/Payments.csproj">
                <Build Solution="Debug|*" Project="false" />
              </Project>
            </Solution>
            """);

        var (code, output, error) = await Cli.RunAsync("validate", solution);

        Assert.True(code == 1, output + error);
        Assert.Contains("Payments.slnx builds no project in its configuration 'Debug|Any CPU'", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-c")]
    [InlineData("--configuration")]
    public async Task TheConfigurationOptionValidatesThatBuild(string option)
    {
        // A runbook only a Release build compiles: the default (Debug, as dotnet build) does not see it.
        var project = WriteProject(rollback: false);
        var source = Path.Combine(Path.GetDirectoryName(project)!, "QueueStuck.cs");
        File.WriteAllText(source, "#if RELEASE\n" + File.ReadAllText(source) + "\n#endif\n");

        var (_, debugOutput, _) = await Cli.RunAsync("validate", project);
        var (code, output, error) = await Cli.RunAsync("validate", project, option, "Release");

        Assert.DoesNotContain("RB0002", debugOutput, StringComparison.Ordinal);
        Assert.True(code == 1, output + error);
        Assert.Contains("error RB0002", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APathThatDoesNotExistIsAUsageError()
    {
        var missing = Path.Combine(_work, "no-such-folder");

        var (code, output, error) = await Cli.RunAsync("validate", missing);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Contains("no-such-folder", error, StringComparison.Ordinal);
        Assert.Equal("", output);
    }

    [Theory]
    [InlineData("--github-repo", "octo/ops")]
    [InlineData("--pr", "7")]
    [InlineData("--github-repo", "octo", "--pr", "7")]
    [InlineData("--github-repo", "octo/ops", "--pr", "7", "--github-api-url", "not a url")]
    public async Task GitHubOptionsThatDoNotFitAreUsageErrors(params string[] options)
    {
        var (code, _, error) = await Cli.RunAsync(["validate", Repository.Path("samples/Omnix"), .. options]);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("99999999999")]
    [InlineData("-3")]
    public async Task A_pull_request_number_that_is_no_number_is_a_usage_error_that_says_so(string pr)
    {
        var (code, _, error) = await Cli.RunAsync(["validate", Repository.Path("samples/Omnix"), "--github-repo", "octo/ops", "--pr", pr]);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains($"--pr {pr} is not a pull-request number.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_path_is_a_usage_error_not_failing_runbooks()
    {
        var (code, _, error) = await Cli.RunAsync(["validate", ""]);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("PATH is empty: give a runbook project, a solution or a folder.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportFilesAreWritten()
    {
        var project = WriteProject(rollback: false);
        var sarif = Path.Combine(_work, "out", "runbooks.sarif");
        var markdown = Path.Combine(_work, "out", "summary.md");
        var json = Path.Combine(_work, "out", "report.json");

        var (code, _, _) = await Cli.RunAsync("validate", project, "--sarif", sarif, "--markdown", markdown, "--json", json);

        Assert.Equal(1, code);
        Assert.Contains("\"version\": \"2.1.0\"", File.ReadAllText(sarif), StringComparison.Ordinal);
        Assert.StartsWith("## Runbook validation: failed", File.ReadAllText(markdown), StringComparison.Ordinal);
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        Assert.False(report.RootElement.GetProperty("passed").GetBoolean());
    }

    [Fact]
    public async Task WithAPullRequestTheCommentIsPostedAndThenUpdated()
    {
        using var github = new FakeGitHub();
        using var token = new EnvironmentVariable("GITHUB_TOKEN", "ghs_cli_test");
        var project = WriteProject(rollback: false);
        string[] args = ["validate", project, "--github-repo", "octo/ops", "--pr", "7", "--github-api-url", github.ApiUrl.ToString()];

        var first = await Cli.RunAsync(args);
        var second = await Cli.RunAsync(args);

        Assert.True(first.Code == 1, first.Out + first.Error);
        Assert.Equal(1, second.Code);
        Assert.Equal("", first.Error);
        Assert.Contains("GitHub: report comment posted on octo/ops#7", first.Out, StringComparison.Ordinal);
        Assert.Contains("GitHub: report comment updated on octo/ops#7", second.Out, StringComparison.Ordinal);
        var comments = github.Writes.Where(r => r.Path.Contains("/comments", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["POST", "PATCH"], comments.Select(c => c.Method));
        var body = comments[0].Body!["body"]!.GetValue<string>();
        Assert.StartsWith(PullRequestReporter.Marker + "\n## Runbook validation: failed", body, StringComparison.Ordinal);
        Assert.Contains("payments-queue-stuck", body, StringComparison.Ordinal);
        Assert.Equal("Token ghs_cli_test", github.Requests[0].Authorization);
        var annotations = github.Writes.Where(r => r.Method == "PATCH" && r.Path.Contains("/check-runs/", StringComparison.Ordinal))
            .SelectMany(r => r.Body!["output"]!["annotations"]!.AsArray()).ToArray();
        Assert.Contains(annotations, a => a!["title"]!.GetValue<string>() == "RB0002");
    }

    [Fact]
    public async Task AGitHubOutageIsAWarningAndTheExitCodeStaysTheValidations()
    {
        using var github = new FakeGitHub { Fail = _ => FakeGitHub.Error(503, "Service Unavailable") };
        using var token = new EnvironmentVariable("GITHUB_TOKEN", "ghs_cli_test");
        // No waiting between retries: each request is sent once (the retries are GitHub.Tests' subject, on a clock that does not sleep).
        using var wait = new EnvironmentVariable("RUNBOOK_GITHUB_RETRY_WAIT", "0");

        var (code, output, error) = await Cli.RunAsync("validate", Repository.Path("samples/Omnix"),
            "--github-repo", "octo/ops", "--pr", "7", "--github-api-url", github.ApiUrl.ToString());

        Assert.True(code == 0, output + error);
        Assert.Contains("warning: GitHub is failing (503), could not post the report comment", error, StringComparison.Ordinal);
        Assert.Contains("warning: GitHub is failing (503), could not create the check run", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutATokenNothingIsPostedAndTheRunSaysSo()
    {
        using var github = new FakeGitHub();
        using var token = new EnvironmentVariable("GITHUB_TOKEN", null);

        var (code, _, error) = await Cli.RunAsync("validate", Repository.Path("samples/Omnix"),
            "--github-repo", "octo/ops", "--pr", "7", "--github-api-url", github.ApiUrl.ToString());

        Assert.Equal(0, code);
        Assert.Contains("warning: GITHUB_TOKEN is not set", error, StringComparison.Ordinal);
        Assert.Empty(github.Requests);
    }

    [Fact]
    public async Task AReportFileThatCannotBeWrittenFailsTheStepButTheOtherFilesAndThePullRequestStillGetTheReport()
    {
        using var github = new FakeGitHub();
        using var token = new EnvironmentVariable("GITHUB_TOKEN", "ghs_cli_test");
        File.WriteAllText(Path.Combine(_work, "reports"), "a file where the folder should be");
        var sarif = Path.Combine(_work, "reports", "runbooks.sarif");
        var markdown = Path.Combine(_work, "summary.md");

        var (code, output, error) = await Cli.RunAsync("validate", Repository.Path("samples/Omnix"), "--sarif", sarif, "--markdown", markdown,
            "--github-repo", "octo/ops", "--pr", "7", "--github-api-url", github.ApiUrl.ToString());

        Assert.True(code == ExitCodes.Failure, output + error);
        Assert.Contains("error: could not write a report file", error, StringComparison.Ordinal);
        Assert.Contains(sarif, error, StringComparison.Ordinal);
        Assert.StartsWith("## Runbook validation: passed", File.ReadAllText(markdown), StringComparison.Ordinal);
        Assert.Contains(github.Writes, r => r.Method == "POST" && r.Path == "/repos/octo/ops/issues/7/comments");
    }

    [Fact]
    public async Task AnUnusableGitHubApiUrlInTheEnvironmentIsAWarningAndTheExitCodeStaysTheValidations()
    {
        using var token = new EnvironmentVariable("GITHUB_TOKEN", "ghs_cli_test");
        using var api = new EnvironmentVariable("GITHUB_API_URL", "api.github.example");

        var (code, output, error) = await Cli.RunAsync("validate", Repository.Path("samples/Omnix"), "--github-repo", "octo/ops", "--pr", "7");

        Assert.True(code == 0, output + error);
        Assert.Contains("warning: ", error, StringComparison.Ordinal);
        Assert.Contains("GITHUB_API_URL", error, StringComparison.Ordinal);
        Assert.DoesNotContain("error:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InGitHubActionsTheCheckRunGoesOnTheCommitThatWasValidatedNotOnALaterPush()
    {
        // The workflow ran for head 1111…; by the time it reports, a later push moved the pull request's head on.
        using var github = new FakeGitHub { HeadSha = "2222222222222222222222222222222222222222" };
        using var token = new EnvironmentVariable("GITHUB_TOKEN", "ghs_cli_test");
        var payload = Path.Combine(_work, "event.json");
        File.WriteAllText(payload, """{"action":"synchronize","number":7,"pull_request":{"number":7,"head":{"sha":"1111111111111111111111111111111111111111","ref":"runbooks"}}}""");
        using var eventPath = new EnvironmentVariable("GITHUB_EVENT_PATH", payload);

        var (code, output, error) = await Cli.RunAsync("validate", Repository.Path("samples/Omnix"),
            "--github-repo", "octo/ops", "--pr", "7", "--github-api-url", github.ApiUrl.ToString());

        Assert.True(code == 0, output + error);
        var create = Assert.Single(github.Writes, r => r.Method == "POST" && r.Path == "/repos/octo/ops/check-runs");
        Assert.Equal("1111111111111111111111111111111111111111", create.Body!["head_sha"]!.GetValue<string>());
    }

    /// <summary>A runbook app in a temp folder (outside any git work tree): a handbook with escalation and one runbook.</summary>
    private string WriteProject(bool rollback)
    {
        var directory = Path.Combine(_work, "Payments");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "Payments.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="RunbookSdk" Version="0.1.0" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "PaymentsHandbook.cs"), """
            using RunbookSdk;

            namespace Payments;

            [Handbook("payments")]
            public sealed class PaymentsHandbook : Handbook
            {
                public override void Define(IHandbookBuilder hb) => hb
                    .Title("Payments handbook")
                    .Escalation(e => e.Level("Payments on-call", TimeSpan.Zero, "payments@example.com"));
            }
            """);
        File.WriteAllText(Path.Combine(directory, "QueueStuck.cs"), $$"""
            using RunbookSdk;

            namespace Payments;

            [Runbook("payments-queue-stuck")]
            public sealed class QueueStuck : Runbook<PaymentsHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Title("Payments queue stuck")
                    .Severity(Severity.P2)
                    .Phase("Assess", TimeBox.Minutes(0, 5), p => p
                        .Step("Look at the queue", s => s.Instruction("Open the queue dashboard")))
                    {{(rollback ? ".Rollback(r => r.Step(\"Roll back\", s => s.Run(\"./rollback.sh\").RequiresConfirmation()))" : "")}}
                    .Verification(v => v.Step("Queue drains", s => s.Http("GET", "https://payments.example.com/queue").ExpectStatus(200)));
            }
            """);
        return Path.Combine(directory, "Payments.csproj");
    }
}
