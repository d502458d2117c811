using RunbookSdk.Execution;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// What a resumed run tells the engineer before and while it continues must match what it then does: a count of
/// steps "not repeated" that includes the verification it repeats anyway, or a wait that "has 0 minutes left" of a
/// 2-second wait, makes them doubt the journal at the worst moment.
/// </summary>
public sealed class ResumeMessageTests
{
    [Fact]
    public async Task The_resume_header_counts_only_the_steps_it_will_not_repeat()
    {
        var fail = true;
        using var run = new TestRun(rb => rb
            .Phase("Act", p => p
                .Step("Deploy", s => s.Execute("deploy", _ => Task.CompletedTask))
                .Step("Flaky", s => s.Execute("flaky", _ => fail ? throw new InvalidOperationException("not yet") : Task.CompletedTask)))
            .NoRollback("test")
            .Verification(v => v
                .Step("Check one", s => s.Execute("check", _ => Task.CompletedTask))
                .Step("Check two", s => s.Execute("check", _ => Task.CompletedTask))));
        var options = new RunnerOptions { NonInteractive = true };
        await run.RunAsync(options);
        fail = false;

        var resumed = await run.RunAsync(options with { ResumeJournal = run.JournalPath });

        // Deploy is skipped; the verification steps that succeeded in the first run run again.
        Assert.Single(resumed.Events("step-skipped"));
        Assert.Contains("Resuming: 1 completed step(s) are not repeated", resumed.Output);
    }

    [Fact]
    public async Task A_wait_whose_time_passed_while_the_run_was_down_says_so_rather_than_0_minutes_left()
    {
        using var run = new TestRun(rb => rb
            .Phase("Act", p => p
                .Step("Deploy", s => s.Execute("deploy", _ => Task.CompletedTask))
                .Step("Settle", s => s.Wait(TimeSpan.FromSeconds(2), "warms up")))
            .NoRollback("test"));
        var options = new RunnerOptions { NonInteractive = true };
        await run.RunAsync(options);
        // Interrupted in the wait: the journal ends where the wait started; the engineer resumes a minute later.
        var lines = File.ReadAllLines(run.JournalPath);
        File.WriteAllLines(run.JournalPath, lines.Take(Array.FindIndex(lines, l => l.Contains("\"wait-started\"", StringComparison.Ordinal)) + 1));
        run.Clock.Advance(TimeSpan.FromMinutes(1));

        var resumed = await run.RunAsync(options with { ResumeJournal = run.JournalPath });

        Assert.Equal(0, resumed.ExitCode);
        Assert.DoesNotContain("0 minutes left", resumed.Output);
        Assert.Contains("its time has passed: no wait left", resumed.Output);
    }
}
