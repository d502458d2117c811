namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A runbook without verification (RB0003 turned off) checks nothing after its steps: the run's reason and its last
/// line must not say "verification passed", which told the engineer — and the journal — that the system was checked.
/// </summary>
public sealed class NoVerificationTests
{
    [Fact]
    public async Task A_failed_run_without_verification_does_not_say_verification_passed()
    {
        using var run = new TestRun(rb => rb
            .Phase("Act", p => p.Step("Break", s => s.Run("exit 3")))
            .NoRollback("test"));

        var result = await run.RunAsync();

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("step 1.1 'Break' failed: exit code 3, expected 0; no rollback needed (test); no verification defined: nothing was checked.", result.Outcome.Reason);
        Assert.Equal(result.Outcome.Reason, result.Events("run-finished").Single()["reason"]);
        Assert.DoesNotContain("verification passed", result.Output);
    }

    [Fact]
    public async Task A_successful_run_without_verification_says_nothing_was_checked()
    {
        using var run = new TestRun(rb => rb
            .Phase("Act", p => p.Step("Fix", s => s.Run("true")))
            .NoRollback("test"));

        var result = await run.RunAsync();

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Run succeeded: every step done (no verification defined: nothing was checked).", result.Output);
        Assert.DoesNotContain("verification passed", result.Output);
    }

    [Fact]
    public async Task A_run_with_verification_still_says_it_passed()
    {
        using var run = new TestRun(rb => rb
            .Phase("Act", p => p.Step("Break", s => s.Run("exit 3")))
            .NoRollback("test")
            .Verification(v => v.Step("Healthy", s => s.Run("true"))));

        var result = await run.RunAsync();

        Assert.EndsWith("; verification passed.", result.Outcome.Reason);
    }
}
