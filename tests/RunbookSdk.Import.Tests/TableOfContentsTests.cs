namespace RunbookSdk.Import.Tests;

/// <summary>
/// A table-of-contents mark (<c>[[_TOC_]]</c>, <c>[TOC]</c>, kramdown's <c>{:toc}</c>, a tool's generated list between
/// <c>&lt;!-- toc --&gt;</c> marks) was read as content: <c>[[_TOC_]]</c> a wiki link to a page "_TOC_" with a warning,
/// a generated list of links to the document's headings the handbook's text or a step's instructions.
/// </summary>
public sealed class TableOfContentsTests
{
    [Theory]
    [InlineData("[[_TOC_]]")]
    [InlineData("[TOC]")]
    [InlineData("* TOC\n{:toc}")]
    [InlineData("<!-- toc -->\n\n- [Playbook: Hostile input](#playbook-hostile-input)\n  - [Immediate](#immediate-0-5-minutes)\n\n<!-- tocstop -->")]
    [InlineData("<!-- TOC -->\n- [Immediate](#immediate-0-5-minutes)\n<!-- /TOC -->")]
    public void A_table_of_contents_mark_is_no_content(string mark)
    {
        var project = HostileInputTests.Generate(HostileInputTests.Runbook("redis-cli PING").Replace("# Hostile\n", $"# Hostile\n\n{mark}\n", StringComparison.Ordinal));

        var code = string.Join("\n", project.Files.Values);
        Assert.DoesNotContain("TOC", code, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("#immediate", code, StringComparison.Ordinal);
        Assert.DoesNotContain(project.Warnings, w => w.Contains("TOC", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Line_numbers_of_later_warnings_stay_those_of_the_document()
    {
        var markdown = HostileInputTests.Runbook("rm -rf $DIR/cache").Replace("# Hostile\n", "# Hostile\n\n[[_TOC_]]\n", StringComparison.Ordinal);
        var line = markdown.Split('\n').ToList().FindIndex(l => l.StartsWith("```bash", StringComparison.Ordinal)) + 1;

        var project = HostileInputTests.Generate(markdown);

        Assert.Contains(project.Warnings, w => w.Contains($"line {line}: this shell block reads $DIR", StringComparison.Ordinal));
    }

    [Fact]
    public void A_mark_in_code_and_an_unclosed_generated_list_stay()
    {
        var project = HostileInputTests.Generate(HostileInputTests.Runbook("echo '[TOC]'\n[TOC]").Replace("# Hostile\n", "# Hostile\n\n<!-- toc -->\n\nThe cache is shared.\n", StringComparison.Ordinal));

        var code = string.Join("\n", project.Files.Values);
        Assert.Contains("The cache is shared.", code, StringComparison.Ordinal);
        Assert.Contains("[TOC]", code, StringComparison.Ordinal);
    }
}
