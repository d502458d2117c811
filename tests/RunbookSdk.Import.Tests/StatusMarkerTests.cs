using RunbookSdk.Import.Source;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// A heading that carries its document's status — the MacroAi seed's "### Emergency Procedures ✅ IMPLEMENTED" — gave
/// the runbook id <c>emergency-procedures-implemented</c> and the title "Emergency Procedures IMPLEMENTED": the status
/// of the document, not the name of the procedure. The marker is dropped from ids and titles, and the import says so.
/// </summary>
public sealed class StatusMarkerTests
{
    private const string Markdown = """
        # Ops

        ## Emergency Procedures ✅ IMPLEMENTED

        ### Immediate Response (0-5 minutes)

        ```bash
        kubectl get pods -n ops
        ```

        ### Mitigation (5-15 minutes) — WIP

        ```bash
        kubectl rollout restart deployment/api -n ops
        ```

        ## Background ❌

        The platform runs in one region.

        ## Deploy Guide **(DRAFT)**

        Deploys go out on Tuesdays.
        """;

    private static RunbookImporter.GeneratedProject Import(string markdown) =>
        RunbookImporter.Generate(MarkdownSource.FromText("ops.md", markdown), "Ops", allowIncomplete: true,
            Path.Combine(Seeds.RepositoryRoot, "artifacts", "status-markers"), Seeds.RepositoryRoot);

    [Fact]
    public void A_status_marker_after_a_heading_is_dropped_from_the_runbook_id_and_every_title()
    {
        var project = Import(Markdown);
        var code = string.Join("\n", project.Files.Values);

        Assert.Equal(["emergency-procedures"], project.RunbookIds);
        var runbook = Assert.Single(project.Document.Runbooks);
        Assert.Equal("Emergency Procedures", runbook.Title);
        Assert.Equal(["Immediate Response", "Mitigation"], runbook.Phases.Select(p => p.Name));
        Assert.Contains("Section(\"Background\"", code, StringComparison.Ordinal);
        Assert.Contains("Section(\"Deploy Guide\"", code, StringComparison.Ordinal);
        foreach (var word in new[] { "IMPLEMENTED", "WIP", "DRAFT" }) Assert.DoesNotContain(word, code, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_dropped_status_marker_is_a_warning_with_its_line()
    {
        var project = Import(Markdown);
        var warnings = project.Warnings.Where(w => w.Contains("status", StringComparison.Ordinal)).ToList();

        Assert.Equal(4, warnings.Count);
        Assert.Contains(warnings, w => w.StartsWith("ops.md: line 3:", StringComparison.Ordinal) && w.Contains("'✅ IMPLEMENTED'", StringComparison.Ordinal)
            && w.Contains("'Emergency Procedures'", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("ops.md: line 11:", StringComparison.Ordinal) && w.Contains("'WIP'", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("ops.md: line 17:", StringComparison.Ordinal) && w.Contains("'❌'", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("ops.md: line 21:", StringComparison.Ordinal) && w.Contains("DRAFT", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("## TODO", "TODO")]                               // the whole heading: its name, not a marker
    [InlineData("## Mark the incident done", "Mark the incident done")] // not in capitals: words of the name
    [InlineData("## TODO list for on-call", "TODO list for on-call")]   // not at the end
    [InlineData("## 🚨 Service Overview", "Service Overview")]       // decoration, as before: no warning
    public void Words_that_only_look_like_a_status_stay_in_the_name(string heading, string title)
    {
        var project = Import($"# Ops\n\n{heading}\n\nSome text.\n");

        Assert.Contains($"\"{title}\"", string.Join("\n", project.Files.Values), StringComparison.Ordinal);
        Assert.DoesNotContain(project.Warnings, w => w.Contains("status", StringComparison.Ordinal));
    }
    private const string BoldSteps = """
        # Ops

        ## Playbook: API Down

        ### Immediate Response (0-5 minutes)

        **Restart API** ✅

        ```bash
        kubectl rollout restart deployment/api -n ops
        ```

        **Scale Workers (DONE)**

        ```bash
        kubectl scale deployment/workers --replicas=4 -n ops
        ```

        1. **Flush Cache**: ⚠️ WIP
           ```bash
           redis-cli FLUSHALL
           ```
        2. **Warm Cache**
           ```bash
           curl -s https://api.example.com/warm
           ```
        """;

    [Fact]
    public void A_status_marker_after_a_bold_step_title_is_dropped_from_the_step_title()
    {
        // "**Restart API** ✅" made a step "Restart API" with a note "✅", and "1. **Flush Cache**: ⚠️ WIP" the step
        // "Flush Cache: WIP": the document's state, not what the step does.
        var project = Import(BoldSteps);

        var steps = Assert.Single(project.Document.Runbooks).Phases.SelectMany(p => p.Steps).ToList();
        Assert.Equal(["Restart API", "Scale Workers", "Flush Cache", "Warm Cache"], steps.Select(s => s.Title));
        var code = string.Join("\n", project.Files.Values);
        foreach (var marker in new[] { "✅", "DONE", "WIP", "⚠" }) Assert.DoesNotContain(marker, code, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_status_dropped_from_a_bold_step_title_is_a_warning_with_its_line()
    {
        var project = Import(BoldSteps);
        var warnings = project.Warnings.Where(w => w.Contains("status", StringComparison.Ordinal)).ToList();

        Assert.Equal(3, warnings.Count);
        Assert.Contains(warnings, w => w.StartsWith("ops.md: line 7:", StringComparison.Ordinal) && w.Contains("'✅'", StringComparison.Ordinal)
            && w.Contains("imported as 'Restart API'", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("ops.md: line 13:", StringComparison.Ordinal) && w.Contains("DONE", StringComparison.Ordinal)
            && w.Contains("imported as 'Scale Workers'", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("ops.md: line 19:", StringComparison.Ordinal) && w.Contains("'⚠️ WIP'", StringComparison.Ordinal)
            && w.Contains("imported as 'Flush Cache'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("**TODO**", "TODO")]                                   // the whole title: its name
    [InlineData("**Mark the incident done**", "Mark the incident done")] // lower case: words of the name
    public void Bold_step_titles_that_only_look_like_a_status_keep_their_words(string paragraph, string title)
    {
        var project = Import($"# Ops\n\n## Playbook: API Down\n\n### Immediate Response (0-5 minutes)\n\n{paragraph}\n\n```bash\nkubectl get pods\n```\n");

        Assert.Contains(Assert.Single(project.Document.Runbooks).Phases.SelectMany(p => p.Steps), s => s.Title == title);
        Assert.DoesNotContain(project.Warnings, w => w.Contains("status", StringComparison.Ordinal));
    }

    [Fact]
    public void A_heading_padded_to_the_longest_line_is_read_at_once()
    {
        // The marker is looked for at the end of every heading: a long run of spaces must not make that search explode.
        var project = Import($"# Ops\n\n## Fix{new string(' ', 19_000)}x{new string(' ', 900)}DONE\n\nSome text.\n");

        Assert.Contains(project.Warnings, w => w.Contains("status 'DONE'", StringComparison.Ordinal));
    }
}
