using RunbookSdk.Hosting;

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
            Assert.Equal(Describe(documented, values), Describe(executed, values));
        }
    }

    /// <summary>
    /// Flattens an outline to lines. Holes are resolved to parameter values, so a documented <c>{Region}</c>
    /// and the runner's <c>eu-central-1</c> compare equal only when the hole really is that parameter.
    /// </summary>
    private static List<string> Describe(PlanOutline outline, IReadOnlyDictionary<string, string> parameters)
    {
        var lines = new List<string>();
        foreach (var phase in outline.Phases)
        {
            lines.Add($"phase {phase.Name} [{phase.TimeBox}]");
            foreach (var step in phase.Steps)
            {
                lines.Add($"  step {step.Title}{(step.RequiresConfirmation ? " (confirm)" : "")}{(step.Condition is { } condition ? $" (only if {condition})" : "")}{(step.Choice is { } choice ? $" (option {choice})" : "")}");
                foreach (var action in step.Actions)
                {
                    var text = string.Concat(action.Text.Select(s => s.IsHole && parameters.TryGetValue(s.Text, out var value) ? value : s.Text));
                    lines.Add($"    {action.Kind}: {text} | {string.Join(" | ", action.Details)}");
                }
            }
        }
        return lines;
    }
}
