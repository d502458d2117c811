namespace RunbookSdk.Execution;

/// <summary>
/// What a step printed (its last command's output or request's body) goes to later steps' <c>Outputs</c> by the
/// step's title, and to the observers (the incident issue) with the step's end. Two steps may share a title (a
/// rollback step named as the phase step it undoes): <c>Outputs</c> then holds the later one's, but the step's own
/// end is told with its own output only. Before, it was looked up by title, and a rollback step that failed was
/// reported with what the phase step of its title had printed.
/// </summary>
internal sealed partial class LiveRun
{
    // The output of the step running now, null until it has one: reset as each step begins.
    private string? _stepOutput;

    /// <summary>Keeps <paramref name="text"/> as the output of the running step, titled <paramref name="title"/>.</summary>
    private void KeepOutput(string title, string text)
    {
        _outputs[title] = text;
        _stepOutput = text;
    }
}
