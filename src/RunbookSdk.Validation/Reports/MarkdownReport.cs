using System.Text;

namespace RunbookSdk.Validation.Reports;

/// <summary>
/// The report as GitHub-flavoured markdown: for a CI step summary (<c>--markdown $GITHUB_STEP_SUMMARY</c>) and the
/// pull-request comment. Table cells are escaped so a message can never break the table.
/// </summary>
public static class MarkdownReport
{
    /// <summary>Renders <paramref name="result"/>.</summary>
    /// <param name="result">The validation result.</param>
    public static string Render(ValidationResult result) => Render(result, listCompleteRunbooks: true);

    /// <summary>
    /// Renders <paramref name="result"/> to fit a place with a size limit (a pull-request comment, the job summary):
    /// too long, it leaves out the rows of complete runbooks (so the ones to fix and the findings stay), and what is
    /// still too long is cut, followed by <paramref name="cutNotice"/>.
    /// </summary>
    /// <param name="result">The validation result.</param>
    /// <param name="maxSize">The most the report may take before the cut notice, in <paramref name="unit"/>s.</param>
    /// <param name="unit">What the limit counts: UTF-16 characters (a comment) or UTF-8 bytes (a file).</param>
    /// <param name="cutNotice">Appended when the report is cut: where the full report is.</param>
    public static string RenderWithin(ValidationResult result, int maxSize, SizeUnit unit, string cutNotice)
    {
        ArgumentNullException.ThrowIfNull(cutNotice);
        maxSize = Math.Max(0, maxSize);
        var markdown = Render(result);
        if (SizeOf(markdown, unit) <= maxSize) return markdown;
        markdown = Render(result, listCompleteRunbooks: false);
        return SizeOf(markdown, unit) <= maxSize ? markdown : Prefix(markdown, maxSize, unit) + cutNotice;
    }

    private static int SizeOf(string text, SizeUnit unit) => unit == SizeUnit.Utf8Bytes ? Encoding.UTF8.GetByteCount(text) : text.Length;

    // The longest start of text within maxSize that does not split a character (a surrogate pair, a UTF-8 sequence).
    private static string Prefix(string text, int maxSize, SizeUnit unit)
    {
        var length = Math.Min(text.Length, maxSize);
        if (unit == SizeUnit.Utf8Bytes)
        {
            // Character by character (a surrogate pair as one) while the UTF-8 bytes still fit.
            var bytes = 0;
            length = 0;
            while (length < text.Length)
            {
                var width = char.IsHighSurrogate(text[length]) && length + 1 < text.Length ? 2 : 1;
                var next = Encoding.UTF8.GetByteCount(text.AsSpan(length, width));
                if (bytes + next > maxSize) break;
                bytes += next;
                length += width;
            }
        }
        else if (length > 0 && length < text.Length && char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }

        return text[..length];
    }

    /// <summary>Renders <paramref name="result"/>, optionally without the rows of runbooks that are complete and have no findings.</summary>
    /// <param name="result">The validation result.</param>
    /// <param name="listCompleteRunbooks">
    /// False for a report that must stay short (a pull-request comment of a repository with hundreds of runbooks): the
    /// table keeps the runbooks with something to fix and says how many complete ones it leaves out.
    /// </param>
    public static string Render(ValidationResult result, bool listCompleteRunbooks)
    {
        ArgumentNullException.ThrowIfNull(result);
        var md = new StringBuilder();
        md.Append("## Runbook validation: ").AppendLine(result.Passed ? "passed ✅" : "failed ❌").AppendLine();
        md.AppendLine(Summary(result)).AppendLine();
        if (result.Projects.Count == 0)
        {
            md.AppendLine(NoProject(result));
            return md.ToString();
        }

        var rows = result.Runbooks.Where(r => listCompleteRunbooks || r.Level is not null || !r.IsComplete).ToArray();
        var left = result.Runbooks.Count() - rows.Length;
        if (rows.Length > 0)
        {
            md.AppendLine("| Runbook | Project | Severity | Escalation | Rollback | Verification | Findings | Status |");
            md.AppendLine("|---|---|---|---|---|---|---|---|");
        }

        foreach (var row in rows)
        {
            md.Append("| `").Append(Cell(row.Id)).Append("` | ").Append(Text(row.Project)).Append(" | ").Append(Text(row.Severity ?? "–"))
                .Append(" | ").Append(Check(row.Escalation, row.EscalationInherited ? "inherited" : null))
                .Append(" | ").Append(Check(row.Rollback, row.RollbackWaived ? "waived" : null))
                .Append(" | ").Append(Check(row.Verification, null))
                .Append(" | ").Append(row.FindingsByRule.Count == 0 ? "–" : string.Join(", ", row.FindingsByRule.Select(p => p.Value == 1 ? p.Key : $"{p.Key} ×{p.Value}")))
                .Append(" | ").Append(row.Status switch { "error" => "❌ error", "warning" => "⚠️ warning", _ => "✅ ok" }).AppendLine(" |");
        }

        md.AppendLine();
        if (left > 0)
            md.Append(left).AppendLine(left == 1 ? " complete runbook with no findings is not listed." : " complete runbooks with no findings are not listed.").AppendLine();
        foreach (var project in result.Projects.Where(p => p.Docs.Checked))
        {
            md.Append("Docs of **").Append(Text(project.Name)).Append("** (`").Append(Cell(project.Docs.Directory)).Append("`): ");
            md.AppendLine(project.Docs.IsCurrent
                ? "current."
                : $"**stale** – {project.Docs.Missing.Count} missing, {project.Docs.Stale.Count} different, {project.Docs.Extra.Count} no longer generated.");
            md.AppendLine();
        }

        var findings = result.Findings.OrderByDescending(f => f.Level).ThenBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Line).ToArray();
        if (findings.Length > 0)
        {
            md.AppendLine("| Level | Rule | Where | Message |");
            md.AppendLine("|---|---|---|---|");
            foreach (var finding in findings)
            {
                var rule = finding.HelpUri is null ? finding.RuleId : $"[{finding.RuleId}]({finding.HelpUri})";
                md.Append("| ").Append(finding.Level.ToString().ToLowerInvariant()).Append(" | ").Append(rule)
                    .Append(" | `").Append(Cell(finding.Where)).Append("` | ").Append(Text(finding.Message)).AppendLine(" |");
            }
        }

        return md.ToString();
    }

    /// <summary>One line: how many runbooks, errors, warnings, and whether the docs are current.</summary>
    /// <param name="result">The validation result.</param>
    public static string Summary(ValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var runbooks = result.Runbooks.Count();
        return $"{runbooks} runbook{(runbooks == 1 ? "" : "s")} in {result.Projects.Count} project{(result.Projects.Count == 1 ? "" : "s")}: "
            + $"{result.Count(FindingLevel.Error)} error(s), {result.Count(FindingLevel.Warning)} warning(s), {result.Count(FindingLevel.Info)} info; "
            + (result.HasStaleDocs ? "docs stale." : "docs current.");
    }

    /// <summary>
    /// Why nothing was validated, as a markdown line (for the report and a check run's summary); null when a project
    /// was. Names the solution configuration that builds nothing (<see cref="ValidationResult.NoProjectReason"/>).
    /// </summary>
    /// <param name="result">The validation result.</param>
    public static string? NoProjectLine(ValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Projects.Count == 0 ? NoProject(result) : null;
    }

    private static string NoProject(ValidationResult result) => result.NoProjectReason is { } reason
        ? "No runbook project found: " + Entities(reason)
        : "No runbook project found (no project whose sources declare `[Runbook]` or `[Handbook]`).";

    private static string Check(bool present, string? note) => present ? (note is null ? "✅" : $"✅ {note}") : "❌ missing";

    /// <summary>A cell inside a code span: only the table's own syntax needs escaping there.</summary>
    private static string Cell(string text) => text.Replace("\\", "\\\\").Replace("|", "\\|").Replace("\r", "").Replace("\n", " ");

    /// <summary>
    /// A cell of plain text: GitHub takes <c>&lt;</c> for HTML, so a generic type (<c>List&lt;string&gt;</c>) would vanish
    /// and a <c>&lt;!--</c> would hide the rest of the report; entities show them as written.
    /// </summary>
    private static string Text(string text)
    {
        // A code span shows its text as written, entities too: `runbook docs A&B/x.csproj` showed as A&amp;B. Inside one
        // only what would end the cell or the span is changed; the words around it get entities as before.
        var parts = text.Split('`');
        if (parts.Length < 3) return Entities(Cell(text));
        var cell = new System.Text.StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            var code = i % 2 == 1 && i < parts.Length - 1;
            if (i > 0) cell.Append('`');
            cell.Append(code ? parts[i].Replace("|", "\\|").Replace("\r", "").Replace("\n", " ") : Entities(Cell(parts[i])));
        }
        return cell.ToString();
    }

    // Text outside the table: a <Build Project="false" /> in a message shows as written instead of being taken for HTML.
    private static string Entities(string text) => Inert(text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;"));

    /// <summary>
    /// A zero-width space after <c>@</c> and <c>#</c> before a letter or digit: a message quotes what the runbook wrote
    /// (an escalation level "@octo/payments-oncall", a command's "#123"), and in the pull-request comment
    /// GitHub took them for a mention that notified the team and a reference that cross-linked an issue.
    /// They read the same. Code spans keep theirs: GitHub links nothing there.
    /// </summary>
    private static string Inert(string text)
    {
        if (text.IndexOfAny(['@', '#']) < 0) return text;
        var inert = new System.Text.StringBuilder(text.Length + 4);
        for (var i = 0; i < text.Length; i++)
        {
            inert.Append(text[i]);
            if (text[i] is '@' or '#' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])) inert.Append('\u200B');
        }
        return inert.ToString();
    }
}
