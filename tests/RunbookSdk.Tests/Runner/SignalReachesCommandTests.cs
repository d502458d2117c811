using System.Globalization;
using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// The signal that ends the runner usually reaches its command too: a dropped SSH session hangs up the terminal's
/// whole foreground process group (the command's bash dies of SIGHUP, exit 129), a service manager signals every
/// process of its unit (SIGTERM, 143). bash could die of it before the runner's handler ran, and the journal then
/// recorded the cut-off command with an exit code, as one that had finished: a resume ran it again without asking.
/// Here the command's bash gets the signal first and is gone before the runner gets it, as in that race.
/// </summary>
public sealed class SignalReachesCommandTests
{
    [Theory]
    [InlineData(1, 129)] // SIGHUP: the SSH session dropped
    [InlineData(15, 143)] // SIGTERM: a service manager stopping the unit
    public async Task A_command_that_died_of_the_signal_ending_the_runner_is_journaled_interrupted(int signal, int diedWith)
    {
        await using var service = await SandboxService.StartAsync();
        using var temp = new TempDirectory();
        var journalPath = temp.File("journal.jsonl");

        using (var runner = SandboxApp.Start(temp.Path,
            "run", "sandbox-deploy", $"BaseUrl={service.BaseUrl}", "Version=1.4.0", "SoakChecks=600", "--non-interactive", "--yes", "--journal", journalPath))
        {
            _ = runner.StandardOutput.ReadToEndAsync();
            _ = runner.StandardError.ReadToEndAsync();
            await Processes.WaitUntilAsync(
                () => LiveJournal.Shows(journalPath, e => e.Name == "command-starting" && e["key"]!.Contains("Soak", StringComparison.Ordinal)),
                "the soak's command to start");
            var soak = 0;
            await Processes.WaitUntilAsync(() => (soak = ShellChildOf(runner.Id, "for i in")) > 0, "the soak's bash to be found");
            Assert.Null(PosixSignals.Send(soak, signal));
            await Processes.WaitUntilAsync(() => !Processes.IsRunning(soak), "the soak's bash to die of the signal");
            Assert.Null(PosixSignals.Send(runner.Id, signal));
            await runner.WaitForExitAsync();
        }

        var journal = Journal.Read(journalPath);
        var soakKey = journal.Single(e => e.Name == "step-started" && e["title"] == "Soak: health holds")["key"]!;
        var action = Assert.Single(journal, e => e.Name == "action" && e["key"] == soakKey);
        Assert.Equal(("true", diedWith.ToString(CultureInfo.InvariantCulture)), (action["interrupted"], action["exitCode"]));
        var finished = Assert.Single(journal, e => e.Name == "step-finished" && e["key"] == soakKey);
        Assert.Equal("interrupted", finished["result"]);
        Assert.Contains("during its command, which the same signal ended", finished["reason"]);
        // What a resume decides by: the command did not finish, so it is not run again unasked.
        var started = Assert.Single(ResumeState.Read(journalPath).StartedCommands[soakKey]);
        Assert.False(started.Finished);
    }

    /// <summary>The pid of the runner's child bash whose command line holds <paramref name="command"/>, else 0.</summary>
    private static int ShellChildOf(int runner, string command)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                // The parent's pid is the second field after the parenthesised command name.
                var parent = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1];
                if (parent == runner.ToString(CultureInfo.InvariantCulture) && Processes.CommandLine(pid) is var line
                    && line.StartsWith("/bin/bash", StringComparison.Ordinal) && line.Contains(command, StringComparison.Ordinal))
                    return pid;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // It ended while it was read, or is not ours to read.
            }
        }
        return 0;
    }
}
