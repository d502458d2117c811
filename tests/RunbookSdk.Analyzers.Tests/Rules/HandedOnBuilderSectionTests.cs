using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RunbookSdk.Analyzers.Sections;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0001-RB0003 on a Define that hands a builder to code they cannot read (<c>.Phase("Fix", p =&gt; Helpers.More(p))</c>).
/// They stopped judging the whole runbook, though a phase's, a step's, a decision's or an escalation's builder cannot
/// add a rollback, a verification or (but for levels) an escalation: a runbook missing one passed the build. A builder
/// that can add the part (the runbook's own, <c>Helpers.AddAll(rb)</c>) still makes them wait.
/// </summary>
public sealed class HandedOnBuilderSectionTests
{
    [Fact]
    public Task Sections_a_handed_on_phase_step_or_decision_builder_cannot_add_are_reported() =>
        Verify<SectionCompletenessAnalyzer>.AnalyzerAsync(Runbook("""
                .Phase("Fix", p => Helpers.More(p))
                .Phase("Tidy", p => p.WithDefaults().Step("Look", s => Helpers.Add(s)))
                .Phase("Choose", (IPhaseBuilder p) => p.OneOf("Which way", o => Helpers.Options(o)))
                .Section("Notes", Notes)
            """),
            Missing("RB0001", "; add Escalation(...) to it or to its handbook"),
            Missing("RB0002", "; add Rollback(...) or state why none is needed with NoRollback(\"reason\")"),
            Missing("RB0003", "; add Verification(...) to prove the system is healthy again"));

    [Fact]
    public Task An_escalation_builder_handed_on_fills_the_escalation_and_no_other_section() =>
        Verify<SectionCompletenessAnalyzer>.AnalyzerAsync(Runbook("""
                .Escalation(e => Helpers.Levels(e))
                .Verification(v => Helpers.More(v))
            """),
            Missing("RB0002", "; add Rollback(...) or state why none is needed with NoRollback(\"reason\")"));

    [Fact]
    public Task A_runbook_builder_handed_on_still_makes_the_sections_wait() =>
        Verify<SectionCompletenessAnalyzer>.AnalyzerAsync($$"""
            using System;
            using RunbookSdk;

            [Runbook("captured")]
            public sealed class Captured : Runbook
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Title("Captured")
                    .Phase("Fix", p => Helpers.More(p))
                    .Phase("Both", p => Helpers.MoreOf(p, rb));
            }

            [Runbook("extended")]
            public sealed class Extended : Runbook
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Title("Extended")
                    .Phase("Fix", p => Helpers.More(p))
                    .WithDefaults();
            }

            [Runbook("handed-whole")]
            public sealed class HandedWhole : Runbook
            {
                public override void Define(IRunbookBuilder rb) => Helpers.AddAll(rb
                    .Title("Handed whole")
                    .Phase("Fix", p => Helpers.More(p)));
            }

            {{Helpers}}
            """);

    private static DiagnosticResult Missing(string id, string advice) =>
        new DiagnosticResult(id, DiagnosticSeverity.Error).WithLocation(0).WithArguments("Sample", advice);

    /// <summary>A runbook of no handbook, whose Define chain is <paramref name="chain"/>.</summary>
    private static string Runbook(string chain) => $$"""
        using System;
        using RunbookSdk;

        [Runbook("sample")]
        public sealed class {|#0:Sample|} : Runbook
        {
            public override void Define(IRunbookBuilder rb) => rb
                .Title("Sample")
        {{chain}};

            // A section method that nests itself is read once, not again where it nests.
            private static void Notes(ISectionBuilder n) => n.Paragraph("see the wiki").Subsection("More", Notes);
        }

        {{Helpers}}
        """;

    private const string Helpers = """
        public static class Helpers
        {
            public static void More(IPhaseBuilder p) => p.Step("More", s => s.Run("uptime"));
            public static void MoreOf(IPhaseBuilder p, IRunbookBuilder rb) => rb.NoRollback("read-only");
            public static void Add(IStepBuilder s) => s.Run("uptime");
            public static void Options(IChoiceBuilder o) => o.Step("Left", s => s.Run("uptime"));
            public static void Levels(IEscalationBuilder e) => e.Level("On-call", TimeSpan.Zero);
            public static void AddAll(IRunbookBuilder rb) => rb.NoRollback("read-only");
            public static IPhaseBuilder WithDefaults(this IPhaseBuilder p) => p;
            public static IRunbookBuilder WithDefaults(this IRunbookBuilder rb) => rb;
        }
        """;
}
