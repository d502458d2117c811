using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// Shift change: engineer B must find the run engineer A left unfinished. Nothing listed runs: B had to know the folder A
/// started in and read <c>.runbook-journals/*.jsonl</c> by hand. <c>runs</c> lists them, newest first, one line each,
/// with where each stands and the command that resumes it. Real journals, written by real runs of the sandbox app.
/// </summary>
public sealed class RunsCommandTests
{
    /// <summary>A port nothing listens on: the bad deploy's health check and its rollback fail there.</summary>
    private const string DeadBaseUrl = "BaseUrl=http://127.0.0.1:9";

    [Fact]
    public async Task Runs_lists_the_unfinished_run_with_how_far_it_got_and_a_resume_command_that_works_when_pasted()
    {
        await using var service = await SandboxService.StartAsync();
        using var temp = new TempDirectory();
        var (failedCode, _) = await SandboxApp.RunAsync(temp.Path, "run", "sandbox-bad-deploy", DeadBaseUrl, "--non-interactive", "--yes");
        Assert.Equal(4, failedCode);
        var (succeededCode, _) = await SandboxApp.RunAsync(temp.Path, "run", "sandbox-bad-deploy", $"BaseUrl={service.BaseUrl}", "--non-interactive", "--yes");
        Assert.Equal(0, succeededCode);
        var folder = Path.Combine(temp.Path, RunJournal.DefaultFolder);
        var journals = Directory.GetFiles(folder, "*.jsonl").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(2, journals.Length);
        var (failed, succeeded) = Journal.Read(journals[0])[^1].Fields.GetProperty("status").GetString() == "RollbackFailed"
            ? (journals[0], journals[1]) : (journals[1], journals[0]);
        // Not a journal: left out, not listed as a run nor as a problem.
        File.WriteAllText(Path.Combine(folder, "notes.jsonl"), "{\"who\":\"alice\"}\n");

        var (code, output) = await SandboxApp.RunAsync(temp.Path, "runs");

        Assert.True(code == 0, output);
        var line = Assert.Single(output.Split('\n'), l => l.StartsWith("sandbox-bad-deploy ", StringComparison.Ordinal));
        Assert.Contains($"by {Environment.UserName}", line, StringComparison.Ordinal);
        Assert.Contains("last step R.1 'Undo our deploy': failed", line, StringComparison.Ordinal);
        // What the failed health check left undone, the first three named, before the command that resumes it.
        Assert.Contains("stopped: RollbackFailed; not reached: 1.2 'See which version is live', 1.3 'Tell the team', "
            + "2.1 'Deploy the known-good version' and 1 more; resume: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain(succeeded, output, StringComparison.Ordinal);
        Assert.DoesNotContain("notes.jsonl", output, StringComparison.Ordinal);
        Assert.Contains("1 finished or continued in another journal not shown (--all)", output, StringComparison.Ordinal);
        var command = line[(line.IndexOf("resume: ", StringComparison.Ordinal) + "resume: ".Length)..].TrimEnd('\r');
        Assert.Equal($"dotnet {SandboxApp.AppDll} run sandbox-bad-deploy --resume \"{failed}\"", command);

        var (all, allOutput) = await SandboxApp.RunAsync(temp.Path, "runs", "--all");
        Assert.Equal(0, all);
        var lines = allOutput.Split('\n').Where(l => l.StartsWith("sandbox-bad-deploy ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, lines.Length);
        // Newest first: the run that succeeded started after the one that failed.
        Assert.Contains($"finished: Succeeded; journal {succeeded}", lines[0], StringComparison.Ordinal);
        Assert.Contains(failed, lines[1], StringComparison.Ordinal);

        // Pasted (with the live service's address, which the earlier run did not have), it resumes the run.
        var words = command.Split(' ')[2..].Select(w => w.Trim('"')).ToArray();
        var (resumed, resumeOutput) = await SandboxApp.RunAsync(temp.Path, [.. words, $"BaseUrl={service.BaseUrl}", "--non-interactive", "--yes"]);
        Assert.True(resumed == 0, resumeOutput);
        var (after, afterOutput) = await SandboxApp.RunAsync(temp.Path, "runs");
        Assert.Equal(0, after);
        Assert.Contains($"No unfinished runs in '{folder}' (2 finished or continued in another journal: --all lists them).", afterOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runs_says_a_resume_of_a_run_given_a_webhook_needs_it_again_without_writing_its_path()
    {
        // Pasted, the resume command went on without --webhook: the notifications still to come were only printed, without a word.
        // The webhook's path is its credential (a Slack incoming webhook's): only its host is journaled and shown.
        await SandboxApp.EnsureBuiltAsync();
        using var temp = new TempDirectory();
        var (failedCode, failedOutput) = await SandboxApp.RunAsync(temp.Path, "run", "sandbox-bad-deploy", DeadBaseUrl, "--non-interactive", "--yes",
            "--webhook", "http://127.0.0.1:9/services/T0001/B0002/hook-credential");
        Assert.True(failedCode == 4, failedOutput);
        var journal = Assert.Single(Directory.GetFiles(Path.Combine(temp.Path, RunJournal.DefaultFolder), "*.jsonl"));
        var placeholder = $"--resume \"{journal}\" --webhook WEBHOOK_URL";
        const string note = "WEBHOOK_URL in the resume command: put there the --webhook URL the run posted its notifications to (at http://127.0.0.1:9)";
        Assert.DoesNotContain("hook-credential", failedOutput, StringComparison.Ordinal);
        Assert.Equal("http://127.0.0.1:9", Journal.Read(journal)[0].Fields.GetProperty("webhookHost").GetString());
        Assert.DoesNotContain("hook-credential", File.ReadAllText(journal), StringComparison.Ordinal);

        var (code, output) = await SandboxApp.RunAsync(temp.Path, "runs");

        Assert.True(code == 0, output);
        var line = Assert.Single(output.Split('\n'), l => l.StartsWith("sandbox-bad-deploy ", StringComparison.Ordinal));
        Assert.EndsWith($"resume: dotnet {SandboxApp.AppDll} run sandbox-bad-deploy {placeholder}", line.TrimEnd('\r'), StringComparison.Ordinal);
        Assert.Contains(note, output, StringComparison.Ordinal);
        Assert.DoesNotContain("hook-credential", output, StringComparison.Ordinal);

        // Pasted as it is, the placeholder is refused before anything runs, not taken for no webhook.
        var (pasted, pastedOutput) = await SandboxApp.RunAsync(temp.Path, "run", "sandbox-bad-deploy", "--resume", journal, "--webhook", "WEBHOOK_URL", "--non-interactive", "--yes");
        Assert.Equal(2, pasted);
        Assert.Contains("--webhook 'WEBHOOK_URL' is not an http(s) URL", pastedOutput, StringComparison.Ordinal);

        // Typed by hand without it, the resume says so before it runs.
        var (typed, typedOutput) = await SandboxApp.RunAsync(temp.Path, "run", "sandbox-bad-deploy", "--resume", journal, "--non-interactive", "--yes");
        Assert.Equal(4, typed);
        Assert.Contains("warning: the journal's run was started with --webhook (to http://127.0.0.1:9; this resume was given none, so its notifications are only printed)", typedOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_resumed_into_a_journal_of_its_own_is_listed_there_not_as_still_to_resume_in_the_first()
    {
        await using var service = await SandboxService.StartAsync();
        using var temp = new TempDirectory();
        await SandboxApp.RunAsync(temp.Path, "run", "sandbox-bad-deploy", DeadBaseUrl, "--non-interactive", "--yes");
        var first = Assert.Single(Directory.GetFiles(Path.Combine(temp.Path, RunJournal.DefaultFolder), "*.jsonl"));
        var second = Path.Combine(temp.Path, RunJournal.DefaultFolder, "taken-over.jsonl");
        var (resumed, resumeOutput) = await SandboxApp.RunAsync(temp.Path, "run", "sandbox-bad-deploy", "--resume", first, "--journal", second,
            $"BaseUrl={service.BaseUrl}", "--non-interactive", "--yes");
        Assert.True(resumed == 0, resumeOutput);

        var (code, output) = await SandboxApp.RunAsync(temp.Path, "runs");
        Assert.Equal(0, code);
        // Resuming the first journal again would repeat what the second records.
        Assert.DoesNotContain("resume: ", output, StringComparison.Ordinal);
        Assert.StartsWith("No unfinished runs in", output, StringComparison.Ordinal);

        var (_, all) = await SandboxApp.RunAsync(temp.Path, "runs", "--all");
        Assert.Contains($"continued in {second} (resume that one); journal {first}", all, StringComparison.Ordinal);
        Assert.Contains($"resumed here", all, StringComparison.Ordinal);
        Assert.Contains($"from {first}  last step", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_going_on_now_is_listed_with_its_process_not_as_one_to_resume()
    {
        await using var service = await SandboxService.StartAsync();
        using var temp = new TempDirectory();
        var folder = Path.Combine(temp.Path, RunJournal.DefaultFolder);
        using var first = SandboxApp.Start(temp.Path, "run", "sandbox-watched-fault-fix", $"BaseUrl={service.BaseUrl}", "--non-interactive");
        _ = first.StandardOutput.ReadToEndAsync();
        _ = first.StandardError.ReadToEndAsync();
        string output;
        try
        {
            await Processes.WaitUntilAsync(() => Directory.Exists(folder) && Directory.GetFiles(folder, "*.jsonl") is [var journal]
                && LiveJournal.Shows(journal, e => e.Name == "wait-started"), "the settle wait to start");

            (var code, output) = await SandboxApp.RunAsync(temp.Path, "runs");
            Assert.Equal(0, code);
            Assert.False(first.HasExited, "the listing disturbed the run");
        }
        finally
        {
            PosixSignals.Send(first.Id, PosixSignals.SigTerm);
            await first.WaitForExitAsync();
        }

        var line = Assert.Single(output.Split('\n'), l => l.StartsWith("sandbox-watched-fault-fix ", StringComparison.Ordinal));
        Assert.Contains($"RUNNING now (pid {first.Id}): let it finish, or end it (kill -TERM {first.Id}", line, StringComparison.Ordinal);
        Assert.Contains("'Let health settle': in progress", line, StringComparison.Ordinal);
        Assert.DoesNotContain("resume: ", line, StringComparison.Ordinal);

        // Ended, it is one to resume.
        var (_, after) = await SandboxApp.RunAsync(temp.Path, "runs");
        Assert.DoesNotContain("RUNNING", after, StringComparison.Ordinal);
        Assert.Contains("run sandbox-watched-fault-fix --resume", after, StringComparison.Ordinal);
        // The SIGTERM journaled where the run stopped, but no end: not "killed" by something unknown.
        Assert.Contains("no end recorded (its runner was killed, or ended by a signal); resume: ", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runs_where_no_run_was_started_says_where_runs_write_and_a_folder_given_that_does_not_exist_is_a_usage_error()
    {
        await SandboxApp.EnsureBuiltAsync();
        using var temp = new TempDirectory();

        var (code, output) = await SandboxApp.RunAsync(temp.Path, "runs");
        Assert.Equal(0, code);
        Assert.Contains($"No runs here: '{Path.Combine(temp.Path, RunJournal.DefaultFolder)}' does not exist.", output, StringComparison.Ordinal);

        var (given, givenOutput) = await SandboxApp.RunAsync(temp.Path, "runs", temp.File("elsewhere"));
        Assert.Equal(2, given);
        Assert.Contains($"error: '{temp.File("elsewhere")}' does not exist.", givenOutput, StringComparison.Ordinal);
    }
}
