using System.Globalization;
using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A run stopped (Ctrl+C) after a step started a watch in the background stops the watch as it ends; the resume
/// passes that step by as completed, and the steps after it still count on the watch. Before, the resume waited "for
/// the watch to show health turning green" with no watch running. Now it starts the step's command again and journals
/// it, or says plainly that it does not. Starting it again runs the step's whole command again, so a step not marked
/// idempotent is started again only when the engineer says yes. Real processes throughout.
/// </summary>
public sealed class RestartedBackgroundTests
{
    [Fact]
    public async Task A_resume_starts_again_the_background_watch_the_interrupted_run_stopped_and_the_later_step_finds_it()
    {
        using var run = WatchedRun(destructive: false, idempotent: true);
        int[] watches = [];
        try
        {
            var interrupted = await InterruptAfterTheWatchStartedAsync(run);
            watches = Watches(run);
            Assert.Equal(RunStatus.Cancelled, interrupted.Status);
            Assert.True(await Processes.ExitsAsync(Assert.Single(watches)), "the interrupted run left its watch running");

            var plan = new PlainConsole();
            await new DryRunPrinter(plan.Console) { Resume = ResumeState.Read(run.JournalPath) }.ExecuteAsync(run.Bind(), CancellationToken.None);
            var resumed = await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = run.JournalPath });
            watches = Watches(run);

            Assert.Contains("[its command ran on in the background until the earlier run ended: marked idempotent, the resume starts it again]", plan.Output);
            Assert.Equal(0, resumed.ExitCode);
            Assert.Equal(2, watches.Length);
            Assert.Contains("Watch is there: succeeded", resumed.StepResults);
            Assert.Contains("the step is marked idempotent (running it again does no harm): starting it again", resumed.Output);
            Assert.Contains("started again: the background of step 1.1 'Watch health' runs", resumed.Output);
            var restarted = Assert.Single(resumed.Events("background-restarted"));
            Assert.Equal("succeeded", restarted["result"]);
            Assert.StartsWith("phase-1/step-1:", restarted["key"]);
            Assert.False(restarted.Fields.TryGetProperty("earlierCommand", out _), "the same command journaled as another");
            Assert.DoesNotContain("DIFFERENT COMMAND", resumed.Output);
            // The watch started again is the run's own: stopped when it ends, as the first one was.
            Assert.True(await Processes.ExitsAsync(watches[1]), "the resume left the watch it started again running");
            Assert.Contains(resumed.Events("background-stopped"), e => e["pid"] == watches[1].ToString(CultureInfo.InvariantCulture));
        }
        finally
        {
            foreach (var watch in watches) Processes.KillIfRunning(watch);
        }
    }

    [Fact]
    public async Task After_a_Ctrl_C_in_the_settle_wait_the_resume_of_the_sandbox_runbook_has_the_health_watch_print_again_before_it_waits()
    {
        await using var fix = await WatchedFaultFix.StartAsync();
        var journalPath = fix.JournalPath;
        var watches = new List<int>();
        try
        {
            using (var runner = await fix.RunUntilTheSettleWaitAsync())
            {
                Assert.Null(PosixSignals.Send(runner.Id, 2)); // SIGINT: the engineer's Ctrl+C
                await runner.WaitForExitAsync();
                Assert.Equal(130, runner.ExitCode);
            }
            watches.AddRange(WatchesIn(journalPath));
            Assert.True(await Processes.ExitsAsync(Assert.Single(watches)), "the interrupted run left its watch running");

            var shown = new System.Collections.Concurrent.ConcurrentQueue<string>();
            using (var resumed = fix.StartResume())
            {
                resumed.OutputDataReceived += (_, e) => { if (e.Data is { } line) shown.Enqueue(line); };
                resumed.BeginOutputReadLine();
                _ = resumed.StandardError.ReadToEndAsync();
                await Processes.WaitUntilAsync(() => LiveJournal.Shows(journalPath, e => e.Name == "background-restarted"), "the resume to start the watch again");
                // The watch shows health as the wait promises: the fault was switched off before the Ctrl+C.
                await Processes.WaitUntilAsync(() => shown.Any(l => l.Contains("[background of step 1.1]", StringComparison.Ordinal) && l.Contains("\"ok\"", StringComparison.Ordinal)),
                    "the watch started again to print health");
                Assert.Null(PosixSignals.Send(resumed.Id, PosixSignals.SigTerm));
                await resumed.WaitForExitAsync();
            }
            watches.AddRange(WatchesIn(journalPath).Except(watches));

            Assert.Equal(2, watches.Count);
            foreach (var watch in watches) Assert.True(await Processes.ExitsAsync(watch), $"the watch {watch} outlived the resumed run");
            var journal = Journal.Read(journalPath);
            var restarted = journal.Single(e => e.Name == "background-restarted");
            Assert.Equal("succeeded", restarted["result"]);
            Assert.True(journal.ToList().IndexOf(restarted) < journal.ToList().FindLastIndex(e => e.Name == "wait-started"), "the wait began before the watch was started again");
        }
        finally
        {
            foreach (var watch in watches) Processes.KillIfRunning(watch);
        }
    }

    [Fact]
    public async Task A_resume_says_plainly_that_it_does_not_start_again_the_background_of_a_destructive_step()
    {
        using var run = WatchedRun(destructive: true);
        int[] watches = [];
        try
        {
            await InterruptAfterTheWatchStartedAsync(run);
            var resumed = await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = run.JournalPath, AssumeYes = true });
            watches = Watches(run);

            Assert.Single(watches);
            Assert.Contains("NOT RUNNING: the earlier run left this step's command running in the background", resumed.Output);
            Assert.Contains("the step is destructive", resumed.Output);
            var skipped = Assert.Single(resumed.Events("background-restarted"));
            Assert.Equal("skipped", skipped["result"]);
            // Said before the step that counts on it runs.
            Assert.True(resumed.Output.IndexOf("NOT RUNNING", StringComparison.Ordinal) < resumed.Output.IndexOf("2.1", StringComparison.Ordinal));
        }
        finally
        {
            foreach (var watch in watches) Processes.KillIfRunning(watch);
        }
    }

    [Fact]
    public async Task The_background_of_a_step_not_marked_idempotent_is_started_again_only_when_the_engineer_says_yes()
    {
        using var run = WatchedRun(destructive: false);
        int[] watches = [];
        try
        {
            await InterruptAfterTheWatchStartedAsync(run);
            var unattended = await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = run.JournalPath, JournalPath = run.Temp.File("unattended.jsonl") });
            var plan = new PlainConsole();
            await new DryRunPrinter(plan.Console) { Resume = ResumeState.Read(run.JournalPath) }.ExecuteAsync(run.Bind(), CancellationToken.None);
            run.Prompts.Answer(true);
            var asked = await run.RunAsync(TestRun.Interactive with { ResumeJournal = run.JournalPath });
            watches = Watches(run);

            // With nobody to ask: not started again, said before the step that counts on it, which then fails.
            Assert.Contains("the step is not marked Idempotent(), and starting its background again runs its whole command again", unattended.Output);
            Assert.True(unattended.Output.IndexOf("NOT RUNNING", StringComparison.Ordinal) < unattended.Output.IndexOf("2.1", StringComparison.Ordinal));
            Assert.Equal("skipped", Assert.Single(Journal.Read(run.Temp.File("unattended.jsonl")), e => e.Name == "background-restarted")["result"]);
            Assert.Contains("[its command ran on in the background until the earlier run ended: the resume asks whether to start it again, its whole command]", plan.Output);
            // Asked, and yes: started again, and the step that counts on it finds it.
            Assert.Equal(["Start 'Watch health''s command again?"], run.Prompts.Questions);
            Assert.Equal(2, watches.Length);
            Assert.Contains("Watch is there: succeeded", asked.StepResults);
            Assert.Equal("succeeded", asked.Events("background-restarted").Last()["result"]);
            Assert.Contains(asked.Events("choice"), e => e["about"] == "restart-background" && e["choice"] == "restart");
        }
        finally
        {
            foreach (var watch in watches) Processes.KillIfRunning(watch);
        }
    }

    [Fact]
    public async Task A_resume_with_another_value_says_before_it_starts_the_watch_that_it_watches_something_else_and_journals_both_commands()
    {
        using var run = WatchedRun(destructive: false, idempotent: true, target: "api-1");
        int[] watches = [];
        try
        {
            await InterruptAfterTheWatchStartedAsync(run);
            var resumed = await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = run.JournalPath }, arguments: AnotherTarget);
            watches = Watches(run);

            Assert.Equal(0, resumed.ExitCode);
            Assert.Equal(2, watches.Length);
            var restarted = Assert.Single(resumed.Events("background-restarted"));
            Assert.EndsWith("echo watching api-2", restarted["command"]);
            Assert.EndsWith("echo watching api-1", restarted["earlierCommand"]);
            var notice = resumed.Output.IndexOf("DIFFERENT COMMAND: with this run's parameter values", StringComparison.Ordinal);
            Assert.True(notice >= 0, resumed.Output);
            Assert.Contains("earlier run: $ " + restarted["earlierCommand"], resumed.Output);
            Assert.Contains("this run:    $ " + restarted["command"], resumed.Output);
            // Said before the command starts again (its own "$ " line).
            Assert.True(notice < resumed.Output.LastIndexOf("$ " + restarted["command"], StringComparison.Ordinal));
        }
        finally
        {
            foreach (var watch in watches) Processes.KillIfRunning(watch);
        }
    }

    [Fact]
    public async Task The_question_to_start_a_watch_again_names_both_commands_when_this_run_s_values_make_another()
    {
        using var run = WatchedRun(destructive: false, target: "api-1");
        int[] watches = [];
        try
        {
            await InterruptAfterTheWatchStartedAsync(run);
            run.Prompts.Answer(false);
            var declined = await run.RunAsync(TestRun.Interactive with { ResumeJournal = run.JournalPath }, arguments: AnotherTarget);
            watches = Watches(run);

            var question = Assert.Single(run.Prompts.Questions);
            Assert.StartsWith("Start 'Watch health''s command again as this run's values make it (", question);
            Assert.Matches(@"\(while .*echo watching api-2\), not as the earlier run started it \(while .*echo watching api-1\)\?$", question);
            Assert.Single(watches);
            Assert.Contains("DIFFERENT COMMAND", declined.Output);
            Assert.Equal("skipped", Assert.Single(declined.Events("background-restarted"))["result"]);
        }
        finally
        {
            foreach (var watch in watches) Processes.KillIfRunning(watch);
        }
    }

    [Fact]
    public async Task A_declined_restart_says_once_that_this_run_s_values_make_another_command()
    {
        using var run = WatchedRun(destructive: false, target: "api-1");
        int[] watches = [];
        try
        {
            await InterruptAfterTheWatchStartedAsync(run);
            run.Prompts.Answer(false);
            var declined = await run.RunAsync(TestRun.Interactive with { ResumeJournal = run.JournalPath }, arguments: AnotherTarget);
            watches = Watches(run);

            Assert.Single(watches);
            // Said before the question, which names both commands too; the NOT RUNNING after the "no" refers to them.
            var said = Assert.Single(System.Text.RegularExpressions.Regex.Matches(declined.Output, "DIFFERENT COMMAND")).Index;
            var notRunning = declined.Output.IndexOf("NOT RUNNING", StringComparison.Ordinal);
            Assert.True(said < notRunning, declined.Output);
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(declined.Output, "earlier run: \\$ "));
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(declined.Output, "this run: +\\$ "));
            Assert.Contains("as the earlier run's command or as this run's, both shown above", declined.Output[notRunning..]);
            // The record keeps both, as before.
            var skipped = Assert.Single(declined.Events("background-restarted"));
            Assert.Equal("skipped", skipped["result"]);
            Assert.EndsWith("echo watching api-2", skipped["command"]);
            Assert.EndsWith("echo watching api-1", skipped["earlierCommand"]);
        }
        finally
        {
            foreach (var watch in watches) Processes.KillIfRunning(watch);
        }
    }

    [Theory]
    [InlineData(true)]  // destructive: never started again
    [InlineData(false)] // not idempotent, and --non-interactive: nobody to ask
    public async Task A_resume_that_does_not_start_the_watch_again_shows_the_command_this_run_s_values_make_beside_the_earlier_one(bool destructive)
    {
        using var run = WatchedRun(destructive, target: "api-1");
        int[] watches = [];
        try
        {
            await InterruptAfterTheWatchStartedAsync(run);
            var resumed = await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = run.JournalPath, AssumeYes = true }, arguments: AnotherTarget);
            watches = Watches(run);

            Assert.Single(watches);
            var skipped = Assert.Single(resumed.Events("background-restarted"));
            Assert.Equal("skipped", skipped["result"]);
            Assert.EndsWith("echo watching api-2", skipped["command"]);
            Assert.EndsWith("echo watching api-1", skipped["earlierCommand"]);
            var notRunning = resumed.Output.IndexOf("NOT RUNNING", StringComparison.Ordinal);
            Assert.True(notRunning >= 0, resumed.Output);
            var shown = resumed.Output[notRunning..];
            Assert.Contains("DIFFERENT COMMAND: with this run's parameter values it is not the one the earlier run started", shown);
            Assert.Contains("earlier run: $ " + skipped["earlierCommand"], shown);
            Assert.Contains("this run:    $ " + skipped["command"], shown);
            // Said once, with the NOT RUNNING, not first as a command about to start again.
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(resumed.Output, "DIFFERENT COMMAND"));
            Assert.True(notRunning < resumed.Output.IndexOf("2.1", StringComparison.Ordinal));
        }
        finally
        {
            foreach (var watch in watches) Processes.KillIfRunning(watch);
        }
    }

    [Fact]
    public async Task The_dry_run_of_a_resume_with_another_value_flags_the_watch_it_starts_again_as_another_command()
    {
        using var run = WatchedRun(destructive: false, idempotent: true, target: "api-1");
        int[] watches = [];
        try
        {
            await InterruptAfterTheWatchStartedAsync(run);
            watches = Watches(run);
            var earlier = Journal.Read(run.JournalPath).First(e => e.Name == "command-starting")["command"]!;

            var other = await DryRunOfTheResumeAsync(run, AnotherTarget);
            var same = await DryRunOfTheResumeAsync(run, null);

            Assert.Contains("[DIFFERENT COMMAND: with this run's parameter values, the command that left the background running is not the one the earlier run started]", other);
            Assert.Contains("earlier run: $ " + earlier, other);
            Assert.Contains("this run:    $ " + earlier.Replace("api-1", "api-2", StringComparison.Ordinal), other);
            Assert.DoesNotContain("DIFFERENT COMMAND", same);
            Assert.DoesNotContain("may differ", same);
        }
        finally
        {
            foreach (var watch in watches) Processes.KillIfRunning(watch);
        }
    }

    [Fact]
    public async Task The_dry_run_of_a_resume_compares_the_watch_s_command_without_the_value_it_is_given_again()
    {
        // The dry run shows <given-again:Db> where the value stands, which no journaled text reads as.
        using var run = WatchedRun(destructive: false, idempotent: true, target: "api-1", database: "");
        int[] watches = [];
        try
        {
            // Given on the command line, as a DbUrl is: the journal holds it masked.
            await InterruptAfterTheWatchStartedAsync(run, new Dictionary<string, string> { ["Db"] = "postgres://app:hunter2-db-pass@db:5432/orders" });
            watches = Watches(run);

            var same = await DryRunOfTheResumeAsync(run, null);
            var other = await DryRunOfTheResumeAsync(run, AnotherTarget);

            Assert.True(same.Contains("this run:    $ ", StringComparison.Ordinal), same);
            Assert.Contains("[the command may differ from the one the earlier run started: it holds <given-again:Db>, which the dry run does not know; the rest is the same]", same);
            Assert.DoesNotContain("DIFFERENT COMMAND", same);
            Assert.Contains("[DIFFERENT COMMAND: with this run's parameter values", other);
            Assert.Matches(@"this run: +\$ .*echo watching api-2 on <given-again:Db>", other);
            Assert.DoesNotContain("hunter2-db-pass", same + other);
        }
        finally
        {
            foreach (var watch in watches) Processes.KillIfRunning(watch);
        }
    }

    /// <summary>The plan <c>--dry-run --resume</c> shows, with this run's <paramref name="arguments"/>; no value read from a variable.</summary>
    private static async Task<string> DryRunOfTheResumeAsync(TestRun run, IReadOnlyDictionary<string, string>? arguments)
    {
        var plan = new PlainConsole();
        await new DryRunPrinter(plan.Console) { Resume = ResumeState.Read(run.JournalPath), LiveOptions = TestRun.NonInteractive with { EnvironmentVariable = _ => null } }
            .ExecuteAsync(run.Bind(arguments), CancellationToken.None);
        return plan.Output;
    }

    [Fact]
    public void A_background_that_ended_on_its_own_before_the_run_stopped_is_not_started_again()
    {
        using var temp = new TempDirectory();
        var journal = temp.File("journal.jsonl");
        const string key = "phase-1/step-1:Forward";
        File.WriteAllLines(journal,
        [
            """{"time":"2026-12-06T02:00:00+00:00","event":"run-started","runbook":"test-runbook","incidentStart":"2026-12-06T02:00:00+00:00"}""",
            $$"""{"time":"2026-12-06T02:00:01+00:00","event":"step-started","key":"{{key}}","section":"phase-1","title":"Forward"}""",
            $$"""{"time":"2026-12-06T02:00:01+00:00","event":"command-starting","key":"{{key}}","action":1,"attempt":1,"command":"kubectl port-forward svc/api 8080:80 &"}""",
            $$"""{"time":"2026-12-06T02:00:01+00:00","event":"action","key":"{{key}}","kind":"shell","command":"kubectl port-forward svc/api 8080:80 &","exitCode":0,"attempt":1,"leftRunning":["4242 kubectl port-forward svc/api 8080:80"]}""",
            $$"""{"time":"2026-12-06T02:00:01+00:00","event":"step-finished","key":"{{key}}","title":"Forward","result":"succeeded"}""",
        ]);

        var stoppedAtTheEnd = ResumeState.Read(journal).BackgroundLeftBy(key);
        File.AppendAllLines(journal,
            [$$"""{"time":"2026-12-06T02:00:09+00:00","event":"background-output","key":"{{key}}","action":1,"attempt":1,"ended":"on-its-own"}"""]);
        var endedOnItsOwn = ResumeState.Read(journal).BackgroundLeftBy(key);

        Assert.Equal(new LeftInBackground(1, 1, "kubectl port-forward svc/api 8080:80 &"), Assert.Single(stoppedAtTheEnd));
        Assert.Empty(endedOnItsOwn);
    }

    [Fact]
    public void The_end_of_a_failed_attempt_s_background_does_not_stand_for_the_background_of_the_attempt_that_succeeded()
    {
        using var temp = new TempDirectory();
        var journal = temp.File("journal.jsonl");
        const string key = "phase-1/step-1:Forward";
        const string command = "kubectl port-forward svc/api 8080:80 & sleep 1; curl -sf localhost:8080/health";
        File.WriteAllLines(journal,
        [
            """{"time":"2026-12-06T02:00:00+00:00","event":"run-started","runbook":"test-runbook","incidentStart":"2026-12-06T02:00:00+00:00"}""",
            $$"""{"time":"2026-12-06T02:00:01+00:00","event":"step-started","key":"{{key}}","section":"phase-1","title":"Forward"}""",
            $$"""{"time":"2026-12-06T02:00:01+00:00","event":"command-starting","key":"{{key}}","action":0,"attempt":1,"command":"{{command}}"}""",
            $$"""{"time":"2026-12-06T02:00:02+00:00","event":"action","key":"{{key}}","kind":"shell","command":"{{command}}","exitCode":7,"attempt":1,"leftRunning":["4242 kubectl port-forward svc/api 8080:80"]}""",
            $$"""{"time":"2026-12-06T02:00:07+00:00","event":"command-starting","key":"{{key}}","action":0,"attempt":2,"command":"{{command}}"}""",
            $$"""{"time":"2026-12-06T02:00:08+00:00","event":"action","key":"{{key}}","kind":"shell","command":"{{command}}","exitCode":0,"attempt":2,"leftRunning":["4243 kubectl port-forward svc/api 8080:80"]}""",
            $$"""{"time":"2026-12-06T02:00:08+00:00","event":"step-finished","key":"{{key}}","title":"Forward","result":"succeeded"}""",
            // The first attempt's port-forward dies after the second one started.
            $$"""{"time":"2026-12-06T02:00:09+00:00","event":"background-output","key":"{{key}}","action":0,"attempt":1,"ended":"on-its-own"}""",
        ]);

        Assert.Equal(new LeftInBackground(0, 2, command), Assert.Single(ResumeState.Read(journal).BackgroundLeftBy(key)));
    }

    /// <summary>A watch in the background (its pid appended to a file), then a step that fails unless the watch runs.</summary>
    /// <param name="target">When given, the watch's command names it (a parameter <c>Target</c>), as a watch names its pod.</param>
    /// <param name="database">When given (a URL with a password, which the journal holds masked), the watch names it too.</param>
    private static TestRun WatchedRun(bool destructive, bool idempotent = false, string? target = null, string? database = null)
    {
        var run = new TestRun((rb, p) => rb
            .Phase("Watch", ph => ph.Step("Watch health", s =>
            {
                if (target is null) s.Run($"while :; do sleep 0.2; done & echo $! >> {p["Watches"]}");
                else if (database is null) s.Run($"while :; do sleep 0.2; done & echo $! >> {p["Watches"]}; echo watching {p["Target"]}");
                else s.Run($"while :; do sleep 0.2; done & echo $! >> {p["Watches"]}; echo watching {p["Target"]} on {p["Db"]}");
                if (destructive) s.RequiresConfirmation();
                if (idempotent) s.Idempotent();
            }))
            .Phase("Settle", ph => ph.Step("Watch is there", s => s.Run($"kill -0 $(tail -n 1 {p["Watches"]})")))
            .NoRollback("test"));
        run.Parameter("Watches", run.Temp.File("watches"));
        if (target is not null) run.Parameter("Target", target);
        if (database is not null) run.Parameter("Db", database);
        return run;
    }

    /// <summary>The resume given another <c>Target</c> than the interrupted run had, on its command line.</summary>
    private static readonly Dictionary<string, string> AnotherTarget = new() { ["Target"] = "api-2" };

    /// <summary>Runs until the watch's step said what it left running, then Ctrl+C: the run stops before the next step.</summary>
    private static async Task<RunOutcome> InterruptAfterTheWatchStartedAsync(TestRun run, IReadOnlyDictionary<string, string>? arguments = null)
    {
        using var ctrlC = new CancellationTokenSource();
        var console = new PlainConsole(new CancelOnText("left running in the background", ctrlC));
        var options = TestRun.NonInteractive with { Clock = run.Clock, JournalPath = run.JournalPath, AssumeYes = true };
        return await new RunbookRunner(console.Console, options, run.Prompts).ExecuteAsync(run.Bind(arguments), ctrlC.Token);
    }

    /// <summary>The health watches the journal's shell actions left running (the loop's shell), in the order started.</summary>
    private static IEnumerable<int> WatchesIn(string journalPath) =>
        Journal.Read(journalPath).Where(e => e.Name == "action" && e["kind"] == "shell" && e.Fields.TryGetProperty("leftRunning", out _))
            .SelectMany(e => e.Fields.GetProperty("leftRunning").EnumerateArray()).Select(p => p.GetString()!)
            .Where(p => p.Contains("while :", StringComparison.Ordinal)).Select(p => int.Parse(p.Split(' ')[0], CultureInfo.InvariantCulture));

    private static int[] Watches(TestRun run) => File.Exists(run.Temp.File("watches"))
        ? File.ReadAllLines(run.Temp.File("watches")).Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToArray()
        : [];
}
