using System.Globalization;
using RunbookSdk.Execution;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// Engineer B resumes a journal whose run is still going on (A's, under tmux) and has not set the runbook's secret. The
/// resume asked B for the secret — or, non-interactively, refused it and named the variable to set — and only once B
/// had typed or set it said the journal was held by another run: the secret was fetched for a run that could not
/// start. The journal's claim is now taken before the secrets are asked for or refused. The claim here is a real lock,
/// held by this test's process, which the journal names as its runner.
/// </summary>
public sealed class LockBeforeSecretTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_resume_of_a_held_journal_says_it_is_held_before_it_asks_for_or_refuses_a_missing_secret(bool interactive)
    {
        var seen = new List<string>();
        using var run = SecretUsingRunbook.Create(seen);
        run.Prompts.AnswerSecret("tok-typ3d");
        File.WriteAllText(run.JournalPath,
            $$"""{"time":"2026-12-06T02:40:00+00:00","event":"run-started","runbook":"{{run.Id}}","operator":"alice","host":"{{Environment.MachineName}}","processMark":"{{StepProcesses.Runner}}"}""" + "\n");
        using var held = JournalClaim.Take(Path.GetFullPath(run.JournalPath));

        var result = await run.RunAsync(new RunnerOptions { NonInteractive = !interactive, ResumeJournal = run.JournalPath });

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(run.Prompts.Questions);
        Assert.DoesNotContain("Missing secret", result.Outcome.Reason);
        var pid = StepProcesses.Supported ? $" (pid {Environment.ProcessId.ToString(CultureInfo.InvariantCulture)})" : "";
        Assert.Contains($"another run is writing it now{pid}", result.Outcome.Reason);
        Assert.Empty(seen);
    }
}
