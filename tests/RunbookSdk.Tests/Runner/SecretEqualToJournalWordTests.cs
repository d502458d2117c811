using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A secret whose value happens to be one of the runner's own journal words (<c>cli</c>, <c>succeeded</c>) is still
/// masked wherever it could be its value — parameters, commands, output — but no longer masks the words the runner
/// writes in fields of a fixed vocabulary: <c>secretSources</c> said <c>"ApiToken":"***"</c>, and a secret
/// <c>succeeded</c> hid every step's result, so a resume repeated completed steps.
/// </summary>
public sealed class SecretEqualToJournalWordTests
{
    [Fact]
    public async Task A_secret_named_cli_keeps_its_source_label_in_the_journal_and_is_masked_everywhere_it_is_the_value()
    {
        var seen = new List<string>();
        using var run = SecretUsingRunbook.Create(seen);
        var journalPath = run.Temp.File("run.jsonl");

        var result = await Host.RunAsync(run.Catalog(), new Dictionary<string, string>(), "run", run.Id, "ApiToken=cli", "--non-interactive", "--journal", journalPath);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["cli"], seen);
        var journal = Journal.Read(journalPath);
        var started = journal.Single(e => e.Name == "run-started");
        Assert.Equal("cli", started.Fields.GetProperty("secretSources").GetProperty("ApiToken").GetString());
        Assert.Equal("***", started.Fields.GetProperty("parameters").GetProperty("ApiToken").GetString());
        var header = journal.Single(e => e.Name == "action" && e["kind"] == "shell");
        Assert.Equal("echo \"Authorization: Bearer ***\"", header["command"]);
        Assert.Equal(["Authorization: Bearer ***"], header.Fields.GetProperty("outputTail").EnumerateArray().Select(l => l.GetString()));
        Assert.DoesNotContain("Bearer cli", File.ReadAllText(journalPath));
        Assert.Contains("Authorization: Bearer ***", result.Output);
    }

    [Fact]
    public async Task Each_step_is_journaled_with_its_number_as_the_page_heads_it_whatever_a_secret_holds()
    {
        // A review matched journal keys (phase-2/step-1:…) to the page's headings (2.1) by hand.
        using var run = new TestRun(rb => rb
                .Phase("Look", p => p.Step("Check", s => s.Execute("check", _ => Task.CompletedTask)))
                .Phase("Fix", p => p
                    .Step("Drain", s => s.Execute("drain", _ => Task.CompletedTask))
                    .Step("Restart", s => s.Execute("restart", _ => throw new InvalidOperationException("restart failed"))))
                .Rollback(r => r.Step("Undrain", s => s.Execute("undrain", _ => Task.CompletedTask))))
            .Parameter("Pin", "1", secret: true);

        var result = await run.RunAsync(TestRun.NonInteractive);

        Assert.Equal(["1.1", "2.1", "2.2", "R.1"], result.Journal.Where(e => e.Name == "step-started").Select(e => e["number"]));
        Assert.Equal(["1.1", "2.1", "2.2", "R.1"], result.Journal.Where(e => e.Name == "step-finished").Select(e => e["number"]));
    }

    [Theory]
    [InlineData("alternative")]
    [InlineData("none")]
    [InlineData("--choose")]
    public async Task A_secret_equal_to_a_decisions_journal_word_does_not_hide_what_the_decision_was(string secret)
    {
        using var run = new TestRun(rb => rb
                .Phase("Fix", p => p.OneOf("Remedy", o => o
                    .Step("Clear the cache", s => s.Execute("clear", _ => Task.CompletedTask))
                    .Step("Scale out", s => s.Execute("scale", _ => Task.CompletedTask))))
                .NoRollback("test"))
            .Parameter("Token", secret, secret: true);

        var result = await run.RunAsync(TestRun.NonInteractive with { Choices = new Dictionary<string, string> { ["Remedy"] = "none" } });

        Assert.Equal(0, result.ExitCode);
        var decision = Assert.Single(result.Journal, e => e.Name == "choice");
        Assert.Equal(("alternative", "none", "--choose"), (decision["about"], decision["choice"], decision["by"]));
    }

    [Fact]
    public async Task A_secret_named_succeeded_does_not_hide_step_results_so_a_resume_repeats_no_completed_step()
    {
        var runs = new Dictionary<string, int>();
        var fail = true;
        using var run = new TestRun((rb, p) => rb
                .Phase("Act", ph => ph
                    .Step("Deploy", s => s.Execute("deploy", _ =>
                    {
                        runs["Deploy"] = runs.GetValueOrDefault("Deploy") + 1;
                        return Task.CompletedTask;
                    }))
                    .Step("Flaky", s => s.Execute("flaky", _ => fail ? throw new InvalidOperationException("not yet") : Task.CompletedTask)))
                .NoRollback("test"))
            .Parameter("Token", "succeeded", secret: true);

        var first = await run.RunAsync();
        fail = false;
        var second = await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = run.JournalPath });

        Assert.Equal(1, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(1, runs["Deploy"]);
        Assert.Contains(Journal.Read(run.JournalPath), e => e.Name == "step-finished" && e["title"] == "Deploy" && e["result"] == "succeeded");
    }

    [Fact]
    public async Task A_secret_found_in_the_incident_start_does_not_restart_the_incident_clock_on_resume()
    {
        // A PIN "2026" masked the year of every instant the runner journals: incidentStart read "***-01-15T03:00:00…",
        // no resume could parse it, and the resumed run started the incident clock again: escalation fell due late.
        var fail = true;
        using var run = new TestRun((rb, p) => rb
                .Phase("Act", ph => ph
                    .Step("Settle", s => s.Wait(TimeSpan.FromMinutes(1), "caches warm up"))
                    .Step("Flaky", s => s.Execute("flaky", _ => fail ? throw new InvalidOperationException("not yet") : Task.CompletedTask)))
                .NoRollback("test"))
            .Parameter("Pin", "2026", secret: true);

        var first = await run.RunAsync();
        fail = false;
        run.Clock.Advance(TimeSpan.FromMinutes(20));
        var second = await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = run.JournalPath });

        Assert.Equal(1, first.ExitCode);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.All(second.Events("run-started"), e => Assert.Equal(run.Clock.Start, DateTimeOffset.Parse(e["incidentStart"]!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.StartsWith("2026-01-15T03:01:00", first.Events("wait-started").Single()["until"]);
        var finished = second.Events("run-finished").Last();
        // Incident time counts from the first run's start: 21 minutes, not the resume's own few milliseconds.
        Assert.InRange(long.Parse(finished["elapsedMs"]!, System.Globalization.CultureInfo.InvariantCulture), 21 * 60 * 1000, 22 * 60 * 1000);
        Assert.Equal("***", second.Events("run-started").Last().Fields.GetProperty("parameters").GetProperty("Pin").GetString());
    }
}
