using RunbookSdk.Commands;
using RunbookSdk.Generators.Tests.Support;

namespace RunbookSdk.Generators.Tests.Docs;

/// <summary>A hole holding a constant runs quoted like any hole: the page shows it as it runs, not spliced in.</summary>
public sealed class ConstantHoleTests
{
    [Fact]
    public void A_constant_hole_is_documented_as_the_runner_executes_it()
    {
        var runbook = TestRunbooks.Runbook
            .Replace("[Parameter(\"Kubernetes namespace\")]", "private const string Kubectl = \"kubectl --context prod-eu\";\n    [Parameter(\"Kubernetes namespace\")]")
            .Replace("$\"kubectl get pods -n {Namespace}\"", "$\"{Kubectl} get pods -n {Namespace}\"");
        Assert.Contains("{Kubectl} get pods", runbook);

        // What the runner executes for this command (Namespace = "payments"): the handler quotes every hole, constant or not.
        const string Kubectl = "kubectl --context prod-eu";
        var Namespace = "payments";
        CommandInterpolationHandler handler = $"{Kubectl} get pods -n {Namespace}";
        var executed = handler.ToTemplate().Render();
        Assert.Equal("'kubectl --context prod-eu' get pods -n payments", executed);

        var documented = GeneratorHarness.ApiDownPage(runbook).Split('\n').Single(l => l.Contains("get pods -n {Namespace}", StringComparison.Ordinal));
        Assert.Equal(executed, documented.Replace("{Namespace}", Namespace));
    }

    [Fact]
    public void A_plain_word_constant_reads_as_it_did_and_one_in_double_quotes_is_escaped_as_the_runner_escapes_it()
    {
        var runbook = TestRunbooks.Runbook
            .Replace("[Parameter(\"Kubernetes namespace\")]", "private const string Context = \"prod-eu\";\n    private const string Note = \"costs $5\";\n    [Parameter(\"Kubernetes namespace\")]")
            .Replace("$\"kubectl get pods -n {Namespace}\"", "$\"kubectl --context {Context} get pods -n {Namespace} -l note=\\\"{Note}\\\"\"");
        Assert.Contains("{Context} get pods", runbook);

        const string Context = "prod-eu";
        const string Note = "costs $5";
        var Namespace = "payments";
        CommandInterpolationHandler handler = $"kubectl --context {Context} get pods -n {Namespace} -l note=\"{Note}\"";
        var executed = handler.ToTemplate().Render();

        var documented = GeneratorHarness.ApiDownPage(runbook).Split('\n').Single(l => l.Contains("get pods -n {Namespace}", StringComparison.Ordinal));
        Assert.Equal("kubectl --context prod-eu get pods -n {Namespace} -l note=\"costs \\$5\"", documented);
        Assert.Equal(executed, documented.Replace("{Namespace}", Namespace));
    }

    [Fact]
    public void A_constant_in_a_command_line_another_shell_runs_is_documented_quoted_for_both_shells_as_the_runner_runs_it()
    {
        var runbook = TestRunbooks.Runbook
            .Replace("[Parameter(\"Kubernetes namespace\")]", "private const string Cache = \"/var/cache/my app\";\n    [Parameter(\"Kubernetes namespace\")]")
            .Replace("$\"kubectl get pods -n {Namespace}\"", "$\"ssh {Namespace} 'rm -rf {Cache}'\"");
        Assert.Contains("'rm -rf {Cache}'", runbook);

        // What the runner executes (Namespace = "db-1"): the constant quoted for the remote shell, then for the local one.
        const string Cache = "/var/cache/my app";
        var Namespace = "db-1";
        CommandInterpolationHandler handler = $"ssh {Namespace} 'rm -rf {Cache}'";
        var executed = handler.ToTemplate().Render();
        Assert.Equal(@"ssh db-1 'rm -rf '\''/var/cache/my app'\'''", executed);

        var documented = GeneratorHarness.ApiDownPage(runbook).Split('\n').Single(l => l.Contains("ssh {Namespace}", StringComparison.Ordinal));
        Assert.Equal(executed, documented.Replace("{Namespace}", Namespace));
    }

    [Fact]
    public void A_constant_echoed_into_a_shell_is_documented_quoted_for_that_shell_as_the_runner_runs_it()
    {
        var runbook = TestRunbooks.Runbook
            .Replace("[Parameter(\"Kubernetes namespace\")]", "private const string Cache = \"/var/cache/my app\";\n    [Parameter(\"Kubernetes namespace\")]")
            .Replace("$\"kubectl get pods -n {Namespace}\"", """$"echo \"rm -rf {Cache}\" | ssh {Namespace}" """.Trim());
        Assert.Contains("rm -rf {Cache}", runbook);

        // What the runner executes (Namespace = "db-1"): ssh's shell reads what echo prints, so the constant is quoted for it.
        const string Cache = "/var/cache/my app";
        var Namespace = "db-1";
        CommandInterpolationHandler handler = $"echo \"rm -rf {Cache}\" | ssh {Namespace}";
        var executed = handler.ToTemplate().Render();
        Assert.Equal("echo \"rm -rf '/var/cache/my app'\" | ssh db-1", executed);

        var documented = GeneratorHarness.ApiDownPage(runbook).Split('\n').Single(l => l.Contains("ssh {Namespace}", StringComparison.Ordinal));
        Assert.Equal(executed, documented.Replace("{Namespace}", Namespace));
    }
}
