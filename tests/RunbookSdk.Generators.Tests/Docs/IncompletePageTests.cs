using Microsoft.CodeAnalysis;
using RunbookSdk.Generators.Tests.Support;

namespace RunbookSdk.Generators.Tests.Docs;

/// <summary>
/// When the generator cannot read part of a <c>Define</c> it reports RB0101 to the developer, but the on-call engineer
/// reads the page, not the build's warnings. Before, the page gave no sign of it: it lacked the steps the runner runs,
/// or said no verification was defined while the runner verified. Now a notice near the top says the page may be
/// incomplete, names what was not read (as RB0101 quotes it) and where, and gives the <c>--dry-run</c> that shows every
/// step; "no verification (rollback, escalation) is defined" becomes "none that the page could read".
/// </summary>
public sealed class IncompletePageTests
{
    private static string Runbook(string body) => $$"""
        using System;
        using RunbookSdk;

        namespace Payments;

        public static class Helpers
        {
            public static void AddAll(IRunbookBuilder rb) => rb.Verification(v => v.Step("Health is green", s => s.Instruction("Check the dashboard"))); public static void AddAll(IRunbookBuilder rb, int n) { } // overloaded: which one runs is the compiler's to say, so the page does not read AddAll(rb)
        }

        [Runbook("payments-api-down")]
        public sealed class ApiDown : Runbook<PaymentsHandbook>
        {
            public override void Define(IRunbookBuilder rb)
            {
                rb.Title("Payments API down")
                    .Phase("Diagnose", p => p.Step("Check pods", s => s.Run("kubectl get pods -n payments")))
                    .NoRollback("read-only");
        {{body}}
            }
        }
        """;

    private static (IReadOnlyList<Diagnostic> Diagnostics, string Page) Generate(params string[] files)
    {
        var (run, compileErrors) = GeneratorHarness.Run([TestRunbooks.Handbook, .. files]);
        Assert.Empty(compileErrors);
        return (run.Diagnostics, GeneratorHarness.EmbeddedMarkdown(GeneratorHarness.GeneratedSource(run, "Payments_ApiDown.Runbook.g.cs")));
    }

    [Fact]
    public void A_page_with_a_call_the_generator_cannot_read_says_near_the_top_that_it_may_be_incomplete_and_names_the_call()
    {
        var (diagnostics, page) = Generate(Runbook("        Helpers.AddAll(rb);"));

        var unreadable = Assert.Single(diagnostics, d => d.Id == "RB0101");
        var line = unreadable.Location.GetLineSpan().StartLinePosition.Line + 1;
        const string Title = "# Payments API down\n\n";
        Assert.Contains(
            Title + "> **This page may be incomplete.** The generator could not read `Helpers.AddAll(rb)` (`Runbook1.cs`, line " + line +
            ") in this runbook's `Define` (build warning RB0101): what it adds is not on this page, but the runner runs it. In the runbook app's folder, " +
            "`dotnet run -- run payments-api-down --dry-run` (or `runbook run . payments-api-down --dry-run`) prints every step the runner runs.\n\n| | |\n",
            page, StringComparison.Ordinal);
        Assert.Contains("## Verification\n\n**No verification that the page could read is defined for this runbook** (see the note at the top): the runner may still have one.\n",
            page, StringComparison.Ordinal);
        Assert.DoesNotContain("No verification is defined", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_names_three_unread_parts_and_counts_the_others()
    {
        var (diagnostics, page) = Generate(Runbook("""
                    Helpers.AddAll(rb);
                    for (var i = 0; i < 2; i++) rb.Symptoms("a");
                    var x = rb;
                    Helpers.AddAll(x);
                    Helpers.AddAll(rb);
            """));

        Assert.Equal(5, diagnostics.Count(d => d.Id == "RB0101"));
        Assert.Contains("could not read `Helpers.AddAll(rb)` (`Runbook1.cs`, line 19), `for (var i = 0; i < 2; i++) rb.Symptoms(\"a\");` (`Runbook1.cs`, line 20), " +
            "`var x = rb;` (`Runbook1.cs`, line 21) and 2 more in this runbook's `Define`: what they add is not on this page, but the runner runs them."
                .Replace("`Define`:", "`Define` (build warning RB0101):", StringComparison.Ordinal),
            page, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_the_page_quotes_is_a_code_span_that_survives_backticks_and_markup()
    {
        var (_, page) = Generate(Runbook("        if (\"`<b>` | *x*\".Length > 0) rb.Symptoms(\"a\");"));

        Assert.Contains("could not read ``if (\"`<b>` | *x*\".Length > 0) rb.Symptoms(\"a\");`` (`Runbook1.cs`, line 19)", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fully_read_page_has_no_notice()
    {
        var (diagnostics, page) = Generate(Runbook("        rb.Verification(v => v.Step(\"Health is green\", s => s.Instruction(\"Check the dashboard\")));"));

        Assert.DoesNotContain(diagnostics, d => d.Id == "RB0101");
        Assert.DoesNotContain("may be incomplete", page, StringComparison.Ordinal);
        Assert.DoesNotContain("that the page could read", page, StringComparison.Ordinal);
        Assert.Contains("# Payments API down\n\n| | |\n", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_handbook_page_with_a_call_the_generator_cannot_read_says_so_too()
    {
        var handbook = TestRunbooks.Handbook.Replace(
            ".Slo(\"Availability\", \"99.9%\")", ".Slo(\"Availability\", \"99.9%\").AddTeamLevels()", StringComparison.Ordinal) + """

            public static class TeamLevels
            {
                public static IHandbookBuilder AddTeamLevels(this IHandbookBuilder hb) => hb;
            }
            """;
        var (run, compileErrors) = GeneratorHarness.Run(handbook, TestRunbooks.Runbook);
        Assert.Empty(compileErrors);

        Assert.Single(run.Diagnostics, d => d.Id == "RB0101");
        var page = GeneratorHarness.EmbeddedMarkdown(GeneratorHarness.GeneratedSource(run, "Payments_PaymentsHandbook.Handbook.g.cs"));
        Assert.Contains("# Payments incident handbook\n\n> **This page may be incomplete.** The generator could not read `AddTeamLevels` (`Runbook0.cs`, line 13) in this handbook's `Define`",
            page, StringComparison.Ordinal);
        Assert.Contains("but the runner uses it. In a runbook app's folder, `dotnet run -- run <runbook id> --dry-run` prints the escalation levels that apply to that runbook.\n\n| | |\n", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_template_gets_what_was_not_read_and_the_built_in_notice()
    {
        var compilation = GeneratorHarness.Compile(TestRunbooks.Handbook, Runbook("        Helpers.AddAll(rb);"));
        var template = new InMemoryAdditionalText("/repo/runbook-templates/runbook.md.sbntxt",
            "{{ marker }}\n{{ for u in unread }}{{ u.what }} at {{ u.file }}:{{ u.line }}\n{{ end }}{{ incomplete_notice }}\n");
        var run = GeneratorHarness.CreateDriver(new AdditionalText[] { template }).RunGenerators(compilation).GetRunResult();

        var page = GeneratorHarness.EmbeddedMarkdown(GeneratorHarness.GeneratedSource(run, "Payments_ApiDown.Runbook.g.cs"));
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "RB0102");
        Assert.Contains("\n`Helpers.AddAll(rb)` at `Runbook1.cs`:19\n> **This page may be incomplete.**", page, StringComparison.Ordinal);
    }
}
