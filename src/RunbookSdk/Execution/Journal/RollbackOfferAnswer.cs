namespace RunbookSdk.Execution;

/// <summary>How a rollback offer that was not taken ended, as the journal's <c>choice</c> about the rollback records it.</summary>
internal enum RollbackOfferAnswer
{
    /// <summary>The operator said no (<c>no-rollback</c>).</summary>
    Declined,

    /// <summary>Nobody could answer: the terminal was gone or the prompt failed (<c>unanswered</c>).</summary>
    Unanswered,
}
