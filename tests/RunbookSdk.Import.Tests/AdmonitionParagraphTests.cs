using RunbookSdk.Import.Model;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// A bold label before a remark (<c>**Warning:** never flush db 1 without approval.</c>, <c>**Note**: …</c>), as
/// Confluence and Notion export their callouts, was read as a bold step title: the runbook got a step "Warning" that
/// took the commands after it, so the runner showed "Warning" as the name of the step that flushed the cache.
/// </summary>
public sealed class AdmonitionParagraphTests
{
    [Theory]
    [InlineData("**Warning:** never flush the sessions database (db 1) without approval.")]
    [InlineData("**Note**: flushing takes about a minute.")]
    [InlineData("**IMPORTANT:** get approval in #cache first.")]
    public void A_bold_remark_label_is_a_note_of_the_step_it_is_in(string remark)
    {
        var markdown = HostileInputTests.Runbook("redis-cli -h cache.prod SCRIPT FLUSH").Replace(
            "### Rollback",
            $"{remark}\n\n```bash\nredis-cli -h cache.prod -n 0 FLUSHDB\n```\n\n### Rollback",
            StringComparison.Ordinal);

        var step = Assert.Single(HostileInputTests.Generate(markdown).Document.Runbooks.Single().Phases[0].Steps);

        Assert.Equal(
            ["run: redis-cli -h cache.prod SCRIPT FLUSH", "note: " + remark, "run: redis-cli -h cache.prod -n 0 FLUSHDB"],
            step.Actions.Select(a => a switch
            {
                RunAction run => "run: " + run.Command,
                NoteAction note => "note: " + note.Text,
                _ => a.ToString()!,
            }));
    }

    [Fact]
    public void A_bold_title_that_is_no_remark_label_still_starts_a_step()
    {
        var markdown = HostileInputTests.Runbook("redis-cli -h cache.prod SCRIPT FLUSH").Replace(
            "### Rollback",
            "**Notify the team:** post in #cache.\n\n```bash\n./notify.sh cache-flushed\n```\n\n### Rollback",
            StringComparison.Ordinal);

        var steps = HostileInputTests.Generate(markdown).Document.Runbooks.Single().Phases[0].Steps;

        Assert.Equal(["Immediate", "Notify the team"], steps.Select(s => s.Title));
    }
}
