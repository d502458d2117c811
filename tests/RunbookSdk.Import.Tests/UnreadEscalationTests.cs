using RunbookSdk.Import.Source;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// Seed 001 gives its escalation as a YAML matrix whose levels carry no time, only triggers per severity ("Unable to
/// resolve within 30 minutes (Sev 1)"). The import cannot take it as Escalation(...) and said only, for each runbook,
/// "has no escalation (RB0001)": the engineer did not know the matrix had been seen, where it was, or what it lacked.
/// The import now names the matrix, its line and levels, and why it was not taken; how escalation that differs per
/// severity is written is left to the team.
/// </summary>
public sealed class UnreadEscalationTests
{
    private static RunbookImporter.GeneratedProject Import(string markdown) =>
        RunbookImporter.Generate(MarkdownSource.FromText("ops.md", markdown), "Ops", allowIncomplete: true,
            Path.Combine(Seeds.RepositoryRoot, "artifacts", "unread-escalation"), Seeds.RepositoryRoot);

    private const string Runbook = """

        ## Playbook: API down

        ### Mitigation (0-15 minutes)

        ```bash
        kubectl -n api rollout restart deploy/api
        ```
        """;

    [Fact]
    public void Seed_001s_matrix_per_severity_is_named_with_its_line_its_levels_and_why_it_was_not_taken()
    {
        var project = SeedImportTests.Generate(Seeds.Path_("001_8bf044b7223fad8d.txt"), allowIncomplete: true);

        const string expected = "line 409: the escalation matrix under 'Escalation Matrix' (line 407), a YAML block of 3 levels "
            + "('Level 1 - On-Call Engineer', 'Level 2 - Platform Team Lead', 'Level 3 - CTO / Executive Team'), is not imported as the handbook's "
            + "Escalation(...): no level says after how long it is called, and an Escalation level is a who and one time; the times the matrix gives "
            + "depend on the severity ('Unable to resolve within 30 minutes (Sev 1)', 'Unable to resolve within 2 hours (Sev 2)'), and Escalation(...) "
            + "gives each level one time for every severity; it is kept as written in the handbook's section 'Escalation Procedures', and each runbook "
            + "reports RB0001 until the levels are written with their times";
        Assert.Contains(project.Warnings, w => w.EndsWith("001_8bf044b7223fad8d.txt: " + expected, StringComparison.Ordinal));
        // Kept as written, so nothing of it is lost while the team decides how to write it.
        Assert.Contains("Level 3 - CTO / Executive Team:", string.Concat(project.Files.Values), StringComparison.Ordinal);
        Assert.Empty(project.Document.Handbook.Escalation);
    }

    [Fact]
    public void A_list_of_levels_without_times_says_so_without_speaking_of_severities()
    {
        var project = Import("""
            # Ops

            ## Escalation

            - Level 1: On-call engineer
            - Level 2: Platform lead (after 30 minutes)
            """ + Runbook);

        Assert.Contains("ops.md: line 5: the escalation matrix under 'Escalation' (line 3), a list of 2 levels ('Level 1: On-call engineer', "
            + "'Level 2: Platform lead (after 30 minutes)'), is not imported as the handbook's Escalation(...): 'Level 1: On-call engineer' does not "
            + "say after how long it is called, and an Escalation level is a who and one time; it is kept as written in the handbook's section "
            + "'Escalation', and each runbook reports RB0001 until the levels are written with their times", project.Warnings);
    }

    [Fact]
    public void Levels_out_of_order_are_named_as_such()
    {
        var project = Import("""
            # Ops

            ## Escalation

            - Level 1: On-call engineer (after 30 minutes)
            - Level 2: Platform lead (after 15 minutes)
            """ + Runbook);

        Assert.Contains(project.Warnings, w => w.StartsWith("ops.md: line 5: the escalation matrix under 'Escalation' (line 3), a list of 2 levels", StringComparison.Ordinal)
            && w.Contains("their times are not in increasing order, or one who is named twice, so the levels cannot be ordered (RB0008)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_matrix_that_is_taken_or_words_that_are_no_levels_give_no_such_warning()
    {
        var taken = Import("""
            # Ops

            ## Escalation

            - Level 1: On-call engineer (0-15 minutes)
            - Level 2: Platform lead (15-30 minutes)
            """ + Runbook);
        var words = Import("""
            # Ops

            ## Escalation

            - Call the platform lead when in doubt
            - Write down who you called
            """ + Runbook);

        Assert.Equal(2, taken.Document.Handbook.Escalation.Count);
        Assert.DoesNotContain(taken.Warnings.Concat(words.Warnings), w => w.Contains("escalation matrix", StringComparison.Ordinal));
    }
}
