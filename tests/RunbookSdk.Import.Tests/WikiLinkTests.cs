using Microsoft.CodeAnalysis;
using RunbookSdk.Import.Model;
using RunbookSdk.Import.Source;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// Wiki links (<c>[[Database Failover]]</c>, <c>[[Database Failover|failover runbook]]</c>), as GitHub wiki pages write
/// them, stayed literal text: the page and the runner showed the brackets, and the link led nowhere.
/// </summary>
public sealed class WikiLinkTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("runbook-import-wiki-links-");

    private (RunbookImporter.GeneratedProject Project, string Code) Import(string markdown)
    {
        var wiki = Directory.CreateDirectory(Path.Combine(_work.FullName, "wiki")).FullName;
        File.WriteAllText(Path.Combine(wiki, "Database-Failover.md"), "# Database failover\n");
        var file = Path.Combine(wiki, "Api-Down.md");
        File.WriteAllText(file, markdown);
        var project = RunbookImporter.Generate(MarkdownSource.Load(file), "Api", allowIncomplete: true, Path.Combine(_work.FullName, "projects", "Api"), Seeds.RepositoryRoot);
        return (project, string.Join("\n", project.Files.Values));
    }

    [Fact]
    public void A_wiki_link_to_a_page_beside_the_document_is_a_link_to_its_file_in_sections_and_notes()
    {
        var (project, code) = Import(HostileInputTests.Runbook("kubectl get pods -n api")
            .Replace("# Hostile\n", "# Hostile\n\nIf the database is down, see [[Database Failover]].\n", StringComparison.Ordinal)
            .Replace("### Rollback", "Then follow [[Database Failover#Promote the replica|the failover runbook]].\n\n### Rollback", StringComparison.Ordinal));

        Assert.Contains("see [Database Failover](../../../wiki/Database-Failover.md).", code);
        var step = project.Document.Runbooks.Single().Phases[0].Steps.Single();
        Assert.Contains(new NoteAction("Then follow [the failover runbook](../../../wiki/Database-Failover.md#promote-the-replica)."), step.Actions);
        Assert.DoesNotContain("[[", code);
        var errors = InMemoryCompiler.Compile(project.Files).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, InMemoryCompiler.Describe(errors));
    }

    /// <summary>An embed (<c>![[topology.png]]</c>) stayed as written: the page showed the brackets instead of the picture.</summary>
    [Fact]
    public void A_wiki_embed_of_a_file_beside_the_document_is_an_image_of_it_else_its_words()
    {
        File.WriteAllBytes(Path.Combine(Directory.CreateDirectory(Path.Combine(_work.FullName, "wiki")).FullName, "topology.png"), [0x89, 0x50]);

        var (project, code) = Import(HostileInputTests.Runbook("kubectl get pods -n api")
            .Replace("# Hostile\n", "# Hostile\n\n![[topology.png]]\n\n![[topology.png|How the cache sits]]\n\n![[missing.png]]\n", StringComparison.Ordinal));

        Assert.Contains("![topology](../../../wiki/topology.png)", code);
        Assert.Contains("![How the cache sits](../../../wiki/topology.png)", code);
        Assert.DoesNotContain("[[", code);
        Assert.Contains(project.Warnings, w => w.Contains("the wiki embed '![[missing.png]]' names no file beside the document: imported as its words, 'missing'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_wiki_link_written_words_first_as_github_wikis_do_leads_to_its_page()
    {
        var (_, code) = Import(HostileInputTests.Runbook("kubectl get pods -n api")
            .Replace("# Hostile\n", "# Hostile\n\nSee [[the failover runbook|Database Failover]].\n", StringComparison.Ordinal));

        Assert.Contains("See [the failover runbook](../../../wiki/Database-Failover.md).", code);
    }

    [Fact]
    public void A_wiki_link_to_no_page_beside_the_document_is_its_words_with_a_warning()
    {
        var (project, code) = Import(HostileInputTests.Runbook("kubectl get pods -n api")
            .Replace("# Hostile\n", "# Hostile\n\nSee [[Runbook Index]] and [[Escalation Policy|who to call]].\n", StringComparison.Ordinal));

        Assert.Contains("See Runbook Index and who to call.", code);
        Assert.Contains(project.Warnings, w => w.EndsWith("Api-Down.md: line 3: the wiki link '[[Runbook Index]]' names no page beside the document (Runbook-Index.md): imported as its words, 'Runbook Index'", StringComparison.Ordinal));
    }

    [Fact]
    public void Brackets_in_code_stay_as_written()
    {
        var (project, code) = Import(HostileInputTests.Runbook("if [[ -f /tmp/drain ]]; then kubectl drain node-1; fi")
            .Replace("# Hostile\n", "# Hostile\n\nTest with `[[ -f /tmp/drain ]]`; see [[Database Failover]].\n", StringComparison.Ordinal));

        Assert.Contains("`[[ -f /tmp/drain ]]`", code);
        Assert.Contains(project.Document.Runbooks.Single().Phases[0].Steps.SelectMany(s => s.Actions).OfType<RunAction>(),
            r => r.Command == "if [[ -f /tmp/drain ]]; then kubectl drain node-1; fi");
        Assert.Contains("[Database Failover](../../../wiki/Database-Failover.md)", code);
    }

    public void Dispose() => _work.Delete(recursive: true);
}
