using RunbookSdk.Execution;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// The run facts rule RB0026 counts as filled (<see cref="TemplatePlaceholders.RunFacts"/>) are the ones the runner
/// fills: a fact the runner stopped filling would be sent as written while the rule stayed silent, and a fact it
/// fills that the list lacks would be reported as unfilled in runbooks that are right.
/// </summary>
public sealed class TemplateRunFactsTests
{
    [Fact]
    public async Task Every_run_fact_the_rule_knows_is_filled_in_a_sent_notification()
    {
        var template = string.Join(" | ", TemplatePlaceholders.RunFacts.Select(fact => $"{fact}=<{{{fact.ToUpperInvariant()}}}>"));
        using var run = new TestRun(rb => rb
            .Communication("Facts", template, "#ops")
            .Phase("Act", ph => ph.Step("Tell", s => s.Notify("Facts")))
            .NoRollback("test"));

        var result = await run.RunAsync();

        Assert.True(result.ExitCode == 0, result.Output);
        var sent = result.Output.Split('\n').Single(line => line.Contains("runbook=<", StringComparison.Ordinal));
        foreach (var fact in TemplatePlaceholders.RunFacts)
        {
            Assert.Contains($"{fact}=<", sent, StringComparison.Ordinal);
            Assert.DoesNotContain($"{{{fact.ToUpperInvariant()}}}", sent, StringComparison.Ordinal);
        }
    }
}
