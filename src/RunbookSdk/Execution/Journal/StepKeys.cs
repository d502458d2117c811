namespace RunbookSdk.Execution;

/// <summary>
/// The key a step is journaled under: its section, position and title (<c>phase-1/step-2:Restart ***</c>), masked like
/// every text of the journal, so that a runbook changed since never matches an old record by accident. On resume it is
/// the journal's own key for the step, also when a secret's value changed since (<see cref="ResumeState.KeyFor"/>). The
/// live run and the dry run of a resume look steps up by the same key.
/// </summary>
internal static class StepKeys
{
    /// <param name="section">The section: <c>phase-1</c>, <c>rollback</c> or <c>verification</c>.</param>
    /// <param name="index">The step's position in its section, from 0.</param>
    /// <param name="title">The step's title.</param>
    /// <param name="secrets">The run's secrets.</param>
    /// <param name="resume">The journal resumed, or null.</param>
    public static string For(string section, int index, string title, SecretMasker secrets, ResumeState? resume)
    {
        var clear = $"{section}/step-{index + 1}:{title}";
        var masked = secrets.Mask(clear);
        return resume?.KeyFor(masked, clear) ?? masked;
    }
}
