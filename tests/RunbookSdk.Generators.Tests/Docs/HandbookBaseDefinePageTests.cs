using Microsoft.CodeAnalysis;
using RunbookSdk.Generators.Tests.Support;

namespace RunbookSdk.Generators.Tests.Docs;

/// <summary>
/// A handbook that declares no <c>Define</c> runs the one it inherits from a team's base class, as a runbook without one
/// does (BaseDefinePageTests): its severity levels, escalation and contacts are the base's. Before, the generator looked
/// for a <c>Define</c> in the handbook's own class only, so the handbook's page (and its runbooks' escalation) was empty
/// while the runner used the base's levels, without RB0101. Now the inherited <c>Define</c> is read as the handbook's
/// own (<c>BaseDefine.InheritedBy</c>, <c>BaseDefine.Readable</c>), and one the page cannot read is RB0101 on its name.
/// </summary>
public sealed class HandbookBaseDefinePageTests
{
    private const string TeamHandbook = """
        using System;
        using RunbookSdk;

        namespace Payments;

        public abstract class TeamHandbook : Handbook
        {
            public override void Define(IHandbookBuilder hb) => hb
                .Title("Payments incident handbook")
                .SeverityLevel("P1", "Critical", s => s.RespondWithin(TimeSpan.Zero).Criteria("Checkout down"))
                .Escalation(e => e.Level("On-call engineer", TimeSpan.Zero, "pager: payments"))
                .Contact("Payments lead", "lead@example.com");
        }
        """;

    private const string HandbookWithoutDefine = """
        using RunbookSdk;

        namespace Payments;

        [Handbook("payments")]
        public sealed class PaymentsHandbook : TeamHandbook { }
        """;

    private static string HandbookPage(GeneratorDriverRunResult run) =>
        GeneratorHarness.EmbeddedMarkdown(GeneratorHarness.GeneratedSource(run, "Payments_PaymentsHandbook.Handbook.g.cs"));

    [Fact]
    public void A_handbook_without_a_Define_gets_the_page_of_the_Define_it_inherits()
    {
        var (run, compileErrors) = GeneratorHarness.Run(TeamHandbook, HandbookWithoutDefine, TestRunbooks.Runbook);
        Assert.Empty(compileErrors);

        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "RB0101");
        var page = HandbookPage(run);
        Assert.Contains("# Payments incident handbook\n", page, StringComparison.Ordinal);
        Assert.Contains("| 1 | immediately | On-call engineer | pager: payments |", page, StringComparison.Ordinal);
        Assert.Contains("| Payments lead | lead@example.com |", page, StringComparison.Ordinal);
        Assert.Contains("| P1 | Critical |", page, StringComparison.Ordinal);
        // The runbook's page takes the handbook's escalation, as the runner does.
        var runbookPage = GeneratorHarness.EmbeddedMarkdown(GeneratorHarness.GeneratedSource(run, "Payments_ApiDown.Runbook.g.cs"));
        Assert.Contains("Inherited from the handbook.", runbookPage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_handbook_without_a_Define_that_inherits_an_abstract_one_gets_RB0101_on_its_name()
    {
        var abstractBase = """
            using RunbookSdk;
            namespace Payments;
            public abstract class TeamHandbook : Handbook
            {
                public abstract override void Define(IHandbookBuilder hb);
            }
            """;
        var (run, _) = GeneratorHarness.Run(abstractBase, HandbookWithoutDefine, TestRunbooks.Runbook);

        var unreadable = Assert.Single(run.Diagnostics, d => d.Id == "RB0101");
        Assert.Equal("PaymentsHandbook", unreadable.Location.SourceTree!.ToString().Substring(unreadable.Location.SourceSpan.Start, unreadable.Location.SourceSpan.Length));
        // A handbook's Define has no steps, and the message names the handbook once, at its start.
        Assert.Equal("PaymentsHandbook: the generator cannot read 'TeamHandbook.Define' statically, so the generated docs may not describe what the runner does; " +
            "the class declares no Define, so the runner uses the one it inherits from 'TeamHandbook', but it is abstract, " +
            "and the page shows none of its severity levels, escalation or contacts: override Define in the class and write them with the DSL's own calls",
            unreadable.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("> **This page may be incomplete.** The generator could not read `TeamHandbook.Define`", HandbookPage(run), StringComparison.Ordinal);
    }

    // Code the page cannot read in a base handbook's Define that two handbooks inherit is one warning at its place
    // naming both, as for runbooks (ReportedOnce): each handbook is read on its own, and the IDE listed one warning per
    // handbook on that line, alike but for the handbook's name. Each page still says it may be incomplete.
    [Fact]
    public void Code_a_base_handbooks_Define_cannot_be_read_in_is_reported_once_at_its_place_for_every_handbook_that_inherits_it()
    {
        var unreadableBase = TeamHandbook.Replace("public override void Define(IHandbookBuilder hb) => hb", "public override void Define(IHandbookBuilder hb)\n    {\n        if (DateTime.Now.Hour > 1) hb.Owner(\"Night shift\");\n        hb", StringComparison.Ordinal)
            .Replace("\"lead@example.com\");", "\"lead@example.com\");\n    }", StringComparison.Ordinal);
        var second = HandbookWithoutDefine.Replace("\"payments\"", "\"payments-eu\"", StringComparison.Ordinal).Replace("class PaymentsHandbook", "class PaymentsEuHandbook", StringComparison.Ordinal);
        var (run, compileErrors) = GeneratorHarness.Run(unreadableBase, HandbookWithoutDefine, second, TestRunbooks.Runbook);
        Assert.Empty(compileErrors);

        var unreadable = Assert.Single(run.Diagnostics, d => d.Id == "RB0101");
        Assert.StartsWith("PaymentsHandbook, PaymentsEuHandbook: the generator cannot read 'if (DateTime.Now.Hour > 1)",
            unreadable.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        foreach (var file in new[] { "Payments_PaymentsHandbook.Handbook.g.cs", "Payments_PaymentsEuHandbook.Handbook.g.cs" })
            Assert.Contains("may be incomplete", GeneratorHarness.EmbeddedMarkdown(GeneratorHarness.GeneratedSource(run, file)), StringComparison.Ordinal);
    }
}
