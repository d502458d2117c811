using System.Collections.Concurrent;
using System.Diagnostics;
using RunbookSdk.Execution;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// <see cref="IRunObserver"/>: told about the start, every step and the end, in order, with masked text; an observer
/// that throws, hangs or reports problems never changes the run, and what went wrong is in the journal.
/// </summary>
public sealed class ObserverTests
{
    private static TestRun Runbook(bool failFix = false) =>
        new TestRun((rb, values) => rb
                .Title("Observed")
                .Severity(Severity.P2)
                .Symptoms("Queue is stuck")
                .Phase("Diagnose", p => p
                    .Step("Look", s => s.Execute("look", _ => Task.CompletedTask)))
                .Phase("Mitigate", p => p
                    .Step("Fix", s => s.Execute("fix", _ => failFix
                        ? throw new InvalidOperationException($"token {values["Token"]} was refused")
                        : Task.CompletedTask)))
                .Rollback(r => r.Step("Undo", s => s.Execute("undo", _ => Task.CompletedTask)))
                .Verification(v => v.Step("Check", s => s.Execute("check", _ => Task.CompletedTask))))
            .Parameter("Token", "hunter2-secret", secret: true)
            .Handbook(hb => hb
                .Title("Ops handbook")
                .Escalation(e => e.Level("On-call", TimeSpan.Zero, "oncall@example.com"))
                .PostIncident("Immediate (0-24 hours)", "Write the timeline", "Notify stakeholders"));

    [Fact]
    public async Task An_observer_hears_the_start_each_step_and_the_end_in_order()
    {
        using var run = Runbook(failFix: true);
        var observer = new RecordingObserver();

        var result = await run.RunAsync(TestRun.NonInteractive with { Observers = [observer] });

        Assert.Equal(RunStatus.RolledBack, result.Outcome.Status);
        Assert.Equal(
        [
            "started test-runbook P2 Queue is stuck",
            "phase-1 Diagnose / Look: succeeded",
            "phase-2 Mitigate / Fix: failed",
            "rollback Rollback / Undo: succeeded",
            "verification Verification / Check: succeeded",
            "ended RolledBack 3",
        ], observer.Calls);
        var fix = observer.Steps.Single(s => s.Step == "Fix");
        Assert.Contains("was refused", fix.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-secret", fix.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-secret", observer.Ended!.Reason, StringComparison.Ordinal);
        Assert.Equal("Immediate (0-24 hours)", Assert.Single(observer.Ended.PostIncident).Stage);
        Assert.Equal(["Write the timeline", "Notify stakeholders"], observer.Ended.PostIncident[0].Items);
        Assert.Equal(run.JournalPath, observer.Started!.JournalPath);
        Assert.Empty(result.Events("observer-failed"));
    }

    [Fact]
    public async Task A_throwing_observer_is_journaled_and_changes_nothing()
    {
        using var plain = Runbook();
        var without = await plain.RunAsync();
        using var run = Runbook();
        var recording = new RecordingObserver();

        var result = await run.RunAsync(TestRun.NonInteractive with { Observers = [new ThrowingObserver(), recording] });

        Assert.Equal(without.Outcome, result.Outcome);
        Assert.Equal(without.StepResults, result.StepResults);
        Assert.Equal(5, recording.Calls.Count);
        var failures = result.Events("observer-failed").ToArray();
        Assert.Equal(["run-started", "step-finished", "step-finished", "step-finished", "run-ended"], failures.Select(f => f["call"]));
        Assert.All(failures, f => Assert.Equal("ThrowingObserver", f["observer"]));
        Assert.Contains("InvalidOperationException: observer broke at", failures[0]["error"], StringComparison.Ordinal);
        Assert.Equal("run-finished", result.Journal[^1].Name);
        Assert.Contains("ThrowingObserver failed 5 time(s)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hanging_observer_does_not_hold_up_the_run_and_is_abandoned_after_the_timeout()
    {
        using var run = Runbook();
        var hanging = new HangingObserver();
        var watch = Stopwatch.StartNew();

        var result = await run.RunAsync(TestRun.NonInteractive with { Observers = [hanging], ObserverTimeout = TimeSpan.FromMilliseconds(300) });

        Assert.Equal(RunStatus.Succeeded, result.Outcome.Status);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"the run took {watch.Elapsed}");
        var failure = Assert.Single(result.Events("observer-failed"));
        Assert.Contains("did not finish within", failure["error"], StringComparison.Ordinal);
        Assert.Equal("run-started", failure["call"]);
        Assert.True(hanging.Cancelled.Wait(TimeSpan.FromSeconds(5)), "the hanging call was not cancelled");
        Assert.Equal("run-finished", result.Journal[^1].Name);
    }

    [Fact]
    public async Task Problems_an_observer_reports_are_journaled_before_the_run_finishes()
    {
        using var run = Runbook();
        var observer = new RecordingObserver { Problems = ["GitHub is failing (502), could not add step 'Look'."] };

        var result = await run.RunAsync(TestRun.NonInteractive with { Observers = [observer] });

        Assert.Equal(0, result.ExitCode);
        var problem = Assert.Single(result.Events("observer-problem"));
        Assert.Equal("Recording", problem["observer"]);
        Assert.Equal("GitHub is failing (502), could not add step 'Look'.", problem["problem"]);
        Assert.Equal("run-finished", result.Journal[^1].Name);
        Assert.Contains("Incident record: Recording: GitHub is failing (502)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_declined_destructive_step_is_reported_as_aborted()
    {
        using var run = new TestRun(rb => rb
            .Title("Destructive")
            .Escalation(e => e.Level("On-call", TimeSpan.Zero, "oncall@example.com"))
            .Phase("Act", p => p.Step("Drop", s => s.Execute("drop", _ => Task.CompletedTask).RequiresConfirmation()))
            .NoRollback("nothing changed")
            .Verification(v => v.Step("Check", s => s.Execute("check", _ => Task.CompletedTask))));
        run.Prompts.Answer(false);
        var observer = new RecordingObserver();

        var result = await run.RunAsync(TestRun.Interactive with { Observers = [observer] });

        Assert.Equal(RunStatus.Aborted, result.Outcome.Status);
        Assert.Contains("phase-1 Act / Drop: aborted", observer.Calls);
        Assert.Equal("ended Aborted 5", observer.Calls[^1]);
    }

    [Fact]
    public async Task An_observer_gets_titles_names_and_checklist_items_with_their_secrets_masked()
    {
        // A step title, a phase name or a checklist item built from a parameter holding a secret (a database password
        // "postgres", a step "Restart postgres") reached the observer, and so the incident issue, in clear.
        using var run = new TestRun((rb, values) => rb
                .Title($"Outage of {values["Password"]}")
                .Phase($"Mitigate {values["Password"]}", p => p
                    .Step($"Restart {values["Password"]}", s => s.Execute("restart", _ => Task.CompletedTask)))
                .NoRollback("test")
                .PostIncident("Immediate (0-24 hours)", $"Rotate the {values["Password"]} password"))
            .Parameter("Password", "postgres", secret: true);
        var observer = new RecordingObserver();

        var result = await run.RunAsync(TestRun.NonInteractive with { Observers = [observer] });

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal("Outage of ***", observer.Started!.Title);
        var step = Assert.Single(observer.Steps);
        Assert.Equal(("Mitigate ***", "Restart ***"), (step.Phase, step.Step));
        Assert.Equal(["Rotate the *** password"], Assert.Single(observer.Ended!.PostIncident).Items);
    }

    [Fact]
    public async Task An_observer_hears_the_steps_the_run_did_not_reach_with_their_titles_masked()
    {
        // The end said how the run ended and why, but not what it left undone: the incident issue ended at the failure.
        using var run = new TestRun((rb, values) => rb
                .Phase("Mitigate", p => p
                    .Step("Deploy", s => s.Run("exit 3"))
                    .Step($"Restart {values["Password"]}", s => s.Run("true")))
                .Phase("Scale", p => p.Step("Scale up", s => s.Run("true")))
                .NoRollback("test")
                .Verification(v => v.Step("Check", s => s.Run("true"))))
            .Parameter("Password", "postgres", secret: true);
        var observer = new RecordingObserver();

        var result = await run.RunAsync(TestRun.NonInteractive with { Observers = [observer] });

        Assert.Equal(RunStatus.Failed, result.Outcome.Status);
        Assert.Equal([new StepNotReached("1.2", "Restart ***"), new StepNotReached("2.1", "Scale up")], observer.Ended!.NotReached);

        using var complete = Runbook();
        var all = new RecordingObserver();
        await complete.RunAsync(TestRun.NonInteractive with { Observers = [all] });
        Assert.Empty(all.Ended!.NotReached);
    }

    [Fact]
    public async Task An_observer_hears_the_rollback_steps_a_failed_rollback_left_not_done_with_their_titles_masked()
    {
        using var run = new TestRun((rb, values) => rb
                .Phase("Mitigate", p => p.Step("Scale up", s => s.Run("exit 1")))
                .Rollback(r => r
                    .Step("Undo the config", s => s.Run("exit 7"))
                    .Step($"Restore {values["Password"]}", s => s.Run("true"))
                    .Step("Announce the rollback", s => s.Run("true")))
                .Verification(v => v.Step("Check", s => s.Run("true"))))
            .Parameter("Password", "postgres", secret: true);
        var observer = new RecordingObserver();

        var result = await run.RunAsync(TestRun.NonInteractive with { Observers = [observer] });

        Assert.Equal(RunStatus.RollbackFailed, result.Outcome.Status);
        Assert.Equal([new StepNotReached("R.2", "Restore ***"), new StepNotReached("R.3", "Announce the rollback")], observer.Ended!.RollbackNotReached);
        Assert.Empty(observer.Ended.NotReached);
    }

    [Fact]
    public async Task An_observer_hears_the_rollback_steps_an_operator_stopped_rollback_left_not_done_with_their_titles_masked()
    {
        // The incident issue said the run was aborted, but not which undo the operator's "no" left to do by hand.
        using var run = new TestRun((rb, values) => rb
                .Phase("Mitigate", p => p.Step("Scale up", s => s.Run("exit 1")))
                .Rollback(r => r
                    .Step("Undo the config", s => s.Run("true"))
                    .Step($"Restore {values["Password"]}", s => s.Run("true").RequiresConfirmation())
                    .Step("Announce the rollback", s => s.Run("true")))
                .Verification(v => v.Step("Check", s => s.Run("true"))))
            .Parameter("Password", "postgres", secret: true);
        run.Prompts.Answer(true).Answer(false);
        var observer = new RecordingObserver();

        var result = await run.RunAsync(TestRun.Interactive with { Observers = [observer] });

        Assert.Equal(RunStatus.Aborted, result.Outcome.Status);
        Assert.Equal("stopped", result.Events("rollback-finished").Single()["result"]);
        // The step said no to, then those after it: as the journal's notRun and the closing hint name them.
        Assert.Equal([new StepNotReached("R.2", "Restore ***"), new StepNotReached("R.3", "Announce the rollback")], observer.Ended!.RollbackNotReached);
        Assert.Empty(observer.Ended.NotReached);
    }

    [Fact]
    public async Task An_observer_hears_no_rollback_steps_not_done_when_the_rollback_completed()
    {
        using var run = new TestRun(rb => rb
            .Phase("Mitigate", p => p.Step("Scale up", s => s.Run("exit 1")))
            .Rollback(r => r.Step("Undo the config", s => s.Run("true")).Step("Scale back", s => s.Run("true")))
            .Verification(v => v.Step("Check", s => s.Run("true"))));
        var observer = new RecordingObserver();

        var result = await run.RunAsync(TestRun.NonInteractive with { Observers = [observer] });

        Assert.Equal(RunStatus.RolledBack, result.Outcome.Status);
        Assert.Empty(observer.Ended!.RollbackNotReached);
    }

    private sealed class RecordingObserver : IRunObserver
    {
        private readonly ConcurrentQueue<string> _calls = new();
        private readonly ConcurrentQueue<StepFinishedEvent> _steps = new();

        public string Name => "Recording";
        public IReadOnlyList<string> Calls => _calls.ToArray();
        public IReadOnlyList<StepFinishedEvent> Steps => _steps.ToArray();
        public RunStartedEvent? Started { get; private set; }
        public RunEndedEvent? Ended { get; private set; }
        public IReadOnlyList<string> Problems { get; init; } = [];

        public async Task RunStartedAsync(RunStartedEvent run, CancellationToken cancellationToken)
        {
            await Task.Yield();
            Started = run;
            _calls.Enqueue($"started {run.RunbookId} {run.Severity} {string.Join(", ", run.Symptoms)}");
        }

        public async Task StepFinishedAsync(StepFinishedEvent step, CancellationToken cancellationToken)
        {
            // A little network-like delay: later events must still arrive in order.
            await Task.Delay(step.Step == "Look" ? 50 : 1, cancellationToken);
            _steps.Enqueue(step);
            _calls.Enqueue($"{step.Section} {step.Phase} / {step.Step}: {step.Outcome}");
        }

        public Task RunEndedAsync(RunEndedEvent run, CancellationToken cancellationToken)
        {
            Ended = run;
            _calls.Enqueue($"ended {run.Status} {run.ExitCode}");
            return Task.CompletedTask;
        }
    }

    private sealed class ThrowingObserver : IRunObserver
    {
        // Synchronous throws (before any Task exists) and faulted tasks must both be caught.
        public Task RunStartedAsync(RunStartedEvent run, CancellationToken cancellationToken) => throw new InvalidOperationException("observer broke at start");

        public async Task StepFinishedAsync(StepFinishedEvent step, CancellationToken cancellationToken)
        {
            await Task.Yield();
            throw new HttpRequestException("observer broke at a step: network unreachable");
        }

        public Task RunEndedAsync(RunEndedEvent run, CancellationToken cancellationToken) => Task.FromException(new TimeoutException("observer broke at the end"));

        public IReadOnlyList<string> Problems => throw new InvalidOperationException("no problems here");
    }

    private sealed class HangingObserver : IRunObserver
    {
        public ManualResetEventSlim Cancelled { get; } = new();

        public async Task RunStartedAsync(RunStartedEvent run, CancellationToken cancellationToken)
        {
            try { await Task.Delay(Timeout.Infinite, cancellationToken); }
            finally { Cancelled.Set(); }
        }

        public Task StepFinishedAsync(StepFinishedEvent step, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task RunEndedAsync(RunEndedEvent run, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
