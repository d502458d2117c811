using System.Text.RegularExpressions;
using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A run whose every step succeeded and whose verification alone failed ends saying so (<c>Every step is done; the
/// verification failed</c>). <c>runs</c> listed it as <c>last step 1.1 'Restart the service': succeeded  stopped:
/// Failed</c> and nothing more: the engineer taking over read a run that failed after a step that succeeded, with no
/// word of the check that failed nor that a resume only checks again. It now says which check failed, as the run does.
/// </summary>
public sealed class RunsVerificationFailedTests
{
    [Fact]
    public async Task Runs_says_the_verification_failed_and_which_check_when_it_alone_failed_the_run()
    {
        using var run = new TestRun(rb => rb
            .Phase("Fix", p => p.Step("Restart the service", s => s.Run("true")))
            .NoRollback("test")
            .Verification(v => v
                .Step("Service answers", s => s.Run("true"))
                .Step("Error rate is normal", s => s.Run("exit 3"))));
        Assert.Equal(1, (await run.RunAsync(TestRun.NonInteractive)).ExitCode);

        var listed = await Host.RunAsync(run.Catalog(), "runs", run.JournalPath);

        Assert.Equal(0, listed.ExitCode);
        var said = Regex.Replace(listed.Output, @"\s+", " ");
        Assert.Contains("last step 1.1 'Restart the service': succeeded stopped: Failed (every step is done; the verification failed: 'Error rate is normal'", said);
        Assert.Contains("once what it found is put right, a resume repeats no step and runs the verification again); resume: dotnet", said);
        Assert.DoesNotContain("'Service answers'", said);
    }

    [Fact]
    public async Task A_run_that_failed_at_a_step_is_listed_as_before_whatever_its_verification_found()
    {
        using var run = new TestRun(rb => rb
            .Phase("Fix", p => p.Step("Restart the service", s => s.Run("exit 1")))
            .NoRollback("test")
            .Verification(v => v.Step("Error rate is normal", s => s.Run("exit 3"))));
        Assert.Equal(1, (await run.RunAsync(TestRun.NonInteractive)).ExitCode);

        var said = Regex.Replace((await Host.RunAsync(run.Catalog(), "runs", run.JournalPath)).Output, @"\s+", " ");

        Assert.Contains("last step 1.1 'Restart the service': failed stopped: Failed; resume: ", said);
        Assert.DoesNotContain("every step is done", said);
    }
}
