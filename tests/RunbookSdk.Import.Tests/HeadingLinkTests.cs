using Microsoft.CodeAnalysis;
using RunbookSdk.Import.Model;
using RunbookSdk.Import.Source;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// A link in a step or phase heading (<c>### Fail over ([runbook](https://wiki/x))</c>, <c>### Restart [api](https://…)</c>)
/// stayed in the title as markdown: the console showed brackets and URLs, and the word "runbook" of a link to another
/// page made the heading a runbook of its own, the rest of the document its handbook. The title keeps the link's words,
/// a note where it leads.
/// </summary>
public sealed class HeadingLinkTests
{
    private const string Markdown = """
        # Payments

        ## Playbook: API down

        ### Triage (0-5 minutes)

        ```bash
        kubectl get pods -n payments
        ```

        #### Fail over ([runbook](https://wiki.example.com/failover))

        ```bash
        ./failover.sh payments
        ```

        #### Restart [api](https://wiki.example.com/api "API service")

        ```bash
        kubectl rollout restart deploy/api -n payments
        ```

        ### Mitigate with the [feature flags](https://flags.example.com) (5-15 minutes)

        ```bash
        flagctl disable payments-v2
        ```

        ### Rollback

        ```bash
        helm rollback api
        ```

        ### Verify

        ```bash
        curl -f http://api/health
        ```
        """;

    private static RunbookImporter.GeneratedProject Import(string markdown = Markdown) =>
        RunbookImporter.Generate(MarkdownSource.FromText("payments.md", markdown), "Payments", allowIncomplete: true,
            Path.Combine(Seeds.RepositoryRoot, "artifacts", "heading-links"), Seeds.RepositoryRoot);

    [Fact]
    public void A_link_to_a_runbook_in_a_phase_heading_does_not_make_the_heading_a_runbook()
    {
        var project = Import(Markdown.Replace("#### Fail over", "### Fail over", StringComparison.Ordinal));

        var runbook = Assert.Single(project.Document.Runbooks);
        Assert.Equal("API down", runbook.ShortTitle ?? runbook.Title);
        Assert.Contains("Fail over (runbook)", runbook.Phases.Select(p => p.Name));
    }

    [Fact]
    public void Step_and_phase_titles_keep_the_words_of_a_link_and_a_note_keeps_where_it_leads()
    {
        var runbook = Assert.Single(Import().Document.Runbooks);

        var steps = runbook.Phases.SelectMany(p => p.Steps).ToList();
        Assert.Equal(["Triage", "Fail over (runbook)", "Restart api", "Mitigate with the feature flags"], steps.Select(s => s.Title));
        Assert.Equal(["Triage", "Mitigate with the feature flags"], runbook.Phases.Select(p => p.Name));
        Assert.Equal(new NoteAction("Linked in the heading: runbook (https://wiki.example.com/failover)"), steps[1].Actions[0]);
        Assert.Equal(new NoteAction("Linked in the heading: api (https://wiki.example.com/api)"), steps[2].Actions[0]);
        Assert.Equal(new NoteAction("Linked in the heading: feature flags (https://flags.example.com)"), steps[3].Actions[0]);
        Assert.IsType<RunAction>(steps[1].Actions[1]);
    }

    [Theory]
    // The first step runs only if the deploy is recent: skipped, or the other case chosen, the note was never seen.
    [InlineData("- If the last deploy is under an hour old: `helm rollback api`\n- Tell #incidents what you did", "Tell #incidents what you did")]
    [InlineData("- If the last deploy is under an hour old: `helm rollback api`\n- Otherwise, restart the pods: `kubectl rollout restart deploy/api`", "Mitigate (index): links")]
    public void A_phase_headings_link_is_noted_in_a_step_that_always_runs(string items, string noted)
    {
        var project = Import($"""
            # Payments

            ## Playbook: API down

            ### Mitigate ([index](https://wiki.example.com/runbooks))

            {items}

            ### Rollback

            ```bash
            helm rollback api
            ```

            ### Verify

            ```bash
            curl -f http://api/health
            ```
            """);

        var steps = Assert.Single(project.Document.Runbooks).Phases.Single(p => p.Name == "Mitigate (index)").Steps;
        var withNote = Assert.Single(steps, s => s.Actions.Contains(new NoteAction("Linked in the heading: index (https://wiki.example.com/runbooks)")));
        Assert.Equal(noted, withNote.Title);
        Assert.Null(withNote.Condition);
        Assert.Null(withNote.Choice);
        var errors = InMemoryCompiler.Compile(project.Files).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, InMemoryCompiler.Describe(errors));
    }

    [Fact]
    public void The_code_has_no_link_markup_in_a_title_and_compiles()
    {
        var project = Import();

        var code = string.Join("\n", project.Files.Values);
        Assert.Contains(".Step(\"Fail over (runbook)\", s => s", code, StringComparison.Ordinal);
        Assert.DoesNotContain("[runbook](", code, StringComparison.Ordinal);
        var errors = InMemoryCompiler.Compile(project.Files).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, InMemoryCompiler.Describe(errors));
    }

    [Fact]
    public void A_handbook_section_whose_heading_links_keeps_where_the_link_leads_as_its_first_paragraph()
    {
        var project = Import(Markdown + "\n\n## See the [wiki](https://wiki.example.com/payments)\n\nOwned by payments.\n");

        var section = Assert.Single(project.Document.Handbook.Sections, s => s.Heading.StartsWith("See", StringComparison.Ordinal));
        Assert.Equal("See the wiki", section.Heading);
        Assert.Equal([new ParagraphContent("Linked in the heading: wiki (https://wiki.example.com/payments)"), new ParagraphContent("Owned by payments.")], section.Blocks);
    }

    [Fact]
    public void A_link_to_the_contacts_page_in_a_pages_heading_does_not_make_it_the_contacts_section()
    {
        var project = Import("""
            # Checkout down

            ## Symptoms

            - Checkout returns 502

            ## Restart ([contacts](https://wiki.example.com/contacts))

            ```bash
            kubectl -n checkout rollout restart deploy/checkout
            ```

            ## Rollback

            ```bash
            helm rollback checkout
            ```

            ## Verify

            ```bash
            curl -f https://checkout.example.com/health
            ```
            """);

        var runbook = Assert.Single(project.Document.Runbooks);
        var restart = Assert.Single(runbook.Phases, p => p.Name == "Restart (contacts)");
        Assert.Contains(restart.Steps.SelectMany(s => s.Actions), a => a is RunAction { Command: "kubectl -n checkout rollout restart deploy/checkout" });
        Assert.DoesNotContain(project.Document.Handbook.Sections, s => s.Heading.StartsWith("Restart", StringComparison.Ordinal));
    }

    [Fact]
    public void A_link_to_the_contacts_page_in_a_subsections_heading_does_not_make_its_list_contacts()
    {
        var project = Import(Markdown + """


            ## Post-incident

            ### Timeline ([contacts](https://wiki.example.com/contacts))

            - **Owner**: writes the timeline within 24 hours
            - [ ] Share the timeline in #payments
            """);

        Assert.Empty(project.Document.Handbook.Contacts);
        var stage = Assert.Single(project.Document.Handbook.PostIncident, s => s.Stage.StartsWith("Timeline", StringComparison.Ordinal));
        Assert.Contains(stage.Items, i => i.Contains("writes the timeline within 24 hours", StringComparison.Ordinal));
    }

    [Fact]
    public void A_link_to_a_template_in_a_sections_heading_does_not_make_its_block_a_template()
    {
        var project = Import(Markdown + """


            ## Restart order ([status update template](https://wiki.example.com/templates))

            ```
            api, then workers, then the scheduler
            ```
            """);

        Assert.Empty(project.Document.Handbook.Communications);
        var section = Assert.Single(project.Document.Handbook.Sections, s => s.Heading.StartsWith("Restart order", StringComparison.Ordinal));
        Assert.Contains(section.Blocks, b => b is SnippetContent { Code: "api, then workers, then the scheduler" });
    }
}

