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
/// A runbook that declares no <c>Define</c> at all runs the nearest one up its base classes, and the page reads that one
/// as the runbook's own; before, its page had no steps and said no rollback and no verification were defined, without
/// RB0101. One the page cannot read (abstract, of another project) is RB0101 on the runbook's name, with why. A virtual
/// or abstract method of a base, which the runbook may replace, is not read from the base's body: RB0101 where it is used.
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

    private static string InlinePage(string body = Inline, string baseClass = "Runbook<PaymentsHandbook>") => Generate(Runbook(body, baseClass)).Page;

    /// <summary>A runbook that declares no <c>Define</c>: the runner calls the one it inherits.</summary>
    private static string RunbookWithoutDefine(string baseClass = "PaymentsRunbook", string members = "") => $$"""
        using System;
        using RunbookSdk;

        namespace Payments;

        [Runbook("payments-api-down")]
        public sealed class ApiDown : {{baseClass}}
        {
        {{members}}
        }
        """;

    // The whole runbook in the base: its title, a parameter of the base in a command, a method of the base's class
    // handed the builder and one given in place of a lambda, rollback and verification.
    private const string WholeRunbookBase = """
        using System;
        using RunbookSdk;

        namespace Payments;

        public abstract class PaymentsParameters : Runbook<PaymentsHandbook>
        {
            [Parameter("Kubernetes namespace")] public string Namespace { get; init; } = "payments";
        }

        public abstract class PaymentsRunbook : PaymentsParameters
        {
            public override void Define(IRunbookBuilder builder)
            {
                builder.Title("Payments API down");
                Diagnose(builder);
                builder.Rollback(r => r.Step("Undo scale", s => s.Run($"kubectl scale deployment/api --replicas=2 -n {Namespace}").RequiresConfirmation()))
                    .Verification(v => v.Step("Health is green", s => s.Http("GET", "https://payments.example.com/health").ExpectStatus(200)));
            }

            private void Diagnose(IRunbookBuilder b) => b.Phase("Diagnose", CheckPods);

            private void CheckPods(IPhaseBuilder p) => p.Step("Check pods", s => s.Run($"kubectl get pods -n {Namespace}"));
        }
        """;

    private const string WholeRunbookInline = """
                rb.Title("Payments API down")
                    .Phase("Diagnose", p => p.Step("Check pods", s => s.Run($"kubectl get pods -n {Namespace}")))
                    .Rollback(r => r.Step("Undo scale", s => s.Run($"kubectl scale deployment/api --replicas=2 -n {Namespace}").RequiresConfirmation()))
                    .Verification(v => v.Step("Health is green", s => s.Http("GET", "https://payments.example.com/health").ExpectStatus(200)));
        """;

    // Written plainly, the runbook is read without binding its base list (UnboundRunbook); with a qualified base, bound.
    [Theory]
    [InlineData("PaymentsRunbook")]
    [InlineData("Payments.PaymentsRunbook")]
    public void A_runbook_without_a_Define_of_its_own_gets_the_page_of_the_same_runbook_written_inline(string baseClass)
    {
        var (diagnostics, page) = Generate(WholeRunbookBase, RunbookWithoutDefine(baseClass));

        Assert.Empty(diagnostics);
        // The inline runbook derives from the class that declares the parameter, so both tables are the same.
        Assert.Equal(Generate(WholeRunbookBase.Replace("public abstract class PaymentsRunbook", "public abstract class UnusedRunbook", StringComparison.Ordinal),
            Runbook(WholeRunbookInline, "PaymentsParameters")).Page, page);
        Assert.Contains("Check pods", page, StringComparison.Ordinal);
        Assert.Contains("Undo scale", page, StringComparison.Ordinal);
        Assert.DoesNotContain("No verification is defined", page, StringComparison.Ordinal);
    }

    // The nearest Define up the chain, past a class that declares none, which calls base.Define further up itself.
    [Fact]
    public void A_runbook_without_a_Define_reads_the_nearest_one_up_its_base_classes_and_what_that_calls()
    {
        const string chain = """
            using RunbookSdk;

            namespace Payments;

            public abstract class TeamRunbook : Runbook<PaymentsHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb.Phase("Diagnose", p => p.Step("Check pods", s => s.Run("kubectl get pods -n payments")));
            }

            public abstract class PaymentsRunbook : TeamRunbook
            {
                public override void Define(IRunbookBuilder rb)
                {
                    rb.Title("Payments API down");
                    base.Define(rb);
                    rb.NoRollback("read-only")
                        .Verification(v => v.Step("Health is green", s => s.Http("GET", "https://payments.example.com/health").ExpectStatus(200)));
                }
            }

            public abstract class QuietRunbook : PaymentsRunbook
            {
            }
            """;
        var (diagnostics, page) = Generate(chain, RunbookWithoutDefine("QuietRunbook"));

        Assert.Empty(diagnostics);
        Assert.Equal(InlinePage(), page);
    }

    // A base of another project (metadata here, as in a build), and a base whose Define is abstract (the compiler's
    // CS0534 too): RB0101 on the runbook's name says the runner runs a Define the page does not show, and why.
    [Fact]
    public void A_runbook_without_a_Define_that_inherits_one_of_another_project_gets_RB0101_on_its_name()
    {
        var library = GeneratorHarness.Compile(TestRunbooks.Handbook, PaymentsRunbook).WithAssemblyName("Team");
        var compilation = GeneratorHarness.Compile(RunbookWithoutDefine())
            .AddReferences(MetadataReference.CreateFromImage(ProjectAssemblies.Emit(library).ToArray()));
        var run = GeneratorHarness.CreateDriver().RunGenerators(compilation).GetRunResult();

        var unreadable = Assert.Single(run.Diagnostics, d => d.Id == "RB0101");
        var message = unreadable.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("cannot read 'PaymentsRunbook.Define' statically", message, StringComparison.Ordinal);
        Assert.Equal("ApiDown: the generator cannot read 'PaymentsRunbook.Define' statically, so the generated docs may not describe what the runner does; " +
            "the class declares no Define, so the runner runs the one it inherits from 'PaymentsRunbook', but its source is not in this compilation " +
            "(it is compiled in 'Team'), and the page shows none of its steps: override Define in the class and write them with the DSL's own calls", message);
        Assert.Equal("ApiDown", unreadable.Location.SourceTree!.GetText().ToString(unreadable.Location.SourceSpan));
    }

    [Fact]
    public void A_runbook_without_a_Define_whose_nearest_Define_is_abstract_gets_RB0101_on_its_name()
    {
        const string abstractBase = """
            using RunbookSdk;

            namespace Payments;

            public abstract class TeamRunbook : Runbook<PaymentsHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb.NoRollback("read-only");
            }

            public abstract class PaymentsRunbook : TeamRunbook
            {
                public abstract override void Define(IRunbookBuilder rb);
            }
            """;
        var (run, _) = GeneratorHarness.Run([TestRunbooks.Handbook, abstractBase, RunbookWithoutDefine()]);

        var unreadable = Assert.Single(run.Diagnostics, d => d.Id == "RB0101");
        Assert.Equal("ApiDown: the generator cannot read 'PaymentsRunbook.Define' statically, so the generated docs may not describe what the runner does; " +
            "the class declares no Define, so the runner runs the one it inherits from 'PaymentsRunbook', but it is abstract, " +
            "and the page shows none of its steps: override Define in the class and write them with the DSL's own calls",
            unreadable.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    // A virtual or abstract member of the base that the base's Define uses and the runbook overrides: the runner runs
    // the runbook's, so the base's body must not stand in for it. Read inherited and where base.Define(rb) calls it.
    private const string OverridableBase = """
        using System;
        using RunbookSdk;

        namespace Payments;

        public abstract class PaymentsRunbook : Runbook<PaymentsHandbook>
        {
            protected virtual string Service => "api";

            public override void Define(IRunbookBuilder rb) => rb
                .Title("Payments API down")
                .Phase("Diagnose", Diagnose)
                .Phase("Mitigate", Mitigate)
                .Rollback(r => r.Step("Restart", s => s.Run($"systemctl restart {Service}").RequiresConfirmation()))
                .Verification(v => v.Step("Health is green", s => s.Http("GET", "https://payments.example.com/health").ExpectStatus(200)));

            protected virtual void Diagnose(IPhaseBuilder p) => p.Step("Base pods", s => s.Run("kubectl get pods -n payments"));

            protected abstract void Mitigate(IPhaseBuilder p);
        }
        """;

    private const string Overrides = """
            protected override string Service => "payments-api";

            protected override void Diagnose(IPhaseBuilder p) => p.Step("Own pods", s => s.Run("kubectl get pods -n payments-api"));

            protected override void Mitigate(IPhaseBuilder p) => p.Step("Scale", s => s.Run("kubectl scale deployment/api --replicas=4 -n payments").RequiresConfirmation());
        """;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_virtual_or_abstract_member_of_the_base_is_not_read_from_the_base_as_if_it_were_the_runbooks(bool callsBaseDefine)
    {
        var runbook = callsBaseDefine
            ? RunbookWithoutDefine(members: Overrides + "\n    public override void Define(IRunbookBuilder rb) => base.Define(rb);")
            : RunbookWithoutDefine(members: Overrides);
        var (diagnostics, page) = Generate(OverridableBase, runbook);

        var messages = diagnostics.Where(d => d.Id == "RB0101").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, messages.Count);
        Assert.Contains(messages, m => m.Contains("'Diagnose'", StringComparison.Ordinal) && m.Contains("'Diagnose' is virtual in 'PaymentsRunbook'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("'Mitigate'", StringComparison.Ordinal) && m.Contains("'Mitigate' is abstract in 'PaymentsRunbook'", StringComparison.Ordinal));
        Assert.DoesNotContain("Base pods", page, StringComparison.Ordinal);
        // A virtual property is a hole as written, never the base's value.
        Assert.Contains("{Service}", page, StringComparison.Ordinal);
        Assert.DoesNotContain("systemctl restart api", page, StringComparison.Ordinal);
        Assert.Contains("Health is green", page, StringComparison.Ordinal);
    }

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
        // The runner runs the base's verification: the page says it could read none, and names the call it could not read.
        var page = GeneratorHarness.EmbeddedMarkdown(GeneratorHarness.GeneratedSource(run, "Payments_ApiDown.Runbook.g.cs"));
        Assert.Contains("**No verification that the page could read is defined for this runbook**", page, StringComparison.Ordinal);
        Assert.Contains("> **This page may be incomplete.** The generator could not read `base.Define(rb)`", page, StringComparison.Ordinal);
    }

    // Code the page cannot read in a base's Define that two runbooks run is one warning at its place naming both (the
    // IDE listed one per runbook on that line, alike but for the runbook's name), while each page still says it may be
    // incomplete.
    [Fact]
    public void Code_a_base_Define_cannot_be_read_in_is_reported_once_at_its_place_for_every_runbook_that_runs_it()
    {
        var unreadableBase = PaymentsRunbook.Replace("public override void Define(IRunbookBuilder rb) => rb", "public override void Define(IRunbookBuilder rb)\n    {\n        if (DateTime.Now.Hour > 1) rb.Title(\"Late\");\n        rb", StringComparison.Ordinal)
            .Replace("ExpectStatus(200)));", "ExpectStatus(200)));\n    }", StringComparison.Ordinal);
        var second = Runbook("        base.Define(rb);\n        rb.Title(\"Queue backlog\").NoRollback(\"read-only\");")
            .Replace("payments-api-down", "payments-queue-backlog", StringComparison.Ordinal).Replace("class ApiDown", "class QueueBacklog", StringComparison.Ordinal);
        var (run, compileErrors) = GeneratorHarness.Run([TestRunbooks.Handbook, unreadableBase,
            Runbook("        base.Define(rb);\n        rb.Title(\"Payments API down\").NoRollback(\"read-only\");"), second]);
        Assert.Empty(compileErrors);

        var unreadable = Assert.Single(run.Diagnostics, d => d.Id == "RB0101");
        var message = unreadable.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith("ApiDown, QueueBacklog: the generator cannot read 'if (DateTime.Now.Hour > 1)", message, StringComparison.Ordinal);
        foreach (var file in new[] { "Payments_ApiDown.Runbook.g.cs", "Payments_QueueBacklog.Runbook.g.cs" })
            Assert.Contains("may be incomplete", GeneratorHarness.EmbeddedMarkdown(GeneratorHarness.GeneratedSource(run, file)), StringComparison.Ordinal);
    }
}
