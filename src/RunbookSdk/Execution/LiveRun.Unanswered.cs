namespace RunbookSdk.Execution;

/// <summary>Questions the operator's prompts could not put or read an answer to (<see cref="UnansweredQuestion"/>).</summary>
internal sealed partial class LiveRun
{
    // The first question of this run that went unanswered: the run's end says it stopped for that, not by the operator.
    private string? _unanswered;

    // How many questions went unanswered so far: a rollback step stopped at one that went unanswered was not stopped by
    // the operator, and its end must not say so.
    private int _unansweredQuestions;

    // The rollback stopped at a question nobody answered (not by the operator's choice).
    private bool _rollbackStoppedUnanswered;

    // A question went unanswered because the terminal hung up: the run's end says so, rather than only that nobody answered.
    private bool _terminalHungUp;

    /// <summary>
    /// Says on the console that the <paramref name="question"/> went unanswered and what the run does instead; returns
    /// why, for the journal and the step's outcome.
    /// </summary>
    private string Unanswered(string question, Exception exception)
    {
        var why = UnansweredQuestion.Why(question, exception);
        NoteUnanswered(why, exception);
        _console.Failed($"{Capitalize(why)}. No answer is no yes: what it asks about is not done.");
        return why;
    }

    /// <summary>
    /// Counts a question that went unanswered, and whether its terminal hung up: every such question, also one asked
    /// outside this class (a step's condition), so the run's end never says the operator aborted when nobody answered.
    /// </summary>
    private void NoteUnanswered(string why, Exception exception)
    {
        _unanswered ??= why;
        _unansweredQuestions++;
        _terminalHungUp |= HungUpTerminalGuard.IsHangUp(exception);
    }
}
