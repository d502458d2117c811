namespace RunbookSdk.Execution;

/// <summary>
/// Why the rollback is offered, said on the terminal before the offer when the run's output goes to a file: under
/// <c>run … &gt; run.log</c> the failed step, the <c>INTERRUPTED: …</c> line and "Before the stop, this run started …"
/// went to the log alone, and the engineer at the terminal was asked "Run the rollback section (N step(s))? [y/n]" with
/// no word of what stopped the run or what there was to undo. Said on the prompt's writer (standard error, or
/// <c>/dev/tty</c> under <c>&gt; run.log 2&gt;&amp;1</c>), in one line; not said again where the output is seen.
/// </summary>
internal sealed partial class LiveRun
{
    private void SayWhyTheRollbackIsOffered(Stop stop) => OnTerminal(c => c.Info(RollbackOffered(stop)));

    /// <summary>
    /// Why the run stopped, said on the terminal where no rollback offer follows to say it (<c>NoRollback(…)</c>, nothing
    /// of the phases started, or <c>--non-interactive</c>, which rolls back unasked): under <c>run … &gt; run.log</c>,
    /// after a first Ctrl+C the step's <c>INTERRUPTED: …</c> line went to the log alone, and the engineer at the terminal
    /// read "Run INTERRUPTED." with no word of which step. The run's own line, once; not said again where the output is seen.
    /// A failed step's stop is not said there: its closing words are the terminal's alone by design (ResumeHintTests).
    /// </summary>
    private void SayWhyTheRunStopped(Stop stop)
    {
        if (stop.Kind == StopKind.Interrupted) OnTerminal(c => c.Failed(StoppedLine(stop)));
    }

    /// <summary><c>Interrupted during step 2.2 'Let health settle': interrupted by the operator (Ctrl+C) ….</c></summary>
    private static string StoppedLine(Stop stop) => Capitalize(stop.Reason) + ".";

    /// <summary>
    /// <c>Rollback offered: step 1.1 'Deploy' failed: exit code 3, expected 0. Before the stop, this run started 1.1
    /// 'Deploy' (none of them marked destructive).</c> — one line, whatever the reason holds, so it stays beside its question.
    /// </summary>
    private string RollbackOffered(Stop stop) =>
        $"Rollback offered: {stop.Reason.ReplaceLineEndings(" ").TrimEnd('.', ' ')}. {StartedBeforeTheStop()}";
}
