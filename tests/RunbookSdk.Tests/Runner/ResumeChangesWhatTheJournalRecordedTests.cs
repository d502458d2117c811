using System.Text.RegularExpressions;
using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// Shift change: engineer B resumes A's run and gives, on the command line, what A's run had decided otherwise. A
/// parameter given again with another value (<c>--resume j.jsonl Region=eu-west-1</c> on a journal started in
/// <c>us-east-1</c>) is allowed — the steps still to run use it — but went ahead without a word, and the rest of the
/// incident ran in the other region. A <c>--choose</c> for a decision the journal had made otherwise was ignored without
/// a word. Both are now said before anything runs, naming the journal's value and the new one (a secret never shown),
/// and journaled in the resume's <c>run-started</c>.
/// </summary>
public sealed class ResumeChangesWhatTheJournalRecordedTests
{
    private const string Token = "tok-s3cret-eu";

    [Fact]
    public async Task A_parameter_given_again_with_another_value_is_said_with_both_values_before_anything_runs_and_journaled()
    {
        using var failOver = new RegionFailOverRunbook();
        var (run, regions) = (failOver.Run, failOver.Regions);
        var environment = new Dictionary<string, string> { ["RUNBOOK_SECRET_APITOKEN"] = Token };
        var first = await Host.RunAsync(run.Catalog(), environment, "run", run.Id, "--non-interactive", "--journal", run.JournalPath);
        Assert.Equal(1, first.ExitCode);
        failOver.Heal();

        var resumed = await Host.RunAsync(run.Catalog(), environment,
            "run", run.Id, "--resume", run.JournalPath, "Region=eu-west-1", "--non-interactive");

        Assert.Equal(0, resumed.ExitCode);
        Assert.Equal(["us-east-1", "us-east-1", "eu-west-1"], regions);
        var said = Regex.Replace(resumed.Output, @"\s+", " ");
        var change = said.IndexOf("Region is 'eu-west-1' in this resume; the journal's run had 'us-east-1'. The steps still to run use 'eu-west-1'", StringComparison.Ordinal);
        Assert.True(change >= 0, resumed.Output);
        Assert.True(change < said.IndexOf("Fail over", StringComparison.Ordinal), "the change was said after a step ran");
        Assert.DoesNotContain("ApiToken is", said);
        Assert.DoesNotContain(Token, resumed.Output);
        var started = Journal.Read(run.JournalPath).Last(e => e.Name == "run-started");
        Assert.Equal("us-east-1", started.Fields.GetProperty("parametersChanged").GetProperty("Region").GetString());
        Assert.False(started.Fields.GetProperty("parametersChanged").TryGetProperty("ApiToken", out _));
        Assert.DoesNotContain(Token, File.ReadAllText(run.JournalPath));

        // A resume that gives no other value says nothing of it.
        var again = await Host.RunAsync(run.Catalog(), environment, "run", run.Id, "--resume", run.JournalPath, "--non-interactive");
        Assert.DoesNotContain("in this resume; the journal's run had", again.Output);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("Restart consumers")]
    [InlineData("none")]
    public async Task A_choose_the_journal_answered_otherwise_says_which_answer_stands(string answer)
    {
        using var temp = new TempDirectory();
        var backlog = new FlakyCheck();
        using var run = Mitigation(backlog, restart: $"touch {temp.File("restarted")}", scaleOut: $"touch {temp.File("scaled")}");
        run.Prompts.Choose(1); // A scales out
        Assert.Equal(1, (await run.RunAsync(TestRun.Interactive)).ExitCode);
        File.WriteAllLines(run.JournalPath, File.ReadAllLines(run.JournalPath)
            .Select(line => line.Contains("\"event\":\"run-started\"", StringComparison.Ordinal) ? Regex.Replace(line, "\"operator\":\"[^\"]*\"", "\"operator\":\"alice\"") : line));
        backlog.Passes = true;

        var resumed = await run.RunAsync(TestRun.NonInteractive with
        {
            ResumeJournal = run.JournalPath,
            Choices = new Dictionary<string, string> { ["Mitigation"] = answer },
        });

        Assert.Equal(0, resumed.ExitCode);
        Assert.False(File.Exists(temp.File("restarted")));
        var said = Regex.Replace(resumed.Output, @"\s+", " ");
        var overruled = said.IndexOf($"--choose \"Mitigation={answer}\" is not taken: the journal's run already chose 'Scale out' (option 2) for 'Mitigation' (by alice at ", StringComparison.Ordinal);
        Assert.True(overruled >= 0, resumed.Output);
        Assert.Contains("and that answer stands: the resume goes on with it", said);
        Assert.True(overruled < said.IndexOf("Check the backlog", StringComparison.Ordinal), "the answer was said after a step ran");
        var started = resumed.Journal.Last(e => e.Name == "run-started");
        Assert.Equal("Scale out", started.Fields.GetProperty("choicesStanding").GetProperty("Mitigation").GetString());
    }

    [Fact]
    public async Task A_choose_that_agrees_with_the_journal_says_nothing_of_it()
    {
        var backlog = new FlakyCheck();
        using var run = Mitigation(backlog);
        Assert.Equal(1, (await run.RunAsync(TestRun.NonInteractive with { Choices = new Dictionary<string, string> { ["Mitigation"] = "2" } })).ExitCode);
        backlog.Passes = true;

        var resumed = await run.RunAsync(TestRun.NonInteractive with
        {
            ResumeJournal = run.JournalPath,
            Choices = new Dictionary<string, string> { ["Mitigation"] = "Scale out" },
        });

        Assert.Equal(0, resumed.ExitCode);
        Assert.DoesNotContain("is not taken", resumed.Output);
        Assert.False(resumed.Journal.Last(e => e.Name == "run-started").Fields.TryGetProperty("choicesStanding", out _));
    }

    [Fact]
    public async Task The_dry_run_of_such_a_resume_says_it_too_and_shows_the_journals_answer_not_the_choose()
    {
        var backlog = new FlakyCheck();
        using var run = Mitigation(backlog).Parameter("Region", "us-east-1");
        Assert.Equal(1, (await Host.RunAsync(run.Catalog(), "run", run.Id, "--non-interactive", "--choose", "Mitigation=2", "--journal", run.JournalPath)).ExitCode);
        backlog.Passes = true;

        var dryRun = await Host.RunAsync(run.Catalog(),
            "run", run.Id, "--dry-run", "--resume", run.JournalPath, "Region=eu-west-1", "--choose", "Mitigation=1");

        var said = Regex.Replace(dryRun.Output, @"\s+", " ");
        Assert.Contains("Region is 'eu-west-1' in this resume; the journal's run had 'us-east-1'.", said);
        Assert.Contains("--choose \"Mitigation=1\" is not taken: the journal's run already chose 'Scale out' (option 2) for 'Mitigation'", said);
        Assert.Contains("Choose one: Mitigation [decided in the resumed journal: option 2, 'Scale out' stands; --choose is not taken]", said);
        Assert.DoesNotContain("answered by --choose: option 1", said);
        Assert.Contains("Restart consumers (option 1 of 'Mitigation') [not chosen: skipped]", said);
        Assert.DoesNotContain("Scale out (option 2 of 'Mitigation') [not chosen", said);
    }

    /// <summary>
    /// A decision between two mitigations, then a check of the backlog that fails until <paramref name="backlog"/> passes:
    /// A's run stops at the check, and B resumes it.
    /// </summary>
    private static TestRun Mitigation(FlakyCheck backlog, string restart = "true", string scaleOut = "true") => new(rb => rb
        .Phase("Mitigate", p => p
            .OneOf("Mitigation", o => o
                .Step("Restart consumers", s => s.Run(restart))
                .Step("Scale out", s => s.Run(scaleOut)))
            .Step("Check the backlog", s => s.Execute("flaky", _ => backlog.Passes ? Task.CompletedTask : throw new InvalidOperationException("not yet"))))
        .NoRollback("test"));

    /// <summary>A check that fails until the test lets it pass, between A's run and B's resume.</summary>
    private sealed class FlakyCheck
    {
        public bool Passes { get; set; }
    }
}
