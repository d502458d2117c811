using RunbookSdk.Generators.Tests.Support;

namespace RunbookSdk.Generators.Tests.Docs;

/// <summary>
/// <c>{this.Namespace}</c> is the parameter <c>Namespace</c>: the page showed <c>{this.Namespace}</c>, a name the
/// parameters table does not list and the on-call engineer cannot give to <c>run</c>.
/// </summary>
public sealed class QualifiedHoleTests
{
    [Fact]
    public void A_parameter_qualified_with_this_is_documented_by_its_name()
    {
        var page = PageWith("$\"kubectl get pods -n {this.Namespace} -l app={this.Namespace.ToLowerInvariant()}\"");

        Assert.Contains("kubectl get pods -n {Namespace} -l app={Namespace.ToLowerInvariant()}", page);
        Assert.DoesNotContain("this.", page);
    }

    [Fact]
    public void A_hole_whose_expression_holds_this_elsewhere_keeps_the_rest_as_written()
    {
        var page = PageWith("$\"kubectl get pods -n {string.Concat(this.Namespace, \"-canary\")}\"");

        Assert.Contains("kubectl get pods -n {string.Concat(Namespace, \"-canary\")}", page);
    }

    private static string PageWith(string command)
    {
        const string Written = "$\"kubectl get pods -n {Namespace}\"";
        var runbook = TestRunbooks.Runbook.Replace(Written, command, StringComparison.Ordinal);
        Assert.NotEqual(TestRunbooks.Runbook, runbook);
        return GeneratorHarness.ApiDownPage(runbook);
    }
}
