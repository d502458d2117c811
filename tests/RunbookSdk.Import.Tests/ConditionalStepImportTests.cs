using RunbookSdk.Import.Model;
using RunbookSdk.Import.Source;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// Steps a document says apply only sometimes — "(if recent deployment)", "if needed" — and alternatives it offers to
/// pick from — MacroAi's "# Common mitigation strategies" block, "# Or manually via ECS", a "Common Mitigation
/// Strategies" heading over one subsection per fix — are imported as steps with <c>OnlyIf(...)</c>. Before, the
/// runner ran every one of them: restart, <c>redis-cli FLUSHALL</c>, rollback and scale in one go.
/// </summary>
public sealed class ConditionalStepImportTests
{
    private const string Markdown = """
        # Shop

        ## Playbook: Shop down

        ### 1. Immediate (0-5 minutes)

        1. **Check pods**
           ```bash
           kubectl get pods -n shop
           ```

        2. **Emergency Rollback** (if recent deployment)
           ```bash
           ./rollback-plan.sh
           ```

        #### Restart connection pool if needed

        ```bash
        kubectl rollout restart deployment/pgbouncer
        ```

        ### 2. Mitigation (< 30 minutes)

        ```bash
        # Common mitigation strategies

        # 1. Service restart
        kubectl rollout restart deployment/shop-api

        # 2. Database connection reset
        kubectl delete pod -l app=shop-api
        # Pods will be recreated with fresh connections

        # 3. Cache clear
        redis-cli FLUSHALL
        ```

        ### 3. Recovery

        ```bash
        # 1. Check database status
        pg_isready -h db

        # 2. Check active connections
        psql -h db -c 'SELECT count(*) FROM pg_stat_activity'
        ```

        ### 4. Full rollback

        ```bash
        # Rollback to previous version
        npm run deploy:rollback production

        # Or manually via ECS
        aws ecs update-service --cluster shop --service shop-api --task-definition shop-api:41
        ```

        ### 5. Fixes

        #### Common Mitigation Actions

        ##### High CPU

        ```bash
        kubectl scale deployment/shop-api --replicas=10
        ```

        ##### Feature Flag Rollback

        ```bash
        curl -fsS -X POST https://shop.example.com/admin/features -d '{"feature":"new-cart","enabled":false}'
        ```
        """;

    [Fact]
    public void A_title_with_an_if_clause_is_the_title_without_it_and_a_condition_in_the_documents_words()
    {
        var steps = Steps("Immediate");

        Assert.Equal(("Check pods", null), (steps[0].Title, steps[0].Condition));
        Assert.Equal(("Emergency Rollback", "recent deployment"), (steps[1].Title, steps[1].Condition));
        Assert.Equal(("Restart connection pool", "needed"), (steps[2].Title, steps[2].Condition));
        var source = Source().Replace("\r\n", "\n");
        var step = source.IndexOf(".Step(\"Emergency Rollback\", s => s\n", StringComparison.Ordinal);
        Assert.True(step > 0, source);
        Assert.StartsWith(".OnlyIf(\"recent deployment\")", source[(source.IndexOf('\n', step) + 1)..].TrimStart());
    }

    [Fact]
    public void A_block_of_numbered_mitigation_strategies_is_a_step_per_strategy_that_runs_only_when_chosen()
    {
        var steps = Steps("Mitigation");

        Assert.Equal(["Mitigation: Service restart", "Mitigation: Database connection reset", "Mitigation: Cache clear"], steps.Select(s => s.Title));
        Assert.Equal("you choose 'Cache clear' as the mitigation (one of 3 alternatives)", steps[2].Condition);
        Assert.Equal(["redis-cli FLUSHALL"], steps[2].Actions.OfType<RunAction>().Select(r => r.Command));
        Assert.All(steps, s => Assert.NotNull(s.Condition));
        // Nothing of the block is lost: the lead-in and the note after a command stay, the group names are the titles.
        Assert.Contains(steps[0].Actions, a => a is NoteAction { Text: "Common mitigation strategies" });
        Assert.Contains(steps[1].Actions, a => a is NoteAction { Text: "Pods will be recreated with fresh connections" });
        Assert.Contains(Import().Warnings, w => w.Contains("offers 3 alternatives ('Service restart', 'Database connection reset', 'Cache clear')", StringComparison.Ordinal));
    }

    [Fact]
    public void Numbered_comments_that_announce_no_choice_are_a_procedure_and_stay_one_step()
    {
        var step = Assert.Single(Steps("Recovery"));

        Assert.Null(step.Condition);
        Assert.Equal(2, step.Actions.OfType<RunAction>().Count());
    }

    [Fact]
    public void An_or_alternative_is_a_step_of_its_own_and_neither_way_runs_unasked()
    {
        var steps = Steps("Full rollback");

        Assert.Equal(["Full rollback: Rollback to previous version", "Full rollback: Manually via ECS"], steps.Select(s => s.Title));
        Assert.Equal("you choose 'Manually via ECS' as the way to do this (one of 2 alternatives)", steps[1].Condition);
        Assert.DoesNotContain(Import().Warnings, w => w.Contains("offers a command instead", StringComparison.Ordinal));
    }

    [Fact]
    public void The_subsections_of_a_common_mitigation_heading_are_alternatives()
    {
        var steps = Steps("Fixes");

        Assert.Equal(["Common Mitigation Actions: High CPU", "Common Mitigation Actions: Feature Flag Rollback"], steps.Select(s => s.Title));
        Assert.Equal("you choose 'Feature Flag Rollback' as the mitigation (one of 2 alternatives)", steps[1].Condition);
    }

    [Fact]
    public void The_condition_of_a_heading_over_steps_of_its_own_goes_to_those_steps()
    {
        var markdown = """
            # Shop

            ## Playbook: Shop down

            ### 1. Mitigation

            #### Scale out (if the queue keeps growing):

            **Add workers**
            ```bash
            kubectl scale deployment/worker --replicas=10
            ```

            **Add a second queue** (if needed)
            ```bash
            ./add-queue.sh
            ```
            """;
        var steps = RunbookImporter.Generate(MarkdownSource.FromText("shop.md", markdown), "Shop", allowIncomplete: true,
            Path.Combine(Seeds.RepositoryRoot, "artifacts", "conditional-steps"), Seeds.RepositoryRoot).Document.Runbooks.Single().Phases.Single().Steps;

        Assert.Equal([("Scale out: Add workers", "the queue keeps growing"), ("Scale out: Add a second queue", "the queue keeps growing, and needed")],
            steps.Select(s => (s.Title, s.Condition)));
    }

    [Fact]
    public void The_imported_project_compiles()
    {
        var errors = InMemoryCompiler.Compile(Import().Files).Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).ToList();

        Assert.True(errors.Count == 0, InMemoryCompiler.Describe(errors));
    }

    [Fact]
    public void In_the_MacroAi_seed_no_mitigation_runs_unless_it_is_chosen()
    {
        var seed = Seeds.Files.Single(f => File.ReadAllText(f).Contains("# Common mitigation strategies", StringComparison.Ordinal));
        var project = SeedImportTests.Generate(seed, allowIncomplete: true);

        var flush = project.Document.Runbooks.SelectMany(r => r.AllPhases).SelectMany(p => p.Steps)
            .Single(s => s.Actions.OfType<RunAction>().Any(r => r.Command == "redis-cli FLUSHALL"));
        Assert.Equal("you choose 'Cache clear' as the mitigation (one of 6 alternatives)", flush.Condition);
        Assert.Single(flush.Actions.OfType<RunAction>());
    }

    private static List<ImportedStep> Steps(string phase) =>
        Import().Document.Runbooks.Single().Phases.Single(p => p.Name.StartsWith(phase, StringComparison.Ordinal)).Steps;

    private static string Source() => Import().Files.Single(f => f.Key.EndsWith("ShopDown.cs", StringComparison.Ordinal)).Value;

    private static RunbookImporter.GeneratedProject Import() =>
        RunbookImporter.Generate(MarkdownSource.FromText("shop.md", Markdown), "Shop", allowIncomplete: true,
            Path.Combine(Seeds.RepositoryRoot, "artifacts", "conditional-steps"), Seeds.RepositoryRoot);
}
