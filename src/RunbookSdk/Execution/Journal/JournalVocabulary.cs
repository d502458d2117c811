using System.Text.RegularExpressions;

namespace RunbookSdk.Execution;

/// <summary>
/// The words the runner itself writes into fields of a fixed vocabulary — where a secret came from (<c>cli</c>,
/// <c>environment</c>, <c>prompt</c>), a step's <c>result</c>, an action's <c>kind</c>, a choice's <c>about</c>,
/// <c>choice</c> and <c>by</c>, a <c>section</c> — which the journal writes as they are, not through the secret
/// masker. A secret whose value happens to be such a word (<c>cli</c>) otherwise turned
/// <c>secretSources: {"ApiToken": "cli"}</c> into <c>"***"</c>, and a secret <c>succeeded</c> made every step's
/// result <c>***</c>, so a resume repeated steps that had completed. Writing the word says nothing about the secret:
/// it is the same whatever the secret's value. Only a listed word in its own field is spared; anything else there
/// (and every other field) is masked as before, so a secret is still masked wherever it could be its value.
/// </summary>
internal static partial class JournalVocabulary
{
    private static readonly Dictionary<string, HashSet<string>> Words = new(StringComparer.Ordinal)
    {
        ["result"] = Set("succeeded", "skipped", "failed", "aborted", "interrupted", "stopped"),
        // A step-skipped's record of how the earlier run completed the step: a result, in the same words.
        ["earlierResult"] = Set("succeeded", "skipped"),
        ["kind"] = Set("shell", "http", "delegate", "wait", "monitor", "webhook"),
        // A OneOf decision's choice is "alternative", and "none" when no option was taken (an option's title is the
        // runbook's text and stays masked): a secret "alternative" journaled the decision as about "***".
        ["about"] = Set("confirmation", "manual", "monitor", "rollback", "resend", "condition", "alternative"),
        ["choice"] = Set("confirmed", "declined", "refused", "interrupted", "skipped", "rollback", "no-rollback", "healthy",
            "unhealthy", "resend", "holds", "unanswered", "none"),
        ["by"] = Set("operator", "--yes", "--skip-manual", "--resend-requests", "--conditions-hold", "--skip-conditional",
            "--non-interactive", "idempotent", StepChoices.Flag),
        ["observed"] = Set("healthy", "unhealthy", "unattended", "unanswered"),
        ["ended"] = Set("on-its-own", "stopped", "killed", "still-open"),
        ["stoppedBy"] = Set("SIGTERM", "SIGKILL"),
        ["conditions"] = Set("--conditions-hold", "--skip-conditional"),
        ["status"] = Set(Enum.GetNames<RunStatus>()),
        ["section"] = Set("rollback", "verification"),
        // The values of the secretSources map (SecretSource as the journal names it).
        ["secretSources"] = Set("cli", "environment", "prompt"),
    };

    /// <summary>True when <paramref name="value"/> is one of the runner's own words for <paramref name="field"/>: written as it is.</summary>
    /// <param name="field">The field's name (for a map, the map's).</param>
    /// <param name="value">The value about to be written.</param>
    public static bool IsWord(string field, string value) =>
        Words.TryGetValue(field, out var words) && words.Contains(value)
        || field == "section" && PhaseSection().IsMatch(value)
        // How a runner marks its shell steps' processes (<pid>.<start time>): numbers the runner makes, and a resume
        // must read them back as written to find what a killed runner left (a secret "1" made them "***.***").
        || field is "processMark" or "runner" && RunnerMark().IsMatch(value)
        // The runner's own instants (round-trip format): when the incident started, when a wait ends, when something
        // was first announced. A resume reads the incident start back: a secret "2026" made it "***-12-06T…", which no
        // resume could parse, so the incident clock started again at the resume and escalation fell due that much later.
        || field is "incidentStart" or "until" or "announcedBefore" or "earlierTime" && Instant().IsMatch(value)
        // A step's number as the page heads it (2.1, R.1, V.1): a secret "1" made every one "***.***".
        || field == "number" && StepNumber().IsMatch(value)
        // A file's device and inode, numbers the system makes: `runs` compares them (a secret "1" made them "***:***").
        || field == "resumedFromFile" && FileNumbers().IsMatch(value);

    /// <summary>
    /// True for a field whose value is a name the runbook's code declares — the runbook's id (<c>runbook</c>) — and for a
    /// map whose keys are such names — the parameters' (<c>parameters</c>, <c>secretSources</c>). A name is the same
    /// whatever a secret's value, so writing it reveals nothing, and a resume must read it back as it is: a secret
    /// <c>postgres</c> made the runbook <c>postgres-restart</c> journal as <c>***-restart</c>, which no resume could
    /// find, and its parameters' names <c>V***rsion</c> for a secret <c>e</c>. A parameter's value, and every key of
    /// another map, are masked as before.
    /// </summary>
    /// <param name="field">The field's name (for a map's keys, the map's).</param>
    public static bool IsDeclaredName(string field) => field is "runbook";

    /// <inheritdoc cref="IsDeclaredName"/>
    public static bool HasDeclaredKeys(string field) => field is "parameters" or "secretSources";

    /// <summary>
    /// True for a field holding records the runner builds — <c>run-finished</c>'s and <c>rollback-finished</c>'s <c>notReached</c>, one record per step
    /// (<c>key</c>, <c>number</c>, <c>title</c>) — whose keys are the runner's own field names, written as they are, and
    /// whose values are masked as those fields are elsewhere: a secret <c>1</c> would otherwise make every step's number
    /// <c>***.***</c>, and a secret <c>title</c> the field's name.
    /// </summary>
    /// <param name="field">The field's name.</param>
    public static bool HoldsRecords(string field) => field is "notReached";

    private static HashSet<string> Set(params string[] words) => new(words, StringComparer.Ordinal);

    [GeneratedRegex("^[0-9]{1,10}\\.[0-9]{1,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex RunnerMark();

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,7})?(Z|[+-][0-9]{2}:[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Instant();

    [GeneratedRegex("^([0-9]{1,9}|R|V)\\.[0-9]{1,9}$", RegexOptions.CultureInvariant)]
    private static partial Regex StepNumber();

    [GeneratedRegex("^phase-[0-9]{1,9}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhaseSection();

    [GeneratedRegex("^[0-9]{1,10}:[0-9]{1,10}:[0-9]{1,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex FileNumbers();
}
