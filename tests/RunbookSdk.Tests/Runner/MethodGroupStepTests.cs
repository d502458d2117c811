using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A step, phase, rollback or verification written in a method of the runbook's class and given as a method group
/// (<c>Step("Touch", Touch)</c>) or by a lambda that only hands its builder on (<c>s =&gt; Touch(s)</c>) runs as the
/// lambda would: the runner executes Define, which calls the method with the builder. The generator's page reads the
/// same methods (docs/rules/RB0101.md); these tests hold the runner to what the page shows. The commands leave files
/// behind, so "ran" is seen on the disk.
/// </summary>
public sealed class MethodGroupStepTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private void Diagnose(IPhaseBuilder phase) => phase
        .Step("Touch diagnosed", TouchDiagnosed)
        .Step("Touch handed on", s => TouchHandedOn(s));

    private void TouchDiagnosed(IStepBuilder s) => s.Run($"touch {_temp.File("diagnosed")}");

    private void TouchHandedOn(IStepBuilder step)
    {
        step.Run($"touch {_temp.File("handed-on")}");
    }

    private void Fail(IPhaseBuilder phase) => phase.Step("Break", s => s.Run("exit 3"));

    private void Undo(IPhaseBuilder rollback) => rollback.Step("Undo", this.TouchUndone);

    private void TouchUndone(IStepBuilder s) => s.Run($"touch {_temp.File("undone")}");

    private void Verify(IPhaseBuilder verification) => verification.Step("Check", s => s.Run($"test -f {_temp.File("diagnosed")}"));

    [Fact]
    public async Task Steps_and_a_phase_given_as_methods_run_their_commands_and_the_verification_checks_them()
    {
        using var run = new TestRun(rb => rb
            .Phase("Diagnose", Diagnose)
            .NoRollback("test")
            .Verification(v => Verify(v)));

        var result = await run.RunAsync(TestRun.NonInteractive);

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(_temp.File("diagnosed")));
        Assert.True(File.Exists(_temp.File("handed-on")));
        Assert.Equal(["Touch diagnosed: succeeded", "Touch handed on: succeeded", "Check: succeeded"], result.StepResults);
    }

    [Fact]
    public async Task A_rollback_given_as_a_method_runs_its_command_after_a_failed_step()
    {
        using var run = new TestRun(rb => rb
            .Phase("Fix", Fail)
            .Rollback(Undo)
            .Verification(v => Verify(v)));

        var result = await run.RunAsync(TestRun.NonInteractive);

        Assert.NotEqual(0, result.ExitCode);
        Assert.True(File.Exists(_temp.File("undone")));
        Assert.Contains("Undo: succeeded", result.StepResults);
    }
}
