using RunbookSdk.Generators.Tests.Support;

namespace RunbookSdk.Generators.Tests.Docs;

/// <summary>
/// A local function of <c>Define</c> that nothing calls never runs, so the runner records none of its steps or
/// sections: the page does not list them either, and says nothing about it (the analyzers leave such a function out too,
/// BodyRegion). One the builder is handed to (<c>Checks(rb);</c>, <c>p =&gt; Diagnose(p)</c>, <c>.Phase("Diagnose",
/// Diagnose)</c>) runs where it is called, once per call, and the page reads it there, as the analyzers count its
/// sections. Before, each such function was RB0101 and the page lacked its steps. What the page cannot read — a function
/// that calls itself, one with code around the chain — stays RB0101.
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
    public void A_local_function_nothing_calls_is_not_reported_as_code_the_page_cannot_show()
    {
        var (diagnostics, page) = Generate(GhostVerification + Chain);

        Assert.DoesNotContain(diagnostics, d => d.Id == "RB0101");
        Assert.DoesNotContain("Ghost health check", page);
    }

    [Fact]
    public void A_called_local_function_gives_the_page_of_the_same_runbook_written_inline()
    {
        var (diagnostics, page) = Generate("""
                    void Diagnose(IRunbookBuilder b) => b.Phase("Diagnose", p => p.Step("Check pods", s => s.Run("kubectl get pods -n payments")));

                    void Checks(IRunbookBuilder b)
                    {
                        b.Verification(v => v.Step("Health is green", s => s.Http("GET", "https://payments.example.com/health").ExpectStatus(200)));
                    }

                    rb.Title("Payments API down");
                    Diagnose(rb);
                    rb.Phase("Mitigate", p => p.Step("Restart", s => s.Run("kubectl rollout restart deployment/api -n payments").RequiresConfirmation()));
                    Checks(b: rb);
                    rb.Rollback(r => r.Step("Undo scale", s => s.Run("kubectl scale deployment/api --replicas=2 -n payments").RequiresConfirmation()));
            """);
        var (_, inline) = Generate("""
                    rb.Title("Payments API down")
                        .Phase("Diagnose", p => p.Step("Check pods", s => s.Run("kubectl get pods -n payments")))
                        .Phase("Mitigate", p => p.Step("Restart", s => s.Run("kubectl rollout restart deployment/api -n payments").RequiresConfirmation()))
                        .Verification(v => v.Step("Health is green", s => s.Http("GET", "https://payments.example.com/health").ExpectStatus(200)))
                        .Rollback(r => r.Step("Undo scale", s => s.Run("kubectl scale deployment/api --replicas=2 -n payments").RequiresConfirmation()));
            """);

        Assert.Empty(diagnostics);
        Assert.Equal(inline, page);
        Assert.Contains("Check pods", page);
        Assert.Contains("https://payments.example.com/health", page);
    }

    [Fact]
    public void A_phase_builder_handed_to_a_local_function_gives_the_page_of_the_phase_written_inline()
    {
        var (diagnostics, page) = Generate("""
                    void Pods(IPhaseBuilder p) => p.Step("Check pods", s => s.Run("kubectl get pods -n payments"));
                    void Logs(IPhaseBuilder p) => p.Step("Read logs", s => s.Run("kubectl logs deployment/api -n payments --tail=200"));
                    void Restart(IStepBuilder s) => s.Run("kubectl rollout restart deployment/api -n payments").RequiresConfirmation();

                    rb.Title("Payments API down")
                        .Phase("Diagnose", p => { Pods(p); Logs(p); })
                        .Phase("Look again", p => Logs(p))
                        .Phase("Mitigate", p => p.Step("Restart", Restart))
                        .Rollback(Pods);
            """);
        var (_, inline) = Generate("""
                    rb.Title("Payments API down")
                        .Phase("Diagnose", p => p
                            .Step("Check pods", s => s.Run("kubectl get pods -n payments"))
                            .Step("Read logs", s => s.Run("kubectl logs deployment/api -n payments --tail=200")))
                        .Phase("Look again", p => p.Step("Read logs", s => s.Run("kubectl logs deployment/api -n payments --tail=200")))
                        .Phase("Mitigate", p => p.Step("Restart", s => s.Run("kubectl rollout restart deployment/api -n payments").RequiresConfirmation()))
                        .Rollback(r => r.Step("Check pods", s => s.Run("kubectl get pods -n payments")));
            """);

        Assert.Empty(diagnostics);
        Assert.Equal(inline, page);
    }

    // A chain may start with a local function that returns the builder it is handed: the runner makes the calls chained
    // on it on that builder, after the function's own. Before, the whole chain was RB0101 and the page lacked all of it.
    [Fact]
    public void A_chain_that_starts_with_a_local_function_returning_the_builder_gives_the_page_of_the_same_runbook_written_inline()
    {
        var (diagnostics, page) = Generate("""
                    IRunbookBuilder Diagnose(IRunbookBuilder b) => b.Title("Payments API down").Phase("Diagnose", p => p.Step("Check pods", s => s.Run("kubectl get pods -n payments")));
                    IPhaseBuilder Logs(IPhaseBuilder p) => p.Step("Read logs", s => s.Run("kubectl logs deployment/api -n payments --tail=200"));
                    ICommandStepBuilder Restart(IStepBuilder s) => s.Run("kubectl rollout restart deployment/api -n payments");

                    IRunbookBuilder Checks(IRunbookBuilder b)
                    {
                        b.Verification(v => v.Step("Health is green", s => s.Http("GET", "https://payments.example.com/health").ExpectStatus(200)));
                        return b;
                    }

                    Diagnose(rb)
                        .Phase("Mitigate", p => Logs(p).Step("Restart", s => Restart(s).ExpectExitCode(0).RequiresConfirmation()));
                    (Checks(b: rb))
                        .Rollback(r => r.Step("Undo scale", s => s.Run("kubectl scale deployment/api --replicas=2 -n payments").RequiresConfirmation()));
            """);
        var (_, inline) = Generate("""
                    rb.Title("Payments API down")
                        .Phase("Diagnose", p => p.Step("Check pods", s => s.Run("kubectl get pods -n payments")))
                        .Phase("Mitigate", p => p
                            .Step("Read logs", s => s.Run("kubectl logs deployment/api -n payments --tail=200"))
                            .Step("Restart", s => s.Run("kubectl rollout restart deployment/api -n payments").ExpectExitCode(0).RequiresConfirmation()))
                        .Verification(v => v.Step("Health is green", s => s.Http("GET", "https://payments.example.com/health").ExpectStatus(200)))
                        .Rollback(r => r.Step("Undo scale", s => s.Run("kubectl scale deployment/api --replicas=2 -n payments").RequiresConfirmation()));
            """);

        Assert.Empty(diagnostics);
        Assert.Equal(inline, page);
        Assert.Contains("Undo scale", page);
        Assert.Contains("https://payments.example.com/health", page);
    }

    // What the page cannot read at the start of a chain stays RB0101, and the chain with it: a function that calls itself,
    // and one with code around the chain, reported where it is written.
    [Fact]
    public void A_chain_that_starts_with_a_local_function_the_page_cannot_read_is_reported()
    {
        var (diagnostics, page) = Generate("""
                    IRunbookBuilder Checks(IRunbookBuilder b)
                    {
                        if (DateTime.Now.Hour > 8) b.Verification(v => v.Step("Health is green", s => s.Http("GET", "https://payments.example.com/health").ExpectStatus(200)));
                        return b;
                    }

                    IRunbookBuilder Again(IRunbookBuilder b) => Again(b).Title("Payments API down");

                    Checks(rb).Phase("Diagnose", p => p.Step("Check pods", s => s.Run("kubectl get pods -n payments")));
                    Again(rb).NoRollback("read-only");
            """);

        Assert.Equal(2, diagnostics.Count(d => d.Id == "RB0101"));
        Assert.Contains(diagnostics, d => d.Id == "RB0101" && d.GetMessage().Contains("if (DateTime.Now.Hour > 8) b.Verification", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Id == "RB0101" && d.GetMessage().Contains("'Again(b)'", StringComparison.Ordinal));
        // No step of it: the notice that the page may be incomplete quotes the code it could not read, which names it.
        Assert.DoesNotContain("V.1 Health is green", page, StringComparison.Ordinal);
        Assert.Contains("## Verification\n\n**No verification that the page could read is defined", page, StringComparison.Ordinal);
        Assert.Contains("could not read `if (DateTime.Now.Hour > 8) b.Verification(v => v.Step(\"Health is green\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_local_function_called_twice_is_on_the_page_twice()
    {
        var (diagnostics, page) = Generate("""
                    void Pods(IPhaseBuilder p) => p.Step("Check pods", s => s.Run("kubectl get pods -n payments"));

                    rb.Title("Payments API down")
                        .Phase("Diagnose", p => { Pods(p); p.Step("Restart", s => s.Run("kubectl rollout restart deployment/api -n payments").RequiresConfirmation()); Pods(p); })
                        .NoRollback("read-only");
            """);
        var (_, inline) = Generate("""
                    rb.Title("Payments API down")
                        .Phase("Diagnose", p => p
                            .Step("Check pods", s => s.Run("kubectl get pods -n payments"))
                            .Step("Restart", s => s.Run("kubectl rollout restart deployment/api -n payments").RequiresConfirmation())
                            .Step("Check pods", s => s.Run("kubectl get pods -n payments")))
                        .NoRollback("read-only");
            """);

        Assert.Empty(diagnostics);
        Assert.Equal(inline, page);
        Assert.Contains("### 1.3 Check pods", page);
    }

    [Fact]
    public void A_local_function_hides_a_method_of_the_class_with_the_same_name_as_the_runner_calls_it()
    {
        var (run, compileErrors) = GeneratorHarness.Run(TestRunbooks.Handbook, Runbook("""
                    void Pods(IPhaseBuilder p) => p.Step("Check pods", s => s.Run("kubectl get pods -n payments"));

                    rb.Title("Payments API down").Phase("Diagnose", Pods).Phase("Again", p => Pods(p)).NoRollback("read-only");
            """).Replace("    public override void Define", "    private static void Pods(IPhaseBuilder p) => p.Step(\"Ghost step\", s => s.Run(\"kubectl delete ns payments\"));\n\n    public override void Define", StringComparison.Ordinal));
        Assert.Empty(compileErrors);
        var page = GeneratorHarness.EmbeddedMarkdown(GeneratorHarness.GeneratedSource(run, "Payments_ApiDown.Runbook.g.cs"));

        Assert.Empty(run.Diagnostics);
        Assert.Contains("### 1.1 Check pods", page);
        Assert.Contains("### 2.1 Check pods", page);
        Assert.DoesNotContain("Ghost step", page);
    }

    [Fact]
    public void A_local_function_that_calls_itself_is_reported_where_it_does()
    {
        var (diagnostics, _) = Generate("""
                    void Checks(IRunbookBuilder b)
                    {
                        b.Verification(v => v.Step("Health is green", s => s.Http("GET", "https://payments.example.com/health").ExpectStatus(200)));
                        Checks(b);
                    }

                    Checks(rb);
            """ + Chain);

        var unreadable = Assert.Single(diagnostics, d => d.Id == "RB0101");
        Assert.Contains("'Checks(b)'", unreadable.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Code_around_the_chain_in_a_called_local_function_is_reported_and_the_uncalled_copy_is_not()
    {
        var (diagnostics, page) = Generate("""
                    void Checks(IRunbookBuilder b)
                    {
                        if (DateTime.Now.Hour > 8) b.Verification(v => v.Step("Health is green", s => s.Http("GET", "https://payments.example.com/health").ExpectStatus(200)));
                    }

                    void Unused(IRunbookBuilder b)
                    {
                        if (DateTime.Now.Hour > 8) b.Verification(v => v.Step("Ghost health check", s => s.Http("GET", "https://ghost.example.com/health").ExpectStatus(200)));
                    }

                    Checks(rb);
            """ + Chain);

        var unreadable = Assert.Single(diagnostics, d => d.Id == "RB0101");
        Assert.Contains("if (DateTime.Now.Hour > 8) b.Verification", unreadable.GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain("Ghost health check", page);
    }

    [Fact]
    public void A_local_function_that_takes_more_than_the_builder_is_reported_where_it_is_called()
    {
        var (diagnostics, page) = Generate("""
                    void Checks(IRunbookBuilder b, string url) => b.Verification(v => v.Step("Health is green", s => s.Http("GET", url).ExpectStatus(200)));

                    Checks(rb, "https://payments.example.com/health");
            """ + Chain);

        var unreadable = Assert.Single(diagnostics, d => d.Id == "RB0101");
        Assert.Contains("Checks(rb, ", unreadable.GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain("Health is green", page);
    }

    // What follows a return never runs: the runner records none of it, so the page shows none of it and reports none
    // of it as code it cannot show (the compiler's CS0162 already points at it). A local function declared after the
    // return still runs where it is called, before it, and is read there.
    [Fact]
    public void Code_after_a_return_is_not_on_the_page_and_a_local_function_declared_after_it_is_read_where_it_is_called()
    {
        var (diagnostics, page) = Generate("""
                    IRunbookBuilder Checks(IRunbookBuilder b)
                    {
                        return b.Verification(v => v.Step("Health is green", s => s.Http("GET", "https://payments.example.com/health").ExpectStatus(200)));
                        b.Verification(v => v.Step("Ghost health check", s => s.Http("GET", "https://ghost.example.com/health").ExpectStatus(200)));
                    }

                    Checks(rb);
            """ + Chain + """
                    Extra(rb);
                    return;
                    if (DateTime.Now.Hour > 8) rb.Escalation(e => e.Level("Ghost manager", TimeSpan.FromMinutes(5), "+1 555 0199"));
                    rb.Verification(v => v.Step("Ghost soak", s => s.Run("sleep 60")));

                    void Extra(IRunbookBuilder b) => b.Escalation(e => e.Level("Late on-call", TimeSpan.Zero, "pager"));
            """);

        Assert.DoesNotContain(diagnostics, d => d.Id == "RB0101");
        Assert.Contains("Health is green", page);
        Assert.Contains("Check pods", page);
        Assert.DoesNotContain("Ghost health check", page);
        Assert.DoesNotContain("Ghost manager", page);
        Assert.DoesNotContain("Ghost soak", page);
        Assert.Contains("Late on-call", page);
    }
}
