using RunbookSdk.Generators.Tests.Support;

namespace RunbookSdk.Generators.Tests.Docs;

/// <summary>
/// A local function of <c>Define</c> that nothing calls never runs, so the runner records none of its steps or
/// sections: the page must not list them either (the analyzers leave such a function out too, BodyRegion). A local
/// function the body does call runs, and its steps must not silently vanish: the page cannot follow the call, so it is
/// reported as RB0101 rather than documented as if it were not there.
/// </summary>
public sealed class LocalFunctionPageTests
{
    private static string Runbook(string body) => $$"""
        using System;
        using RunbookSdk;

        namespace Payments;

        [Runbook("payments-api-down")]
        public sealed class ApiDown : Runbook<PaymentsHandbook>
        {
            public override void Define(IRunbookBuilder rb)
            {
        {{body}}
            }
        }
        """;

    private const string Chain = """
                rb.Title("Payments API down")
                    .Phase("Diagnose", p => p.Step("Check pods", s => s.Run("kubectl get pods -n payments")))
                    .Rollback(r => r.Step("Undo scale", s => s.Run("kubectl scale deployment/api --replicas=2 -n payments").RequiresConfirmation()));
        """;

    private const string GhostVerification = """
                void Check(IRunbookBuilder b) => b.Verification(v => v.Step("Ghost health check", s => s.Http("GET", "https://ghost.example.com/health").ExpectStatus(200)));
        """;

    private static (IReadOnlyList<Microsoft.CodeAnalysis.Diagnostic> Diagnostics, string Page) Generate(string body)
    {
        var (run, compileErrors) = GeneratorHarness.Run(TestRunbooks.Handbook, Runbook(body));
        Assert.Empty(compileErrors);
        return (run.Diagnostics, GeneratorHarness.EmbeddedMarkdown(GeneratorHarness.GeneratedSource(run, "Payments_ApiDown.Runbook.g.cs")));
    }

    [Fact]
    public void A_local_function_of_Define_that_is_never_called_is_not_on_the_page()
    {
        var (_, page) = Generate(GhostVerification + Chain);

        Assert.Contains("Check pods", page);
        Assert.Contains("Undo scale", page);
        Assert.DoesNotContain("Ghost health check", page);
        Assert.DoesNotContain("ghost.example.com", page);
    }

    [Fact]
    public void A_local_function_of_a_phase_lambda_that_is_never_called_is_not_on_the_page()
    {
        var (_, page) = Generate("""
                    rb.Title("Payments API down")
                        .Phase("Diagnose", p =>
                        {
                            void Extra(IPhaseBuilder q) => q.Step("Ghost step", s => s.Run("kubectl delete ns payments"));
                            p.Step("Check pods", s => s.Run("kubectl get pods -n payments"));
                        })
                        .NoRollback("read-only");
            """);

        Assert.Contains("Check pods", page);
        Assert.DoesNotContain("Ghost step", page);
        Assert.DoesNotContain("kubectl delete ns payments", page);
    }

    [Fact]
    public void A_called_local_function_is_reported_where_the_page_cannot_follow_it()
    {
        var (diagnostics, _) = Generate(GhostVerification + "        Check(rb);\n" + Chain);

        Assert.Contains(diagnostics, d => d.Id == "RB0101");
    }
}
