using RunbookSdk.Generators.Tests.Support;

namespace RunbookSdk.Generators.Tests.Docs;

/// <summary>
/// Bidirectional controls and invisible characters never reach the page raw ("Trojan Source"): the page is what the
/// on-call engineer trusts, so it shows each one as <c>⟨U+202E⟩</c>, in prose and in code blocks.
/// </summary>
public sealed class HiddenCharacterPageTests
{
    // Written as C# escapes in the runbook source, so this file holds no hidden character itself.
    private static readonly string[] Hidden = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C", "\u200B", "\u200C", "\u2060", "\uFEFF", "\u00AD"];

    private static void AssertNoHiddenCharacter(string page)
    {
        foreach (var c in Hidden) Assert.DoesNotContain(c, page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_title_with_a_right_to_left_override_is_shown_visibly_and_not_reordered()
    {
        var runbook = TestRunbooks.Runbook.Replace(".Title(\"Payments API down\")", ".Title(\"Payments API \\u202Enwod\")", StringComparison.Ordinal);

        var page = GeneratorHarness.ApiDownPage(runbook);

        AssertNoHiddenCharacter(page);
        Assert.Contains("\n# Payments API \u27E8U+202E\u27E9nwod\n", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Instructions_notes_step_and_phase_names_show_their_hidden_characters_and_the_contents_link_still_resolves()
    {
        var runbook = TestRunbooks.Runbook
            .Replace(".Phase(\"Diagnose\"", ".Phase(\"Diag\\u2066nose\"", StringComparison.Ordinal)
            .Replace(".Step(\"Check pods\", s => s", ".Step(\"Check\\u200B pods\", s => s.Instruction(\"Open the \\u202Edraobhsad\").Note(\"zero\\uFEFFwidth\")", StringComparison.Ordinal);
        Assert.Contains("\\u2066", runbook, StringComparison.Ordinal);

        var page = GeneratorHarness.ApiDownPage(runbook);

        AssertNoHiddenCharacter(page);
        Assert.Contains("## Phase 1: Diag\u27E8U+2066\u27E9nose (0-5 minutes)\n", page, StringComparison.Ordinal);
        Assert.Contains("### 1.1 Check\u27E8U+200B\u27E9 pods\n", page, StringComparison.Ordinal);
        Assert.Contains("- [ ] Open the \u27E8U+202E\u27E9draobhsad\n", page, StringComparison.Ordinal);
        Assert.Contains("zero\u27E8U+FEFF\u27E9width", page, StringComparison.Ordinal);
        // GitHub computes the anchor from the heading it shows: letters and digits of the marker stay in it.
        Assert.Contains("](#phase-1-diagu2066nose-0-5-minutes)", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_command_with_a_hidden_character_shows_it_in_the_block_and_says_the_block_does_not_paste_as_it_runs()
    {
        var runbook = TestRunbooks.Runbook.Replace("$\"kubectl get pods -n {Namespace}\"", "$\"kubectl get\\u200B pods\\u00A0-n {Namespace}\"", StringComparison.Ordinal);

        var page = GeneratorHarness.ApiDownPage(runbook);

        AssertNoHiddenCharacter(page);
        // In code the no-break space is shown too: the shell does not split words at it.
        Assert.Contains("\nkubectl get\u27E8U+200B\u27E9 pods\u27E8U+00A0\u27E9-n {Namespace}\n", page, StringComparison.Ordinal);
        Assert.Contains("holds hidden characters", page, StringComparison.Ordinal);
        // Every other command pastes exactly as written.
        Assert.Contains("```bash\nkubectl rollout restart deployment/api -n {Namespace}\n```", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clean_page_has_no_marker_and_a_no_break_space_in_prose_stays_as_written()
    {
        var runbook = TestRunbooks.Runbook.Replace(".Symptoms(\"Checkout returns 503\"", ".Symptoms(\"Checkout returns 503\\u00A0%\"", StringComparison.Ordinal);

        var page = GeneratorHarness.ApiDownPage(runbook);

        Assert.Contains("- Checkout returns 503\u00A0%\n", page, StringComparison.Ordinal);
        Assert.DoesNotContain("\u27E8U+", page, StringComparison.Ordinal);
        Assert.DoesNotContain("holds hidden characters", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_template_that_prints_a_title_raw_still_gets_a_page_without_the_raw_character()
    {
        var runbook = TestRunbooks.Runbook.Replace(".Title(\"Payments API down\")", ".Title(\"Payments API \\u202Enwod\")", StringComparison.Ordinal);
        var template = new InMemoryAdditionalText("/project/runbook-templates/runbook.md.sbntxt", "{{ marker }}\nSummary: {{ summary }} / {{ symptoms[0] }}\n");
        var compilation = GeneratorHarness.Compile(TestRunbooks.Handbook, runbook.Replace(".Severity(Severity.P1)", ".Severity(Severity.P1).Summary(\"read \\u2067this\\u2069\")", StringComparison.Ordinal));

        var run = GeneratorHarness.CreateDriver(additionalTexts: [template]).RunGenerators(compilation).GetRunResult();
        var page = GeneratorHarness.EmbeddedMarkdown(GeneratorHarness.GeneratedSource(run, "Payments_ApiDown.Runbook.g.cs"));

        AssertNoHiddenCharacter(page);
        Assert.Contains("Summary: read \u27E8U+2067\u27E9this\u27E8U+2069\u27E9 /", page, StringComparison.Ordinal);
    }
}
