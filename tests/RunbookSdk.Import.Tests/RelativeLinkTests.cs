using RunbookSdk.Import.Source;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// A document's relative links (the Omnix seed's "Related Documentation": <c>[Release Process](./release-process.md)</c>,
/// <c>[System Architecture](../architecture/system-architecture.md)</c>) lead from the document's folder. They were
/// copied as written into pages that live in the project's <c>docs/</c> folder, where every one of them led nowhere.
/// </summary>
public sealed class RelativeLinkTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("runbook-import-links-");

    [Fact]
    public void Relative_links_lead_from_the_docs_folder_to_what_the_document_named()
    {
        var team = Directory.CreateDirectory(Path.Combine(_work.FullName, "team", "runbooks")).FullName;
        File.WriteAllText(Path.Combine(_work.FullName, "team", "architecture.md"), "# Architecture\n");
        File.WriteAllText(Path.Combine(team, "db-failover.md"), "# DB failover\n");
        var file = Path.Combine(team, "api.md");
        File.WriteAllText(file, """
            # API Runbook

            See the [architecture](../architecture.md#api), the [status page](https://status.acme.io) and [below](#escalation).

            ## Runbook: API down

            ### 1. Check (0-5 minutes)

            1. **Check pods**
               ```bash
               kubectl get pods -n api
               ```
               If the database is down, follow the [DB failover runbook][failover].

            [failover]: ./db-failover.md
            """);
        var output = Path.Combine(_work.FullName, "projects", "Api");

        var project = RunbookImporter.Generate(MarkdownSource.Load(file), "Api", allowIncomplete: true, output, Seeds.RepositoryRoot);
        var code = string.Join("\n", project.Files.Values);

        var docs = Path.Combine(output, "docs");
        Assert.Contains("[architecture](../../../team/architecture.md#api)", code);
        Assert.True(File.Exists(Path.Combine(docs, "../../../team/architecture.md")));
        Assert.Contains("[failover]: ../../../team/runbooks/db-failover.md", code);
        Assert.True(File.Exists(Path.Combine(docs, "../../../team/runbooks/db-failover.md")));
        Assert.Contains("[status page](https://status.acme.io)", code);
        Assert.Contains("[below](#escalation)", code);
        Assert.Contains(project.Warnings, w => w.EndsWith("api.md: 2 relative link(s) rewritten to lead from the project's docs/ folder, where the pages are written, to what they named: they break if the project or the document moves", StringComparison.Ordinal));
    }

    /// <summary>
    /// A GitHub or GitLab wiki links its pages without their extension (<c>[Database Failover](Database-Failover)</c>,
    /// served from <c>Database-Failover.md</c>): rewritten as written, the link led to a file that does not exist.
    /// </summary>
    [Fact]
    public void A_wiki_link_without_the_extension_leads_to_the_page_beside_the_document()
    {
        var wiki = Directory.CreateDirectory(Path.Combine(_work.FullName, "wiki")).FullName;
        File.WriteAllText(Path.Combine(wiki, "Database-Failover.md"), "# Database failover\n");
        var file = Path.Combine(wiki, "Api-Down.md");
        File.WriteAllText(file, HostileInputTests.Runbook("kubectl get pods -n api").Replace(
            "# Hostile\n", "# Hostile\n\nSee [Database Failover](Database-Failover#promote) and [Escalation](Escalation-Policy).\n", StringComparison.Ordinal));
        var output = Path.Combine(_work.FullName, "projects", "Api");

        var code = string.Join("\n", RunbookImporter.Generate(MarkdownSource.Load(file), "Api", allowIncomplete: true, output, Seeds.RepositoryRoot).Files.Values);

        Assert.Contains("[Database Failover](../../../wiki/Database-Failover.md#promote)", code);
        Assert.True(File.Exists(Path.Combine(output, "docs", "../../../wiki/Database-Failover.md")));
        // No page of that name beside the document: the link is rebased as written.
        Assert.Contains("[Escalation](../../../wiki/Escalation-Policy)", code);
    }

    public void Dispose() => _work.Delete(recursive: true);
}
