using System.Text.RegularExpressions;
using RunbookSdk.Import.Outline;

namespace RunbookSdk.Import.Recognition;

/// <summary>
/// The bold labels wikis put before a remark rather than a step: callouts (<c>**Warning:** never flush db 1</c>, as
/// Confluence and Notion export them) and the facts a page states about the incident (<c>**When:** memory above
/// 90%</c>, <c>**Impact:** users are logged out</c>, <c>**Owner:** Cache team</c>, Notion's page properties exported
/// as text). Read as bold step titles, each became a step "Warning", "When" or "Owner" the runner asked the engineer
/// to do.
/// </summary>
internal static partial class RemarkLabel
{
    /// <summary>
    /// True when <paramref name="label"/> (the bold words, as plain text) is no step title: a callout label, or a fact
    /// label followed by its value (<paramref name="hasValue"/>; <c>**Impact**</c> alone over a list may still title one).
    /// </summary>
    public static bool IsRemark(string label, bool hasValue) =>
        Admonition().IsMatch(label) || hasValue && Fact().IsMatch(label);

    /// <summary>
    /// True when <paramref name="paragraph"/> (inline markdown, one line) states a fact about the incident with a fact
    /// label: <c>**When:** Redis memory above 90%</c>, <c>**Owner**: Cache team</c>.
    /// </summary>
    public static bool IsFact(string paragraph) =>
        !paragraph.Contains('\n') && Bold().Match(paragraph) is { Success: true } bold &&
        paragraph[bold.Length..].Trim().TrimStart(':').Trim().Length > 0 &&
        Fact().IsMatch(Text.Plain(bold.Groups["label"].Value));

    [GeneratedRegex(@"^\*\*(?<label>[^*]+)\*\*:?")]
    private static partial Regex Bold();

    [GeneratedRegex(@"(?i)^(notes?|warning|caution|important|tip|info|danger|attention|nb|n\.b\.|heads[- ]up)\s*:?$")]
    private static partial Regex Admonition();

    [GeneratedRegex(@"(?i)^(when|when to use( this)?|impact|(customer|business|user) impact|owners?|owned by|team|services?|affected (services|systems|users)|triggers?|triggered by|alerts?|severity|priority|audience|scope|purpose|applies to|context|background|description|summary|estimated time|(expected )?duration|time to (complete|resolve)|last (updated|reviewed)|authors?|reviewers?|related|see also|dashboards?|risk( level)?)\s*:?$")]
    private static partial Regex Fact();
}
