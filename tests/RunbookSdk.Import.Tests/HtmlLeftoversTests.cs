using RunbookSdk.Import.Model;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// What a Confluence (HTML) export leaves in markdown — <c>&amp;nbsp;</c>, a <c>&lt;br/&gt;</c> ending a line, a line in
/// <c>&lt;p&gt;…&lt;/p&gt;</c> — went into titles, instructions and the handbook as written, and the runner printed
/// <c>Check the primary:&amp;nbsp;</c> and <c>Alert fires&lt;br/&gt;</c> to the engineer.
/// </summary>
public sealed class HtmlLeftoversTests
{
    [Fact]
    public void Titles_and_instructions_are_plain_text()
    {
        var project = HostileInputTests.Generate(HostileInputTests.Runbook("redis-cli PING").Replace(
            "```bash\nredis-cli PING\n```",
            "* Alert `CacheDown` fires<br/>\n* Lag&nbsp;above 30 s<br>\n\n1. Check the primary:&nbsp;\n   ```bash\n   redis-cli PING\n   ```",
            StringComparison.Ordinal));

        var steps = project.Document.Runbooks.Single().Phases[0].Steps;
        Assert.Contains(new InstructionAction("Alert `CacheDown` fires"), steps.SelectMany(s => s.Actions));
        Assert.Contains(new InstructionAction("Lag above 30 s"), steps.SelectMany(s => s.Actions));
        Assert.Contains(steps, s => s.Title == "Check the primary");
    }

    [Fact]
    public void A_paragraph_in_p_tags_is_its_text_and_an_owner_line_is_read()
    {
        var project = HostileInputTests.Generate(HostileInputTests.Runbook("redis-cli PING").Replace("# Hostile\n", "# Hostile\n\n<p>Owner: Cache team&nbsp;(#cache-oncall)</p>\n", StringComparison.Ordinal));

        Assert.Equal("Cache team (#cache-oncall)", project.Document.Handbook.Owner);
        Assert.DoesNotContain("<p>", string.Join("\n", project.Files.Values), StringComparison.Ordinal);
    }

    [Fact]
    public void Code_keeps_what_it_says()
    {
        var project = HostileInputTests.Generate(HostileInputTests.Runbook("echo 'a&nbsp;b<br>'"));

        Assert.Contains("echo 'a&nbsp;b<br>'", string.Join("\n", project.Files.Values), StringComparison.Ordinal);
    }
}
