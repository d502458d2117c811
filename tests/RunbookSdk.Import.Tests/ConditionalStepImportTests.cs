using RunbookSdk.Import.Model;
using RunbookSdk.Import.Source;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// Steps a document says apply only sometimes — "(if recent deployment)", "if needed" — are imported as steps with
/// <c>OnlyIf(...)</c>; alternatives it offers to pick from — MacroAi's "# Common mitigation strategies" block, "# Or
/// manually via ECS", a "Common Mitigation Strategies" heading over one subsection per fix — as one <c>OneOf</c>
/// decision. Once the runner ran every one of them (restart, <c>redis-cli FLUSHALL</c>, rollback and scale in one go);
/// then, as OnlyIf steps, <c>--conditions-hold</c> still did.
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

    /// <summary>"(only if …)" and "(only when …)" said the same as "(if …)" and were kept in a title of a step that always ran.</summary>
    [Theory]
    [InlineData("Purge the dead-letter queue (only if the backlog is poison messages)", "Purge the dead-letter queue", "the backlog is poison messages")]
    [InlineData("Fail over (only when the primary is down):", "Fail over", "the primary is down")]
    [InlineData("Fail over (Only If the primary is down)", "Fail over", "the primary is down")]
    public void An_only_if_clause_is_a_condition_too(string written, string title, string condition) =>
        Assert.Equal((title, condition), Recognition.ConditionalTitle.Split(written));

    [Fact]
    public void A_block_of_numbered_mitigation_strategies_is_one_decision_with_an_option_per_strategy()
    {
        var steps = Steps("Mitigation");

        Assert.Equal(["Service restart", "Database connection reset", "Cache clear"], steps.Select(s => s.Title));
        var decision = steps[0].Choice;
        Assert.NotNull(decision);
        Assert.All(steps, s => Assert.Same(decision, s.Choice));
        Assert.All(steps, s => Assert.Null(s.Condition));
        Assert.Equal(("Mitigation", "Common mitigation strategies"), (decision.Title, decision.Note));
        Assert.Equal(["redis-cli FLUSHALL"], steps[2].Actions.OfType<RunAction>().Select(r => r.Command));
        // Nothing of the block is lost: the lead-in is the decision's note (not the first option's), the note after a command stays.
        Assert.DoesNotContain(steps[0].Actions, a => a is NoteAction { Text: "Common mitigation strategies" });
        Assert.Contains(steps[1].Actions, a => a is NoteAction { Text: "Pods will be recreated with fresh connections" });
        Assert.Contains(Import().Warnings, w => w.Contains("offers 3 alternatives ('Service restart', 'Database connection reset', 'Cache clear'): imported as OneOf(\"Mitigation\")", StringComparison.Ordinal));
    }

    [Fact]
    public void The_decision_is_written_as_OneOf_around_its_options_with_the_lead_in_as_its_note()
    {
        var source = Source().Replace("\r\n", "\n");

        var decision = source.IndexOf(".OneOf(\"Mitigation\", o => o\n", StringComparison.Ordinal);
        Assert.True(decision > 0, source);
        var after = source[decision..].Split('\n').Select(l => l.Trim()).ToArray();
        Assert.Equal(".Note(\"Common mitigation strategies\")", after[1]);
        Assert.Equal(".Step(\"Service restart\", s => s", after[2]);
        Assert.Contains(".Run(\"redis-cli FLUSHALL\", \"3. Cache clear\"))))", after);
        Assert.DoesNotContain("OnlyIf(\"you choose", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbered_comments_that_announce_no_choice_are_a_procedure_and_stay_one_step()
    {
        var step = Assert.Single(Steps("Recovery"));

        Assert.Null(step.Condition);
        Assert.Equal(2, step.Actions.OfType<RunAction>().Count());
    }

    [Fact]
    public void An_or_alternative_is_an_option_of_its_own_and_neither_way_runs_unasked()
    {
        var steps = Steps("Full rollback");

        Assert.Equal(["Rollback to previous version", "Manually via ECS"], steps.Select(s => s.Title));
        Assert.Equal("Full rollback", steps[1].Choice?.Title);
        Assert.Same(steps[0].Choice, steps[1].Choice);
        Assert.DoesNotContain(Import().Warnings, w => w.Contains("offers a command instead", StringComparison.Ordinal));
    }

    [Fact]
    public void The_subsections_of_a_common_mitigation_heading_are_the_options_of_one_decision()
    {
        var steps = Steps("Fixes");

        Assert.Equal(["High CPU", "Feature Flag Rollback"], steps.Select(s => s.Title));
        Assert.Equal("Common Mitigation Actions", steps[1].Choice?.Title);
        Assert.Same(steps[0].Choice, steps[1].Choice);
        Assert.All(steps, s => Assert.Null(s.Condition));
    }

    [Fact]
    public void A_subsection_that_offers_ways_of_its_own_gives_the_decision_its_options_and_one_of_several_steps_keeps_OnlyIf()
    {
        const string catalogue = """
            # Shop

            ## Playbook: Shop down

            ### 1. Fixes

            #### Common Mitigation Actions

            ##### High CPU

            ```bash
            # Scale the service
            kubectl scale deployment/shop-api --replicas=10

            # Or use auto-scaling
            kubectl autoscale deployment/shop-api --max=20
            ```

            ##### Restart (if needed)

            ```bash
            kubectl rollout restart deployment/shop-api
            ```

            ### 2. Other fixes

            #### Common fixes

            ##### Cache

            **Flush**
            ```bash
            redis-cli FLUSHALL
            ```

            **Warm**
            ```bash
            ./warm-cache.sh
            ```

            ##### Restart

            ```bash
            kubectl rollout restart deployment/shop-api
            ```
            """;
        var phases = RunbookImporter.Generate(MarkdownSource.FromText("shop.md", catalogue), "Shop", allowIncomplete: true,
            Path.Combine(Seeds.RepositoryRoot, "artifacts", "conditional-steps"), Seeds.RepositoryRoot).Document.Runbooks.Single().Phases;

        var fixes = phases[0].Steps;
        Assert.Equal([("High CPU: Scale the service", null), ("High CPU: Use auto-scaling", null), ("Restart", "needed")], fixes.Select(s => (s.Title, s.Condition)));
        Assert.All(fixes, s => Assert.Same(fixes[0].Choice, s.Choice));
        Assert.Equal("Common Mitigation Actions", fixes[0].Choice?.Title);

        // "Cache" is two steps in sequence, no single option: each step runs only if the engineer chooses its alternative.
        var other = phases[1].Steps;
        Assert.All(other, s => Assert.Null(s.Choice));
        Assert.Equal("you choose 'Cache' as the option (one of 2 alternatives)", other[0].Condition);
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

        var steps = project.Document.Runbooks.SelectMany(r => r.AllPhases).SelectMany(p => p.Steps).ToList();
        var flush = steps.Single(s => s.Actions.OfType<RunAction>().Any(r => r.Command == "redis-cli FLUSHALL"));
        Assert.Equal("Cache clear", flush.Title);
        Assert.NotNull(flush.Choice);
        Assert.Null(flush.Condition);
        Assert.Single(flush.Actions.OfType<RunAction>());
        Assert.Equal(6, steps.Count(s => s.Choice == flush.Choice));
    }

    private static List<ImportedStep> Steps(string phase) =>
        Import().Document.Runbooks.Single().Phases.Single(p => p.Name.StartsWith(phase, StringComparison.Ordinal)).Steps;

    private static string Source() => Import().Files.Single(f => f.Key.EndsWith("ShopDown.cs", StringComparison.Ordinal)).Value;

    private static RunbookImporter.GeneratedProject Import() =>
        RunbookImporter.Generate(MarkdownSource.FromText("shop.md", Markdown), "Shop", allowIncomplete: true,
            Path.Combine(Seeds.RepositoryRoot, "artifacts", "conditional-steps"), Seeds.RepositoryRoot);
}
