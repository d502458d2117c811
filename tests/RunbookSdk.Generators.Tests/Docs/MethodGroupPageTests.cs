using RunbookSdk.Generators.Tests.Support;

namespace RunbookSdk.Generators.Tests.Docs;

/// <summary>
/// A step, phase, rollback or verification whose builder calls are written in a method of the runbook's class — given
/// as a method group (<c>Step("Ask", AskSomeone)</c>, <c>this.AskSomeone</c>) or by a lambda that only hands its
/// builder on (<c>s =&gt; AskSomeone(s)</c>) — is read where the argument stands, as the analyzers read it
/// (BuilderMethodArgument). Before, the generator reported each as RB0101 and the page showed the step without its
/// actions (or the phase without its steps), while the IDE judged the same runbook complete.
/// </summary>
public sealed class MethodGroupPageTests
{
    private static string Runbook(string define, string members) => $$"""
        using System;
        using RunbookSdk;

        namespace Payments;

        [Runbook("payments-api-down")]
        public sealed class ApiDown : Runbook<PaymentsHandbook>
        {
        {{members}}
            public override void Define(IRunbookBuilder rb) => rb
                .Title("Payments API down")
        {{define}};
        }
        """;

    private const string Members = """
            private static void AskSomeone(IStepBuilder s) => s.Instruction("Ask the DBA which replica is primary");

            private void CheckPods(IStepBuilder step)
            {
                step.Run("kubectl get pods -n payments");
            }

            private static void Mitigate(IPhaseBuilder phase) => phase
                .Step("Restart", s => s.Run("kubectl rollout restart deployment/api -n payments").RequiresConfirmation())
                .Step("Ask", AskSomeone);

            private static void Undo(IPhaseBuilder r) => r.Step("Undo scale", UndoScale);

            private static void UndoScale(IStepBuilder s) => s.Run("kubectl scale deployment/api --replicas=2 -n payments").RequiresConfirmation();

            private void Verify(IPhaseBuilder v) => v.Step("Healthy", s => Healthy(s));

            private static void Healthy(IStepBuilder s) => s.Http("GET", "https://payments.example.com/health").ExpectStatus(200);
        """;

    private const string Define = """
                .Phase("Diagnose", p => p.Step("Check pods", this.CheckPods))
                .Phase("Mitigate", Mitigate)
                .Rollback(Undo)
                .Verification(v => Verify(v))
        """;

    private static (IReadOnlyList<Microsoft.CodeAnalysis.Diagnostic> Diagnostics, string Page) Generate(string runbook)
    {
        var (run, compileErrors) = GeneratorHarness.Run(TestRunbooks.Handbook, runbook);
        Assert.Empty(compileErrors);
        return (run.Diagnostics, GeneratorHarness.EmbeddedMarkdown(GeneratorHarness.GeneratedSource(run, "Payments_ApiDown.Runbook.g.cs")));
    }

    [Fact]
    public void Steps_phases_rollback_and_verification_given_as_methods_of_the_class_are_on_the_page()
    {
        var (diagnostics, page) = Generate(Runbook(Define, Members));

        Assert.Empty(diagnostics);
        Assert.Contains("### 1.1 Check pods\n\n```bash\nkubectl get pods -n payments\n```", page);
        Assert.Contains("### 2.1 Restart\n\n> **Destructive:**", page);
        Assert.Contains("kubectl rollout restart deployment/api -n payments", page);
        Assert.Contains("### 2.2 Ask\n\n", page);
        Assert.Contains("Ask the DBA which replica is primary", page);
        Assert.Contains("Undo scale", page);
        Assert.Contains("kubectl scale deployment/api --replicas=2 -n payments", page);
        Assert.Contains("Healthy", page);
        Assert.Contains("https://payments.example.com/health", page);
    }

    [Fact]
    public void A_method_read_in_place_of_a_lambda_reads_as_the_lambda_would()
    {
        var asMethods = Generate(Runbook(Define, Members)).Page;
        var asLambdas = Generate(Runbook("""
                    .Phase("Diagnose", p => p.Step("Check pods", step => step.Run("kubectl get pods -n payments")))
                    .Phase("Mitigate", phase => phase
                        .Step("Restart", s => s.Run("kubectl rollout restart deployment/api -n payments").RequiresConfirmation())
                        .Step("Ask", s => s.Instruction("Ask the DBA which replica is primary")))
                    .Rollback(r => r.Step("Undo scale", s => s.Run("kubectl scale deployment/api --replicas=2 -n payments").RequiresConfirmation()))
                    .Verification(v => v.Step("Healthy", s => s.Http("GET", "https://payments.example.com/health").ExpectStatus(200)))
            """, "")).Page;

        Assert.Equal(asLambdas, asMethods);
    }

    // A lambda may hand its builder by the name of the method's parameter: the page shows the step's actions as it
    // does for s => CheckPods(s). Before, the named argument was not read, and the step was reported as RB0101.
    [Fact]
    public void A_lambda_handing_its_builder_by_the_parameters_name_reads_the_method()
    {
        var (diagnostics, page) = Generate(Runbook("""
                    .Phase("Diagnose", p => p.Step("Check pods", s => CheckPods(step: s)))
                    .NoRollback("read-only")
                    .Verification(v => v.Step("Healthy", s => { Healthy(s: s); }))
            """, Members));

        Assert.DoesNotContain(diagnostics, d => d.Id == "RB0101");
        Assert.Contains("### 1.1 Check pods\n\n```bash\nkubectl get pods -n payments\n```", page);
        Assert.Contains("https://payments.example.com/health", page);
    }

    // What the page cannot read in place of a lambda stays reported as RB0101, named as written, and the step is
    // documented without those actions (a static method group of another class is read: StaticHelperPageTests).
    [Theory]
    [InlineData("Elsewhere.Instance.Tell", "", "Elsewhere.Instance.Tell")]
    [InlineData("Overloaded", "private static void Overloaded(IStepBuilder s) => s.Run(\"uptime\"); private static void Overloaded(IStepBuilder s, int n) => s.Run(\"uptime\");", "Overloaded")]
    [InlineData("s => Twice(s, 1)", "private static void Twice(IStepBuilder s, int n) => s.Run(\"uptime\");", "Twice(s, 1)")]
    [InlineData("s => Generic<int>(s)", "private static void Generic<T>(IStepBuilder s) => s.Run(\"uptime\");", "Generic<int>(s)")]
    [InlineData("s => Untyped(s)", "private static void Untyped(object s) { }", "Untyped(s)")]
    public void A_method_the_analyzers_do_not_read_stays_reported(string argument, string members, string reported)
    {
        var runbook = Runbook($$"""
                    .Phase("Diagnose", p => p.Step("Check", {{argument}}))
                    .NoRollback("read-only")
                    .Verification(v => v.Step("Healthy", s => s.Http("GET", "https://payments.example.com/health").ExpectStatus(200)))
            """, members) + """

            public sealed class Elsewhere
            {
                public static void Ask(IStepBuilder s) => s.Run("uptime");

                public static readonly Elsewhere Instance = new();

                public void Tell(IStepBuilder s) => s.Run("uptime");
            }
            """;

        var (diagnostics, page) = Generate(runbook);

        var unreadable = Assert.Single(diagnostics, d => d.Id == "RB0101");
        Assert.Contains(reported, unreadable.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain("uptime", page, StringComparison.Ordinal);
    }

    // The analyzers never read such a method into itself: neither does the page, and nothing throws.
    [Fact]
    public void A_method_that_gives_itself_is_read_once_and_reported_where_it_gives_itself()
    {
        var (diagnostics, page) = Generate(Runbook("""
                    .Phase("Diagnose", p => p.Step("Look", s => s.Run("uptime")))
                    .NoRollback("read-only")
                    .Verification(v => v.Step("Healthy", s => s.Http("GET", "https://payments.example.com/health").ExpectStatus(200)))
                    .Section("Notes", Notes)
            """, """
                private static void Notes(ISectionBuilder s) => s.Paragraph("Read the dashboard first.").Subsection("More", Notes);
            """));

        Assert.Contains("Read the dashboard first.", page, StringComparison.Ordinal);
        Assert.DoesNotContain(diagnostics, d => d.Id == "RB0104");
        var unreadable = Assert.Single(diagnostics, d => d.Id == "RB0101");
        Assert.Contains("Notes", unreadable.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var source = unreadable.Location.SourceTree!.GetText();
        Assert.Equal("Notes", source.ToString(unreadable.Location.SourceSpan));
        Assert.Contains(".Subsection(\"More\", Notes)", source.Lines.GetLineFromPosition(unreadable.Location.SourceSpan.Start).ToString(), StringComparison.Ordinal);
    }
}
