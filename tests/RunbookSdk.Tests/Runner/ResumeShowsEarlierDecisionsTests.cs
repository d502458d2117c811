using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// Shift change: engineer B resumes the run engineer A started, and reads on the console what A's run did. Every
/// completed step read "already completed in the resumed journal", also the options of A's decision that A did not
/// choose: B read that the consumers had been restarted when A had scaled out instead. The resume now says of each
/// such step that it was skipped, why (the option not chosen, the condition that did not hold), by whom and when, and
/// so does a resume of a journal that resumed it into a file of its own.
/// </summary>
public sealed class ResumeShowsEarlierDecisionsTests
{
    private const string Decision = "Mitigation";

    [Fact]
    public async Task The_resume_says_which_steps_were_skipped_by_whose_decision_and_which_were_done()
    {
        using var temp = new TempDirectory();
        var fail = true;
        using var run = new TestRun(rb => rb
            .Phase("Mitigate", p => p
                .Step("Roll back the last deploy", s => s.OnlyIf("a deploy went out in the last hour").Run($"touch {temp.File("rolled-back")}"))
                .OneOf(Decision, o => o
                    .Step("Restart consumers", s => s.Run($"touch {temp.File("restarted")}"))
                    .Step("Scale out", s => s.Run($"touch {temp.File("scaled")}")))
                .Step("Check the backlog", s => s.Execute("flaky", _ => fail ? throw new InvalidOperationException("not yet") : Task.CompletedTask)))
            .NoRollback("test"));
        run.Prompts.Answer(false).Choose(1); // the condition does not hold; scale out
        var first = await run.RunAsync(TestRun.Interactive);
        Assert.Equal(1, first.ExitCode);
        // Engineer A's run: the journal names its operating-system user.
        File.WriteAllLines(run.JournalPath, File.ReadAllLines(run.JournalPath)
            .Select(line => line.Contains("\"event\":\"run-started\"", StringComparison.Ordinal) ? System.Text.RegularExpressions.Regex.Replace(line, "\"operator\":\"[^\"]*\"", "\"operator\":\"alice\"") : line));
        fail = false;

        var second = await run.RunAsync(TestRun.Interactive with { ResumeJournal = run.JournalPath, JournalPath = temp.File("b.jsonl") });
        var third = await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = temp.File("b.jsonl"), JournalPath = temp.File("c.jsonl") });

        Assert.Equal(0, second.ExitCode);
        foreach (var output in new[] { second.Output, third.Output })
        {
            Assert.Matches(@"Roll back the last deploy\s+skipped in the resumed journal: not repeated \(only if a deploy went out in the last hour: the operator said it does not hold; by alice at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\)", output);
            Assert.Matches(@"Restart consumers\s+skipped in the resumed journal: not repeated \(not chosen: 'Mitigation' took 'Scale out'; by alice at [^)]*\)", output);
            Assert.Matches(@"Scale out\s+already completed in the resumed journal: not repeated \(done by alice at [^)]*\)", output);
            Assert.DoesNotMatch(@"Restart consumers\s+already completed", output);
        }
        Assert.False(File.Exists(temp.File("restarted")));
    }
}
