namespace RunbookSdk.Import.Tests;

/// <summary>
/// A wiki page whose actions are sentences giving their commands inline, each a paragraph of its own (<c>Restart the pods
/// with `kubectl rollout restart deploy/api`.</c>): the step reader makes such a paragraph a step running its command, as
/// it does such a bullet, but the page's parts were counted as having something to do only for code, numbered lists and
/// such bullets, so the import found no runbook and kept the page as handbook text, with nothing to run.
/// </summary>
public sealed class SentenceInlineCommandPageTests
{
    private const string Page = """
        # API 5xx spike

        ## Mitigation

        Restart the pods with `kubectl rollout restart deploy/api`.

        Then scale up with `kubectl scale deploy/api --replicas=6`.

        ## Rollback

        To roll back, run `kubectl rollout undo deploy/api`.

        ## Verification

        Check the error rate with `curl -fsS https://api.example.com/health`.
        """;

    [Fact]
    public void A_page_whose_phases_are_sentences_giving_commands_inline_is_one_runbook_of_those_steps()
    {
        BulletedInlineCommandPageTests.AssertTheApiRunbook(HostileInputTests.Generate(Page));
    }

    [Fact]
    public void Sentences_that_name_things_or_forbid_a_command_stay_sections_of_the_page()
    {
        // "Background" names things in code spans and "Policy" forbids a command: neither orders one, so neither is a phase.
        var page = Page + """


            ## Background

            The deployment is `deploy/api` in namespace `api`.

            ## Policy

            Never run `kubectl delete namespace api`.
            """;

        var runbook = Assert.Single(HostileInputTests.Generate(page).Document.Runbooks);

        Assert.Equal(["Mitigation"], runbook.Phases.Select(p => p.Name));
        Assert.Equal(["Background", "Policy"], runbook.Sections.Select(s => s.Heading));
    }

    [Fact]
    public void A_handbook_whose_policy_sentences_give_commands_inline_is_still_a_handbook_alone()
    {
        // No symptoms and no phase headings: a document of shared parts, whatever its sentences say, has no runbook.
        const string markdown = """
            # Platform on-call handbook

            ## Deploy policy

            Always deploy with `make deploy ENV=prod`.

            ## Contacts

            - **Platform on-call**: #platform-oncall
            """;

        var project = HostileInputTests.Generate(markdown);

        Assert.Empty(project.Document.Runbooks);
        Assert.Contains(project.Document.Handbook.Sections, s => s.Heading == "Deploy policy");
        Assert.Contains(project.Warnings, w => w.Contains("no runbook was found", StringComparison.Ordinal));
    }
}
