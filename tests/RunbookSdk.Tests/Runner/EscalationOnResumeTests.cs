using System.Globalization;
using RunbookSdk.Execution;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A resume announces again the escalation levels and time-box overruns that are due, for the engineer now at the
/// keyboard, and says they were announced before: the journal recorded each as new, and a review counted the manager
/// escalated to once per run.
/// </summary>
public sealed class EscalationOnResumeTests
{
    [Fact]
    public async Task What_the_earlier_run_announced_is_marked_announced_before_and_what_fell_due_since_is_not()
    {
        var fail = true;
        using var run = new TestRun(rb => rb
            .Severity(Severity.P1)
            .Phase("Settle", TimeBox.Minutes(0, 5), p => p
                .Step("Let it settle", s => s.Wait(TimeSpan.FromMinutes(20), "caches warm up"))
                .Step("Fail over", s => s.Execute("fails over", _ => fail ? throw new InvalidOperationException("replica not ready") : Task.CompletedTask)))
            .NoRollback("test"))
            .Handbook(hb => hb
                .SeverityLevel("P1", "Critical", s => s.RespondWithin(TimeSpan.FromMinutes(10)))
                .Escalation(e => e
                    .Level("On-call engineer", TimeSpan.Zero, "oncall@example.com")
                    .Level("Engineering manager", TimeSpan.FromMinutes(15), "+1 555 0100")
                    .Level("CTO", TimeSpan.FromMinutes(30), "cto@example.com")));
        var first = await run.RunAsync();
        Assert.Equal(1, first.ExitCode);
        var firstAnnounced = first.Events("escalation").ToDictionary(e => e["message"]!, e => e["time"]!);

        fail = false;
        run.Clock.Advance(TimeSpan.FromMinutes(15)); // the CTO falls due between the runs
        var resumed = await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = run.JournalPath });

        Assert.True(resumed.ExitCode == 0, resumed.Output);
        var again = resumed.Journal.SkipWhile(e => e.Name != "run-started" || e["resumedFrom"] is null).ToArray();
        var escalations = again.Where(e => e.Name == "escalation").ToArray();
        Assert.Equal(["On-call engineer", "Engineering manager", "CTO"], escalations.Where(e => e["who"] is not null).Select(e => e["who"]));
        foreach (var e in escalations.Where(e => e["who"] is "On-call engineer" or "Engineering manager" || e["who"] is null))
            Assert.Equal(Instant(firstAnnounced[e["message"]!]), Instant(e["announcedBefore"]!));
        Assert.Null(escalations.Single(e => e["who"] == "CTO")["announcedBefore"]);
        var overrun = Assert.Single(again, e => e.Name == "time-box-exceeded");
        Assert.Equal(Instant(first.Events("time-box-exceeded").Single()["time"]!), Instant(overrun["announcedBefore"]!));

        Assert.Contains("ESCALATE (after 15 minutes): Engineering manager: +1 555 0100 (announced before, at 2026-01-15 03:15:00 UTC, in the earlier run)", resumed.Output);
        Assert.Contains("ESCALATE (after 30 minutes): CTO: cto@example.com" + Environment.NewLine, resumed.Output);
        var overrunLine = Assert.Single(resumed.Output.Split('\n'), l => l.Contains("Phase 'Settle' is past its time box (0-5 minutes)", StringComparison.Ordinal));
        Assert.EndsWith(". (announced before, at 2026-01-15 03:20:00 UTC, in the earlier run)", overrunLine.TrimEnd());
    }

    [Fact]
    public async Task A_level_due_from_the_start_in_a_journal_of_the_earlier_wording_is_marked_announced_before()
    {
        var fail = true;
        using var run = new TestRun(rb => rb
            .Phase("Fix", p => p.Step("Fail over", s => s.Execute("fails over", _ => fail ? throw new InvalidOperationException("replica not ready") : Task.CompletedTask)))
            .NoRollback("test"))
            .Handbook(hb => hb.Escalation(e => e.Level("On-call engineer", TimeSpan.Zero, "oncall@example.com")));
        Assert.Equal(1, (await run.RunAsync()).ExitCode);
        // Written by a version whose live run said "from the start" where this one says "immediately".
        File.WriteAllText(run.JournalPath, File.ReadAllText(run.JournalPath).Replace("ESCALATE (immediately)", "ESCALATE (from the start)", StringComparison.Ordinal));

        fail = false;
        var resumed = await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = run.JournalPath });

        Assert.True(resumed.ExitCode == 0, resumed.Output);
        Assert.Contains("ESCALATE (immediately): On-call engineer: oncall@example.com (announced before, at ", resumed.Output, StringComparison.Ordinal);
    }

    private static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
