using RunbookSdk.Model;

namespace RunbookSdk.Execution;

/// <summary>
/// What a question is about — a manual step's instruction, a decision's options — said again where the question is
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

    /// <summary>The decision's note and its options, numbered as the question takes them.</summary>
    private static void ListOptions(RunConsole console, ChoiceGroup group)
    {
        if (group.Choice.Note is { } note) console.Info(note);
        for (var k = 0; k < group.Options.Count; k++) console.Info($"{k + 1}. {group.Options[k].Title}");
        console.Info("0. none of these");
    }
}
