using RunbookSdk.Hosting;
using RunbookSdk.Testing;

namespace RunbookSdk.Samples.Tests;

/// <summary>
/// One source of truth: for every sample runbook, the plan the runner executes (Define run at start-up) and the
/// outline the generator documented (read from syntax) have the same phases, steps, commands and expectations.
/// </summary>
public class DocsAgreeWithRunnerTests
{
    [Theory]
    [MemberData(nameof(Samples.Names), MemberType = typeof(Samples))]
    public void Every_runbook_runs_exactly_what_its_page_documents(string sample)
    {
        var catalog = Samples.Catalog(sample);
        Assert.NotEmpty(catalog.Runbooks);
        foreach (var runbook in catalog.Runbooks)
        {
            var instance = runbook.Create(new Dictionary<string, string>());
            var values = runbook.ReadParameters(instance);
            var executed = PlanOutlines.FromPlan(runbook.CreatePlan(instance));

            var documented = runbook.DocumentedOutline ?? throw new Xunit.Sdk.XunitException($"{runbook.Id}: no outline embedded; samples set RunbookSdkEmbedOutline");
            Assert.Equal(OutlineLines.Describe(documented, values), OutlineLines.Describe(executed, values));
        }
    }
}
