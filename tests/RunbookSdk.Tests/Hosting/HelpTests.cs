using RunbookSdk.Tests.Fixtures;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Hosting;

public sealed class HelpTests
{
    [Fact]
    public async Task Help_lists_the_commands()
    {
        var result = await Host.RunAsync(TestCatalog.Create(), "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.Lines, l => l.TrimStart().StartsWith("list "));
        Assert.Contains(result.Lines, l => l.TrimStart().StartsWith("docs "));
        Assert.Contains(result.Lines, l => l.TrimStart().StartsWith("run <ID>"));
        Assert.Contains(result.Lines, l => l.TrimStart().StartsWith("runs "));
    }

    [Fact]
    public async Task Runs_help_says_where_it_looks_and_what_all_adds()
    {
        var result = await Host.RunAsync(TestCatalog.Create(), "runs", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.Lines, l => l.Contains("default: .runbook-journals in the current folder"));
        Assert.Contains(result.Lines, l => l.TrimStart().StartsWith("--all"));
    }

    [Fact]
    public async Task The_run_example_uses_a_runbook_of_this_catalog_with_its_required_parameters()
    {
        var result = await Host.RunAsync(TestCatalog.Create(), "run", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.Lines, l => l.TrimEnd().EndsWith("run deploy-rollback Service=VALUE --dry-run"));
        Assert.Contains(result.Lines, l => l.TrimStart().StartsWith("--dry-run"));
    }
}
