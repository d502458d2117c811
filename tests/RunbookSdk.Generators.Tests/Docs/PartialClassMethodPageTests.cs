using RunbookSdk.Generators.Tests.Support;

namespace RunbookSdk.Generators.Tests.Docs;

/// <summary>
/// A team that splits a big runbook into <c>partial class</c> files — <c>Define</c> in one, the methods its steps,
/// phases and sections are given in another — gets the page it would get with one file: a method given in place of a
/// lambda is looked up in every part of the class, under the same conditions as in one part (BuilderMethodSyntax).
/// Before, only the part the argument is written in was searched: the page reported RB0101 and showed those steps
/// without their actions.
/// </summary>
public sealed class PartialClassMethodPageTests
{
    private const string DefinePart = """
        using System;
        using RunbookSdk;

        namespace Payments;

        [Runbook("payments-db-failover")]
        public sealed partial class DbFailover : Runbook<PaymentsHandbook>
        {
            [Parameter("AWS region")] public string Region { get; init; } = "eu-central-1";

            public override void Define(IRunbookBuilder rb) => rb
                .Title("Database failover")
                .Phase("Diagnose", p => p.Step("Ask", AskSomeone))
                .Phase("Fail over", FailOver)
                .Rollback(r => RollBack(r))
                .Verification(v => v.Step("Healthy", this.Healthy))
                .Section("Notes", Notes);
        }
        """;

    private const string MethodsPart = """
        using RunbookSdk;

        namespace Payments;

        public sealed partial class DbFailover
        {
            private const string Cluster = "payments-db";

            private static void AskSomeone(IStepBuilder s) => s.Instruction("Ask the DBA which replica is primary");

            private void FailOver(IPhaseBuilder p) => p
                .Step("Promote replica", s => s.Run($"aws rds failover-db-cluster --db-cluster-identifier {Cluster} --region {Region}").RequiresConfirmation());

            private static void RollBack(IPhaseBuilder r) => r.Step("Fail back", s => s.Instruction("Fail back to the original primary"));

            private void Healthy(IStepBuilder s)
            {
                s.Http("GET", "https://payments.example.com/health").ExpectStatus(200);
            }

            private static void Notes(ISectionBuilder s) => s.Paragraph("Failover takes about a minute.");
        }
        """;

    private const string OnePart = """
        using System;
        using RunbookSdk;

        namespace Payments;

        [Runbook("payments-db-failover")]
        public sealed partial class DbFailover : Runbook<PaymentsHandbook>
        {
            [Parameter("AWS region")] public string Region { get; init; } = "eu-central-1";

            public override void Define(IRunbookBuilder rb) => rb
                .Title("Database failover")
                .Phase("Diagnose", p => p.Step("Ask", AskSomeone))
                .Phase("Fail over", FailOver)
                .Rollback(r => RollBack(r))
                .Verification(v => v.Step("Healthy", this.Healthy))
                .Section("Notes", Notes);

            private const string Cluster = "payments-db";

            private static void AskSomeone(IStepBuilder s) => s.Instruction("Ask the DBA which replica is primary");

            private void FailOver(IPhaseBuilder p) => p
                .Step("Promote replica", s => s.Run($"aws rds failover-db-cluster --db-cluster-identifier {Cluster} --region {Region}").RequiresConfirmation());

            private static void RollBack(IPhaseBuilder r) => r.Step("Fail back", s => s.Instruction("Fail back to the original primary"));

            private void Healthy(IStepBuilder s)
            {
                s.Http("GET", "https://payments.example.com/health").ExpectStatus(200);
            }

            private static void Notes(ISectionBuilder s) => s.Paragraph("Failover takes about a minute.");
        }
        """;

    private static (IReadOnlyList<Microsoft.CodeAnalysis.Diagnostic> Diagnostics, string Page) Generate(params string[] parts)
    {
        var (run, compileErrors) = GeneratorHarness.Run([TestRunbooks.Handbook, .. parts]);
        Assert.Empty(compileErrors);
        return (run.Diagnostics, GeneratorHarness.EmbeddedMarkdown(GeneratorHarness.GeneratedSource(run, "Payments_DbFailover.Runbook.g.cs")));
    }

    [Fact]
    public void Steps_phases_rollback_verification_and_sections_given_as_methods_of_another_part_are_on_the_page()
    {
        var (diagnostics, page) = Generate(DefinePart, MethodsPart);

        Assert.Empty(diagnostics);
        Assert.Contains("Ask the DBA which replica is primary", page, StringComparison.Ordinal);
        // The constant of the other part by value, the parameter as a hole: read with that part's semantic model.
        Assert.Contains("aws rds failover-db-cluster --db-cluster-identifier payments-db --region {Region}", page, StringComparison.Ordinal);
        Assert.Contains("Fail back to the original primary", page, StringComparison.Ordinal);
        Assert.Contains("https://payments.example.com/health", page, StringComparison.Ordinal);
        Assert.Contains("Failover takes about a minute.", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_runbook_split_into_parts_has_the_page_of_the_same_runbook_in_one_part()
    {
        Assert.Equal(Generate(OnePart).Page, Generate(DefinePart, MethodsPart).Page);
    }

    // A handbook split into parts is read the same way: its page shows a section whose content is a method of another part.
    [Fact]
    public void A_handbook_section_given_as_a_method_of_another_part_is_on_its_page()
    {
        var handbook = TestRunbooks.Handbook
            .Replace("public sealed class PaymentsHandbook", "public sealed partial class PaymentsHandbook", StringComparison.Ordinal)
            .Replace(""".PostIncident("Within 24 hours", "Write the incident report");""", """.PostIncident("Within 24 hours", "Write the incident report").Section("Contacts", Contacts);""", StringComparison.Ordinal);
        const string contactsPart = """
            using RunbookSdk;
            namespace Payments;
            public sealed partial class PaymentsHandbook
            {
                private static void Contacts(ISectionBuilder s) => s.Paragraph("Card network support: +44 20 7946 0000");
            }
            """;

        var (run, compileErrors) = GeneratorHarness.Run(handbook, contactsPart, OnePart);

        Assert.Empty(compileErrors);
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "RB0101");
        Assert.Contains("Card network support: +44 20 7946 0000",
            GeneratorHarness.EmbeddedMarkdown(GeneratorHarness.GeneratedSource(run, "Payments_PaymentsHandbook.Handbook.g.cs")), StringComparison.Ordinal);
    }

    // The conditions are those of one part, counted over all parts: a name declared in two parts is overloaded.
    [Fact]
    public void A_method_overloaded_across_parts_stays_reported()
    {
        var overloaded = MethodsPart.Replace(
            "private static void Notes(ISectionBuilder s)",
            "private static void AskSomeone(IStepBuilder s, int n) => s.Run(\"uptime\");\n\n    private static void Notes(ISectionBuilder s)",
            StringComparison.Ordinal);

        var (diagnostics, page) = Generate(DefinePart, overloaded);

        var unreadable = Assert.Single(diagnostics, d => d.Id == "RB0101");
        Assert.Contains("AskSomeone", unreadable.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain("Ask the DBA", page, StringComparison.Ordinal);
        Assert.Contains("Fail back to the original primary", page, StringComparison.Ordinal);
    }
}
