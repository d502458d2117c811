using Microsoft.CodeAnalysis;
using RunbookSdk.Import.Model;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// A wiki page whose actions are bullets giving their commands inline (<c>- Restart the pods with `kubectl rollout
/// restart deploy/api`</c>): such an item is a step running its command, as a numbered one is, but the page's parts were
/// counted as having something to do only for fenced code and numbered lists, so the import found no runbook and kept
/// the page as handbook text, with nothing for the runner to run.
/// </summary>
public sealed class BulletedInlineCommandPageTests
{
    private const string Page = """
        # API 5xx spike

        ## Mitigation

        - Restart the pods with `kubectl rollout restart deploy/api`
        - Scale up with `kubectl scale deploy/api --replicas=6`

        ## Rollback

        - Roll back with `kubectl rollout undo deploy/api`

        ## Verification

        - Check the error rate with `curl -fsS https://api.example.com/health`
        """;

    [Fact]
    public void A_page_whose_phases_are_bulleted_inline_commands_is_one_runbook_of_those_steps()
    {
        var mitigation = AssertTheApiRunbook(HostileInputTests.Generate(Page));

        Assert.Equal(["Restart the pods", "Scale up"], mitigation.Steps.Select(s => s.Title));
    }

    [Fact]
    public void The_pages_handbook_parts_and_words_without_commands_stay_sections()
    {
        // Contacts and severities are the handbook's; "Background" names things in code spans but orders nothing to run,
        // and "Policy" forbids a command: none of them is a phase of the runbook.
        var page = Page + """


            ## Background

            - Dashboard: `https://grafana.example.com/d/api`
            - The deployment is `deploy/api` in namespace `api`

            ## Policy

            - Never run `kubectl delete namespace api`

            ## Contacts

            - **API on-call**: #api-oncall

            ## Severity levels

            - **P1 (Critical)**: checkout unavailable
            """;

        var document = HostileInputTests.Generate(page).Document;

        var runbook = Assert.Single(document.Runbooks);
        Assert.Equal(["Mitigation"], runbook.Phases.Select(p => p.Name));
        Assert.Equal(["Background", "Policy"], runbook.Sections.Select(s => s.Heading));
        Assert.Equal(["API on-call"], document.Handbook.Contacts.Select(c => c.Role));
        Assert.Single(document.Handbook.Severities);
    }

    [Fact]
    public void A_procedure_of_bulleted_inline_commands_in_a_runbooks_container_is_a_runbook()
    {
        const string markdown = """
            # Payments operations

            ## Contacts

            - **Payments on-call**: #payments-oncall

            ## Runbooks

            ### Restart the API

            - Restart the pods with `kubectl rollout restart deploy/api`
            - Watch the rollout using `kubectl rollout status deploy/api --timeout=120s`
            """;

        var document = HostileInputTests.Generate(markdown).Document;

        var runbook = Assert.Single(document.Runbooks);
        Assert.Equal("Restart the API", runbook.Title);
        Assert.Equal(["kubectl rollout restart deploy/api", "kubectl rollout status deploy/api --timeout=120s"], runbook.Phases.SelectMany(Commands));
    }

    [Fact]
    public void A_handbook_whose_policy_bullets_give_commands_inline_is_still_a_handbook_alone()
    {
        // No symptoms and no phase headings: a document of shared parts, whatever its bullets say, has no runbook.
        const string markdown = """
            # Platform on-call handbook

            ## Deploy policy

            - Always deploy with `make deploy ENV=prod`
            - Roll forward rather than back where you can

            ## Contacts

            - **Platform on-call**: #platform-oncall
            """;

        var project = HostileInputTests.Generate(markdown);

        Assert.Empty(project.Document.Runbooks);
        Assert.Contains(project.Document.Handbook.Sections, s => s.Heading == "Deploy policy");
        Assert.Contains(project.Warnings, w => w.Contains("no runbook was found", StringComparison.Ordinal));
    }

    [Fact]
    public void A_list_whose_items_stay_instructions_makes_no_phase_though_one_item_gives_a_command_inline()
    {
        // One bullet gives its command inline, the other opens with a code block: the step reader keeps such a list as
        // instructions (a bullet without words has no title for a step). Counted as something to do all the same, the
        // part was a phase of the runbook whose only "steps" were instructions, and the page had nothing of it to run.
        var page = Page + """


            ## Notes

            - Restart the pods with `kubectl rollout restart deploy/api`
            - ```
              kubectl get pods -n api
              ```
            """;

        var runbook = Assert.Single(HostileInputTests.Generate(page).Document.Runbooks);

        Assert.Equal(["Mitigation"], runbook.Phases.Select(p => p.Name));
        Assert.Equal(["Notes"], runbook.Sections.Select(s => s.Heading));
    }

    /// <summary>
    /// Asserts <paramref name="project"/> is the API 5xx spike page's one runbook, whose mitigation restarts and scales
    /// the pods, whose rollback undoes the rollout and whose verification checks health, with nothing left in the
    /// handbook, and that it compiles; gives the mitigation phase, whose steps' titles each page words its own way.
    /// </summary>
    internal static ImportedPhase AssertTheApiRunbook(RunbookImporter.GeneratedProject project)
    {
        var runbook = Assert.Single(project.Document.Runbooks);
        Assert.Equal("API 5xx spike", runbook.Title);
        var mitigation = Assert.Single(runbook.Phases);
        Assert.Equal("Mitigation", mitigation.Name);
        Assert.Equal(["kubectl rollout restart deploy/api", "kubectl scale deploy/api --replicas=6"], Commands(mitigation));
        Assert.Equal(["kubectl rollout undo deploy/api"], Commands(runbook.Rollback!));
        Assert.Equal(["curl -fsS https://api.example.com/health"], Commands(runbook.Verification!));
        Assert.DoesNotContain(project.Warnings, w => w.Contains("no runbook was found", StringComparison.Ordinal));
        Assert.Empty(project.Document.Handbook.Sections);
        var errors = InMemoryCompiler.Compile(project.Files).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, InMemoryCompiler.Describe(errors) + "\n\n" + string.Join("\n\n", project.Files.Values));
        return mitigation;
    }

    /// <summary>The commands the steps of <paramref name="phase"/> run, in order.</summary>
    internal static List<string> Commands(ImportedPhase phase) =>
        phase.Steps.SelectMany(s => s.Actions).OfType<RunAction>().Select(r => r.Command).ToList();
}
