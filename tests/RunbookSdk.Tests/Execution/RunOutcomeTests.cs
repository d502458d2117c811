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
}
