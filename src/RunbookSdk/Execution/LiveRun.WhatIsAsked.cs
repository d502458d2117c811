using RunbookSdk.Commands;
using RunbookSdk.Model;

namespace RunbookSdk.Execution;

/// <summary>
/// What a question is about — a manual step's instruction, a decision's options, the commands a destructive step will
/// run, the signal a monitor watched, the step a resume asks to run again and what the earlier run did in it — said again where the question is
/// asked when the run's output goes elsewhere (<see cref="RunnerOptions.Terminal"/>, the test the closing words and the
/// rollback offer's reason share). Under <c>run … &gt; run.log</c> the run wrote them to the log alone, and the engineer
/// at the terminal was asked "Done?" or "which one?" with nothing to go on; keyed before on the questions being asked
/// on <c>/dev/tty</c> alone, they were missing under <c>&gt; run.log</c> and shown twice under <c>2&gt;&amp;1 | tee</c>.
/// </summary>
internal sealed partial class LiveRun
{
    private void SayWhatTheManualStepAsks(ManualInstructionAction manual) => OnTerminal(c => SayManual(c, manual));

    private void SayTheDecisionsOptions(ChoiceGroup group) => OnTerminal(c => ListOptions(c, group));

    private static void SayManual(RunConsole console, ManualInstructionAction manual) => console.Info($"MANUAL: {manual.Text}");

    /// <summary>
    /// The commands a destructive step will run, on the lines before its confirmation: by the run itself (the log keeps
    /// what was confirmed), and again where the question is asked when the output goes elsewhere. The run printed a
    /// command only once it started, after the answer, so "'Flush cache' is destructive. Run it now?" was answered on
    /// the step's title alone — and under <c>&gt; run.log</c> the command reached the log alone even then.
    /// </summary>
    private void SayWhatTheStepWillRun(StepPlan step)
    {
        SayCommands(_console, step);
        OnTerminal(c => SayCommands(c, step));
    }

    private void SayCommands(RunConsole console, StepPlan step)
    {
        foreach (var shell in step.Actions.OfType<ShellCommandAction>())
        {
            try
            {
                console.Verbatim("will run: $ ", ShownCommand(shell));
            }
            catch (CommandQuotingException refused)
            {
                // Possible only for a step that might not have run (ShellStepCommands): it fails when it starts, running nothing.
                console.Warn($"will run a command that cannot be quoted with these values: {refused.Message.TrimEnd('.')}");
            }
        }
    }

    /// <summary>A shell action's command as it is shown and journaled: every hole masked before it is quoted.</summary>
    private string ShownCommand(ShellCommandAction shell) => shell.Command.Render(_context.Secrets.Mask);

    /// <summary>What the run said before a monitor's wait, said again before "Did … look healthy?" where it is asked.</summary>
    private void SayWhatTheMonitorWatched(MonitorAction monitor) => OnTerminal(c => c.Info(WatchLabel(monitor)));

    private static string WatchLabel(MonitorAction monitor) => $"Watch {monitor.What} for {Durations.Format(monitor.Duration)}";

    /// <summary>
    /// The step a resume asks "Run the step again?" about, what the journal says the earlier run did in it and what of
    /// it still runs, said again where the question is asked when the output goes elsewhere: the question names neither
    /// the step nor its commands, and under <c>run … &gt; run.log</c> the engineer at the terminal had the question alone.
    /// </summary>
    private void SayWhatTheResendIsAbout(StepPlan step, UnconfirmedWork earlier, IReadOnlyList<MarkedProcess> stillRunning) =>
        OnTerminal(c =>
        {
            if (_stepNamedOnTerminal != _currentNumber) c.Step($"{_currentNumber}  {step.Title}");
            WarnOfEarlierWork(c, earlier);
            WarnOfStillRunning(c, stillRunning);
        });

    private static void WarnOfEarlierWork(RunConsole console, UnconfirmedWork earlier) =>
        console.Warn($"In the earlier run this step {earlier.Done}; {earlier.Risk}.");

    /// <summary>
    /// A yes stops what the earlier attempt still runs before the step runs again (StopEarlierAttemptAsync): the
    /// engineer deciding should know it is still at work, which "may have taken effect" did not say.
    /// </summary>
    private static void WarnOfStillRunning(RunConsole console, IReadOnlyList<MarkedProcess> stillRunning)
    {
        if (stillRunning.Count == 0) return;
        console.Warn($"Still running from the earlier run's attempt at this step: {string.Join(", ", stillRunning)}. "
            + "Yes stops it before the step runs again; no leaves it running until this run ends, which stops it.");
    }

    /// <summary>The decision's note and its options, numbered as the question takes them.</summary>
    private static void ListOptions(RunConsole console, ChoiceGroup group)
    {
        if (group.Choice.Note is { } note) console.Info(note);
        for (var k = 0; k < group.Options.Count; k++) console.Info($"{k + 1}. {group.Options[k].Title}");
        console.Info("0. none of these");
    }
}
