using Microsoft.CodeAnalysis;
using RunbookSdk.Import.Model;
using RunbookSdk.Import.Source;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// A step's sub-items that branch ("- If a single key is over 500 MB:" with the command that deletes it, "- Otherwise,
/// check the eviction policy:") were imported as a note and the commands of the step, so the runner ran both branches,
/// one after the other: it unlinked a key whether or not one was over the limit. A sub-item with commands that starts
/// with "If …" is now a step of its own that runs only if that holds, and an "Otherwise" sub-item after it makes the
/// two one decision, so exactly one of them runs, or none.
/// </summary>
public sealed class ConditionalSubItemTests
{
    private const string Markdown = """
        # Cache

        ## Playbook: Redis memory pressure

        ### Immediate Response (0-5 minutes)

        1. **Find big keys**
           ```bash
           redis-cli -h cache.prod --bigkeys
           ```
           - If a single key is over 500 MB:
             ```bash
             redis-cli -h cache.prod UNLINK sessions:blob
             ```
           - Otherwise, check the eviction policy:
             ```bash
             redis-cli -h cache.prod CONFIG GET maxmemory-policy
             ```
        2. **Check replication**
           ```bash
           redis-cli -h cache.prod info replication
           ```
           - If a replica lags behind:
             ```bash
             redis-cli -h cache-replica.prod info replication
             ```
           - Tell #cache what you found
        """;

    [Fact]
    public void If_and_otherwise_sub_items_are_one_decision_of_their_step()
    {
        var steps = Steps();

        var find = steps.Single(s => s.Title == "Find big keys");
        Assert.Equal(["redis-cli -h cache.prod --bigkeys"], Commands(find));
        var branches = steps.Where(s => s.Choice is not null).ToList();
        Assert.Equal(2, branches.Count);
        Assert.Same(branches[0].Choice, branches[1].Choice);
        Assert.Equal("Find big keys", branches[0].Choice!.Title);
        Assert.Equal(["redis-cli -h cache.prod UNLINK sessions:blob"], Commands(branches[0]));
        Assert.Equal(["redis-cli -h cache.prod CONFIG GET maxmemory-policy"], Commands(branches[1]));
        Assert.True(steps.IndexOf(find) < steps.IndexOf(branches[0]));
    }

    [Fact]
    public void An_if_sub_item_alone_runs_only_if_it_holds_and_what_follows_it_does_not_depend_on_it()
    {
        var steps = Steps();

        var check = steps.Single(s => s.Title == "Check replication");
        Assert.Null(check.Condition);
        Assert.Equal(["redis-cli -h cache.prod info replication"], Commands(check));
        var lagging = steps[steps.IndexOf(check) + 1];
        Assert.Equal("a replica lags behind", lagging.Condition);
        Assert.Equal(["redis-cli -h cache-replica.prod info replication"], Commands(lagging));
        var after = steps[steps.IndexOf(check) + 2];
        Assert.Null(after.Condition);
        Assert.Equal(["Tell #cache what you found"], after.Actions.OfType<InstructionAction>().Select(i => i.Text));
    }

    [Fact]
    public void The_import_names_each_branch_with_its_line_and_the_branches_compile()
    {
        var project = Import();

        Assert.Contains("cache.md: line 15: the sub-item 'Otherwise, check the eviction policy' of step 'Find big keys' is the other case of 'If a single key is over 500 MB': imported as OneOf(\"Find big keys\"), so exactly one of them runs, or none, as the engineer chooses", project.Warnings);
        Assert.DoesNotContain(project.Warnings, w => w.StartsWith("cache.md: line 11:", StringComparison.Ordinal));
        Assert.Contains(project.Warnings, w => w.StartsWith("cache.md: line 23: the sub-item 'If a replica lags behind' of step 'Check replication'", StringComparison.Ordinal));

        Assert.DoesNotContain(InMemoryCompiler.Compile(project.Files), d => d.Severity == DiagnosticSeverity.Error);
    }

    private static List<string> Commands(ImportedStep step) => step.Actions.OfType<RunAction>().Select(r => r.Command).ToList();

    private static List<ImportedStep> Steps() => Assert.Single(Import().Document.Runbooks).Phases.Single().Steps;

    private static RunbookImporter.GeneratedProject Import() =>
        RunbookImporter.Generate(MarkdownSource.FromText("cache.md", Markdown), "Cache", allowIncomplete: true,
            Path.Combine(Seeds.RepositoryRoot, "artifacts", "conditional-sub-items"), Seeds.RepositoryRoot);
}
