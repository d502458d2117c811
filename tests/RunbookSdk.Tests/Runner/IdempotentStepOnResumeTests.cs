using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;
using static RunbookSdk.Tests.Runner.NonShellStepFailureTests;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A step its author marked <c>Idempotent()</c> — a health check, a soak loop — runs again on resume without the
/// question and without <c>--resend-requests</c>, whatever it left unfinished: a command, C# code, a POST. An automated
/// resume (<c>--non-interactive --yes</c>) of a run killed in such a step needed the flag that also re-runs destructive
/// commands of other steps. It never stands in for a destructive step's confirmation. Real bash, a real HTTP server.
/// </summary>
public sealed class IdempotentStepOnResumeTests
{
    [Fact]
    public async Task A_non_interactive_resume_runs_again_a_command_the_run_died_in_when_its_step_is_idempotent()
    {
        using var run = new TestRun((rb, p) => rb
                .Phase("Soak", ph => ph.Step("Soak: health holds", s => s.Run($"echo healthy >> {p["Checks"]}").Idempotent()))
                .NoRollback("test"));
        run.Parameter("Checks", run.Temp.File("checks"));
        await run.RunAsync();
        CutBeforeFirst(run, "action");

        var resumed = await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = run.JournalPath });

        Assert.True(resumed.ExitCode == 0, resumed.Output);
        Assert.Equal(2, File.ReadAllLines(run.Temp.File("checks")).Length);
        Assert.Contains("the step is marked idempotent (running it again does no harm), so it runs again", resumed.Output);
        var choice = resumed.Events("choice").Single(e => e["about"] == "resend");
        Assert.Equal(("resend", "idempotent"), (choice["choice"], choice["by"]));
    }

    [Fact]
    public async Task An_interactive_resume_asks_nothing_before_running_again_idempotent_code_or_a_POST_it_left_unfinished()
    {
        using var server = new TestHttpServer(context => TestHttpServer.ReplyAsync(context, 200, "ok"));
        var calls = 0;
        using var run = new TestRun((rb, p) => rb
                .Phase("Check", ph => ph.Step("Ask the API", s => s
                    .Http("POST", $"{p["Url"]}search").Body("{\"query\":\"errors\"}")
                    .Execute("reads the dashboard", _ =>
                    {
                        calls++;
                        return Task.CompletedTask;
                    })
                    .Idempotent()))
                .NoRollback("test"))
            .Parameter("Url", server.Url);
        await run.RunAsync();
        // The run died in the code, after the POST was answered.
        CutBeforeFirst(run, "action", skip: 1);

        var resumed = await run.RunAsync(TestRun.Interactive with { ResumeJournal = run.JournalPath });

        Assert.True(resumed.ExitCode == 0, resumed.Output);
        Assert.Empty(run.Prompts.Questions);
        Assert.Equal(2, calls);
        Assert.Equal(2, server.Requests.Count(r => r.Method == "POST"));
        Assert.Equal("idempotent", resumed.Events("choice").Single(e => e["about"] == "resend")["by"]);
    }

    [Fact]
    public async Task A_destructive_idempotent_step_still_needs_its_confirmation_on_the_first_run_and_on_resume()
    {
        using var run = new TestRun((rb, p) => rb
                .Phase("Mitigate", ph => ph.Step("Apply the manifest", s => s.Run($"echo applied >> {p["Applies"]}").RequiresConfirmation().Idempotent()))
                .NoRollback("test"));
        run.Parameter("Applies", run.Temp.File("applies"));

        var refused = await run.RunAsync(TestRun.NonInteractive);
        run.Prompts.Answer(true);
        var confirmed = await run.RunAsync(TestRun.Interactive);
        CutBeforeFirst(run, "action");
        run.Prompts.Answer(true);
        var resumed = await run.RunAsync(TestRun.Interactive with { ResumeJournal = run.JournalPath });

        Assert.Equal(RunStatus.NotStarted, refused.Outcome.Status);
        Assert.Contains("'Apply the manifest' is destructive and needs a confirmation: pass --yes", refused.Outcome.Reason);
        Assert.True(confirmed.ExitCode == 0, confirmed.Output);
        Assert.True(resumed.ExitCode == 0, resumed.Output);
        // Asked twice, the confirmation each time; never whether to run again what the earlier run started.
        Assert.Equal(["'Apply the manifest' is destructive. Run it now?", "'Apply the manifest' is destructive. Run it now?"], run.Prompts.Questions);
        Assert.Equal(2, File.ReadAllLines(run.Temp.File("applies")).Length);
        Assert.Equal("idempotent", resumed.Events("choice").Single(e => e["about"] == "resend")["by"]);
    }

    [Fact]
    public async Task A_destructive_idempotent_step_resumes_non_interactively_with_yes_alone()
    {
        using var run = new TestRun((rb, p) => rb
                .Phase("Mitigate", ph => ph.Step("Apply the manifest", s => s.Run($"echo applied >> {p["Applies"]}").RequiresConfirmation().Idempotent()))
                .NoRollback("test"));
        run.Parameter("Applies", run.Temp.File("applies"));
        var yes = TestRun.NonInteractive with { AssumeYes = true };
        await run.RunAsync(yes);
        CutBeforeFirst(run, "action");

        var resumed = await run.RunAsync(yes with { ResumeJournal = run.JournalPath });

        Assert.True(resumed.ExitCode == 0, resumed.Output);
        Assert.Equal(2, File.ReadAllLines(run.Temp.File("applies")).Length);
        // The first run's confirmation, then the resume's: running again by the step's promise, confirmed by --yes.
        Assert.Equal(["confirmation:--yes", "resend:idempotent", "confirmation:--yes"], resumed.Events("choice").Select(e => $"{e["about"]}:{e["by"]}"));
    }

    [Fact]
    public async Task The_dry_run_shows_that_a_step_is_idempotent()
    {
        using var run = new TestRun(rb => rb
            .Phase("Soak", p => p.Step("Soak: health holds", s => s.Run("true").Idempotent()))
            .NoRollback("test"));
        var console = new PlainConsole();

        await new DryRunPrinter(console.Console).ExecuteAsync(run.Bind(), CancellationToken.None);

        Assert.Contains("[idempotent: running it again does no harm; a resume repeats what it left unfinished without asking]",
            console.Output.Split('\n').Select(l => l.Trim()));
    }

    /// <summary>The run died before the <paramref name="skip"/>+1-th line holding <paramref name="text"/> was written.</summary>
    private static void CutBeforeFirst(TestRun run, string text, int skip = 0)
    {
        var lines = File.ReadAllLines(run.JournalPath);
        var found = lines.Select((l, i) => (l, i)).Where(x => x.l.Contains($"\"event\":\"{text}", StringComparison.Ordinal)).Skip(skip).Select(x => x.i).DefaultIfEmpty(-1).First();
        Assert.True(found > 0, $"no '{text}' record");
        File.WriteAllLines(run.JournalPath, lines.Take(found));
    }
}
