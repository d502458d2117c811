using RunbookSdk.Import.Source;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// "# Or manually via ECS" above a command says it is another way to do what the command before it did. A block of just
/// such ways becomes a step per way that runs only when chosen (ConditionalStepImportTests). With another command after
/// them, which way it belongs to is not written down: the import keeps them as Run(...)s of one step, so the runner
/// does both, and names such blocks, so the author keeps the one to run.
/// </summary>
public sealed class AlternativeCommandTests
{
    private const string Markdown = """
        # ModAx

        ## Playbook: ModAx down

        ### 1. Mitigation (0-15 minutes)

        ```bash
        # Rollback to previous version
        npm run deploy:rollback production $PREVIOUS_VERSION

        # Or manually via ECS
        aws ecs update-service --cluster modax-cluster --service modax-internal --task-definition modax-internal:$PREVIOUS_VERSION

        # Wait for the service to settle
        aws ecs wait services-stable --cluster modax-cluster --services modax-internal
        ```

        ```bash
        # Check the service, or the task if it has none
        aws ecs describe-services --cluster modax-cluster --services modax-internal
        ```
        """;

    [Fact]
    public void A_command_offered_as_an_alternative_to_the_one_before_it_is_reported_with_the_block_line()
    {
        var project = Import();

        Assert.Contains("modax.md: line 7: in this shell block, 'Or manually via ECS' offers a command instead of the one before it, but the runbook runs both, one after the other: keep the one to run, or make the other a Note", project.Warnings);
        Assert.Single(project.Warnings, w => w.Contains("offers a command instead", StringComparison.Ordinal));
    }

    private static RunbookImporter.GeneratedProject Import() =>
        RunbookImporter.Generate(MarkdownSource.FromText("modax.md", Markdown), "ModAx", allowIncomplete: true,
            Path.Combine(Seeds.RepositoryRoot, "artifacts", "alternative-commands"), Seeds.RepositoryRoot);
}
