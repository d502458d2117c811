using System.Text.Json;
using RunbookSdk.GitHub.Tests;

namespace RunbookSdk.Cli.Tests;

/// <summary>
/// <c>runbook run APP ID --incident-repo</c>: loads the runbook app's catalog from its assembly, runs it through the
/// app's host and keeps the incident in a GitHub issue (the fake API on 127.0.0.1); GitHub never changes the run.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class RunCommandTests : IDisposable
{
    private static readonly string Assembly = Repository.Path("tests/RunbookSdk.Cli.Tests/TestRunbooks/bin/Debug/net10.0/CliTestRunbooks.dll");
    private readonly string _work = Path.Combine(Path.GetTempPath(), "runbook-cli-run-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly FakeGitHub _github = new();
    private readonly EnvironmentVariable _token = new("GITHUB_TOKEN", "ghs_cli_test");

    public RunCommandTests() => Directory.CreateDirectory(_work);

    private string JournalPath => Path.Combine(_work, "journal.jsonl");

    private Task<(int Code, string Out, string Error)> RunAsync(params string[] extra) =>
        Cli.RunAsync(["run", Assembly, "cli-test-restart", .. extra, "--non-interactive", "--journal", JournalPath,
            "--incident-repo", "octo/ops", "--github-api-url", _github.ApiUrl.ToString()]);

    /// <summary>
    /// Puts a <c>grep</c> of this test's own, running <paramref name="script"/>, first on the PATH until disposed: the
    /// test runbook's verification pipes into grep, so this decides what it does and prints.
    /// </summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private EnvironmentVariable GrepFirstOnPath(string script)
    {
        var bin = Path.Combine(_work, "bin");
        Directory.CreateDirectory(bin);
        File.WriteAllText(Path.Combine(bin, "grep"), $"#!/bin/sh\n{script}\n");
        File.SetUnixFileMode(Path.Combine(bin, "grep"), UnixFileMode.UserRead | UnixFileMode.UserExecute);
        return new EnvironmentVariable("PATH", bin + ":" + Environment.GetEnvironmentVariable("PATH"));
    }

    private string[] JournalEvents() => File.ReadAllLines(JournalPath).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("event").GetString()!).ToArray();

    private string[] Comments() => _github.Writes.Where(r => r.Path == "/repos/octo/ops/issues/42/comments").Select(r => r.Body!["body"]!.GetValue<string>()).ToArray();

    [Fact]
    public async Task ARunOpensTheIssueCommentsEachStepAndPostsThePostIncidentReport()
    {
        var (code, output, error) = await RunAsync();

        Assert.True(code == 0, output + error);
        Assert.Contains("Run succeeded", output, StringComparison.Ordinal);
        Assert.Contains("Incident issue: octo/ops#42", output, StringComparison.Ordinal);
        var issue = Assert.Single(_github.Writes, r => r.Path == "/repos/octo/ops/issues");
        Assert.Equal("[P2] Worker stuck (cli-test-restart)", issue.Body!["title"]!.GetValue<string>());
        Assert.Equal(["incident", "P2"], issue.Body["labels"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.Contains("Jobs pile up in the queue", issue.Body["body"]!.GetValue<string>(), StringComparison.Ordinal);
        var comments = Comments();
        Assert.Equal(4, comments.Length);
        Assert.Contains("Diagnose › Look at the worker: **succeeded**", comments[0], StringComparison.Ordinal);
        Assert.Contains("worker-state=stuck", comments[0], StringComparison.Ordinal);
        Assert.Contains("Mitigate › Restart the worker: **succeeded**", comments[1], StringComparison.Ordinal);
        Assert.Contains("Verification › Worker is healthy: **succeeded**", comments[2], StringComparison.Ordinal);
        Assert.Contains("## Post-incident report", comments[3], StringComparison.Ordinal);
        Assert.Contains("- **Outcome:** succeeded (exit code 0)", comments[3], StringComparison.Ordinal);
        Assert.Contains("- [ ] Notify stakeholders", comments[3], StringComparison.Ordinal);
        Assert.Equal("Token ghs_cli_test", _github.Requests[0].Authorization);
        Assert.DoesNotContain("observer-failed", JournalEvents());
        Assert.DoesNotContain("observer-problem", JournalEvents());
    }

    [Fact]
    public async Task AFailedRunIsRolledBackAndTheIssueSaysSo()
    {
        var (code, output, error) = await RunAsync("Fail=yes");

        Assert.True(code == 3, output + error);
        var comments = Comments();
        Assert.Contains(comments, c => c.Contains("Mitigate › Restart the worker: **failed**", StringComparison.Ordinal));
        Assert.Contains(comments, c => c.Contains("Rollback › Start the old worker: **succeeded**", StringComparison.Ordinal));
        Assert.Contains("- **Outcome:** failed and rolled back (exit code 3)", comments[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheResumeHintNamesTheToolTheAppAndTheIncidentRepository()
    {
        if (OperatingSystem.IsWindows()) return; // the runbook's steps are bash
        // The verification's grep fails (a grep of its own first on the PATH), so the hint says to check again. It said
        // "run cli-test-restart --resume …", which no shell runs, and a resume without --incident-repo would not have
        // continued the incident issue.
        (int Code, string Out, string Error) failed;
        using (GrepFirstOnPath("exit 1"))
            failed = await Cli.RunAsync(["run", Assembly, "cli-test-restart", "--non-interactive", "--journal", JournalPath,
                "--incident-repo", "octo/ops", "--github-api-url", _github.ApiUrl.ToString()]);

        Assert.True(failed.Code == 1, failed.Out + failed.Error);
        var hint = Assert.Single(failed.Out.Split('\n'), l => l.Contains("check again: ", StringComparison.Ordinal));
        var command = hint[(hint.IndexOf("check again: ", StringComparison.Ordinal) + "check again: ".Length)..hint.IndexOf(" repeats no step", StringComparison.Ordinal)];
        Assert.EndsWith($" run {Assembly} cli-test-restart --resume \"{JournalPath}\" --incident-repo octo/ops --github-api-url {_github.ApiUrl}", command);

        // What follows the program is a command line the tool takes: the resume checks again and continues the issue.
        var words = command[(command.IndexOf(" run ", StringComparison.Ordinal) + 1)..].Split(' ').Select(w => w.Trim('"')).ToArray();
        var (resumed, output, error) = await Cli.RunAsync([.. words, "--non-interactive"]);
        Assert.True(resumed == 0, output + error);
        Assert.Contains("Incident issue: octo/ops#42", output, StringComparison.Ordinal);
        Assert.Single(_github.Writes, r => r.Path == "/repos/octo/ops/issues");
    }

    [Fact]
    public async Task RunsListsTheUnfinishedRunWithAResumeCommandThroughTheToolThatContinuesTheIncidentIssue()
    {
        if (OperatingSystem.IsWindows()) return; // the runbook's steps are bash
        // The engineer taking over runs `runbook runs APP FOLDER`: the resume command names the tool and the app, as the
        // hint of `runbook run` does, and the incident repository the run was given, which its journal records. Before,
        // it was named only when the engineer knew to give it to `runs` too: pasted without it, the resume stopped
        // updating the incident issue without a word.
        (int Code, string Out, string Error) failed;
        using (GrepFirstOnPath("exit 1"))
            failed = await RunAsync();
        Assert.True(failed.Code == 1, failed.Out + failed.Error);
        var started = JsonDocument.Parse(File.ReadLines(JournalPath).First()).RootElement;
        Assert.Equal(["--incident-repo", "octo/ops", "--github-api-url", _github.ApiUrl.ToString()],
            started.GetProperty("resumeOptions").EnumerateArray().Select(o => o.GetString()));
        Assert.DoesNotContain("ghs_cli_test", File.ReadAllText(JournalPath), StringComparison.Ordinal);

        var (code, listed, listError) = await Cli.RunAsync(["runs", Assembly, _work]);

        Assert.True(code == 0, listed + listError);
        var line = Assert.Single(listed.Split('\n'), l => l.StartsWith("cli-test-restart ", StringComparison.Ordinal));
        Assert.Contains("stopped: Failed (every step is done; the verification failed: ", line, StringComparison.Ordinal);
        Assert.Contains("); resume: ", line, StringComparison.Ordinal);
        var command = line[(line.IndexOf("resume: ", StringComparison.Ordinal) + "resume: ".Length)..].TrimEnd('\r');
        Assert.EndsWith($" run {Assembly} cli-test-restart --resume \"{JournalPath}\" --incident-repo octo/ops --github-api-url {_github.ApiUrl}", command);

        // Pasted, it resumes the run and continues its incident issue.
        var words = command[(command.IndexOf(" run ", StringComparison.Ordinal) + 1)..].Split(' ').Select(w => w.Trim('"')).ToArray();
        var (resumed, output, error) = await Cli.RunAsync([.. words, "--non-interactive"]);
        Assert.True(resumed == 0, output + error);
        Assert.Single(_github.Writes, r => r.Path == "/repos/octo/ops/issues");
        var (_, after, _) = await Cli.RunAsync(["runs", Assembly, _work]);
        Assert.StartsWith("No unfinished runs in", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AResumeWithoutTheIncidentRepositoryTheRunWasGivenSaysItDoesNotContinueTheIssue()
    {
        // Typed by hand rather than pasted, the resume went on without a word, and the incident issue stopped at the
        // failure while the engineer believed it kept the record.
        var (failed, failedOut, failedError) = await RunAsync("Fail=yes");
        Assert.True(failed == 3, failedOut + failedError);

        var (code, output, error) = await Cli.RunAsync(["run", Assembly, "cli-test-restart", "--resume", JournalPath, "Fail=no", "--non-interactive"]);

        Assert.True(code == 0, output + error);
        Assert.Contains($"warning: the journal's run was started with --incident-repo octo/ops --github-api-url {_github.ApiUrl} (this resume was given none; "
            + "without them the record they keep, such as the incident issue, is not continued)", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTokenTheIncidentIssueIsKeptWithIsMaskedWhereAStepPrintsIt()
    {
        if (OperatingSystem.IsWindows()) return; // the runbook's steps are bash
        // The steps inherit GITHUB_TOKEN from the tool. The verification's grep (a grep of its own first on the PATH)
        // prints it, as a step running env or a tool's debug output would: it showed on the console, in the journal and
        // in the incident issue's timeline comment.
        (int Code, string Out, string Error) run;
        using (GrepFirstOnPath("echo \"token=$GITHUB_TOKEN\""))
            run = await RunAsync();

        Assert.True(run.Code == 0, run.Out + run.Error);
        Assert.Contains("token=***", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("ghs_cli_test", run.Out + run.Error, StringComparison.Ordinal);
        var journal = File.ReadAllText(JournalPath);
        Assert.Contains("token=***", journal, StringComparison.Ordinal);
        Assert.DoesNotContain("ghs_cli_test", journal, StringComparison.Ordinal);
        var verification = Assert.Single(Comments(), c => c.Contains("Verification › Worker is healthy", StringComparison.Ordinal));
        Assert.Contains("token=***", verification, StringComparison.Ordinal);
        Assert.DoesNotContain("ghs_cli_test", string.Concat(Comments()), StringComparison.Ordinal);
        // The token still reached GitHub, where it belongs.
        Assert.Equal("Token ghs_cli_test", _github.Requests[0].Authorization);
    }

    [Fact]
    public async Task AGitHubOutageDoesNotChangeTheRunAndIsInTheJournal()
    {
        _github.Fail = r => r.Method == "GET" ? null : FakeGitHub.Error(502, "Bad Gateway");

        var (code, output, error) = await RunAsync();

        Assert.True(code == 0, output + error);
        Assert.Contains("Run succeeded", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Incident issue:", output, StringComparison.Ordinal);
        Assert.Contains("Incident record: GitHub incident issue: GitHub is failing (502)", output, StringComparison.Ordinal);
        var events = JournalEvents();
        Assert.Contains("observer-problem", events);
        Assert.Equal("run-finished", events[^1]);
        var problems = File.ReadAllLines(JournalPath).Where(l => l.Contains("\"observer-problem\"", StringComparison.Ordinal)).ToArray();
        Assert.Contains(problems, p => p.Contains("502", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InGitHubActionsWhatARunPrintsIsNeverReadAsAWorkflowCommand()
    {
        // A parameter value (a workflow_dispatch input, a chat command's words) and what a step prints are echoed; the
        // runner takes "##[name]" anywhere in a line, and "::name::" at a line's start, as a workflow command: an error
        // annotation, an add-mask that hides later lines, a stop-commands that hides every annotation after it.
        using var actions = new EnvironmentVariable("GITHUB_ACTIONS", "true");

        var (code, output, error) = await Cli.RunAsync("run", Assembly, "cli-test-restart", "Fail=x##[error]Injected\n::stop-commands::hidden",
            "--non-interactive", "--journal", JournalPath);

        Assert.True(code == 3, output + error);
        Assert.Contains("##[error]Injected", output, StringComparison.Ordinal);
        Assert.DoesNotContain(RunnerLog.Commands(output), c => c.Data.StartsWith("Injected", StringComparison.Ordinal) || c.Data.StartsWith("hidden", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUnusableGitHubApiUrlNeverStopsTheRunbook()
    {
        using var api = new EnvironmentVariable("GITHUB_API_URL", "api.github.example");

        var (code, output, error) = await Cli.RunAsync("run", Assembly, "cli-test-restart", "--non-interactive", "--journal", JournalPath, "--incident-repo", "octo/ops");

        Assert.True(code == 0, output + error);
        Assert.Contains("Run succeeded", output, StringComparison.Ordinal);
        Assert.Contains("warning: ", error, StringComparison.Ordinal);
        Assert.Contains("GITHUB_API_URL", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--skip-conditional")]
    [InlineData("--conditions-hold")]
    public async Task WhoAnswersConditionalStepsIsPassedToTheAppsHost(string flag)
    {
        var (code, output, error) = await Cli.RunAsync("run", Assembly, "cli-test-restart", "--non-interactive", flag, "--journal", JournalPath);

        Assert.True(code == 0, output + error);
        Assert.Contains($"Mode: non-interactive, {flag}", output, StringComparison.Ordinal);
        var started = JsonDocument.Parse(File.ReadLines(JournalPath).First()).RootElement;
        Assert.Equal(flag, started.GetProperty("conditions").GetString());
    }

    [Fact]
    public async Task ChooseIsPassedToTheAppsHost()
    {
        // The test runbook has no OneOf decision: the app's host, which got the answer, refuses it by name.
        var (code, output, error) = await Cli.RunAsync("run", Assembly, "cli-test-restart", "--non-interactive", "--choose", "Mitigation strategy=Restart", "--journal", JournalPath);

        Assert.True(code == 2, output + error);
        Assert.Contains("--choose \"Mitigation strategy=…\": this runbook has no OneOf decision", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheProjectIsBuiltAndLoadedWhenGivenInsteadOfTheAssembly()
    {
        var (code, output, error) = await Cli.RunAsync("run", Repository.Path("tests/RunbookSdk.Cli.Tests/TestRunbooks"), "cli-test-restart", "--dry-run");

        Assert.True(code == 0, output + error);
        Assert.Contains("echo worker-state=stuck", output, StringComparison.Ordinal);
        Assert.Empty(_github.Requests);
    }

    [Fact]
    public async Task AProjectWithItsOwnOutputPathIsLoadedFromWhereItsBuildPutsIt()
    {
        // The test runbooks compiled by a project of another name whose output is not bin/Debug/net10.0. Its project
        // references are already built by the solution's build; building them again here could race other tests.
        var sources = Repository.Path("tests/RunbookSdk.Cli.Tests/TestRunbooks");
        var src = Repository.Path("src");
        var project = Path.Combine(_work, "MovedRunbooks.csproj");
        File.WriteAllText(project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <OutputPath>build-output/</OutputPath>
                <BuildProjectReferences>false</BuildProjectReferences>
              </PropertyGroup>
              <ItemGroup>
                <Compile Include="{sources}/*.cs" />
                <ProjectReference Include="{src}/RunbookSdk/RunbookSdk.csproj" />
                <ProjectReference Include="{src}/RunbookSdk.Generators/RunbookSdk.Generators.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
              </ItemGroup>
              <Import Project="{src}/RunbookSdk/build/RunbookSdk.targets" />
            </Project>
            """);

        var (code, output, error) = await Cli.RunAsync("run", _work, "cli-test-restart", "--dry-run");

        Assert.True(code == 0, output + error);
        Assert.True(File.Exists(Path.Combine(_work, "build-output", "net10.0", "MovedRunbooks.dll")), "the build did not write where the project says");
        Assert.False(Directory.Exists(Path.Combine(_work, "bin", "Debug")), "something wrote to the default output path");
        Assert.Contains("echo worker-state=stuck", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProjectBuildingSeveralFrameworksAsksForTheAssemblyInstead()
    {
        File.WriteAllText(Path.Combine(_work, "Multi.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFrameworks>net10.0;net9.0</TargetFrameworks>
              </PropertyGroup>
            </Project>
            """);

        var (code, _, error) = await Cli.RunAsync("run", _work, "cli-test-restart", "--no-build");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("builds for several target frameworks: give the built assembly (.dll) of one instead", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-such-app.dll")]
    [InlineData("no-such-folder")]
    public async Task AnAppThatIsNotThereIsAUsageError(string app)
    {
        var (code, _, error) = await Cli.RunAsync("run", Path.Combine(_work, app), "cli-test-restart");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains(app, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("payments-api-outage", "--dry-run")]
    [InlineData("--journal", "j.jsonl", "payments-api-outage")]
    [InlineData("payments-api-outage", "Region=eu-west-1", "--dry-run")]
    public async Task ARunbookIdGivenWithoutTheAppSaysTheAppComesFirst(params string[] arguments)
    {
        var (code, _, error) = await Cli.RunAsync(["run", .. arguments]);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("'payments-api-outage' is not a runbook project, its folder or a built .dll, but reads like a runbook id", error, StringComparison.Ordinal);
        Assert.Contains("In the app's folder: runbook run . payments-api-outage", error, StringComparison.Ordinal);
        Assert.DoesNotContain("missing required argument 'ID'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAppGivenWithoutTheRunbookIdIsStillMissingTheId()
    {
        var (code, _, error) = await Cli.RunAsync("run", Assembly, "--dry-run");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("missing required argument 'ID'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownRunbookIsTheHostsUsageError()
    {
        var (code, output, _) = await Cli.RunAsync("run", Assembly, "no-such-runbook", "--dry-run");

        Assert.Equal(2, code);
        Assert.Contains("unknown runbook 'no-such-runbook'. Known runbooks: cli-test-restart, cli-test-secret.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecretIsReadFromTheToolsEnvironmentAndJournaledAsFromThereNeverItsValue()
    {
        // This collection runs alone, so the process's own environment is the tool's: the real lookup, no seam.
        using var secret = new EnvironmentVariable("RUNBOOK_SECRET_TOKEN", "st-env-s3cret");

        var (code, output, error) = await Cli.RunAsync("run", Assembly, "cli-test-secret", "--non-interactive", "--journal", JournalPath);

        Assert.True(code == 0, output + error);
        Assert.Contains("Authorization: Bearer ***", output, StringComparison.Ordinal);
        Assert.DoesNotContain("st-env-s3cret", output + error, StringComparison.Ordinal);
        var started = JsonDocument.Parse(File.ReadLines(JournalPath).First()).RootElement;
        Assert.Equal("environment", started.GetProperty("secretSources").GetProperty("Token").GetString());
        Assert.DoesNotContain("st-env-s3cret", File.ReadAllText(JournalPath), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _token.Dispose();
        _github.Dispose();
        try { Directory.Delete(_work, recursive: true); }
        catch (IOException) { }
    }
}
