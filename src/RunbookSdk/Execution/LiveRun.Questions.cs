namespace RunbookSdk.Execution;

/// <summary>
/// The questions the run asks outside a started step — a step's condition, its decision, running it again on resume,
/// its confirmation, and the rollback offer — as the runner's end sees them: a SIGHUP (the SSH session dropped while
/// the question waited), a SIGTERM or a second Ctrl+C there left the journal ending at the step before, as after a
/// kill -9, with no word of the question or the signal. The exit handler now journals the step as interrupted at its
/// question (<c>started: false</c>: nothing of it ran, and a resume asks again), or the rollback offer as interrupted.
/// </summary>
internal sealed partial class LiveRun
{
    /// <summary>A question on screen outside a started step.</summary>
    /// <param name="Key">The step's journal key; null for the rollback offer.</param>
    /// <param name="Title">The step's title; null for the rollback offer.</param>
    /// <param name="Number">The step's number as the console shows it.</param>
    /// <param name="About">The journal's <c>about</c> of the question (<c>confirmation</c>, <c>condition</c>, …).</param>
    /// <param name="What">The question in words: <c>the confirmation</c>, <c>the rollback offer</c>.</param>
    /// <param name="Group">A decision's title, journaled as its <c>group</c> as every other record of a decision is.</param>
    private sealed record QuestionInFlight(string? Key, string? Title, string Number, string About, string What, string? Group = null)
    {
        /// <summary>What the runner's end at this question left undone, for the journal and the console.</summary>
        public string Ended => Key is null ? $"at {What}; the rollback did not start" : $"at {What}; nothing of the step ran";
    }

    /// <summary>
    /// Asks through <paramref name="ask"/> with the question known to the exit handler; nothing is asked once the runner
    /// is going away, and an answer that comes after it began to (the prompt returning as the terminal hangs up) counts
    /// for nothing: the flow stops there.
    /// </summary>
    private async Task<T> AskAsync<T>(string? key, string? title, string about, string what, Func<Task<T>> ask, string? group = null)
    {
        lock (_exitGate)
        {
            ThrowIfEnding();
            _questionInFlight = new QuestionInFlight(key, title, _currentNumber, about, what, group);
        }
        try
        {
            return await ask();
        }
        finally
        {
            lock (_exitGate) _questionInFlight = null;
            ThrowIfEnding();
        }
    }

    /// <summary>The runner was ended while <paramref name="question"/> waited: the question and, for a step, its end.</summary>
    private void JournalEndedAtQuestion(QuestionInFlight question)
    {
        var reason = $"the runner was ended (SIGTERM, SIGHUP or a second Ctrl+C) {question.Ended}";
        _journal.Write("choice", ("key", question.Key), ("about", question.About), ("group", question.Group), ("choice", "interrupted"), ("reason", reason));
        if (question.Key is null) return;
        _journal.Write("step-finished", ("key", question.Key), ("number", question.Number), ("title", question.Title), ("result", "interrupted"),
            ("reason", reason), ("durationMs", 0L), ("started", false));
    }
}
