using RunbookSdk.Generated;

namespace RunbookProject.Tests;

/// <summary>Dry-runs the runbook through the same host the app's generated Main uses: nothing is executed.</summary>
public sealed class ApiOutageTests
{
    [Fact]
    public void The_catalog_holds_the_handbook_and_its_runbook()
    {
        var catalog = GeneratedRunbookCatalog.Catalog;

        Assert.Contains(catalog.Runbooks, r => r.Id == "runbook-project-api-outage");
    }

    [Fact]
    public async Task A_dry_run_resolves_every_command_and_masks_the_secret()
    {
        var (exitCode, output) = await DryRun.RunAsync("runbook-project-api-outage", "Namespace=shop", "AdminToken=s3cr3t-token");

        Assert.True(exitCode == 0, output);
        Assert.Contains("kubectl rollout undo deployment/runbook-project-api -n shop", output);
        Assert.Contains("Rollback", output);
        Assert.Contains("Health is green", output);
        Assert.DoesNotContain("s3cr3t-token", output);
        Assert.Contains("***", output);
    }

    [Fact]
    public async Task An_unknown_parameter_is_refused()
    {
        var (exitCode, _) = await DryRun.RunAsync("runbook-project-api-outage", "Nope=1");

        Assert.Equal(2, exitCode);
    }
}
