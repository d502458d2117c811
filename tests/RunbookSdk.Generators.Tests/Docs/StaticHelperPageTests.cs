using RunbookSdk.Generators.Tests.Support;

namespace RunbookSdk.Generators.Tests.Docs;

/// <summary>
/// A static method of another class of the team's that <c>Define</c> (or a lambda in it) hands the builder to —
/// <c>Helpers.AddStandardChecks(rb);</c> or <c>p =&gt; Steps.Pods(p)</c> — runs where it is called, and the analyzers
/// read it. Before, each such call was RB0101 and the page lacked its steps and sections while the runner ran them. Now
/// the page reads it where it is called, as it reads a method of the runbook's own class (ClassMethodCallPageTests),
/// with the helper's own calls looked up in the helper's class, under the same limits; anything else stays RB0101.
/// </summary>
public sealed class StaticHelperPageTests
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

    private const string Inline = """
                rb.Title("Payments API down")
                    .Phase("Diagnose", p => p.Step("Check pods", s => s.Run("kubectl get pods -n payments")))
                    .Phase("Mitigate", p => p.Step("Restart", s => s.Run("kubectl rollout restart deployment/api -n payments").RequiresConfirmation()))
                    .Verification(v => v.Step("Health is green", s => s.Http("GET", "https://payments.example.com/health").ExpectStatus(200)))
                    .Rollback(r => r.Step("Undo scale", s => s.Run("kubectl scale deployment/api --replicas=2 -n payments").RequiresConfirmation()));
        """;

    // The team's helpers, in a file of their own and a namespace the runbook imports. AddStandardChecks gives a method of
    // its own class (Health), which is looked up there, and uses a constant of its class in a request; Steps.Pods hands a
    // step's builder to a helper of a third class, whose command has a hole its constant fills.
    private const string TeamHelpers = """
        using RunbookSdk;

        namespace Payments.Shared;

        public static class Helpers
        {
            private const string Url = "https://payments.example.com/health";

            public static void AddStandardChecks(IRunbookBuilder rb) => rb.Verification(v => Health(v));

            private static void Health(IPhaseBuilder v) => v.Step("Health is green", s => s.Http("GET", Url).ExpectStatus(200));

            public static IRunbookBuilder Titled(IRunbookBuilder rb) => rb.Title("Payments API down");
        }

        public static class Steps
        {
            public static void Pods(IPhaseBuilder p) => p.Step("Check pods", s => Commands.Pods(s));

            public static void Restart(IPhaseBuilder phase)
            {
                phase.Step("Restart", s => s.Run("kubectl rollout restart deployment/api -n payments").RequiresConfirmation());
            }

        }

        public static class Commands
        {
            private const string Ns = "payments";

            public static void Pods(IStepBuilder s) => s.Run($"kubectl get pods -n {Ns}");
        }
        """;

    private static (IReadOnlyList<Microsoft.CodeAnalysis.Diagnostic> Diagnostics, string Page) Generate(params string[] files)
    {
        var (run, compileErrors) = GeneratorHarness.Run([TestRunbooks.Handbook, .. files]);
        Assert.Empty(compileErrors);
        return (run.Diagnostics, GeneratorHarness.EmbeddedMarkdown(GeneratorHarness.GeneratedSource(run, "Payments_ApiDown.Runbook.g.cs")));
    }

    [Fact]
    public void A_static_method_of_another_class_the_builder_is_handed_to_gives_the_page_of_the_same_runbook_written_inline()
    {
        var (diagnostics, page) = Generate(Runbook("""
                    Payments.Shared.Helpers.Titled(rb)
                        .Phase("Diagnose", p => Steps.Pods(p))
                        .Phase("Mitigate", p => { Steps.Restart(phase: p); });
                    Helpers.AddStandardChecks(rb);
                    rb.Rollback(r => r.Step("Undo scale", s => s.Run("kubectl scale deployment/api --replicas=2 -n payments").RequiresConfirmation()));
            """).Replace("using RunbookSdk;", "using RunbookSdk;\nusing Payments.Shared;", StringComparison.Ordinal), TeamHelpers);
        var (_, inline) = Generate(Runbook(Inline), TeamHelpers);

        Assert.Empty(diagnostics);
        Assert.Equal(inline, page);
        Assert.Contains("kubectl get pods -n payments", page, StringComparison.Ordinal);
        Assert.Contains("https://payments.example.com/health", page, StringComparison.Ordinal);
    }

    // A method group of another class given in place of a lambda (the runner calls it there with the builder), and
    // helpers `using static` imports, called by their name alone: read as Helpers.AddStandardChecks(rb) is.
    [Fact]
    public void Method_groups_of_another_class_and_helpers_imported_with_using_static_give_the_page_of_the_same_runbook_written_inline()
    {
        var (diagnostics, page) = Generate(Runbook("""
                    Titled(rb)
                        .Phase("Diagnose", Steps.Pods)
                        .Phase("Mitigate", (Steps.Restart));
                    AddStandardChecks(rb);
                    rb.Rollback(Payments.Shared.Undo.Scale);
            """).Replace("using RunbookSdk;", "using RunbookSdk;\nusing Payments.Shared;\nusing static Payments.Shared.Helpers;", StringComparison.Ordinal), TeamHelpers + """

            public static class Undo
            {
                public static void Scale(IPhaseBuilder r) => r.Step("Undo scale", s => s.Run("kubectl scale deployment/api --replicas=2 -n payments").RequiresConfirmation());
            }
            """);
        var (_, inline) = Generate(Runbook(Inline), TeamHelpers);

        Assert.Empty(diagnostics);
        Assert.Equal(inline, page);
        Assert.Contains("kubectl get pods -n payments", page, StringComparison.Ordinal);
        Assert.Contains("Undo scale", page, StringComparison.Ordinal);
    }

    // A method group or a using-static name the page cannot read keeps RB0101 where it is written: an overloaded
    // helper (the compiler picks which), and an instance method of another object.
    [Theory]
    [InlineData("rb.Title(\"Payments API down\").Verification(Other.Verify).NoRollback(\"read-only\");", "Other.Verify",
        "public static void Verify(IPhaseBuilder v) => v.Step(\"Health is green\", s => s.Run(\"uptime\"));\n    public static void Verify(IStepBuilder s) => s.Run(\"uptime\");")]
    [InlineData("rb.Title(\"Payments API down\").Verification(Other.Instance.Verify).NoRollback(\"read-only\");", "Other.Instance.Verify",
        "public static readonly Other Instance = new(); public void Verify(IPhaseBuilder v) => v.Step(\"Health is green\", s => s.Run(\"uptime\"));")]
    [InlineData("rb.Title(\"Payments API down\").NoRollback(\"read-only\"); AddChecks(rb);", "AddChecks(rb)",
        "public static void AddChecks(IRunbookBuilder rb) => rb.Verification(v => v.Step(\"Health is green\", s => s.Run(\"uptime\")));\n    public static void AddChecks(IRunbookBuilder rb, int n) => rb.Verification(v => v.Step(\"Other\", s => s.Run(\"uptime\")));")]
    public void A_method_group_or_using_static_helper_the_page_cannot_read_keeps_RB0101_where_it_is_written(string body, string quoted, string members)
    {
        var helper = "using RunbookSdk;\nnamespace Payments;\npublic class Other\n{\n    " + members + "\n}\n";
        var (diagnostics, page) = Generate(Runbook("        " + body).Replace("using RunbookSdk;", "using RunbookSdk;\nusing static Payments.Other;", StringComparison.Ordinal), helper);

        var unreadable = Assert.Single(diagnostics, d => d.Id == "RB0101");
        Assert.Contains(quoted, unreadable.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain("### V.1", page, StringComparison.Ordinal);
        Assert.Contains("may be incomplete", page, StringComparison.Ordinal);
    }

    // Each keeps RB0101 at its call, and the page shows none of what it adds: an overloaded name, a generic method, one
    // that takes more than the builder, an instance method, a static virtual member of an interface, and one of another
    // project (no source here).
    [Theory]
    [InlineData("Other.AddChecks(rb);", "public static void AddChecks(IRunbookBuilder rb) => rb.Verification(v => v.Step(\"Health is green\", s => s.Run(\"uptime\")));\n    public static void AddChecks(IRunbookBuilder rb, int n) => rb.Verification(v => v.Step(\"Other\", s => s.Run(\"uptime\")));")]
    [InlineData("Other.AddChecks<int>(rb);", "public static void AddChecks<T>(IRunbookBuilder rb) => rb.Verification(v => v.Step(\"Health is green\", s => s.Run(\"uptime\")));")]
    [InlineData("Other.AddChecks(rb, 1);", "public static void AddChecks(IRunbookBuilder rb, int n) => rb.Verification(v => v.Step(\"Health is green\", s => s.Run(\"uptime\")));")]
    [InlineData("new Other().AddChecks(rb);", "public void AddChecks(IRunbookBuilder rb) => rb.Verification(v => v.Step(\"Health is green\", s => s.Run(\"uptime\")));")]
    [InlineData("Other.Instance.AddChecks(rb);", "public static readonly Other Instance = new(); public void AddChecks(IRunbookBuilder rb) => rb.Verification(v => v.Step(\"Health is green\", s => s.Run(\"uptime\")));")]
    public void A_helper_the_page_cannot_read_keeps_RB0101_at_its_call(string call, string members)
    {
        var helper = "using RunbookSdk;\nnamespace Payments;\npublic class Other\n{\n    " + members + "\n}\n";
        var (diagnostics, page) = Generate(Runbook("        " + call + "\n" + """
                    rb.Title("Payments API down")
                        .Phase("Diagnose", p => p.Step("Check pods", s => s.Run("kubectl get pods -n payments")))
                        .NoRollback("read-only");
            """), helper);

        var unreadable = Assert.Single(diagnostics, d => d.Id == "RB0101");
        Assert.Contains(call.TrimEnd(';'), unreadable.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain("### V.1", page, StringComparison.Ordinal);
        Assert.Contains("may be incomplete", page, StringComparison.Ordinal);
        Assert.Contains("Check pods", page, StringComparison.Ordinal);
    }

    // A handbook's Define is read the same way: an escalation's builder handed to a team helper that returns it, at the
    // start of the chain of the handbook's own levels.
    internal const string HandbookWithTeamLevels = """
        using System;
        using RunbookSdk;
        namespace Payments;
        public static class TeamLevels
        {
            public static IEscalationBuilder Add(IEscalationBuilder e) => e.Level("Incident commander", TimeSpan.Zero, "pager: incident-command");
        }
        """;

    [Fact]
    public void A_handbook_reads_a_static_helper_of_another_class_where_it_is_called()
    {
        var handbook = TestRunbooks.Handbook.Replace(".Escalation(e => e", ".Escalation(e => TeamLevels.Add(e)", StringComparison.Ordinal);
        var (run, compileErrors) = GeneratorHarness.Run(handbook, HandbookWithTeamLevels, TestRunbooks.Runbook);
        Assert.Empty(compileErrors);

        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "RB0101");
        var page = GeneratorHarness.EmbeddedMarkdown(GeneratorHarness.GeneratedSource(run, "Payments_PaymentsHandbook.Handbook.g.cs"));
        Assert.DoesNotContain("may be incomplete", page, StringComparison.Ordinal);
        var (commander, onCall) = (page.IndexOf("pager: incident-command", StringComparison.Ordinal), page.IndexOf("pager: payments", StringComparison.Ordinal));
        Assert.True(commander >= 0 && commander < onCall, "the helper's level is not on the page before the handbook's own:\n" + page);
    }

    [Fact]
    public void A_helper_that_hands_the_builder_back_to_itself_through_another_class_is_reported_where_it_does()
    {
        var (diagnostics, page) = Generate(Runbook("""
                    rb.Title("Payments API down").NoRollback("read-only");
                    Ping.Add(rb);
            """), """
            using RunbookSdk;
            namespace Payments;
            public static class Ping
            {
                public static void Add(IRunbookBuilder rb)
                {
                    rb.Verification(v => v.Step("Health is green", s => s.Run("uptime")));
                    Pong.Add(rb);
                }
            }
            public static class Pong
            {
                public static void Add(IRunbookBuilder b) => Ping.Add(b);
            }
            """);

        var unreadable = Assert.Single(diagnostics, d => d.Id == "RB0101");
        Assert.Contains("'Ping.Add(b)'", unreadable.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("Health is green", page, StringComparison.Ordinal);
    }
}
