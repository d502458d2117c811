using RunbookSdk.Execution;

namespace RunbookSdk.Tests.Execution;

public sealed class RunOutcomeTests
{
    [Fact]
    public void Exit_codes_follow_shell_conventions()
    {
        Assert.Equal(0, RunOutcome.Success.ExitCode);
        Assert.Equal(1, RunOutcome.Failure("step 2 failed").ExitCode);
        Assert.Equal(130, RunOutcome.Cancelled.ExitCode);
    }

    [Fact]
    public void Every_status_has_its_own_exit_code()
    {
        var codes = Enum.GetValues<RunStatus>().Select(status => new RunOutcome(status).ExitCode).ToArray();

        Assert.Equal(codes.Length, codes.Distinct().Count());
        Assert.Equal(3, new RunOutcome(RunStatus.RolledBack).ExitCode);
        Assert.Equal(4, new RunOutcome(RunStatus.RollbackFailed).ExitCode);
        Assert.Equal(5, new RunOutcome(RunStatus.Aborted).ExitCode);
        Assert.Equal(2, new RunOutcome(RunStatus.NotStarted).ExitCode);
    }
}
