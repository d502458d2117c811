using RunbookSdk.Hosting;
using RunbookSdk.Tests.Fixtures;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Hosting;

public sealed class ListCommandTests
{
    /// <summary>The table row whose first cell is <paramref name="id"/> (whatever the border characters).</summary>
    private static string Row(HostResult result, string id) =>
        Assert.Single(result.Lines, l => l.TrimStart('│', '|', ' ').StartsWith(id + " ", StringComparison.Ordinal));

    [Fact]
    public async Task Every_runbook_is_listed_with_title_severity_handbook_and_parameters()
    {
        var result = await Host.RunAsync(TestCatalog.Create(), "list");

        Assert.Equal(0, result.ExitCode);
        var deploy = Row(result, "deploy-rollback");
        Assert.Contains("Roll back a bad deploy [prod]", deploy);
        Assert.Contains(" P1 ", deploy);
        Assert.Contains(" platform ", deploy);
        Assert.Contains("Region, Service (required), Revision, ApiToken (secret)", deploy);

        var diagnose = Row(result, "diagnose-latency");
        Assert.Contains("Diagnose high latency", diagnose);
        Assert.Contains(" Warning ", diagnose);
        Assert.Contains(" Window ", diagnose);
    }

    [Fact]
    public async Task Handbooks_are_listed_with_their_runbooks()
    {
        var result = await Host.RunAsync(TestCatalog.Create(), "list");

        Assert.Contains(result.Lines, l => l.Trim() == "Handbooks");
        var platform = Row(result, "platform");
        Assert.Contains("Platform incident handbook", platform);
        Assert.Contains("deploy-rollback", platform);
        Assert.DoesNotContain("diagnose-latency", platform);
    }

    [Fact]
    public async Task A_handbook_of_many_runbooks_names_the_first_ones_and_counts_the_rest()
    {
        var template = TestCatalog.DeployRollbackDescriptor();
        var runbooks = Enumerable.Range(1, ListCommand.MaxNamedMembers + 3).Select(i => new RunbookDescriptor
        {
            Id = $"runbook-{i:00}", Title = $"Runbook {i}", HandbookId = "platform", RunbookType = template.RunbookType, Parameters = [],
            Create = template.Create, ReadParameters = template.ReadParameters, Documentation = "", DocumentFileName = $"runbook-{i:00}.md",
        }).ToArray();
        var catalog = new RunbookCatalog(runbooks, TestCatalog.Create().Handbooks, "");

        var result = await Host.RunAsync(catalog, "list");

        Assert.Equal(0, result.ExitCode);
        var platform = Row(result, "platform");
        Assert.Contains("runbook-01, runbook-02,", platform);
        Assert.Contains("runbook-10 and 3 more", platform);
        Assert.DoesNotContain("runbook-11", platform);
        Assert.All(runbooks, runbook => Assert.Single(result.Lines, l => l.Contains(runbook.Id + " ", StringComparison.Ordinal) && l.Contains(runbook.Title, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Runbooks_of_referenced_libraries_are_listed_apart_with_their_assembly()
    {
        var catalog = new RunbookCatalog([TestCatalog.DeployRollbackDescriptor()], [], "") { ReferencedRunbooks = [TestCatalog.DiagnoseLatencyDescriptor()] };

        var result = await Host.RunAsync(catalog, "list");

        Assert.Equal(0, result.ExitCode);
        var titles = result.Lines.Select(l => l.Trim()).ToList();
        Assert.True(titles.IndexOf("Runbooks") < titles.IndexOf("Runbooks of referenced libraries"), result.Output);
        var diagnose = Row(result, "diagnose-latency");
        Assert.Contains("Diagnose high latency", diagnose);
        Assert.Contains(" RunbookSdk.Tests ", diagnose);
    }

    [Fact]
    public async Task A_referenced_runbook_whose_id_the_app_uses_says_which_one_runs()
    {
        var shadowed = TestCatalog.DiagnoseLatencyDescriptor();
        shadowed = new RunbookDescriptor
        {
            Id = "deploy-rollback", Title = "A library's rollback", RunbookType = shadowed.RunbookType, Parameters = [],
            Create = shadowed.Create, ReadParameters = shadowed.ReadParameters, Documentation = "", DocumentFileName = "x.md",
        };
        var catalog = new RunbookCatalog([TestCatalog.DeployRollbackDescriptor()], [], "") { ReferencedRunbooks = [shadowed] };

        var result = await Host.RunAsync(catalog, "list");

        Assert.Single(result.Lines, l => l.Contains("A library's rollback", StringComparison.Ordinal));
        Assert.Contains("not run: the id runs RunbookSdk.Tests.Fixtures.DeployRollback from RunbookSdk.Tests", result.Output.Replace("\n", " "));
        Assert.Same(catalog.Runbooks[0], catalog.FindRunbook("deploy-rollback"));
    }

    [Fact]
    public async Task An_empty_catalog_says_so()
    {
        var result = await Host.RunAsync(new RunbookCatalog([], [], ""), "list");
        Assert.Equal((0, "No runbooks in this assembly.\n"), (result.ExitCode, result.Output));
    }
}
