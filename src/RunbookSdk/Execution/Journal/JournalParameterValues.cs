using RunbookSdk.Hosting;

namespace RunbookSdk.Execution;

/// <summary>
/// On resume, the values the journal's run had for the non-secret parameters the resume was not given: the steps still
/// to run use what the completed ones ran with (the region, the deployment), not the runbook's defaults. Shared by the
/// command line (<c>run --resume</c>) and the API (<see cref="RunbookRunner"/> given
/// <see cref="RunnerOptions.ResumeJournal"/>), which before kept the defaults of a context bound without them. Secrets
/// are never journaled, so they are read again as on a first run.
/// </summary>
internal static class JournalParameterValues
{
    /// <summary>
    /// The journal's value of each non-secret parameter of <paramref name="runbook"/> that <paramref name="isGiven"/>
    /// says the resume was not given and the journal records (one the runbook gained since it has no value for), apart
    /// from those it holds masked: the masked text is not what ran, so those are to be given again
    /// (<see cref="MaskedJournalValuePrompt"/>).
    /// </summary>
    /// <param name="runbook">The runbook resumed.</param>
    /// <param name="resume">The journal it resumes.</param>
    /// <param name="isGiven">Whether the resume was given a value for the parameter named.</param>
    /// <param name="maskedNow">
    /// The value the parameter has now, masked as the journal masks it, when known (a bound context's default): one the
    /// journal holds alike needs nothing taken, also when masked (<c>db-***-01</c> for a default <c>db-postgres-01</c>).
    /// </param>
    public static JournalValues NotGiven(RunbookDescriptor runbook, ResumeState resume, Func<string, bool> isGiven,
        Func<string, string?>? maskedNow = null)
    {
        var taken = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var masked = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in runbook.Parameters.Where(p => !p.IsSecret && !isGiven(p.Name)))
        {
            if (!resume.Parameters.TryGetValue(parameter.Name, out var value)) continue;
            if (maskedNow?.Invoke(parameter.Name) is { } now && string.Equals(now, value, StringComparison.Ordinal)) continue;
            // The journal masks a secret's value wherever it appears, also inside another parameter's value
            // (Target=db-prod-01 with a secret "prod" is journaled db-***-01), and a URL's password
            // (postgres://app:***@db/x): that text is not the value that ran.
            if (value.Contains(SecretMasker.Replacement, StringComparison.Ordinal)) masked[parameter.Name] = value;
            else taken[parameter.Name] = value;
        }
        return new JournalValues(taken, masked);
    }
}

/// <summary>What a resume takes from its journal for the parameters it was not given.</summary>
/// <param name="Taken">The values it runs with, by parameter name.</param>
/// <param name="Masked">
/// The values the journal holds masked (<c>postgres://app:***@db/x</c>), by parameter name: to be given again, from the
/// environment or at a prompt (<see cref="MaskedJournalValuePrompt"/>), else the resume is refused.
/// </param>
internal sealed record JournalValues(IReadOnlyDictionary<string, string> Taken, IReadOnlyDictionary<string, string> Masked);
