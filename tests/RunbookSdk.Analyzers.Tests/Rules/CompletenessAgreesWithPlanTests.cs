using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using RunbookSdk.Analyzers.Sections;
using RunbookSdk.Analyzers.Tests.Infrastructure;
using RunbookSdk.Execution;
using RunbookSdk.Hosting;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// Two judges say whether a runbook has its escalation, rollback and verification: RB0001-RB0003 in the build, and
/// <c>runbook validate</c>'s table, which records the plan the runner follows (<see cref="RequiredSections"/>). They
/// must agree: a rule that fires on a section the runner has fails a build for nothing; a rule that stays silent on a
/// section the runner lacks lets an on-call engineer find out at 3 a.m. that "Rollback" has nothing under it. Each
/// layout is compiled, analysed, generated, loaded, and its <c>Define</c> recorded as the runner records it.
/// </summary>
public sealed class CompletenessAgreesWithPlanTests
{
    private const string Escalation = """.Escalation(e => e.Level("On-call engineer", TimeSpan.Zero))""";
    private const string Rollback = """.Rollback(r => r.Step("Undo", s => s.Instruction("undo the change")))""";
    private const string Verification = """.Verification(v => v.Step("Look", s => s.Instruction("the error rate is back to normal")))""";
    private const string Phase = """.Phase("Fix", p => p.Step("Fix", s => s.Instruction("fix it")))""";

    /// <summary>Define bodies of a runbook without a handbook, and whether the rules can judge them.</summary>
    public static TheoryData<string, string> Chains => new()
    {
        { "all three", $"rb{Phase}{Escalation}{Rollback}{Verification}" },
        { "no escalation", $"rb{Phase}{Rollback}{Verification}" },
        { "no rollback", $"rb{Phase}{Escalation}{Verification}" },
        { "no verification", $"rb{Phase}{Escalation}{Rollback}" },
        { "nothing", $"rb{Phase}" },
        { "a waiver", $"""rb{Phase}{Escalation}.NoRollback("read-only diagnostics"){Verification}""" },
        { "an empty waiver", $"""rb{Phase}{Escalation}.NoRollback(""){Verification}""" },
        { "a blank waiver", $"""rb{Phase}{Escalation}.NoRollback("  "){Verification}""" },
        { "a null waiver", $"""rb{Phase}{Escalation}.NoRollback(null!){Verification}""" },
        { "a waiver of a constant's reason", $"""rb{Phase}{Escalation}.NoRollback(Reasons.ReadOnly){Verification}""" },
        { "a blank verbatim waiver", $"""rb{Phase}{Escalation}.NoRollback(@"	"){Verification}""" },
        { "an empty escalation", $"rb{Phase}.Escalation(e => {{ }}){Rollback}{Verification}" },
        { "an empty rollback", $"rb{Phase}{Escalation}.Rollback(r => {{ }}){Verification}" },
        { "an empty rollback, discarded parameter", $"rb{Phase}{Escalation}.Rollback(_ => {{ }}){Verification}" },
        { "an empty rollback with a comment", $"rb{Phase}{Escalation}.Rollback(r => {{ /* later */ }}){Verification}" },
        { "an empty verification", $"rb{Phase}{Escalation}{Rollback}.Verification(v => {{ }})" },
        { "an empty verification, parenthesized lambda", $"rb{Phase}{Escalation}{Rollback}.Verification((v) => {{ }})" },
        { "an empty rollback beside a waiver", $$"""rb{{Phase}}{{Escalation}}.Rollback(r => { }).NoRollback("nothing to undo"){{Verification}}""" },
        { "a rollback emptied by a later call", $"rb{Phase}{Escalation}{Rollback}.Rollback(r => {{ }}){Verification}" },
        { "an empty rollback replaced by a later call", $"rb{Phase}{Escalation}.Rollback(r => {{ }}){Rollback}{Verification}" },
        { "an escalation added to by a later call", $"rb{Phase}{Escalation}.Escalation(e => {{ }}){Rollback}{Verification}" },
        { "a verification that is a decision", $"""rb{Phase}{Escalation}{Rollback}.Verification(v => v.OneOf("Where to look", o => o.Step("Dashboard", s => s.Instruction("look")).Step("Logs", s => s.Instruction("read"))))""" },
        { "a rollback whose step is empty", $$"""rb{{Phase}}{{Escalation}}.Rollback(r => r.Step("Undo", s => { })){{Verification}}""" },
        { "levels in a loop", $$"""rb{{Phase}}.Escalation(e => { foreach (var who in new[] { "On-call" }) e.Level(who, TimeSpan.Zero); }){{Rollback}}{{Verification}}""" },
        { "sections as statements", $"{{ rb{Phase}; rb{Escalation}; rb{Rollback}; rb{Verification}; }}" },
        { "an empty rollback as a statement", $"{{ rb{Phase}; rb{Escalation}; rb.Rollback(r => {{ }}); rb{Verification}; }}" },
    };

    [Theory]
    [MemberData(nameof(Chains))]
    public async Task The_rules_report_a_section_missing_exactly_when_the_recorded_plan_lacks_it(string layout, string define)
    {
        var body = define.StartsWith('{') ? define : "=> " + define + ";";
        await AgreeAsync(layout, $$"""
            using System;
            using RunbookSdk;

            [Runbook("agree")]
            public sealed class Agree : Runbook
            {
                public override void Define(IRunbookBuilder rb) {{body}}
            }

            public static class Reasons { public const string ReadOnly = "read-only diagnostics"; }
            """);
    }

    /// <summary>Whole projects: handbooks, base classes, helpers.</summary>
    public static TheoryData<string, string> Projects => new()
    {
        { "escalation from the handbook", HandbookAndRunbook($"hb.Title(\"Ops\"){Escalation}", $"rb{Phase}{Rollback}{Verification}") },
        { "an empty escalation in the handbook", HandbookAndRunbook("hb.Title(\"Ops\").Escalation(e => { })", $"rb{Phase}{Rollback}{Verification}") },
        { "an empty escalation of its own, the handbook's levels", HandbookAndRunbook($"hb.Title(\"Ops\"){Escalation}", $"rb{Phase}.Escalation(e => {{ }}){Rollback}{Verification}") },
        { "sections from a base class it calls", BaseAndRunbook($"rb{Escalation}{Rollback}{Verification}", $"{{ base.Define(rb); rb{Phase}; }}") },
        { "an empty rollback in a base class it calls", BaseAndRunbook($"rb{Escalation}.Rollback(r => {{ }}){Verification}", $"{{ base.Define(rb); rb{Phase}; }}") },
        { "a base class's empty rollback filled in after the base call", BaseAndRunbook($"rb{Escalation}.Rollback(r => {{ }}){Verification}", $"{{ base.Define(rb); rb{Phase}{Rollback}; }}") },
        { "a base class's rollback emptied after the base call", BaseAndRunbook($"rb{Escalation}{Rollback}{Verification}", $"{{ base.Define(rb); rb{Phase}.Rollback(r => {{ }}); }}") },
        { "a base class's sections, not called", BaseAndRunbook($"rb{Escalation}{Rollback}{Verification}", $"=> rb{Phase};") },
        { "a base class's sections, through a local function of Define", BaseAndRunbook($"rb{Escalation}{Rollback}{Verification}", $"{{ rb{Phase}; AddBase(rb); void AddBase(IRunbookBuilder b) => base.Define(b); }}") },
        { "a base class's sections, through a local function nothing calls", BaseAndRunbook($"rb{Escalation}{Rollback}{Verification}", $"{{ rb{Phase}; void AddBase(IRunbookBuilder b) => base.Define(b); }}") },
        { "a base class's rollback emptied after a local function calls the base", BaseAndRunbook($"rb{Escalation}{Rollback}{Verification}", $"{{ AddBase(rb); rb{Phase}.Rollback(r => {{ }}); void AddBase(IRunbookBuilder b) {{ base.Define(b); }} }}") },
        { "a base class's sections, through a method of the class", BaseAndRunbook($"rb{Escalation}{Rollback}{Verification}", $"{{ rb{Phase}; AddBase(rb); }}", "private void AddBase(IRunbookBuilder b) => base.Define(b);") },
        { "a base class's empty rollback, through a method of the class, filled in after", BaseAndRunbook($"rb{Escalation}.Rollback(r => {{ }}){Verification}", $"{{ AddBase(rb); rb{Phase}{Rollback}; }}", "private void AddBase(IRunbookBuilder b) { b.Title(\"Agree\"); base.Define(b); }") },
        { "a base class's sections, through a method of the class that returns the builder", BaseAndRunbook($"rb{Escalation}{Rollback}{Verification}", $"=> AddBase(rb){Phase};", "private IRunbookBuilder AddBase(IRunbookBuilder b) { base.Define(b); return b; }") },
        {
            "no Define of its own: the base class's",
            $$"""
            public abstract class Base : Runbook
            {
                public override void Define(IRunbookBuilder rb) => rb{{Phase}}{{Escalation}}.Rollback(r => { }){{Verification}};
            }

            [Runbook("agree")]
            public sealed class Agree : Base
            {
            }
            """
        },
        {
            "a middle class that calls its base",
            $$"""
            public abstract class Base : Runbook
            {
                public override void Define(IRunbookBuilder rb) => rb{{Escalation}}{{Verification}};
            }

            public abstract class Middle : Base
            {
                public override void Define(IRunbookBuilder rb) { base.Define(rb); rb{{Rollback}}; }
            }

            [Runbook("agree")]
            public sealed class Agree : Middle
            {
                public override void Define(IRunbookBuilder rb) { rb{{Phase}}; base.Define(rb); }
            }
            """
        },
        { "a rollback before the base call that replaces it with an empty one", BaseAndRunbook($"rb{Escalation}.Rollback(r => {{ }}){Verification}", $"{{ rb{Phase}{Rollback}; base.Define(rb); }}") },
        {
            "a handbook whose escalation comes from its base class",
            $$"""
            public abstract class OpsBase : Handbook
            {
                public override void Define(IHandbookBuilder hb) => hb.Title("Ops"){{Escalation}};
            }

            [Handbook("ops")]
            public sealed class Ops : OpsBase
            {
                public override void Define(IHandbookBuilder hb) { base.Define(hb); hb.Owner("SRE"); }
            }

            [Runbook("agree")]
            public sealed class Agree : Runbook<Ops>
            {
                public override void Define(IRunbookBuilder rb) => rb{{Phase}}{{Rollback}}{{Verification}};
            }
            """
        },
        {
            "an escalation from a method group",
            $$"""
            [Runbook("agree")]
            public sealed class Agree : Runbook
            {
                public override void Define(IRunbookBuilder rb) => rb{{Phase}}.Escalation(Levels){{Rollback}}{{Verification}};

                private static void Levels(IEscalationBuilder e) => e.Level("On-call", TimeSpan.Zero);
            }
            """
        },
        {
            "sections added by a local function it calls",
            $$"""
            [Runbook("agree")]
            public sealed class Agree : Runbook
            {
                public override void Define(IRunbookBuilder rb)
                {
                    rb{{Phase}};
                    Sections();

                    void Sections() => rb{{Escalation}}{{Rollback}}{{Verification}};
                }
            }
            """
        },
        {
            "a verification in a local function it never calls",
            $$"""
            [Runbook("agree")]
            public sealed class Agree : Runbook
            {
                public override void Define(IRunbookBuilder rb)
                {
                    rb{{Phase}}{{Escalation}}{{Rollback}};

                    void Check(IRunbookBuilder b) => b{{Verification}};
                }
            }
            """
        },
        {
            "a rollback from a method group",
            $$"""
            [Runbook("agree")]
            public sealed class Agree : Runbook
            {
                public override void Define(IRunbookBuilder rb) => rb{{Phase}}{{Escalation}}.Rollback(Undo){{Verification}};

                private static void Undo(IPhaseBuilder r) => r.Step("Undo", s => s.Instruction("undo the change"));
            }
            """
        },
        { "a verification given as another class's method group", OtherClassAndRunbook($"rb{Phase}{Escalation}{Rollback}.Verification(Checks.Verify)") },
        { "a verification given as another class's method group that adds nothing", OtherClassAndRunbook($"rb{Phase}{Escalation}{Rollback}.Verification(Checks.Nothing)") },
        { "a verification given as a lambda handing its builder to another class", OtherClassAndRunbook($"rb{Phase}{Escalation}{Rollback}.Verification(v => Checks.Verify(v))") },
        { "a rollback given as another class's method group", OtherClassAndRunbook($"rb{Phase}{Escalation}.Rollback(Checks.Undo){Verification}") },
        { "sections from another class's helper", OtherClassAndRunbook($"{{ rb{Phase}{Escalation}; Checks.AddChecks(rb); }}") },
        { "sections from another class's helper, no verification", OtherClassAndRunbook($"{{ rb{Phase}{Escalation}; Checks.AddRollback(rb); }}") },
        { "sections from a helper imported with using static", OtherClassAndRunbook($"{{ rb{Phase}{Escalation}; AddChecks(rb); }}") },
        { "sections from a helper imported with using static, no verification", OtherClassAndRunbook($"{{ rb{Phase}{Escalation}; AddRollback(rb); }}") },
        { "sections from a helper imported with using static, chained", OtherClassAndRunbook($"=> AddRollback(rb){Phase}{Escalation};") },
        { "sections from a helper imported with using static, calling a method group of its class", OtherClassAndRunbook($"{{ rb{Phase}{Escalation}; AddGroups(rb); }}") },
        { "a verification given as a method group of the class that adds nothing", OtherClassAndRunbook($"rb{Phase}{Escalation}{Rollback}.Verification(Nothing)", "private static void Nothing(IPhaseBuilder v) { }") },
        { "a verification given as a method group of the class that adds a step", OtherClassAndRunbook($"rb{Phase}{Escalation}{Rollback}.Verification(Look)", "private static void Look(IPhaseBuilder v) => v.Step(\"Look\", s => s.Instruction(\"look\"));") },
        { "a verification given as another class's method group that hands its builder on", OtherClassAndRunbook($"rb{Phase}{Escalation}{Rollback}.Verification(Checks.HandsOn)") },
        { "an escalation given as another class's method group", OtherClassAndRunbook($"rb{Phase}.Escalation(Checks.Levels){Rollback}{Verification}") },
        { "an escalation given as another class's method group that adds no level", OtherClassAndRunbook($"rb{Phase}.Escalation(Checks.NoLevels){Rollback}{Verification}") },
        { "phases given as another class's method groups", OtherClassAndRunbook($"rb.Phase(\"Fix\", Checks.Fix).Phase(\"Again\", p => Checks.Fix(p)){Escalation}{Rollback}{Verification}") },
    };

    /// <summary>
    /// A runbook whose Define's body is <paramref name="body"/> (and its <paramref name="members"/>), beside a team's static class <c>Team.Checks</c> of
    /// helpers it may hand its builders to by name (<c>Checks.Verify</c>) or, imported with <c>using static</c>, alone.
    /// </summary>
    private static string OtherClassAndRunbook(string body, string members = "") => $$"""
        using Team;
        using static Team.Checks;

        [Runbook("agree")]
        public sealed class Agree : Runbook
        {
            public override void Define(IRunbookBuilder rb) {{(body.StartsWith('{') || body.StartsWith('=') ? body : "=> " + body + ";")}}
            {{members}}
        }

        namespace Team
        {
            public static class Checks
            {
                public static void Verify(IPhaseBuilder v) => v.Step("Look", s => s.Instruction("the error rate is back to normal"));
                public static void Nothing(IPhaseBuilder v) { }
                public static void Undo(IPhaseBuilder r) => r.Step("Undo", s => s.Instruction("undo the change"));
                public static void AddChecks(IRunbookBuilder rb) => rb{{Rollback}}{{Verification}};
                public static IRunbookBuilder AddRollback(IRunbookBuilder rb) => rb{{Rollback}};
                public static void AddGroups(IRunbookBuilder rb) => rb.Rollback(Undo).Verification(Verify);
                public static void HandsOn(IPhaseBuilder v) => More.Checks(v);
                public static void Levels(IEscalationBuilder e) => e.Level("On-call", TimeSpan.Zero);
                public static void NoLevels(IEscalationBuilder e) { }
                public static void Fix(IPhaseBuilder p) => p.Step("Fix", s => s.Instruction("fix it"));
            }

            public static class More
            {
                public static void Checks(IPhaseBuilder v) => v.Step("Look", s => s.Instruction("look"));
            }
        }
        """;

    /// <summary>A handbook whose Define is <paramref name="handbookChain"/>, and a runbook of it whose Define is <paramref name="runbookChain"/>.</summary>
    private static string HandbookAndRunbook(string handbookChain, string runbookChain) => $$"""
        [Handbook("ops")]
        public sealed class Ops : Handbook
        {
            public override void Define(IHandbookBuilder hb) => {{handbookChain}};
        }

        [Runbook("agree")]
        public sealed class Agree : Runbook<Ops>
        {
            public override void Define(IRunbookBuilder rb) => {{runbookChain}};
        }
        """;

    /// <summary>A runbook deriving from a base class that defines <paramref name="baseChain"/>; its own Define's body is <paramref name="body"/>.</summary>
    private static string BaseAndRunbook(string baseChain, string body, string members = "") => $$"""
        public abstract class Base : Runbook
        {
            public override void Define(IRunbookBuilder rb) => {{baseChain}};
        }

        [Runbook("agree")]
        public sealed class Agree : Base
        {
            public override void Define(IRunbookBuilder rb) {{body}}
            {{members}}
        }
        """;

    [Theory]
    [MemberData(nameof(Projects))]
    public async Task A_project_s_runbook_is_judged_by_the_rules_as_by_its_recorded_plan(string layout, string source) =>
        await AgreeAsync(layout, "using System;\nusing RunbookSdk;\n\n" + source);

    private static async Task AgreeAsync(string layout, string source)
    {
        var compilation = TestReferences.Compile(source);
        var reported = (await compilation.WithAnalyzers([new SectionCompletenessAnalyzer()]).GetAnalyzerDiagnosticsAsync())
            .Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var (plan, handbook) = Assert.Single(RecordedPlans.Of(compilation).Values);
        var recorded = RequiredSections.Of(plan, handbook);

        var disagreements = new List<string>();
        Compare("RB0001", "an escalation", recorded.Escalation);
        Compare("RB0002", "a rollback or a waiver with its reason", recorded.Rollback);
        Compare("RB0003", "a verification", recorded.Verification);
        Assert.True(disagreements.Count == 0, layout + ": " + string.Join("; ", disagreements));

        void Compare(string rule, string section, bool present)
        {
            if (present && reported.Contains(rule)) disagreements.Add($"{rule} reports it missing, and the recorded plan has {section}");
            if (!present && !reported.Contains(rule)) disagreements.Add($"the recorded plan lacks {section}, and {rule} is silent");
        }
    }
}
