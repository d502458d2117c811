namespace RunbookSdk.Execution;

/// <summary>
/// Judges a front end's answer to a manual instruction (<see cref="IOperatorPrompts.AcknowledgeAsync"/>). A skip
/// without its reason, a <see cref="ManualChoice"/> that is none of Done, Skip and Abort (<c>(ManualChoice)42</c>) or
/// no answer at all is no answer: the run stops there as when the question cannot be answered. Before, a skip without a
/// reason was journaled as "no reason given" though the reason is required, an undefined choice was taken for an abort
/// without a word, and a null answer ended the run outside any step with a <see cref="NullReferenceException"/>.
/// </summary>
internal static class ManualAnswer
{
    /// <summary>Why <paramref name="answer"/> is no answer, for the unanswered question's message; null when it is one.</summary>
    /// <param name="answer">What <see cref="IOperatorPrompts.AcknowledgeAsync"/> returned.</param>
    public static string? Problem(ManualAcknowledgement? answer) => answer switch
    {
        null => "the operator prompts answered null, not done, skip or abort",
        { Choice: not (ManualChoice.Done or ManualChoice.Skip or ManualChoice.Abort) } =>
            $"the operator prompts answered ManualChoice {(int)answer.Choice}, which is none of Done, Skip and Abort",
        { Choice: ManualChoice.Skip, Reason: var reason } when string.IsNullOrWhiteSpace(reason) =>
            "the operator prompts answered Skip without the reason a skip requires",
        _ => null,
    };
}
