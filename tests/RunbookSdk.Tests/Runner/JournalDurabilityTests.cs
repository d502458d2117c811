using System.Text.Json;
using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// Which journal records are forced to the disk (fsync) before the run moves on: those a resume depends on to not do
/// something again, or to ask before it does. An fsync is most of what an in-process step costs the runner, so a start
/// that a resume would repeat unasked anyway (an Idempotent() step's work, a verification step's code or commands) is
/// only handed to the operating system, which a killed runner does not lose either.
/// </summary>
public sealed class JournalDurabilityTests
{
    [Fact]
    public void Work_a_resume_would_ask_about_is_forced_before_it_starts()
    {
        using var temp = new TempDirectory();
        using var journal = RunJournal.Open(temp.File("journal.jsonl"), SecretMasker.None, TimeProvider.System);

        journal.Write("step-started", ("key", "phase-1/step-1"), ("section", "phase-1"), ("title", "Fail over"), ("destructive", false));
        Assert.Equal(0, journal.ForcedWrites);
        Assert.Equal(1, Forced(journal, "code-starting", ("key", "phase-1/step-1"), ("code", "fails over through the SDK")));
        Assert.Equal(1, Forced(journal, "request-sending", ("key", "phase-1/step-1"), ("request", "POST https://api/failover")));
        Assert.Equal(0, Forced(journal, "command-starting", ("key", "phase-1/step-1"), ("command", "./status.sh")));
        Assert.Equal(0, Forced(journal, "step-finished", ("key", "phase-1/step-1"), ("result", "succeeded")));

        journal.Write("step-started", ("key", "phase-1/step-2"), ("section", "phase-1"), ("title", "Drop the cache"), ("destructive", true));
        Assert.Equal(1, Forced(journal, "command-starting", ("key", "phase-1/step-2"), ("command", "redis-cli FLUSHALL")));
        Assert.Equal(1, Forced(journal, "step-finished", ("key", "phase-1/step-2"), ("result", "succeeded")));
        Assert.Equal(1, Forced(journal, "choice", ("key", "phase-1/step-2"), ("about", "confirmation")));
        Assert.Equal(1, Forced(journal, "run-finished", ("status", "Succeeded")));
    }

    [Fact]
    public void Work_a_resume_repeats_unasked_is_not_forced()
    {
        using var temp = new TempDirectory();
        using var journal = RunJournal.Open(temp.File("journal.jsonl"), SecretMasker.None, TimeProvider.System);

        journal.Write("step-started", ("key", "phase-1/step-1"), ("section", "phase-1"), ("title", "Soak"), ("destructive", true), ("idempotent", true));
        Assert.Equal(0, Forced(journal, "code-starting", ("key", "phase-1/step-1"), ("code", "polls health")));
        Assert.Equal(0, Forced(journal, "request-sending", ("key", "phase-1/step-1"), ("request", "POST https://api/probe")));
        Assert.Equal(0, Forced(journal, "command-starting", ("key", "phase-1/step-1"), ("command", "kubectl apply -f app.yaml --prune")));
        // Finished, it is not run again at all: a lost end would ask for its confirmation again.
        Assert.Equal(1, Forced(journal, "step-finished", ("key", "phase-1/step-1"), ("result", "succeeded")));

        journal.Write("step-started", ("key", "verification/step-1"), ("section", "verification"), ("title", "Healthy"), ("destructive", true));
        Assert.Equal(0, Forced(journal, "code-starting", ("key", "verification/step-1"), ("code", "checks health")));
        Assert.Equal(0, Forced(journal, "command-starting", ("key", "verification/step-1"), ("command", "./check.sh")));
        // A POST a verification step sent is still asked about on resume.
        Assert.Equal(1, Forced(journal, "request-sending", ("key", "verification/step-1"), ("request", "POST https://api/selftest")));
    }

    [Fact]
    public void A_start_whose_step_is_unknown_is_forced()
    {
        using var temp = new TempDirectory();
        using var journal = RunJournal.Open(temp.File("journal.jsonl"), SecretMasker.None, TimeProvider.System);

        Assert.Equal(1, Forced(journal, "code-starting", ("code", "opaque")));
        Assert.Equal(1, Forced(journal, "code-starting", ("key", "phase-9/step-9"), ("code", "opaque")));
    }

    [Fact]
    public async Task A_run_forces_a_phase_steps_code_and_not_an_idempotent_or_verification_steps_code()
    {
        using var run = new TestRun(rb => rb
            .Phase("Mitigate", p => p
                .Step("Fail over", s => s.Execute("fails over", _ => Task.CompletedTask))
                .Step("Soak", s => s.Execute("polls health", _ => Task.CompletedTask).Idempotent()))
            .NoRollback("test")
            .Verification(v => v.Step("Healthy", s => s.Execute("checks health", _ => Task.CompletedTask))));

        var result = await run.RunAsync();

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal("true", result.Events("step-started").Single(e => e["title"] == "Soak")["idempotent"]);
        Assert.All(result.Events("step-started").Where(e => e["title"] != "Soak"), e => Assert.Null(e["idempotent"]));
        // The run's own records, replayed into a journal of their own: the forcing follows from what the runner wrote.
        var forced = Replay(result.Journal, run.Temp.File("replayed.jsonl"));
        Assert.Equal(["code-starting fails over", "run-finished"], forced);
    }

    private static int Forced(RunJournal journal, string eventName, params (string Name, object? Value)[] fields)
    {
        var before = journal.ForcedWrites;
        journal.Write(eventName, fields);
        return journal.ForcedWrites - before;
    }

    /// <summary>Writes a run's events again, field for field, and names those the journal forced to the disk (with the
    /// code's description for a <c>code-starting</c>).</summary>
    private static List<string> Replay(IReadOnlyList<JournalEvent> events, string path)
    {
        using var journal = RunJournal.Open(path, SecretMasker.None, TimeProvider.System);
        var forced = new List<string>();
        foreach (var e in events)
        {
            var fields = e.Fields.EnumerateObject()
                .Where(p => p.Name is not ("time" or "event"))
                .Select(p => (p.Name, Value: p.Value.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.String => (object?)p.Value.GetString(),
                    _ => p.Value.GetRawText(),
                }))
                .ToArray();
            if (Forced(journal, e.Name, fields) > 0) forced.Add(e["code"] is { } code ? $"{e.Name} {code}" : e.Name);
        }
        return forced;
    }
}
