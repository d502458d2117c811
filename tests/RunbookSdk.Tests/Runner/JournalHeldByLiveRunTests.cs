using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// The engineer's SSH session dropped while the run went on under tmux or nohup; they log in again and resume. The
/// refusal said the lock "is being used by another process" and that "--journal chooses another file" — which, taken,
/// ran the incident's steps a second time beside the first run. It now says a run is still going on, names its
/// process, and how to go on. The real sandbox app and service: the first run waits in its 30-second settle.
/// </summary>
public sealed class JournalHeldByLiveRunTests
{
    [Fact]
    public async Task A_resume_of_a_journal_whose_run_still_goes_on_names_that_run_and_does_not_send_the_engineer_to_another_journal()
    {
        await using var service = await SandboxService.StartAsync();
        using var temp = new TempDirectory();
        var journalPath = temp.File("journal.jsonl");

        using var first = SandboxApp.Start(temp.Path,
            "run", "sandbox-watched-fault-fix", $"BaseUrl={service.BaseUrl}", "--non-interactive", "--journal", journalPath);
        _ = first.StandardOutput.ReadToEndAsync();
        _ = first.StandardError.ReadToEndAsync();
        try
        {
            await Processes.WaitUntilAsync(() => LiveJournal.Shows(journalPath, e => e.Name == "wait-started"), "the settle wait to start");

            var (exitCode, output) = await SandboxApp.RunAsync(temp.Path, "run", "sandbox-watched-fault-fix", "--resume", journalPath, "--non-interactive");

            Assert.Equal(2, exitCode);
            Assert.Contains($"another run is writing it now (pid {first.Id})", output);
            Assert.Contains($"kill -TERM {first.Id}", output);
            Assert.DoesNotContain("--journal chooses another file", output);
            Assert.False(first.HasExited, "the first run was disturbed by the refused resume");
        }
        finally
        {
            PosixSignals.Send(first.Id, PosixSignals.SigTerm);
            await first.WaitForExitAsync();
        }
        // The refused resume wrote nothing: the journal ends with the first run's own records.
        Assert.Single(Journal.Read(journalPath), e => e.Name == "run-started");
    }
}
