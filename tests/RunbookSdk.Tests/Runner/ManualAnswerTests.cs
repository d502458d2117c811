using RunbookSdk.Execution;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A front end's answer to a manual instruction that is not one of the three — a skip without the reason it requires,
/// a <see cref="ManualChoice"/> that is none of Done, Skip and Abort, or null — is no answer: the run stops there as when
/// the question cannot be answered, journaled as unanswered with what was wrong, and ends with verification and
/// run-finished. Before, a skip was journaled "no reason given", 42 was a silent abort, and null a
/// <see cref="NullReferenceException"/> that ended the run outside any step.
/// </summary>
public sealed class ManualAnswerTests
{
    [Theory]
    [InlineData(ManualChoice.Skip, null, "the operator prompts answered Skip without the reason a skip requires")]
    [InlineData(ManualChoice.Skip, "  ", "the operator prompts answered Skip without the reason a skip requires")]
    [InlineData((ManualChoice)42, null, "the operator prompts answered ManualChoice 42, which is none of Done, Skip and Abort")]
    public async Task An_answer_that_is_none_of_done_skip_with_a_reason_or_abort_stops_the_run_as_unanswered(ManualChoice choice, string? reason, string why)
    {
        var ran = new List<string>();
        using var run = new TestRun(rb => rb
            .Phase("Fix", p => p
                .Step("Fail over the DNS", s => s.Instruction("Point api.example.com at the standby"))
                .Step("Warm the cache", s => s.Execute("warm", _ => Record(ran, "warm"))))
            .NoRollback("test")
            .Verification(v => v.Step("Check", s => s.Execute("check", _ => Record(ran, "check")))));
        run.Prompts.Answer(choice, reason);

        var result = await run.RunAsync(TestRun.Interactive);

        Assert.Equal(RunStatus.Aborted, result.Outcome.Status);
        Assert.Equal(["check"], ran);
        var answer = Assert.Single(result.Events("choice"), e => e["about"] == "manual");
        Assert.Equal("unanswered", answer["choice"]);
        Assert.Contains(why, answer["reason"]);
        Assert.Equal("run-finished", result.Journal[^1].Name);
    }

    [Fact]
    public async Task No_answer_at_all_stops_the_run_as_unanswered()
    {
        var ran = new List<string>();
        using var run = new TestRun(rb => rb
            .Phase("Fix", p => p.Step("Fail over the DNS", s => s.Instruction("Point api.example.com at the standby")))
            .NoRollback("test")
            .Verification(v => v.Step("Check", s => s.Execute("check", _ => Record(ran, "check")))));
        var console = new Support.PlainConsole();

        var outcome = await new RunbookRunner(console.Console, new RunnerOptions { JournalPath = run.JournalPath, Clock = run.Clock }, new NullAnswer())
            .ExecuteAsync(run.Bind(), CancellationToken.None);

        Assert.Equal(RunStatus.Aborted, outcome.Status);
        Assert.Equal(["check"], ran);
        var journal = Journal.Read(run.JournalPath);
        Assert.Contains(journal, e => e.Name == "choice" && e["about"] == "manual" && e["choice"] == "unanswered"
            && e["reason"]!.Contains("the operator prompts answered null", StringComparison.Ordinal));
        Assert.Equal("run-finished", journal[^1].Name);
    }

    private static Task Record(List<string> ran, string what)
    {
        ran.Add(what);
        return Task.CompletedTask;
    }

    private sealed class NullAnswer : IOperatorPrompts
    {
        public Task<bool> ConfirmAsync(string question, CancellationToken cancellationToken) => Task.FromResult(false);
        public Task<ManualAcknowledgement> AcknowledgeAsync(string instruction, CancellationToken cancellationToken) => Task.FromResult<ManualAcknowledgement>(null!);
    }
}
