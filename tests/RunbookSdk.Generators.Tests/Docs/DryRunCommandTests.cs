using RunbookSdk.Generators.Tests.Support;

namespace RunbookSdk.Generators.Tests.Docs;

/// <summary>
/// The page told the reader to run "<c>run payments-api-down --dry-run</c>", which no shell runs: it is an argument of
/// the runbook app. The page now gives the commands as they are pasted in the app's folder.
/// </summary>
public sealed class DryRunCommandTests
{
    [Fact]
    public void The_page_gives_dry_run_commands_that_can_be_pasted_in_the_app_folder()
    {
        var page = GeneratorHarness.ApiDownPage(TestRunbooks.Runbook);

        Assert.Contains("`dotnet run -- run payments-api-down --dry-run`", page, StringComparison.Ordinal);
        Assert.Contains("`runbook run . payments-api-down --dry-run`", page, StringComparison.Ordinal);
        Assert.DoesNotContain("`run payments-api-down --dry-run`", page, StringComparison.Ordinal);
    }
}
