using RunbookSdk.Import.Model;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// A GitHub alert blockquote (<c>&gt; [!WARNING]</c>) in a step was kept as a blockquote note: the runner printed
/// "Note: &gt; [!WARNING]" with the markup, and pages not rendered by GitHub showed the marker as text.
/// </summary>
public sealed class GitHubAlertTests
{
    [Theory]
    [InlineData("> [!WARNING]\n> Never flush db 1 without approval.", "**Warning:** Never flush db 1 without approval.")]
    [InlineData("> [!CAUTION]\n> Sessions will be lost.\n> Tell support first.", "**Caution:** Sessions will be lost.\nTell support first.")]
    [InlineData("> [!note]\n> Flushing takes about a minute.", "**Note:** Flushing takes about a minute.")]
    public void A_github_alert_is_a_labelled_note_of_the_step_it_is_in(string quote, string note)
    {
        var markdown = HostileInputTests.Runbook("redis-cli -h cache.prod INFO memory").Replace(
            "### Rollback", $"{quote}\n\n```bash\nredis-cli -h cache.prod -n 0 FLUSHDB\n```\n\n### Rollback", StringComparison.Ordinal);

        var step = Assert.Single(HostileInputTests.Generate(markdown).Document.Runbooks.Single().Phases[0].Steps);

        Assert.Contains(new NoteAction(note), step.Actions);
    }

    [Fact]
    public void A_plain_blockquote_stays_as_written()
    {
        var markdown = HostileInputTests.Runbook("redis-cli -h cache.prod INFO memory").Replace(
            "### Rollback", "> The cache is shared with search.\n\n### Rollback", StringComparison.Ordinal);

        var step = Assert.Single(HostileInputTests.Generate(markdown).Document.Runbooks.Single().Phases[0].Steps);

        Assert.Contains(new NoteAction("> The cache is shared with search."), step.Actions);
    }

    /// <summary>
    /// Outside a phase (the handbook's sections, a runbook's own sections) an alert stayed the raw blockquote, its
    /// "[!WARNING]" marker shown on the page wherever GitHub does not render it, while in a step it was a labelled note.
    /// </summary>
    [Fact]
    public void A_github_alert_in_a_handbook_or_runbook_section_is_a_labelled_paragraph_as_in_a_step()
    {
        var markdown = HostileInputTests.Runbook("redis-cli -h cache.prod INFO memory")
            .Replace("# Hostile\n", "# Hostile\n\n## Access\n\n> [!IMPORTANT]\n> Production access needs a ticket.\n", StringComparison.Ordinal)
            .Replace("### Immediate", "> [!NOTE]\n> The cache is shared with search.\n\n### Immediate", StringComparison.Ordinal);

        var project = HostileInputTests.Generate(markdown);

        var sections = project.Document.Handbook.Sections.Concat(project.Document.Runbooks.Single().Sections).SelectMany(s => s.Blocks).ToList();
        Assert.Contains(new ParagraphContent("**Important:** Production access needs a ticket."), sections);
        Assert.Contains(new ParagraphContent("**Note:** The cache is shared with search."), sections);
        Assert.DoesNotContain("[!", string.Join("\n", project.Files.Values), StringComparison.Ordinal);
    }
}
