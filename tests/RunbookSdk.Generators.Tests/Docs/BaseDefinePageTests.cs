using Microsoft.CodeAnalysis;
using RunbookSdk.Generators.Tests.Support;

namespace RunbookSdk.Generators.Tests.Docs;

/// <summary>
/// A team's base class whose <c>Define</c> a runbook calls — <c>base.Define(rb);</c>, before or after its own calls —
/// runs there, once per call, and the page reads its body there, as it reads a method of the runbook's own class
/// (ClassMethodCallPageTests) and as the analyzers count the base's sections there. Before, the call was RB0101 ("cannot
/// read 'base.Define(rb)' statically") and the page said no verification was defined while the runner ran the base's.
/// The same limits hold: the base's Define has its source in the compilation and a body; one that calls
/// <c>base.Define</c> itself is read on up, to the nesting bound; anything else stays RB0101 with its words.
/// </summary>
public sealed class BaseDefinePageTests
{
    private const string PaymentsRunbook = """
        using System;
        using RunbookSdk;

        namespace Payments;

        public abstract class PaymentsRunbook : Runbook<PaymentsHandbook>
        {
            public override void Define(IRunbookBuilder rb) => rb
                .Verification(v => v.Step("Health is green", s => s.Http("GET", "https://payments.example.com/health").ExpectStatus(200)));
        }
        """;

    private static string Runbook(string body, string baseClass = "PaymentsRunbook") => $$"""
        using System;
        using RunbookSdk;

        namespace Payments;

        [Runbook("payments-api-down")]
        public sealed class ApiDown : {{baseClass}}
        {
            public override void Define(IRunbookBuilder rb)
            {
        {{body}}
            }
        }
        """;

    private const string Inline = """
                rb.Title("Payments API down")
                    .Phase("Diagnose", p => p.Step("Check pods", s => s.Run("kubectl get pods -n payments")))
                    .NoRollback("read-only")
                    .Verification(v => v.Step("Health is green", s => s.Http("GET", "https://payments.example.com/health").ExpectStatus(200)));
        """;

    private static (IReadOnlyList<Diagnostic> Diagnostics, string Page) Generate(params string[] files)
    {
        var (run, compileErrors) = GeneratorHarness.Run([TestRunbooks.Handbook, .. files]);
        Assert.Empty(compileErrors);
        return (run.Diagnostics, GeneratorHarness.EmbeddedMarkdown(GeneratorHarness.GeneratedSource(run, "Payments_ApiDown.Runbook.g.cs")));
    }

    private static string InlinePage(string body = Inline) => Generate(Runbook(body, "Runbook<PaymentsHandbook>")).Page;

    [Fact]
    public void A_base_Define_called_after_the_runbooks_own_calls_gives_the_page_of_the_same_runbook_written_inline()
    {
        var (diagnostics, page) = Generate(PaymentsRunbook, Runbook("""
                    rb.Title("Payments API down")
                        .Phase("Diagnose", p => p.Step("Check pods", s => s.Run("kubectl get pods -n payments")))
                        .NoRollback("read-only");
                    base.Define(rb);
            """));

        Assert.Empty(diagnostics);
        Assert.Equal(InlinePage(), page);
        Assert.DoesNotContain("No verification is defined", page, StringComparison.Ordinal);
        Assert.Contains("https://payments.example.com/health", page, StringComparison.Ordinal);
    }

    // Called first, in a block, with the parameter named builder, and with a method of the base's own class it hands
    // the builder to and one it gives in place of a lambda: the base's methods are looked up in the base's class.
    [Fact]
    public void A_base_Define_called_before_the_runbooks_own_calls_reads_the_methods_of_the_base_class()
    {
        const string withMethods = """
            using System;
            using RunbookSdk;

            namespace Payments;

            public abstract class PaymentsRunbook : Runbook<PaymentsHandbook>
            {
                public override void Define(IRunbookBuilder builder)
                {
                    builder.Title("Payments API down");
                    Diagnose(builder);
                }

                private static void Diagnose(IRunbookBuilder b) => b.Phase("Diagnose", CheckPods);

                private static void CheckPods(IPhaseBuilder p) => p.Step("Check pods", s => s.Run("kubectl get pods -n payments"));
            }
            """;
        var (diagnostics, page) = Generate(withMethods, Runbook("""
                    base.Define(builder: rb);
                    rb.NoRollback("read-only")
                        .Verification(v => v.Step("Health is green", s => s.Http("GET", "https://payments.example.com/health").ExpectStatus(200)));
            """));

        Assert.Empty(diagnostics);
        Assert.Equal(InlinePage(), page);
        Assert.Contains("Check pods", page, StringComparison.Ordinal);
    }

    // A base whose Define calls base.Define further up, through a class that declares no Define of its own: the
    // compiler calls the nearest Define up the chain, and the page reads each where it is called. Twice is twice.
    [Fact]
    public void A_base_Define_that_calls_its_own_base_is_read_on_up_and_once_per_call()
    {
        const string chain = """
            using RunbookSdk;

            namespace Payments;

            public abstract class TeamRunbook : Runbook<PaymentsHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb.Phase("Diagnose", p => p.Step("Check pods", s => s.Run("kubectl get pods -n payments")));
            }

            public abstract class QuietRunbook : TeamRunbook
            {
            }

            public abstract class PaymentsRunbook : QuietRunbook
            {
                public override void Define(IRunbookBuilder rb)
                {
                    base.Define(rb);
                    rb.NoRollback("read-only");
                }
            }
            """;
        var (diagnostics, page) = Generate(chain, Runbook("""
                    rb.Title("Payments API down");
                    base.Define(rb);
                    rb.Verification(v => v.Step("Health is green", s => s.Http("GET", "https://payments.example.com/health").ExpectStatus(200)));
                    base.Define(rb);
            """));

        Assert.Empty(diagnostics);
        Assert.Equal(InlinePage("""
                    rb.Title("Payments API down")
                        .Phase("Diagnose", p => p.Step("Check pods", s => s.Run("kubectl get pods -n payments")))
                        .NoRollback("read-only")
                        .Verification(v => v.Step("Health is green", s => s.Http("GET", "https://payments.example.com/health").ExpectStatus(200)))
                        .Phase("Diagnose", p => p.Step("Check pods", s => s.Run("kubectl get pods -n payments")))
                        .NoRollback("read-only");
            """), page);
    }

    // Nine classes each calling the one above: deeper than the analyzers read nested builder methods (MaxNesting = 8).
    [Fact]
    public void A_chain_of_base_Defines_deeper_than_the_nesting_bound_is_reported_where_the_page_stops()
    {
        var classes = new System.Text.StringBuilder("using RunbookSdk;\nnamespace Payments;\n");
        classes.AppendLine("public abstract class Level0 : Runbook<PaymentsHandbook> { public override void Define(IRunbookBuilder rb) => rb.NoRollback(\"read-only\"); }");
        for (var level = 1; level <= 9; level++)
            classes.AppendLine($"public abstract class Level{level} : Level{level - 1} {{ public override void Define(IRunbookBuilder rb) {{ rb.Symptoms(\"level {level}\"); base.Define(rb); }} }}");

        var (diagnostics, page) = Generate(classes.ToString(), Runbook("""
                    rb.Title("Payments API down");
                    base.Define(rb);
            """, "Level9"));

        var unreadable = Assert.Single(diagnostics, d => d.Id == "RB0101");
        Assert.Contains("'base.Define(rb)'", unreadable.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("level 9", page, StringComparison.Ordinal);
        Assert.Contains("level 2", page, StringComparison.Ordinal);
        Assert.DoesNotContain("level 1", page, StringComparison.Ordinal);
    }

    // A base compiled in another project is metadata here, as in a build: its body is not the page's to read.
    [Fact]
    public void A_base_Define_of_another_project_keeps_RB0101_at_the_call()
    {
        var library = GeneratorHarness.Compile(TestRunbooks.Handbook, PaymentsRunbook).WithAssemblyName("Team");
        var compilation = GeneratorHarness.Compile(Runbook("""
                    rb.Title("Payments API down").NoRollback("read-only");
                    base.Define(rb);
            """)).AddReferences(MetadataReference.CreateFromImage(ProjectAssemblies.Emit(library).ToArray()));
        var run = GeneratorHarness.CreateDriver().RunGenerators(compilation).GetRunResult();

        var unreadable = Assert.Single(run.Diagnostics, d => d.Id == "RB0101");
        Assert.Contains("cannot read 'base.Define(rb)' statically", unreadable.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("No verification is defined",
            GeneratorHarness.EmbeddedMarkdown(GeneratorHarness.GeneratedSource(run, "Payments_ApiDown.Runbook.g.cs")), StringComparison.Ordinal);
    }
}
