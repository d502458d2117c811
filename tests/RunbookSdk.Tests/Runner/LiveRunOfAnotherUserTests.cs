using System.Globalization;
using System.Text.RegularExpressions;
using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// Shift change while A's run still goes on (under tmux, after A's SSH session dropped): B's resume is refused, and
/// <c>runs</c> lists it as running. Both told B to end it with <c>kill -TERM N</c>, which only A (or root) may send: B got
/// <c>Operation not permitted</c> and no way on. They now say whose run it is and what B can do — ask A, or
/// <c>sudo kill -TERM N</c> where B may use sudo. The real sandbox app and service; A is root, B is <c>nobody</c>.
/// </summary>
public sealed class LiveRunOfAnotherUserTests
{
    [Fact]
    public async Task The_resume_and_runs_say_whose_live_run_it_is_and_what_another_user_can_do()
    {
        if (!AnotherUser.Available) return;
        await using var service = await SandboxService.StartAsync();
        using var temp = new TempDirectory();
        var app = AnotherUser.CopyOfApp(temp.File("app"));
        var journalPath = AnotherUser.SharedJournal(temp.File("journals"));

        int[] loops = [];
        string resumeOutput, runsOutput;
        int pid;
        using (var first = await WatchedFaultFix.RunUntilTheSettleWaitAsync(temp.Path, service.BaseUrl, journalPath))
        {
            pid = first.Id;
            try
            {
                loops = WatchLoops(journalPath);
                File.SetUnixFileMode(journalPath, (UnixFileMode)Convert.ToInt32("666", 8));

                (var exit, resumeOutput) = await AnotherUser.RunAsync(temp.Path, app, "run", "sandbox-watched-fault-fix", "--resume", journalPath, "--non-interactive");
                Assert.Equal(2, exit);
                (var runsExit, runsOutput) = await AnotherUser.RunAsync(temp.Path, app, "runs", Path.GetDirectoryName(journalPath)!);
                Assert.Equal(0, runsExit);
            }
            finally
            {
                PosixSignals.Send(first.Id, PosixSignals.SigTerm);
                await first.WaitForExitAsync();
                foreach (var loop in loops)
                    if (Processes.IsRunning(loop) && Processes.CommandLine(loop).Contains("while :", StringComparison.Ordinal)) PosixSignals.Send(loop, PosixSignals.SigKill);
            }
        }

        var resume = Regex.Replace(resumeOutput, @"\s+", " ");
        Assert.Contains($"another run is writing it now (pid {pid}, root's)", resume);
        Assert.Contains($"it is root's run, which only root may signal: ask root to end it (kill -TERM {pid}: it journals where it stopped), or, if you may use sudo, sudo kill -TERM {pid}", resume);
        Assert.DoesNotContain($"or end it (kill -TERM {pid}", resume);
        var line = Assert.Single(runsOutput.Split('\n'), l => l.StartsWith("sandbox-watched-fault-fix ", StringComparison.Ordinal));
        Assert.Contains($"RUNNING now (pid {pid}, root's): let it finish, or have it ended: it is root's run, which only root may signal: ask root to end it (kill -TERM {pid}: it journals where it stopped), or, if you may use sudo, sudo kill -TERM {pid}; then resume", line);
    }

    private static int[] WatchLoops(string journalPath) =>
        Journal.Read(journalPath).First(e => e.Name == "action" && e["kind"] == "shell").Fields.GetProperty("leftRunning").EnumerateArray()
            .Select(p => p.GetString()!).Where(p => p.Contains("while :", StringComparison.Ordinal))
            .Select(p => int.Parse(p.Split(' ')[0], CultureInfo.InvariantCulture)).ToArray();
}
