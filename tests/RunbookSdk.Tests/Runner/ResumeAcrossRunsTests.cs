using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A journal can hold more than one run: a run started afresh with <c>--journal</c> on the journal of an earlier one,
/// and the resumes of a run, each given its own values. A resume continues the latest run with the latest values. It
/// read only the journal's first <c>run-started</c> and never forgot a step an earlier run completed, so it skipped
/// the new run's deploy as done and ran with the first run's parameters.
/// </summary>
public sealed class ResumeAcrossRunsTests
{
    private static TestRun Deploy() => new TestRun((rb, p) => rb
            .Phase("Act", ph => ph
                .Step("Deploy", s => s.Run($"echo deploy {p["Version"]} >> {p["Log"]}"))
                .Step("Check", s => s.Run($"echo check {p["Version"]} >> {p["Log"]}; exit {p["Fail"]}")))
            .NoRollback("test"))
        .Parameter("Version", "1.0.0")
        .Parameter("Fail", "0")
        .Parameter("Log", "");

    private static Task<HostResult> Run(TestRun run, string journal, params string[] arguments) =>
        Host.RunAsync(run.Catalog(), ["run", run.Id, $"Log={run.Temp.File("log")}", .. arguments, "--non-interactive", "--journal", journal]);

    [Fact]
    public async Task A_resume_continues_the_run_started_afresh_on_a_journal_that_holds_a_finished_one()
    {
        using var run = Deploy();
        var journal = run.Temp.File("run.jsonl");

        Assert.Equal(0, (await Run(run, journal, "Version=1.0.0")).ExitCode);
        Assert.NotEqual(0, (await Run(run, journal, "Version=3.0.0", "Fail=1")).ExitCode);
        var resumed = await Run(run, journal, "Fail=0", "--resume", journal);

        Assert.Equal(0, resumed.ExitCode);
        // The second run's Deploy completed and is not repeated; its Check failed and runs again, with its Version.
        Assert.Equal(["deploy 1.0.0", "check 1.0.0", "deploy 3.0.0", "check 3.0.0", "check 3.0.0"], File.ReadAllLines(run.Temp.File("log")));
    }

    [Fact]
    public async Task A_second_resume_keeps_the_values_the_first_resume_was_given()
    {
        using var run = Deploy();
        var journal = run.Temp.File("run.jsonl");

        Assert.NotEqual(0, (await Run(run, journal, "Version=2.0.0-bad", "Fail=1")).ExitCode);
        Assert.NotEqual(0, (await Run(run, journal, "Version=1.0.0", "--resume", journal)).ExitCode);
        var second = await Run(run, journal, "Fail=0", "--resume", journal);

        Assert.Equal(0, second.ExitCode);
        Assert.Equal(["deploy 2.0.0-bad", "check 2.0.0-bad", "check 1.0.0", "check 1.0.0"], File.ReadAllLines(run.Temp.File("log")));
    }
}
