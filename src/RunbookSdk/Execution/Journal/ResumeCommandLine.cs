using RunbookSdk.Commands;

namespace RunbookSdk.Execution;

/// <summary>
/// The command that resumes a run, to paste: the program, the runbook, the journal, and what the run was started with
/// that the resume must be given again to do what the run did — the host's options (the <c>runbook</c> tool's
/// <c>--incident-repo</c>, without which the resume stops updating the incident issue) and a <c>--webhook</c>, without
/// which its notifications are only printed. The run's closing hint and <c>runs</c> both write it from here, the latter
/// from what the journal's <c>run-started</c> recorded (<c>resumeOptions</c>, <c>webhookHost</c>).
/// </summary>
internal static class ResumeCommandLine
{
    /// <summary>
    /// What stands for the webhook's URL in a resume command. Its path is often its credential (a Slack incoming
    /// webhook's is), so the journal records its host alone and the command cannot carry it; pasted as it is, the
    /// placeholder is refused as no http(s) URL rather than resuming without the webhook in silence.
    /// </summary>
    public const string WebhookPlaceholder = "WEBHOOK_URL";

    /// <summary>
    /// <c>{runCommand} {id} --resume "{journal}" {options} [--webhook WEBHOOK_URL]</c>: shell words alone, so the
    /// command pastes whole; what stands for the webhook is explained apart (<see cref="WebhookNote"/>).
    /// </summary>
    /// <param name="runCommand">The shell words that run a runbook, up to its id.</param>
    /// <param name="runbookId">The runbook's id.</param>
    /// <param name="maskedJournal">The journal's path, already masked: quoting a secret's <c>$</c> first hid it from the masking.</param>
    /// <param name="options">The host's options the run was given and a resume needs again, as words (unquoted).</param>
    /// <param name="webhookHost">The host of the <c>--webhook</c> the run posted to; null when it was given none.</param>
    public static string For(string runCommand, string runbookId, string maskedJournal, IReadOnlyList<string> options, string? webhookHost)
    {
        var command = $"{runCommand} {runbookId} --resume \"{ShellQuoting.Quote(maskedJournal, ShellQuoteState.DoubleQuoted)}\"";
        if (options.Count > 0) command += " " + string.Join(" ", options.Select(ShellQuoting.QuoteBare));
        if (webhookHost is not null) command += $" --webhook {WebhookPlaceholder}";
        return command;
    }

    /// <summary>What <see cref="WebhookPlaceholder"/> stands for in a resume command of a run that posted to <paramref name="webhookHosts"/>.</summary>
    public static string WebhookNote(IEnumerable<string> webhookHosts) =>
        $"{WebhookPlaceholder} in the resume command: put there the --webhook URL the run posted its notifications to (at {string.Join(", ", webhookHosts.Distinct(StringComparer.Ordinal))}); "
        + "its path is a credential, so the journal does not record it. Without --webhook the resume only prints the notifications still to come.";

    /// <summary>
    /// What a resume leaves out of what the journal's run was given, said before anything runs: typed by hand rather
    /// than pasted, a resume without <c>--incident-repo</c> stopped updating the incident issue without a word, and one
    /// without <c>--webhook</c> only printed the notifications. Null when it leaves nothing out.
    /// </summary>
    /// <param name="journal">The journal resumed.</param>
    /// <param name="options">The host's options this resume was given (<see cref="RunnerOptions.ResumeOptions"/>).</param>
    /// <param name="webhookGiven">Whether this resume was given a <c>--webhook</c>.</param>
    public static string? Missing(ResumeState journal, IReadOnlyList<string> options, bool webhookGiven)
    {
        var missing = new List<string>();
        if (journal.ResumeOptions.Count > 0 && !journal.ResumeOptions.SequenceEqual(options, StringComparer.Ordinal))
            missing.Add($"{string.Join(" ", journal.ResumeOptions.Select(ShellQuoting.QuoteBare))} (this resume was given {(options.Count == 0 ? "none" : string.Join(" ", options.Select(ShellQuoting.QuoteBare)))}; "
                + "without them the record they keep, such as the incident issue, is not continued)");
        if (journal.WebhookHost is { } host && !webhookGiven)
            missing.Add($"--webhook (to {host}; this resume was given none, so its notifications are only printed)");
        return missing.Count == 0 ? null
            : $"warning: the journal's run was started with {string.Join(", and ", missing)}. Give them to the resume to go on as the run did (the command `runs` prints carries them).";
    }

    /// <summary>
    /// The host of a <c>--webhook</c> as the journal records it: scheme, host and port, never the path or query
    /// (a Slack webhook's path is its credential) or a user and password.
    /// </summary>
    public static string WebhookHost(Uri webhook) => webhook.IsDefaultPort ? $"{webhook.Scheme}://{webhook.Host}" : $"{webhook.Scheme}://{webhook.Host}:{webhook.Port}";
}
