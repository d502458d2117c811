namespace RunbookSdk.Execution;

/// <summary>
/// The non-secret parameters a resume runs with other values than the journal's run did: given again on the command
/// line (<c>--resume j.jsonl Region=eu-west-1</c> on a journal started in <c>us-east-1</c>). Allowed — a wait given
/// more time, a version corrected mid-incident —, but it went ahead without a word, and the steps still to run ran in
/// the other region. The resume now names each change, both values, before anything runs, and journals it.
/// Secrets are never journaled, so a change of one is not known, and never shown.
/// </summary>
internal static class ChangedParameters
{
    /// <summary>Each non-secret parameter of <paramref name="context"/> whose value (masked, as journaled) is not the one <paramref name="resume"/> recorded.</summary>
    public static IReadOnlyList<ParameterChange> Of(ResumeState resume, RunContext context) =>
        context.Parameters
            .Where(p => !p.Parameter.IsSecret)
            .Select(p => (p.Parameter.Name, Now: context.Secrets.Mask(p.Value), Earlier: resume.Parameters.TryGetValue(p.Parameter.Name, out var e) ? e : null))
            // A parameter the journal does not record (one the runbook gained since) has nothing to differ from.
            .Where(p => p.Earlier is not null && !string.Equals(p.Earlier, p.Now, StringComparison.Ordinal))
            .Select(p => new ParameterChange(p.Name, p.Earlier!, p.Now))
            .ToArray();

    /// <summary>
    /// The change as the console says it. When no phase step of the journal is left completed — its rollback undid them,
    /// or none completed — every step runs with the new value: "the completed ones … are not repeated" named steps the
    /// resume was about to run again.
    /// </summary>
    public static string Describe(ParameterChange change, ResumeState resume)
    {
        var said = $"{change.Name} is '{change.Now}' in this resume; the journal's run had '{change.Earlier}'. ";
        if (resume.UndoneByRollback)
            return said + $"The journal's rollback undid what its steps did: the resume starts over from the first step, and every step uses '{change.Now}'.";
        if (!resume.CompletedSteps.Any(key => !key.StartsWith("verification/", StringComparison.Ordinal)))
            return said + $"No step of it completed: every step uses '{change.Now}'.";
        return said + $"The steps still to run use '{change.Now}'; the completed ones ran with '{change.Earlier}' and are not repeated.";
    }
}

/// <summary>A non-secret parameter a resume changed: its name, the journal's value and this run's (both masked).</summary>
internal sealed record ParameterChange(string Name, string Earlier, string Now);
