using RunbookSdk.Generators.Tests.Support;

namespace RunbookSdk.Generators.Tests.Docs;

/// <summary>
/// A method of the runbook's own class that <c>Define</c> (or a lambda in it) hands the builder to — <c>AddChecks(rb);</c>
/// with <c>private static void AddChecks(IRunbookBuilder rb) =&gt; rb.Verification(…);</c>, or <c>p =&gt; { Pods(p);
/// Logs(p); }</c> — runs where it is called, once per call, and the page reads it there, as it reads a local function
/// of <c>Define</c> (LocalFunctionPageTests) and as the analyzers count its sections. Before, each such call was RB0101
/// and the page lacked its steps and sections while the runner ran them. The same limits hold: a method that takes only
/// the builder, not generic, not overloaded, not virtual, not calling itself; anything else stays RB0101 (a static method of another
/// class is read under the same limits, StaticHelperPageTests).
/// </summary>
public sealed class ClassMethodCallPageTests
{
    private static string Runbook(string body, string members, string modifiers = "sealed") => $$"""
        using System;
        using RunbookSdk;

        namespace Payments;

        [Runbook("payments-api-down")]
        public {{modifiers}} class ApiDown : Runbook<PaymentsHandbook>
        {
        {{members}}
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

    private const string Inline = """
                rb.Title("Payments API down")
                    .Phase("Diagnose", p => p.Step("Check pods", s => s.Run("kubectl get pods -n payments")))
                    .Phase("Mitigate", p => p.Step("Restart", s => s.Run("kubectl rollout restart deployment/api -n payments").RequiresConfirmation()))
                    .Verification(v => v.Step("Health is green", s => s.Http("GET", "https://payments.example.com/health").ExpectStatus(200)))
                    .Rollback(r => r.Step("Undo scale", s => s.Run("kubectl scale deployment/api --replicas=2 -n payments").RequiresConfirmation()));
        """;

    private static (IReadOnlyList<Microsoft.CodeAnalysis.Diagnostic> Diagnostics, string Page) Generate(params string[] files)
    {
        var (run, compileErrors) = GeneratorHarness.Run([TestRunbooks.Handbook, .. files]);
        Assert.Empty(compileErrors);
        return (run.Diagnostics, GeneratorHarness.EmbeddedMarkdown(GeneratorHarness.GeneratedSource(run, "Payments_ApiDown.Runbook.g.cs")));
    }

    [Fact]
    public void A_method_of_the_class_the_builder_is_handed_to_gives_the_page_of_the_same_runbook_written_inline()
    {
        var (diagnostics, page) = Generate(Runbook("""
                    rb.Title("Payments API down");
                    this.Diagnose(rb);
                    rb.Phase("Mitigate", p => p.Step("Restart", s => s.Run("kubectl rollout restart deployment/api -n payments").RequiresConfirmation()));
                    AddChecks(builder: rb);
                    rb.Rollback(r => r.Step("Undo scale", s => s.Run("kubectl scale deployment/api --replicas=2 -n payments").RequiresConfirmation()));
            """, """
                private void Diagnose(IRunbookBuilder b) => b.Phase("Diagnose", p => p.Step("Check pods", s => s.Run("kubectl get pods -n payments")));

                private static void AddChecks(IRunbookBuilder builder)
                {
                    builder.Verification(v => v.Step("Health is green", s => s.Http("GET", "https://payments.example.com/health").ExpectStatus(200)));
                }

            """));
        var (_, inline) = Generate(Runbook(Inline, ""));

        Assert.Empty(diagnostics);
        Assert.Equal(inline, page);
        Assert.Contains("Check pods", page, StringComparison.Ordinal);
        Assert.Contains("https://payments.example.com/health", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_phase_builder_handed_to_methods_of_the_class_gives_the_page_of_the_phase_written_inline()
    {
        var (diagnostics, page) = Generate(Runbook("""
                    rb.Title("Payments API down")
                        .Phase("Diagnose", p => { Pods(p); Logs(p); })
                        .Phase("Look again", p => { Logs(p); })
                        .NoRollback("read-only");
            """, """
                private static void Pods(IPhaseBuilder p) => p.Step("Check pods", s => s.Run("kubectl get pods -n payments"));

                private static void Logs(IPhaseBuilder phase) => phase.Step("Read logs", s => s.Run("kubectl logs deployment/api -n payments --tail=200"));

            """));
        var (_, inline) = Generate(Runbook("""
                    rb.Title("Payments API down")
                        .Phase("Diagnose", p => p
                            .Step("Check pods", s => s.Run("kubectl get pods -n payments"))
                            .Step("Read logs", s => s.Run("kubectl logs deployment/api -n payments --tail=200")))
                        .Phase("Look again", p => p.Step("Read logs", s => s.Run("kubectl logs deployment/api -n payments --tail=200")))
                        .NoRollback("read-only");
            """, ""));

        Assert.Empty(diagnostics);
        Assert.Equal(inline, page);
    }

    [Fact]
    public void A_method_called_twice_is_on_the_page_twice_and_one_that_calls_another_is_read_through_it()
    {
        var (diagnostics, page) = Generate(Runbook("""
                    rb.Title("Payments API down")
                        .Phase("Diagnose", p => { Pods(p); p.Step("Restart", s => s.Run("kubectl rollout restart deployment/api -n payments").RequiresConfirmation()); Pods(p); })
                        .NoRollback("read-only");
                    AddChecks(rb);
            """, """
                private static void Pods(IPhaseBuilder p) => p.Step("Check pods", s => s.Run("kubectl get pods -n payments"));

                private static void AddChecks(IRunbookBuilder rb) => rb.Verification(v => { Pods(v); });

            """));
        var (_, inline) = Generate(Runbook("""
                    rb.Title("Payments API down")
                        .Phase("Diagnose", p => p
                            .Step("Check pods", s => s.Run("kubectl get pods -n payments"))
                            .Step("Restart", s => s.Run("kubectl rollout restart deployment/api -n payments").RequiresConfirmation())
                            .Step("Check pods", s => s.Run("kubectl get pods -n payments")))
                        .NoRollback("read-only")
                        .Verification(v => v.Step("Check pods", s => s.Run("kubectl get pods -n payments")));
            """, ""));

        Assert.Empty(diagnostics);
        Assert.Equal(inline, page);
        Assert.Contains("### 1.3 Check pods", page, StringComparison.Ordinal);
    }

    // A chain may start with a method of the class that returns the builder it is handed (also this.Method(rb), or in
    // another part): the runner makes the calls chained on it on that builder, after the method's own. Before, the whole
    // chain was RB0101 and the page lacked all of it.
    [Fact]
    public void A_chain_that_starts_with_a_method_of_the_class_returning_the_builder_gives_the_page_of_the_same_runbook_written_inline()
    {
        var definePart = Runbook("""
                    Diagnose(rb)
                        .Phase("Mitigate", p => Restart(p));
                    this.AddChecks(builder: rb)
                        .Rollback(r => r.Step("Undo scale", s => s.Run("kubectl scale deployment/api --replicas=2 -n payments").RequiresConfirmation()));
            """, """
                private static IRunbookBuilder Diagnose(IRunbookBuilder b) =>
                    b.Title("Payments API down").Phase("Diagnose", p => p.Step("Check pods", s => s.Run("kubectl get pods -n payments")));

            """, modifiers: "sealed partial");
        const string methodsPart = """
            using RunbookSdk;

            namespace Payments;

            public sealed partial class ApiDown
            {
                private static IPhaseBuilder Restart(IPhaseBuilder p) => p.Step("Restart", s => s.Run("kubectl rollout restart deployment/api -n payments").RequiresConfirmation());

                private IRunbookBuilder AddChecks(IRunbookBuilder builder)
                {
                    builder.Verification(v => v.Step("Health is green", s => s.Http("GET", "https://payments.example.com/health").ExpectStatus(200)));
                    return builder;
                }
            }
            """;

        var (diagnostics, page) = Generate(definePart, methodsPart);
        var (_, inline) = Generate(Runbook(Inline, ""));

        Assert.Empty(diagnostics);
        Assert.Equal(inline, page);
        Assert.Contains("Undo scale", page, StringComparison.Ordinal);
    }

    // Each keeps RB0101 on the whole chain, as a method the page cannot read does at a statement: an overloaded name and
    // a virtual method at the start of a chain.
    [Theory]
    [InlineData("private static IRunbookBuilder AddChecks(IRunbookBuilder rb) => rb.Verification(v => v.Step(\"Health is green\", s => s.Http(\"GET\", \"https://payments.example.com/health\").ExpectStatus(200)));\n    private static IRunbookBuilder AddChecks(IRunbookBuilder rb, int n) => rb;", "sealed")]
    [InlineData("protected virtual IRunbookBuilder AddChecks(IRunbookBuilder rb) => rb.Verification(v => v.Step(\"Health is green\", s => s.Http(\"GET\", \"https://payments.example.com/health\").ExpectStatus(200)));", "")]
    public void A_chain_that_starts_with_a_method_the_page_cannot_read_keeps_RB0101_on_the_chain(string members, string modifiers)
    {
        var (diagnostics, page) = Generate(Runbook("""
                    AddChecks(rb).Title("Payments API down").NoRollback("read-only");
            """ + Chain, members + "\n", modifiers));

        var unreadable = Assert.Single(diagnostics, d => d.Id == "RB0101");
        Assert.Contains("AddChecks(rb).Title(", unreadable.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain("Health is green", page, StringComparison.Ordinal);
        Assert.Contains("Check pods", page, StringComparison.Ordinal);
    }

    // Define in one file of a partial runbook, the methods it hands the builder to in another.
    [Fact]
    public void A_method_of_another_part_of_a_partial_runbook_gives_the_page_of_the_same_runbook_written_inline()
    {
        var definePart = Runbook("""
                    rb.Title("Payments API down");
                    Diagnose(rb);
                    rb.Phase("Mitigate", p => { Restart(p); });
                    AddChecks(rb);
                    rb.Rollback(r => r.Step("Undo scale", s => s.Run("kubectl scale deployment/api --replicas=2 -n payments").RequiresConfirmation()));
            """, "", modifiers: "sealed partial");
        const string methodsPart = """
            using RunbookSdk;

            namespace Payments;

            public sealed partial class ApiDown
            {
                private const string Namespace = "payments";

                private static void Diagnose(IRunbookBuilder b) => b.Phase("Diagnose", p => p.Step("Check pods", s => s.Run($"kubectl get pods -n {Namespace}")));

                private static void Restart(IPhaseBuilder p) => p.Step("Restart", s => s.Run("kubectl rollout restart deployment/api -n payments").RequiresConfirmation());

                private static void AddChecks(IRunbookBuilder rb) =>
                    rb.Verification(v => v.Step("Health is green", s => s.Http("GET", "https://payments.example.com/health").ExpectStatus(200)));
            }
            """;

        var (diagnostics, page) = Generate(definePart, methodsPart);
        var (_, inline) = Generate(Runbook(Inline, ""));

        Assert.Empty(diagnostics);
        Assert.Equal(inline, page);
    }

    // Each keeps RB0101 at its call, and the page shows none of what it adds: an overloaded name (which one runs is the
    // compiler's to say), a virtual method (a derived runbook may replace it), one that takes more than the builder, one
    // handed something else, and a method of another class.
    [Theory]
    [InlineData("AddChecks(rb);", "private static void AddChecks(IRunbookBuilder rb) => rb.Verification(v => v.Step(\"Health is green\", s => s.Http(\"GET\", \"https://payments.example.com/health\").ExpectStatus(200)));\n    private static void AddChecks(IRunbookBuilder rb, int n) => rb.Verification(v => v.Step(\"Other\", s => s.Run(\"uptime\")));", "sealed")]
    [InlineData("AddChecks(rb);", "protected virtual void AddChecks(IRunbookBuilder rb) => rb.Verification(v => v.Step(\"Health is green\", s => s.Http(\"GET\", \"https://payments.example.com/health\").ExpectStatus(200)));", "")]
    [InlineData("AddChecks(rb, \"https://payments.example.com/health\");", "private static void AddChecks(IRunbookBuilder rb, string url) => rb.Verification(v => v.Step(\"Health is green\", s => s.Http(\"GET\", url).ExpectStatus(200)));", "sealed")]
    [InlineData("Helpers.AddChecks(rb);", "private static class Helpers { public static void AddChecks(IRunbookBuilder rb) => rb.Verification(v => v.Step(\"Health is green\", s => s.Http(\"GET\", \"https://payments.example.com/health\").ExpectStatus(200))); public static void AddChecks(IRunbookBuilder rb, int n) { } }", "sealed")]
    public void A_method_the_page_cannot_read_keeps_RB0101_at_its_call(string call, string members, string modifiers)
    {
        var (diagnostics, page) = Generate(Runbook("        " + call + "\n" + Chain, members + "\n", modifiers));

        var unreadable = Assert.Single(diagnostics, d => d.Id == "RB0101");
        Assert.Contains(call.TrimEnd(';'), unreadable.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain("Health is green", page, StringComparison.Ordinal);
        Assert.Contains("Check pods", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_method_that_calls_itself_is_reported_where_it_does()
    {
        var (diagnostics, _) = Generate(Runbook("        AddChecks(rb);\n" + Chain, """
                private static void AddChecks(IRunbookBuilder b)
                {
                    b.Verification(v => v.Step("Health is green", s => s.Http("GET", "https://payments.example.com/health").ExpectStatus(200)));
                    AddChecks(b);
                }

            """));

        var unreadable = Assert.Single(diagnostics, d => d.Id == "RB0101");
        Assert.Contains("'AddChecks(b)'", unreadable.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    // A local function of Define hides the class's method of the same name, as C# binds the call.
    [Fact]
    public void A_local_function_of_the_same_name_is_read_in_place_of_the_method()
    {
        var (diagnostics, page) = Generate(Runbook("""
                    void AddChecks(IRunbookBuilder b) => b.Verification(v => v.Step("Health is green", s => s.Http("GET", "https://payments.example.com/health").ExpectStatus(200)));

                    AddChecks(rb);
            """ + Chain, """
                private static void AddChecks(IRunbookBuilder rb) => rb.Verification(v => v.Step("Ghost check", s => s.Run("kubectl delete ns payments")));

            """));

        Assert.Empty(diagnostics);
        Assert.Contains("Health is green", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Ghost check", page, StringComparison.Ordinal);
    }

    // A team base declaring a method of the same name: C# drops the base's only when one of the runbook's own fits, so a
    // hand-off or a method group the runbook's own method does not fit runs the base's, and the page must not show the
    // runbook's body in its place. Where the runbook's own fits, it is the one that runs and is read.
    private const string TeamBase = """
        using RunbookSdk;
        namespace Payments;
        public abstract class TeamRunbook : Runbook<PaymentsHandbook>
        {
            protected static void AddChecks(IRunbookBuilder rb) => rb.Verification(v => v.Step("Team health", s => s.Run("uptime")));
            protected static void Pods(IPhaseBuilder p) => p.Step("Team pods", s => s.Run("kubectl get pods -A"));
        }
        """;

    [Theory]
    [InlineData("AddChecks(rb);", "AddChecks(rb)", "private static void AddChecks(IPhaseBuilder p) => p.Step(\"Own step\", s => s.Run(\"kubectl delete ns payments\"));")]
    [InlineData("rb.Phase(\"Diagnose\", Pods);", "Pods", "private static void Pods(IStepBuilder s) => s.Run(\"kubectl delete ns payments\");")]
    [InlineData("rb.Phase(\"Diagnose\", p => Pods(p));", "p => Pods(p)", "private static void Pods(IStepBuilder s) => s.Run(\"kubectl delete ns payments\");")]
    public void A_method_of_the_class_that_the_call_does_not_run_because_a_base_class_overload_fits_is_reported_not_read(string call, string quoted, string members)
    {
        var runbook = Runbook("        rb.Title(\"Payments API down\").NoRollback(\"read-only\");\n        " + call, members)
            .Replace(": Runbook<PaymentsHandbook>", ": TeamRunbook", StringComparison.Ordinal);
        var (diagnostics, page) = Generate(runbook, TeamBase);

        var unreadable = Assert.Single(diagnostics, d => d.Id == "RB0101");
        var message = unreadable.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("'" + quoted + "'", message, StringComparison.Ordinal);
        Assert.Contains("'TeamRunbook' declares", message, StringComparison.Ordinal);
        Assert.DoesNotContain("kubectl delete ns payments", page, StringComparison.Ordinal);
        Assert.Contains("may be incomplete", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_method_of_the_class_that_fits_the_call_is_read_though_a_base_class_declares_the_name()
    {
        var runbook = Runbook("""
                    rb.Title("Payments API down").NoRollback("read-only");
                    AddChecks(rb);
            """, """
                private static void AddChecks(IRunbookBuilder rb) => rb.Verification(v => v.Step("Own health", s => s.Run("uptime -p")));
            """).Replace(": Runbook<PaymentsHandbook>", ": TeamRunbook", StringComparison.Ordinal);
        var (diagnostics, page) = Generate(runbook, TeamBase);

        Assert.DoesNotContain(diagnostics, d => d.Id == "RB0101");
        Assert.Contains("Own health", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Team health", page, StringComparison.Ordinal);
    }
}
