using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using RunbookSdk.Analyzers.Sections;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0001-RB0003 on a Define that hands a builder to code they cannot read (<c>.Phase("Fix", p =&gt; Helpers.More(p))</c>).
/// They stopped judging the whole runbook, though a phase's, a step's, a decision's or an escalation's builder cannot
/// add a rollback, a verification or (but for levels) an escalation: a runbook missing one passed the build. A builder
/// that can add the part (the runbook's own, <c>Helpers.AddAll(rb)</c>) made them wait even where the helper's source
/// is in the compilation and adds none of it; now they read it, and wait only for one they cannot read (a referenced
/// assembly's, an extension method).
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
    public Task A_runbook_builder_handed_to_an_extension_method_still_makes_the_sections_wait() =>
        Verify<SectionCompletenessAnalyzer>.AnalyzerAsync($$"""
            using System;
            using RunbookSdk;

            [Runbook("extended")]
            public sealed class Extended : Runbook
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Title("Extended")
                    .Phase("Fix", p => Helpers.More(p))
                    .WithDefaults();
            }

            {{Helpers}}
            """);

    [Fact]
    public Task A_helper_handed_the_runbook_builder_is_read_where_its_source_is_in_the_compilation() =>
        Verify<SectionCompletenessAnalyzer>.AnalyzerAsync($$"""
            using System;
            using RunbookSdk;

            [Runbook("handed-whole")]
            public sealed class {|#0:HandedWhole|} : Runbook
            {
                public override void Define(IRunbookBuilder rb) => Helpers.AddAll(rb
                    .Title("Handed whole")
                    .Phase("Fix", p => Helpers.More(p)));
            }

            [Runbook("captured")]
            public sealed class {|#1:Captured|} : Runbook
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Title("Captured")
                    .Phase("Both", p => Helpers.MoreOf(p, rb));
            }

            [Runbook("completed-by-a-helper")]
            public sealed class CompletedByAHelper : Runbook
            {
                public override void Define(IRunbookBuilder rb)
                {
                    rb.Title("Completed by a helper").Phase("Fix", p => Helpers.More(p));
                    Sections.Complete(rb);
                }
            }

            [Runbook("checked-by-a-helper")]
            public sealed class {|#2:CheckedByAHelper|} : Runbook
            {
                public override void Define(IRunbookBuilder rb) => Sections.Checks(rb
                    .Title("Checked by a helper")
                    .Rollback(r => r.Step("Roll back", s => s.Run("./rollback-plan.sh").RequiresConfirmation())));
            }

            public static class Sections
            {
                public static void Complete(IRunbookBuilder rb)
                {
                    Escalate(rb);
                    rb.Rollback(r => r.Step("Roll back", s => s.Run("./rollback-plan.sh").RequiresConfirmation()));
                    Checks(rb);
                }

                public static void Escalate(IRunbookBuilder rb) => rb.Escalation(e => e.Level("On-call", TimeSpan.Zero));

                public static IRunbookBuilder Checks(IRunbookBuilder rb) =>
                    rb.Verification(v => v.Step("Health is green", s => s.Http("GET", "https://api.omnix.ai/health").ExpectStatus(200)));
            }

            {{Helpers}}
            """,
            Missing("RB0001", 0, "HandedWhole", "; add Escalation(...) to it or to its handbook"),
            Missing("RB0003", 0, "HandedWhole", "; add Verification(...) to prove the system is healthy again"),
            Missing("RB0001", 1, "Captured", "; add Escalation(...) to it or to its handbook"),
            Missing("RB0003", 1, "Captured", "; add Verification(...) to prove the system is healthy again"),
            Missing("RB0001", 2, "CheckedByAHelper", "; add Escalation(...) to it or to its handbook"));

    // A method of the runbook's own class called by its name (or this.Name), and a local function of Define, are read
    // as Helpers.AddAll(rb) is. Before, the rules waited for them, and a runbook whose helper leaves out a section passed.
    [Fact]
    public Task A_method_of_the_runbooks_own_class_or_a_local_function_handed_the_runbook_builder_is_read() =>
        Verify<SectionCompletenessAnalyzer>.AnalyzerAsync($$"""
            using System;
            using RunbookSdk;

            [Runbook("own-method")]
            public sealed class OwnMethod : Runbook
            {
                public override void Define(IRunbookBuilder rb) => AddAll(rb.Title("Own method"));

                private static void AddAll(IRunbookBuilder rb) => rb
                    .Escalation(e => e.Level("On-call", TimeSpan.Zero))
                    .NoRollback("read-only")
                    .Verification(v => v.Step("Health is green", s => s.Http("GET", "https://api.omnix.ai/health").ExpectStatus(200)));
            }

            [Runbook("own-method-in-a-block")]
            public sealed class OwnMethodInABlock : Runbook
            {
                public override void Define(IRunbookBuilder rb)
                {
                    rb.Title("Own method in a block").Phase("Fix", p => Helpers.More(p));
                    this.Escalate(rb);
                    Finish(rb);
                }

                private void Escalate(IRunbookBuilder rb) => rb.Escalation(e => e.Level("On-call", TimeSpan.Zero));

                private static void Finish(IRunbookBuilder rb, string reason = "read-only")
                {
                    rb.NoRollback(reason);
                    rb.Verification(v => v.Step("Health is green", s => s.Http("GET", "https://api.omnix.ai/health").ExpectStatus(200)));
                }
            }

            [Runbook("own-method-leaving-one-out")]
            public sealed class {|#0:OwnMethodLeavingOneOut|} : Runbook
            {
                public override void Define(IRunbookBuilder rb) => AddAll(rb.Title("Own method leaving one out"));

                private static void AddAll(IRunbookBuilder rb) => rb
                    .Escalation(e => e.Level("On-call", TimeSpan.Zero))
                    .NoRollback("read-only");
            }

            [Runbook("local-function")]
            public sealed class LocalFunction : Runbook
            {
                public override void Define(IRunbookBuilder rb)
                {
                    void AddAll(IRunbookBuilder b) => b
                        .Escalation(e => e.Level("On-call", TimeSpan.Zero))
                        .Rollback(r => r.Step("Roll back", s => s.Run("./rollback-plan.sh").RequiresConfirmation()))
                        .Verification(v => v.Step("Health is green", s => s.Http("GET", "https://api.omnix.ai/health").ExpectStatus(200)));

                    rb.Title("Local function");
                    AddAll(rb);
                }
            }

            [Runbook("local-function-leaving-one-out")]
            public sealed class {|#1:LocalFunctionLeavingOneOut|} : Runbook
            {
                public override void Define(IRunbookBuilder rb)
                {
                    rb.Title("Local function leaving one out");
                    AddAll(rb);

                    static void AddAll(IRunbookBuilder b)
                    {
                        b.Escalation(e => e.Level("On-call", TimeSpan.Zero));
                        b.Verification(v => v.Step("Health is green", s => s.Http("GET", "https://api.omnix.ai/health").ExpectStatus(200)));
                    }
                }
            }

            {{Helpers}}
            """,
            Missing("RB0003", 0, "OwnMethodLeavingOneOut", "; add Verification(...) to prove the system is healthy again"),
            Missing("RB0002", 1, "LocalFunctionLeavingOneOut", "; add Rollback(...) or state why none is needed with NoRollback(\"reason\")"));

    // The index walks a local function's body as part of Define, so one declared and never called gave the runbook its
    // sections: a verification written in a function nothing calls passed RB0003, and the runner recorded none. Its
    // sections count only where it is called.
    [Fact]
    public Task A_local_function_of_Define_that_is_never_called_adds_no_section() =>
        Verify<SectionCompletenessAnalyzer>.AnalyzerAsync($$"""
            using System;
            using RunbookSdk;

            [Runbook("never-called")]
            public sealed class {|#0:NeverCalled|} : Runbook
            {
                public override void Define(IRunbookBuilder rb)
                {
                    rb.Title("Never called").Escalation(e => e.Level("On-call", TimeSpan.Zero)).NoRollback("read-only");

                    void Check(IRunbookBuilder b) => b.Verification(v => v.Step("Health is green", s => s.Http("GET", "https://api.omnix.ai/health").ExpectStatus(200)));
                }
            }

            [Runbook("never-called-capturing")]
            public sealed class {|#1:NeverCalledCapturing|} : Runbook
            {
                public override void Define(IRunbookBuilder rb)
                {
                    rb.Title("Never called capturing").Escalation(e => e.Level("On-call", TimeSpan.Zero));
                    rb.Verification(v => v.Step("Health is green", s => s.Http("GET", "https://api.omnix.ai/health").ExpectStatus(200)));

                    void Undo() => rb.Rollback(r => r.Step("Roll back", s => s.Run("./rollback-plan.sh").RequiresConfirmation()));
                }
            }

            [Runbook("never-called-helper")]
            public sealed class {|#2:NeverCalledHelper|} : Runbook
            {
                public override void Define(IRunbookBuilder rb)
                {
                    rb.Title("Never called helper").NoRollback("read-only");
                    rb.Verification(v => v.Step("Health is green", s => s.Http("GET", "https://api.omnix.ai/health").ExpectStatus(200)));

                    static void Escalate(IRunbookBuilder b) => Sections.Escalate(b);
                }
            }

            [Runbook("called-once")]
            public sealed class CalledOnce : Runbook
            {
                public override void Define(IRunbookBuilder rb)
                {
                    rb.Title("Called once").NoRollback("read-only");
                    Check(rb);
                    Escalate();

                    void Check(IRunbookBuilder b) => b.Verification(v => v.Step("Health is green", s => s.Http("GET", "https://api.omnix.ai/health").ExpectStatus(200)));
                    void Escalate() => rb.Escalation(e => e.Level("On-call", TimeSpan.Zero));
                }
            }

            public static class Sections
            {
                public static void Escalate(IRunbookBuilder rb) => rb.Escalation(e => e.Level("On-call", TimeSpan.Zero));
            }

            {{Helpers}}
            """,
            Missing("RB0003", 0, "NeverCalled", "; add Verification(...) to prove the system is healthy again"),
            Missing("RB0002", 1, "NeverCalledCapturing", "; add Rollback(...) or state why none is needed with NoRollback(\"reason\")"),
            Missing("RB0001", 2, "NeverCalledHelper", "; add Escalation(...) to it or to its handbook"));

    // A local function counts as called when code that runs reaches it: Define's own code, outside its local functions,
    // or a function reached so. Two that only call each other each counted the other's mention, and a verification
    // written in a pair nothing calls passed RB0003, though the runner recorded none; a name in nameof(...) runs nothing.
    [Fact]
    public Task Local_functions_of_Define_that_only_call_each_other_or_are_only_named_add_no_section() =>
        Verify<SectionCompletenessAnalyzer>.AnalyzerAsync("""
            using System;
            using RunbookSdk;

            [Runbook("uncalled-pair")]
            public sealed class {|#0:UncalledPair|} : Runbook
            {
                public override void Define(IRunbookBuilder rb)
                {
                    rb.Title("Uncalled pair").Escalation(e => e.Level("On-call", TimeSpan.Zero)).NoRollback("read-only");

                    void A(IRunbookBuilder b) { B(b); }
                    void B(IRunbookBuilder b) { if (b is null) A(b); b.Verification(v => v.Step("Health is green", s => s.Http("GET", "https://api.omnix.ai/health").ExpectStatus(200))); }
                }
            }

            [Runbook("only-named")]
            public sealed class {|#1:OnlyNamed|} : Runbook
            {
                public override void Define(IRunbookBuilder rb)
                {
                    rb.Title(nameof(Check)).Escalation(e => e.Level("On-call", TimeSpan.Zero)).NoRollback("read-only");

                    void Check(IRunbookBuilder b) => b.Verification(v => v.Step("Health is green", s => s.Http("GET", "https://api.omnix.ai/health").ExpectStatus(200)));
                }
            }

            [Runbook("called-pair")]
            public sealed class CalledPair : Runbook
            {
                public override void Define(IRunbookBuilder rb)
                {
                    rb.Title("Called pair").Escalation(e => e.Level("On-call", TimeSpan.Zero)).NoRollback("read-only");
                    A(rb);

                    void A(IRunbookBuilder b) => B(b);
                    void B(IRunbookBuilder b) => b.Verification(v => v.Step("Health is green", s => s.Http("GET", "https://api.omnix.ai/health").ExpectStatus(200)));
                }
            }

            [Runbook("called-from-a-lambda")]
            public sealed class CalledFromALambda : Runbook
            {
                public override void Define(IRunbookBuilder rb)
                {
                    rb.Title("Called from a lambda").Escalation(e => e.Level("On-call", TimeSpan.Zero)).NoRollback("read-only")
                        .Phase("Check", p => { Check(rb); p.Step("Look", s => s.Run("uptime")); });

                    void Check(IRunbookBuilder b) => b.Verification(v => v.Step("Health is green", s => s.Http("GET", "https://api.omnix.ai/health").ExpectStatus(200)));
                }
            }
            """,
            Missing("RB0003", 0, "UncalledPair", "; add Verification(...) to prove the system is healthy again"),
            Missing("RB0003", 1, "OnlyNamed", "; add Verification(...) to prove the system is healthy again"));

    // One the reading cannot take whole still makes the rules wait: an overloaded name, a method that is not there.
    [Fact]
    public Task A_method_of_the_runbooks_own_class_that_cannot_be_read_whole_still_makes_the_sections_wait() =>
        Verify<SectionCompletenessAnalyzer>.AnalyzerAsync($$"""
            using System;
            using RunbookSdk;

            [Runbook("overloaded")]
            public sealed class Overloaded : Runbook
            {
                public override void Define(IRunbookBuilder rb) => AddAll(rb.Title("Overloaded"), "x");

                private static void AddAll(IRunbookBuilder rb, string note) => rb.NoRollback(note);

                private static void AddAll(IRunbookBuilder rb, object note) => rb.NoRollback("read-only");
            }

            [Runbook("hands-on-to-a-library")]
            public abstract class HandsOn : Runbook
            {
                public override void Define(IRunbookBuilder rb) => AddAll(rb.Title("Hands on"));

                protected abstract void AddAll(IRunbookBuilder rb);
            }

            {{Helpers}}
            """);

    [Fact]
    public Task A_helper_of_a_referenced_assembly_still_makes_the_sections_wait()
    {
        var library = RunbookLibrary.Emit("""
            using RunbookSdk;

            namespace Team;

            public static class Shared
            {
                public static void AddAll(IRunbookBuilder rb) => rb.NoRollback("read-only");
            }
            """, assemblyName: "TeamHelpers", withGenerator: false);
        var test = new CSharpAnalyzerTest<SectionCompletenessAnalyzer, DefaultVerifier>
        {
            TestCode = $$"""
                using System;
                using RunbookSdk;

                [Runbook("handed-to-a-library")]
                public sealed class HandedToALibrary : Runbook
                {
                    public override void Define(IRunbookBuilder rb) => Team.Shared.AddAll(rb
                        .Title("Handed to a library")
                        .Phase("Fix", p => Helpers.More(p)));
                }

                [Runbook("handed-on-to-a-library")]
                public sealed class HandedOnToALibrary : Runbook
                {
                    public override void Define(IRunbookBuilder rb) => Local.AddAll(rb.Title("Handed on to a library"));
                }

                public static class Local
                {
                    public static void AddAll(IRunbookBuilder rb) => Team.Shared.AddAll(rb.NoRollback("read-only"));
                }

                {{Helpers}}
                """,
        };
        Verify<SectionCompletenessAnalyzer>.Configure(test);
        test.TestState.AdditionalReferences.Add(library);
        return test.RunAsync();
    }

    private static DiagnosticResult Missing(string id, string advice) =>
        new DiagnosticResult(id, DiagnosticSeverity.Error).WithLocation(0).WithArguments("Sample", advice);

    private static DiagnosticResult Missing(string id, int location, string runbook, string advice) =>
        new DiagnosticResult(id, DiagnosticSeverity.Error).WithLocation(location).WithArguments(runbook, advice);

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
