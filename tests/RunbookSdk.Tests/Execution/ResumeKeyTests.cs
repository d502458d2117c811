using RunbookSdk.Execution;

namespace RunbookSdk.Tests.Execution;

/// <summary>
/// Which of a journal's step keys a resumed run takes for a step: its own masked key when the journal has it, else one
/// whose <c>***</c> stand for parts of the key in clear (a secret's value that changed since the journal was written).
/// </summary>
public sealed class ResumeKeyTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "resume-keys-" + Guid.NewGuid().ToString("N") + ".jsonl");

    private ResumeState Journal(params string[] keys)
    {
        File.WriteAllLines(_path, new[] { """{"event":"run-started","runbook":"r"}""" }
            .Concat(keys.Select(k => $$"""{"event":"step-started","key":"{{k}}"}""")));
        return ResumeState.Read(_path);
    }

    [Theory]
    [InlineData("phase-1/step-1:Restart ***", "phase-1/step-1:Restart postgres")]
    [InlineData("phase-1/step-1:*** the primary", "phase-1/step-1:Fail over the primary")]
    [InlineData("phase-1/step-1:Copy *** to ***", "phase-1/step-1:Copy pg-a to pg-b")]
    [InlineData("phase-1/step-1:Copy ******", "phase-1/step-1:Copy ab")]
    [InlineData("phase-1/step-1:Restart postgres", "phase-1/step-1:Restart postgres")]
    [InlineData("phase-***/step-***:Restart", "phase-1/step-1:Restart")]
    public void A_key_masked_otherwise_stands_for_the_step(string journaled, string clear) =>
        Assert.Equal(journaled, Journal(journaled).KeyFor("phase-1/step-1:masked by this run", clear));

    [Theory]
    [InlineData("phase-1/step-1:Restart ***", "phase-1/step-2:Restart postgres")]
    [InlineData("phase-1/step-1:Restart ***", "phase-1/step-1:Restart ")]
    [InlineData("phase-1/step-1:Restart *** now", "phase-1/step-1:Restart postgres later")]
    [InlineData("phase-1/step-1:Copy *** to ***", "phase-1/step-1:Copy pg-a into pg-b")]
    [InlineData("phase-1/step-1:Copy ******", "phase-1/step-1:Copy a")]
    [InlineData("phase-1/step-1:Restart postgres", "phase-1/step-1:Restart postgres2")]
    public void A_key_of_another_step_is_not_taken(string journaled, string clear) =>
        Assert.Equal("mine", Journal(journaled).KeyFor("mine", clear));

    [Fact]
    public void Of_two_keys_that_stand_for_the_step_the_latest_record_s_is_taken() =>
        Assert.Equal("phase-1/step-1:*** postgres", Journal("phase-1/step-1:Restart ***", "phase-1/step-1:*** postgres").KeyFor("other", "phase-1/step-1:Restart postgres"));

    [Fact]
    public void A_key_the_journal_has_as_this_run_masks_it_is_kept() =>
        Assert.Equal("phase-1/step-1:Restart ***", Journal("phase-1/step-1:*** postgres", "phase-1/step-1:Restart ***").KeyFor("phase-1/step-1:Restart ***", "phase-1/step-1:Restart postgres"));

    public void Dispose() => File.Delete(_path);
}
