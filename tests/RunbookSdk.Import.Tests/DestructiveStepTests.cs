using RunbookSdk.Import.Source;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// A step whose commands RB0005 calls destructive (<c>redis-cli FLUSHALL</c>, <c>kubectl delete</c>, <c>rm -rf</c>) was
/// imported without <c>RequiresConfirmation()</c>: the project builds (RB0005 is a warning), so the runner emptied the
/// cache for every service the moment it reached the step, without the question the markdown's "WARNING" stood for,
/// and a dry run did not skip it. The import now marks such a step, and only such a step.
/// </summary>
public sealed class DestructiveStepTests
{
    private const string Markdown = """
        # Cache

        ## Playbook: Redis memory pressure

        ### Resolution (5-30 minutes)

        1. **Look at the memory**
           ```bash
           redis-cli -h cache.prod info memory
           ```
        2. **Flush the cache**
           ```bash
           # WARNING: this empties the cache for every service
           redis-cli -h cache.prod FLUSHALL
           ```
        3. **Remove the stuck pod** (if it does not restart)
           ```bash
           kubectl delete pod cache-0 -n cache
           ```
        """;

    [Fact]
    public void Steps_with_destructive_commands_require_confirmation_and_build_without_RB0005()
    {
        var project = RunbookImporter.Generate(MarkdownSource.FromText("cache.md", Markdown), "Cache", allowIncomplete: true,
            Path.Combine(Seeds.RepositoryRoot, "artifacts", "destructive-steps"), Seeds.RepositoryRoot);
        var code = project.Files.Single(f => f.Key.EndsWith("RedisMemoryPressure.cs", StringComparison.Ordinal)).Value;

        Assert.Equal(2, code.Split(".RequiresConfirmation()").Length - 1);
        Assert.Matches(@"Step\(""Flush the cache"", s => s\s+\.RequiresConfirmation\(\)", code);
        Assert.Matches(@"Step\(""Remove the stuck pod"", s => s\s+\.OnlyIf\(""it does not restart""\)\s+\.RequiresConfirmation\(\)", code);
        Assert.DoesNotContain(InMemoryCompiler.Compile(project.Files), d => d.Id == "RB0005");
    }
}
