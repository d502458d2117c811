using RunbookSdk.Tests.Runner;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Hosting;

/// <summary>
/// <c>--dry-run --resume JOURNAL</c> shows what the resume would do. The dry run ignored the journal: it showed the
/// runbook's defaults instead of the values the resume would run with, and every step as if none had run.
/// </summary>
public sealed class DryRunOfAResumeTests
{
    [Fact]
    public async Task A_dry_run_of_a_resume_shows_the_journals_values_and_marks_the_steps_it_would_not_repeat()
    {
        using var run = new TestRun((rb, p) => rb
                .Phase("Act", ph => ph
                    .Step("Deploy", s => s.Run($"echo deploy {p["Version"]}"))
                    .Step("Check", s => s.Run($"exit {p["Fail"]}")))
                .NoRollback("test"))
            .Parameter("Version", "1.0.0")
            .Parameter("Fail", "0");
        var journal = run.Temp.File("run.jsonl");
        Assert.NotEqual(0, (await Host.RunAsync(run.Catalog(), "run", run.Id, "Version=2.0.0-bad", "Fail=1", "--non-interactive", "--journal", journal)).ExitCode);
        var before = File.ReadAllText(journal);

        var dry = await Host.RunAsync(run.Catalog(), "run", run.Id, "--dry-run", "--resume", journal);

        Assert.Equal(0, dry.ExitCode);
        Assert.Contains($"As a resume of {journal}", dry.Output, StringComparison.Ordinal);
        Assert.Contains("Version = 2.0.0-bad", dry.Output, StringComparison.Ordinal);
        var deploy = dry.Output[dry.Output.IndexOf("1.1 Deploy", StringComparison.Ordinal)..dry.Output.IndexOf("1.2 Check", StringComparison.Ordinal)];
        Assert.Contains("[completed in the journal: the resume does not repeat it]", deploy, StringComparison.Ordinal);
        Assert.DoesNotContain("$ echo deploy", deploy, StringComparison.Ordinal);
        Assert.Contains("$ exit 1", dry.Output, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(journal));
    }

    [Fact]
    public async Task A_dry_run_of_a_resume_of_a_run_that_succeeded_says_so_as_the_resume_does()
    {
        using var run = new TestRun(rb => rb.Phase("Act", ph => ph.Step("Deploy", s => s.Run("true"))).NoRollback("test"));
        var journal = run.Temp.File("run.jsonl");
        Assert.Equal(0, (await Host.RunAsync(run.Catalog(), "run", run.Id, "--non-interactive", "--journal", journal)).ExitCode);

        var dry = await Host.RunAsync(run.Catalog(), "run", run.Id, "--dry-run", "--resume", journal);
        var live = await Host.RunAsync(run.Catalog(), "run", run.Id, "--non-interactive", "--resume", journal);

        // Before, the dry run showed every step completed and said nothing of it; the resume warned before it started.
        const string Warning = "The journal's run already succeeded: this resume repeats no completed step and runs the verification again.";
        Assert.Contains(Warning, live.Output, StringComparison.Ordinal);
        Assert.Contains(Warning, dry.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_of_a_resume_of_another_runbooks_journal_is_refused()
    {
        using var run = new TestRun(rb => rb.Phase("Act", ph => ph.Step("Noop", s => s.Execute("noop", _ => Task.CompletedTask))).NoRollback("test"));
        var journal = run.Temp.File("other.jsonl");
        File.WriteAllText(journal, """{"time":"2026-01-15T03:00:00.0000000+00:00","event":"run-started","runbook":"other-runbook"}""" + "\n");

        var dry = await Host.RunAsync(run.Catalog(), "run", run.Id, "--dry-run", "--resume", journal);

        Assert.Equal(2, dry.ExitCode);
        Assert.Contains("records runbook 'other-runbook', not 'test-runbook'", dry.Output, StringComparison.Ordinal);
    }
}
