using System.Text.RegularExpressions;
using RunbookSdk.Generators.Tests.Support;

namespace RunbookSdk.Generators.Tests.Docs;

/// <summary>Text from a runbook cannot break the markup of its page: a table row, or the bash block meant to be pasted.</summary>
public sealed class PageMarkupTests
{
    [Fact]
    public void A_parameter_default_holding_a_pipe_stays_in_its_table_cell()
    {
        // A grep pattern is a natural parameter (seed 001: grep -E "(ERROR|FATAL|Exception)").
        var runbook = TestRunbooks.Runbook.Replace(
            "[Parameter(\"Kubernetes namespace\")] public string Namespace { get; init; } = \"payments\";",
            "[Parameter(\"Kubernetes namespace\")] public string Namespace { get; init; } = \"payments\";\n    [Parameter(\"Log pattern\")] public string Pattern { get; init; } = \"ERROR|FATAL\";");
        Assert.Contains("ERROR|FATAL", runbook);

        var row = GeneratorHarness.ApiDownPage(runbook).Split('\n').Single(l => l.StartsWith("| `Pattern`", StringComparison.Ordinal));

        // GFM splits table cells at every unescaped pipe, also inside a code span: 4 columns means 4 cells.
        var cells = Regex.Split(row.Trim().Trim('|'), @"(?<!\\)\|");
        Assert.Equal(4, cells.Length);
    }

    // A heading's last word of only #s is its closing sequence to CommonMark: "Page on-call #" showed as "Page on-call".
    [Theory]
    [InlineData("Page on-call #", "### 1.1 Page on-call \\#")]
    [InlineData("Escalate ##", "### 1.1 Escalate \\##")]
    [InlineData("Restart the C# worker", "### 1.1 Restart the C# worker")]
    public void A_step_title_ending_in_a_hash_keeps_it(string title, string heading)
    {
        var page = GeneratorHarness.ApiDownPage(TestRunbooks.Runbook.Replace(".Step(\"Check pods\"", ".Step(\"" + title + "\"", StringComparison.Ordinal));

        Assert.Contains(heading + "\n", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tag_holding_a_pipe_stays_in_its_facts_cell()
    {
        var runbook = TestRunbooks.Runbook.Replace(".ReviewDate(2027, 1, 31)", ".Tags(\"payments\", \"5xx|timeout\").ReviewDate(2027, 1, 31)", StringComparison.Ordinal);

        var row = GeneratorHarness.ApiDownPage(runbook).Split('\n').Single(l => l.StartsWith("| **Tags**", StringComparison.Ordinal));

        // The facts table has two columns: a third cell would show half the tag outside the table.
        var cells = Regex.Split(row.Trim().Trim('|'), @"(?<!\\)\|");
        Assert.Equal(2, cells.Length);
        Assert.Contains("5xx\\|timeout", row, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".Tags(\"payments\", \"\", \"  \", null!, \"p1\")", "| **Tags** | `payments`, `p1` |")]
    [InlineData(".Tags(\"\").Tags(\" \")", null)]
    public void Blank_tags_are_left_off_the_page_as_the_runtime_leaves_them_out(string tags, string? row)
    {
        // The runtime records no blank or null tag (DocumentRecorder.Tags): the page printed one as an empty code span.
        var runbook = TestRunbooks.Runbook.Replace(".ReviewDate(2027, 1, 31)", tags + ".ReviewDate(2027, 1, 31)", StringComparison.Ordinal);
        Assert.Contains(tags, runbook, StringComparison.Ordinal);

        var rows = GeneratorHarness.ApiDownPage(runbook).Split('\n').Where(l => l.StartsWith("| **Tags**", StringComparison.Ordinal)).ToArray();

        Assert.Equal(row is null ? [] : [row], rows.Select(r => r.TrimEnd()));
    }

    [Fact]
    public void Every_line_of_a_multi_line_command_comment_stays_a_shell_comment_in_the_copyable_block()
    {
        var runbook = TestRunbooks.Runbook.Replace(
            "$\"kubectl get pods -n {Namespace}\", \"List pods\"",
            "$\"kubectl get pods -n {Namespace}\", \"List pods.\\nThe restart below takes about two minutes\"");
        Assert.Contains("two minutes", runbook);

        var page = GeneratorHarness.ApiDownPage(runbook);
        var line = page.Split('\n').Single(l => l.Contains("two minutes", StringComparison.Ordinal));

        // Pasted into a shell from the page's bash block, this line would run as a command.
        Assert.StartsWith("#", line);
    }

    [Theory]
    [InlineData("new[] { \"eu-west-1\", \"team-a\" }")]
    [InlineData("[\"eu-west-1\", \"team-a\"]")]
    public void A_table_with_one_row_keeps_its_cells_in_that_row(string row)
    {
        // Table(string[] headers, params string[][] rows): one string[] argument is one row, not the list of rows.
        var runbook = TestRunbooks.Runbook.Replace(
            ".ReviewDate(2027, 1, 31)",
            ".Section(\"Owners\", s => s.Table([\"Region\", \"Team\"], " + row + ")).ReviewDate(2027, 1, 31)");
        Assert.Contains("Owners", runbook);

        var page = GeneratorHarness.ApiDownPage(runbook);

        Assert.Contains("| Region | Team |\n|---|---|\n| eu-west-1 | team-a |\n\n", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_given_its_rows_as_one_array_of_arrays_has_a_row_per_inner_array()
    {
        var runbook = TestRunbooks.Runbook.Replace(
            ".ReviewDate(2027, 1, 31)",
            ".Section(\"Owners\", s => s.Table(new[] { \"Region\", \"Team\" }, new[] { new[] { \"eu\", \"a\" }, new[] { \"us\", \"b\" } })).ReviewDate(2027, 1, 31)");

        var page = GeneratorHarness.ApiDownPage(runbook);

        Assert.Contains("| Region | Team |\n|---|---|\n| eu | a |\n| us | b |\n\n", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"Severity\", \"Who\" }", "{ \"P1\", \"Ops\" }")]
    [InlineData("[\"Severity\", \"Who\"]", "[\"P1\", \"Ops\"]")]
    [InlineData("new[] { \"Severity\", \"Who\" }", "new string[] { \"P1\", \"Ops\" }")]
    public void A_table_of_static_readonly_arrays_shows_their_cells(string headers, string row)
    {
        // CA1861 asks for arrays passed as arguments to be static readonly fields: the page showed "|  |" for the
        // headers and "{Row1}" for the row.
        var runbook = TestRunbooks.Runbook
            .Replace("public override void Define(", "private static readonly string[] Headers = " + headers + ";\n    private static readonly string[] Row1 = " + row + ";\n    public override void Define(")
            .Replace(".ReviewDate(2027, 1, 31)", ".Section(\"Owners\", s => s.Table(Headers, Row1, Row1)).ReviewDate(2027, 1, 31)");
        Assert.Contains("Row1 = ", runbook);

        var page = GeneratorHarness.ApiDownPage(runbook);

        Assert.Contains("| Severity | Who |\n|---|---|\n| P1 | Ops |\n| P1 | Ops |\n\n", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_whose_arrays_are_a_getter_only_property_and_a_field_of_rows_shows_their_cells()
    {
        var runbook = TestRunbooks.Runbook
            .Replace("public override void Define(", "private static string[] Headers { get; } = [\"Severity\", \"Who\"];\n    private static readonly string[][] Rows = { [\"P1\", \"Ops\"], new[] { \"P2\", \"Dev\" } };\n    public override void Define(")
            .Replace(".ReviewDate(2027, 1, 31)", ".Section(\"Owners\", s => s.Table(Headers, Rows)).ReviewDate(2027, 1, 31)");

        var page = GeneratorHarness.ApiDownPage(runbook);

        Assert.Contains("| Severity | Who |\n|---|---|\n| P1 | Ops |\n| P2 | Dev |\n\n", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_whose_headers_the_page_cannot_read_shows_them_as_one_cell_of_source()
    {
        // An instance field (its constructor may assign another array): no header cells at all broke the table.
        var runbook = TestRunbooks.Runbook
            .Replace("public override void Define(", "private readonly string[] Headers = { \"Severity\", \"Who\" };\n    public override void Define(")
            .Replace(".ReviewDate(2027, 1, 31)", ".Section(\"Owners\", s => s.Table(Headers, [\"P1\", \"Ops\"])).ReviewDate(2027, 1, 31)");

        var page = GeneratorHarness.ApiDownPage(runbook);

        Assert.Contains("| {Headers} |\n|---|\n| P1 | Ops |\n\n", page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_contents_link_of_a_phase_named_with_vowel_signs_is_the_anchor_GitHub_gives_its_heading()
    {
        // Hindi "jaanch" (check): the vowel signs are marks, which GitHub keeps in the anchor (Ruby's \p{Word}).
        var runbook = TestRunbooks.Runbook.Replace(".Phase(\"Diagnose\",", ".Phase(\"\u091C\u093E\u0901\u091A\",");

        var page = GeneratorHarness.ApiDownPage(runbook);

        Assert.Contains("- [Phase 1: \u091C\u093E\u0901\u091A (0-5 minutes)](#phase-1-\u091C\u093E\u0901\u091A-0-5-minutes)\n", page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_contents_link_of_a_phase_named_with_a_turkish_dotted_capital_i_is_the_anchor_GitHub_gives_its_heading()
    {
        // Turkish "İzleme" (monitoring), "İletişim" (communication): GitHub lower-cases the dotted capital İ fully, to
        // "i" and a combining dot (U+0307), which its anchor keeps as a mark. .NET's invariant lower case leaves İ as it
        // is, so the link was "#phase-1-İzleme-…": an upper-case anchor that no heading of the page has.
        var runbook = TestRunbooks.Runbook.Replace(".Phase(\"Diagnose\",", ".Phase(\"İzleme ve İletişim\",");

        var page = GeneratorHarness.ApiDownPage(runbook);

        Assert.Contains("- [Phase 1: İzleme ve İletişim (0-5 minutes)](#phase-1-i\u0307zleme-ve-i\u0307letişim-0-5-minutes)\n", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_title_phase_or_step_name_with_line_breaks_stays_one_heading_line()
    {
        // A long title wrapped in the source, a phase name from a multi-line constant: every kind of line break.
        var runbook = TestRunbooks.Runbook
            .Replace(".Title(\"Payments API down\")", ".Title(\"Payments API\\ndown\")", StringComparison.Ordinal)
            .Replace(".Phase(\"Diagnose\"", ".Phase(\"Diagnose\\r\\nthe outage\"", StringComparison.Ordinal)
            .Replace(".Step(\"Check pods\"", ".Step(\"Check\\rpods\"", StringComparison.Ordinal);
        Assert.Contains("Payments API\\ndown", runbook, StringComparison.Ordinal);

        var page = GeneratorHarness.ApiDownPage(runbook);

        Assert.Contains("\n# Payments API down\n", page, StringComparison.Ordinal);
        Assert.Contains("\n## Phase 1: Diagnose the outage (0-5 minutes)\n", page, StringComparison.Ordinal);
        Assert.Contains("- [Phase 1: Diagnose the outage (0-5 minutes)](#phase-1-diagnose-the-outage-0-5-minutes)\n", page, StringComparison.Ordinal);
        Assert.Contains("\n### 1.1 Check pods\n", page, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_placeholder_in_angle_brackets_is_shown_on_the_page_not_taken_for_an_html_tag()
    {
        // "<pod-name>" is a placeholder to the author and an unknown HTML tag to a renderer, which GitHub drops: the
        // symptom read "kubectl logs  shows", and the phase's contents link pointed at an anchor nothing had.
        var runbook = TestRunbooks.Runbook
            .Replace("\"Alert `payments-api-5xx` firing\"", "\"kubectl logs <pod-name> shows `OOMKilled <pod-name>`\"", StringComparison.Ordinal)
            .Replace(".Phase(\"Diagnose\"", ".Phase(\"Diagnose <namespace>\"", StringComparison.Ordinal)
            .Replace("\"pods to become ready\"", "\"pods to become ready<br>see <https://grafana.example.com>, then TRUNCATE <table>\"", StringComparison.Ordinal);
        Assert.Contains("<pod-name>", runbook, StringComparison.Ordinal);

        var page = GeneratorHarness.ApiDownPage(runbook);

        // Escaped where markdown reads it, kept as written inside code, where it shows as is.
        Assert.Contains("\n- kubectl logs \\<pod-name> shows `OOMKilled <pod-name>`\n", page, StringComparison.Ordinal);
        Assert.Contains("\n## Phase 1: Diagnose \\<namespace> (0-5 minutes)\n", page, StringComparison.Ordinal);
        // GitHub's anchor of the heading it shows, "Phase 1: Diagnose <namespace> (0-5 minutes)".
        Assert.Contains("- [Phase 1: Diagnose \\<namespace> (0-5 minutes)](#phase-1-diagnose-namespace-0-5-minutes)\n", page, StringComparison.Ordinal);
        // Tags an author means and autolinks stay markup.
        Assert.Contains("**Wait** 1 minute: pods to become ready<br>see <https://grafana.example.com>, then TRUNCATE \\<table>\n", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_note_or_symptom_starting_with_a_hash_is_text_not_a_heading()
    {
        // "# of ..." is how people write "number of": at the start of a line markdown makes it a first-level heading,
        // in the middle of a step, or a heading inside the symptoms list.
        var runbook = TestRunbooks.Runbook
            .Replace("\"Alert `payments-api-5xx` firing\"", "\"# of 5xx above 100 per minute\"", StringComparison.Ordinal)
            .Replace(".Run($\"kubectl get pods -n {Namespace}\", \"List pods\")", ".Note(\"# of replicas must be 3\\n## not a heading either\").Run($\"kubectl get pods -n {Namespace}\", \"List pods\")", StringComparison.Ordinal);
        Assert.Contains("# of replicas", runbook, StringComparison.Ordinal);

        var page = GeneratorHarness.ApiDownPage(runbook);

        Assert.Contains("\n- \\# of 5xx above 100 per minute\n", page, StringComparison.Ordinal);
        Assert.Contains("\n\\# of replicas must be 3\n\\## not a heading either\n", page, StringComparison.Ordinal);
        Assert.DoesNotContain("\n# of", page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_contents_link_a_free_form_section_at_its_heading()
    {
        // "Known issues" is on the page, below the post-incident checklist: without a contents entry the engineer
        // scanning the contents at 3 a.m. never learns it is there.
        var runbook = TestRunbooks.Runbook.Replace(
            ".ReviewDate(2027, 1, 31)",
            ".Section(\"Known issues\", s => s.Paragraph(\"The health check lies during a deploy.\")).ReviewDate(2027, 1, 31)",
            StringComparison.Ordinal);

        var page = GeneratorHarness.ApiDownPage(runbook);

        Assert.Contains("\n## Known issues\n", page, StringComparison.Ordinal);
        Assert.Contains("- [Escalation](#escalation)\n- [Known issues](#known-issues)\n- [References](#references)\n", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_section_named_like_another_heading_of_the_page_is_linked_at_the_anchor_GitHub_numbers_it_with()
    {
        // GitHub gives the second heading "Notes" the anchor "notes-1", and a section "Escalation" below the runbook's
        // own escalation "escalation-1": linked as "#notes" and "#escalation", both entries led to the first heading.
        var runbook = TestRunbooks.Runbook.Replace(
            ".ReviewDate(2027, 1, 31)",
            ".Section(\"Notes\", s => s.Paragraph(\"a\")).Section(\"Escalation\", s => s.Paragraph(\"b\"))" +
            ".Section(\"Notes\", s => s.Paragraph(\"c\")).Section(\"FAQ: what's the 5xx rate (v2.1)?\", s => s.Paragraph(\"d\")).ReviewDate(2027, 1, 31)",
            StringComparison.Ordinal);

        var page = GeneratorHarness.ApiDownPage(runbook);

        Assert.Contains(
            "- [Escalation](#escalation)\n- [Notes](#notes)\n- [Escalation](#escalation-1)\n- [Notes](#notes-1)\n" +
            "- [FAQ: what's the 5xx rate (v2.1)?](#faq-whats-the-5xx-rate-v21)\n- [References](#references)\n",
            page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_url_with_a_space_or_a_parenthesis_stays_one_link()
    {
        // "[x](https://h/a b)" is no link in markdown: the engineer saw the brackets and half the URL as text.
        var runbook = TestRunbooks.Runbook.Replace(
            ".Reference(\"Dashboard\", \"https://grafana.example.com/d/payments\")",
            ".Reference(\"Dashboard\", \"https://grafana.example.com/d/payments\")" +
            ".Reference(\"Wiki\", \"https://wiki.example.com/Payments API (old)\")" +
            ".Reference(\"Notes\", \"./notes/a)b<c>.md\")",
            StringComparison.Ordinal);

        var page = GeneratorHarness.ApiDownPage(runbook);

        Assert.Contains(
            "\n- [Dashboard](https://grafana.example.com/d/payments)\n" +
            "- [Wiki](<https://wiki.example.com/Payments API (old)>)\n" +
            "- [Notes](<./notes/a)b\\<c\\>.md>)\n",
            page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_with_a_blank_title_or_a_bracket_in_it_stays_a_link_one_can_see()
    {
        // "- [](https://…)" is a link of no text: nothing to see or click. "[Runbook [old]" ended the text early.
        var runbook = TestRunbooks.Runbook.Replace(
            ".Reference(\"Dashboard\", \"https://grafana.example.com/d/payments\")",
            ".Reference(\" \", \"https://grafana.example.com/d/payments\")" +
            ".Reference(\"Runbook [old\", \"https://wiki.example.com/old\")",
            StringComparison.Ordinal);

        var page = GeneratorHarness.ApiDownPage(runbook);

        Assert.Contains(
            "\n- [https://grafana.example.com/d/payments](https://grafana.example.com/d/payments)\n" +
            "- [Runbook \\[old](https://wiki.example.com/old)\n",
            page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_symptom_instruction_or_bullet_starting_with_a_list_marker_keeps_its_marker()
    {
        // "- * wildcard certs expired" is a bullet holding a nested list: the page showed an empty bullet and, under it,
        // "wildcard certs expired" without its "*". On a later line of an item a list is the author's own nested list,
        // but a "---" made the line above it a heading.
        var runbook = TestRunbooks.Runbook
            .Replace("\"Checkout returns 503\"", "\"* wildcard certs expired\", \"1. step of the deploy failed\", \"> 5 errors per minute\", \"**Checkout** returns 503\"", StringComparison.Ordinal)
            .Replace(".Run($\"kubectl get pods -n {Namespace}\", \"List pods\")",
                ".Instruction(\"- Check the pods:\\n- none pending\\n+ none crashing\\nthen go on\\n---\\n```\\n---\\n```\").Run($\"kubectl get pods -n {Namespace}\", \"List pods\")", StringComparison.Ordinal)
            .Replace(".ReviewDate(2027, 1, 31)", ".Section(\"Known issues\", s => s.Bullets(\"- flaky health check\", \"--force is ignored\")).ReviewDate(2027, 1, 31)", StringComparison.Ordinal);
        Assert.Contains("* wildcard", runbook, StringComparison.Ordinal);

        var page = GeneratorHarness.ApiDownPage(runbook);

        Assert.Contains("\n- \\* wildcard certs expired\n- 1\\. step of the deploy failed\n- \\> 5 errors per minute\n- **Checkout** returns 503\n", page, StringComparison.Ordinal);
        Assert.Contains("\n- [ ] \\- Check the pods:\n  - none pending\n  + none crashing\n  then go on\n  \\---\n  ```\n  ---\n  ```\n", page, StringComparison.Ordinal);
        Assert.Contains("\n- \\- flaky health check\n- --force is ignored\n", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blank_symptom_or_list_item_is_left_out_instead_of_an_empty_bullet()
    {
        var runbook = TestRunbooks.Runbook
            .Replace("\"Checkout returns 503\", \"Alert `payments-api-5xx` firing\"", "\"\", \"Checkout returns 503\", \"  \"", StringComparison.Ordinal)
            .Replace(".ReviewDate(2027, 1, 31)", ".Section(\"Known issues\", s => s.Bullets(\"\", \"flaky health check\").Numbered(\" \", \"first\", \"second\")).ReviewDate(2027, 1, 31)", StringComparison.Ordinal);

        var page = GeneratorHarness.ApiDownPage(runbook);

        Assert.Contains("\n## Symptoms\n- Checkout returns 503\n\n", page, StringComparison.Ordinal);
        Assert.Contains("\n## Known issues\n\n- flaky health check\n\n1. first\n2. second\n", page, StringComparison.Ordinal);
        Assert.DoesNotContain(page.Split('\n'), line => line.TrimEnd() is "-" or "- [ ]" || Regex.IsMatch(line, @"^\d+\.\s*$"));
    }

    [Fact]
    public void A_runbook_whose_symptoms_are_all_blank_has_no_symptoms_heading()
    {
        var runbook = TestRunbooks.Runbook.Replace("\"Checkout returns 503\", \"Alert `payments-api-5xx` firing\"", "\"\"", StringComparison.Ordinal);

        var page = GeneratorHarness.ApiDownPage(runbook);

        Assert.DoesNotContain("Symptoms", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_later_line_of_a_numbered_item_is_indented_under_the_item_text()
    {
        // Indented by two under "1. ", the metrics were no part of the item: they ended the numbered list, and the
        // next item started a list of its own (the Omnix handbook's "Key Metrics to Monitor").
        var runbook = TestRunbooks.Runbook.Replace(
            ".ReviewDate(2027, 1, 31)",
            ".Section(\"Key metrics\", s => s.Numbered(\"**API Gateway**\\n- 5XXError, Latency\", \"**Lambda**\\n- Errors\")).ReviewDate(2027, 1, 31)",
            StringComparison.Ordinal);

        var page = GeneratorHarness.ApiDownPage(runbook);

        Assert.Contains("\n1. **API Gateway**\n   - 5XXError, Latency\n2. **Lambda**\n   - Errors\n", page, StringComparison.Ordinal);
    }
}
