using Microsoft.CodeAnalysis;
using RunbookSdk.Import.Model;

namespace RunbookSdk.Import.Tests;

/// <summary>Markdown runbooks in styles the seeds do not use: tables first, YAML-heavy, prose-heavy, kubectl-heavy.</summary>
public sealed class OtherStyleTests
{
    private static RunbookImporter.GeneratedProject Generate(string name, bool allowIncomplete = true) =>
        SeedImportTests.Generate(Path.Combine(Seeds.InputsDirectory, name), allowIncomplete);

    [Theory]
    [MemberData(nameof(Seeds.InputNames), MemberType = typeof(Seeds))]
    public void Input_imports_to_code_that_compiles_without_errors(string name)
    {
        var project = Generate(name);

        var errors = InMemoryCompiler.Compile(project.Files).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

        Assert.True(errors.Count == 0, InMemoryCompiler.Describe(errors) + "\n\n" + string.Join("\n\n", project.Files.Values));
    }

    [Fact]
    public void Tables_first_reads_escalation_and_slos_from_tables_and_severities_from_a_list()
    {
        var handbook = Generate("tables-first.md").Document.Handbook;

        Assert.Equal(
            [("On-call SRE", TimeSpan.Zero), ("Checkout tech lead", TimeSpan.FromMinutes(10)), ("VP Engineering", TimeSpan.FromMinutes(30))],
            handbook.Escalation.Select(l => (l.Who, l.After)));
        Assert.Equal("pagerduty:checkout", handbook.Escalation[0].Contact);
        Assert.Contains(("Availability", "99.95%", (string?)"Window: 30 days"), handbook.Slos);
        Assert.Equal(["Sev1", "Sev2", "Sev3"], handbook.Severities.Select(s => s.Key));
    }

    [Fact]
    public void Yaml_escalation_with_times_becomes_levels_and_phases_map_to_rollback_and_verification()
    {
        var project = Generate("yaml-heavy.md");

        Assert.Equal(["Pipeline on-call", "Data platform lead", "Head of Data"], project.Document.Handbook.Escalation.Select(l => l.Who));
        var runbook = Assert.Single(project.Document.Runbooks);
        Assert.NotNull(runbook.Rollback);
        Assert.NotNull(runbook.Verification);
        Assert.Contains(runbook.Phases.SelectMany(p => p.Steps).SelectMany(s => s.Actions), a => a is SnippetAction { Language: "yaml" });
    }

    [Fact]
    public void Prose_is_kept_as_notes_and_sections()
    {
        var project = Generate("prose-heavy.md");
        var code = string.Join("\n", project.Files.Values);

        Assert.Contains("Neither", code);
        Assert.Contains("Restarting data nodes during a recovery makes everything worse", code);
        Assert.Contains("a slice of an index", code);
        Assert.Contains("If the explanation mentions disk watermarks", code);
        Assert.Equal([("Search team", "search@example.com"), ("Platform on-call", "#platform-oncall")], project.Document.Handbook.Contacts);
    }

    [Fact]
    public void Kubectl_commands_keep_heredocs_loops_and_braces_whole()
    {
        var project = Generate("kubectl-heavy.md");
        var runs = project.Document.Runbooks.SelectMany(r => r.AllPhases).SelectMany(p => p.Steps).SelectMany(s => s.Actions).OfType<RunAction>().ToList();

        Assert.Contains(runs, r => r.Command.StartsWith("cat <<EOF", StringComparison.Ordinal) && r.Command.EndsWith("EOF", StringComparison.Ordinal) && r.Command.Contains("minAvailable: 2"));
        Assert.Contains(runs, r => r.Command.StartsWith("for pod in", StringComparison.Ordinal) && r.Command.EndsWith("done", StringComparison.Ordinal));
        Assert.Contains(runs, r => r.Comment == "Restart the API pods");
        // The patch has braces: its literal is a raw string, so the JSON stays exactly as written.
        var code = string.Join("\n", project.Files.Values);
        Assert.Contains("""{"spec":{"template":{"spec":{"containers":[{"name":"api","resources":{"limits":{"memory":"2Gi"}}}]}}}}""", code);
    }
}
