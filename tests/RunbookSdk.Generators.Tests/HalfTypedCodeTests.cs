using RunbookSdk.Generators.Tests.Support;

namespace RunbookSdk.Generators.Tests;

/// <summary>What a developer's IDE feeds the generator between keystrokes: it must never throw, and still document what it can.</summary>
public class HalfTypedCodeTests
{
    private static readonly string[] Sources =
    {
        // Missing closing parenthesis and semicolon mid-chain.
        """
        using RunbookSdk;
        [Runbook("a")] public sealed class A : Runbook {
            public override void Define(IRunbookBuilder rb) => rb.Title("Half typed").Phase("P", p => p.Step("S", s => s.Run("echo hi"
        }
        """,
        // Call to a method that does not exist yet, and an argument of the wrong type.
        """
        using RunbookSdk;
        [Runbook("b")] public sealed class B : Runbook {
            public override void Define(IRunbookBuilder rb) => rb.Title(42).Severity().Phase("P", 5, null).NotYetWritten("x");
        }
        """,
        // Attribute without an id, Define without a body, no base class (RB0105, no page: D is no runbook yet), beside
        // a runbook that is whole, so the catalog is still generated.
        """
        using RunbookSdk;
        [Runbook()] public sealed class C : Runbook { public override void Define(IRunbookBuilder rb) }
        [Runbook("d")] public sealed class D { }
        [Runbook("d-whole")] public sealed class DWhole : Runbook { public override void Define(IRunbookBuilder rb) => rb.Title("Whole"); }
        """,
        // Define with statements the generator cannot follow, and a lambda that is a method group of another object (one of
        // the runbook's own class, or a static one of another class, is read in its place: MethodGroupPageTests, StaticHelperPageTests).
        """
        using RunbookSdk;
        [Runbook("e")] public sealed class E : Runbook {
            public override void Define(IRunbookBuilder rb) { if (true) rb.Title("x"); rb.Phase("P", Phases.Instance.Steps); }
        }
        public sealed class Phases { public static readonly Phases Instance = new(); public void Steps(IPhaseBuilder p) { } }
        """,
        // Empty escalation lambda, TimeSpan from a variable, interpolated holes with method calls.
        """
        using System; using RunbookSdk;
        [Runbook("f")] public sealed class F : Runbook {
            private static readonly TimeSpan Later = TimeSpan.FromMinutes(3);
            public override void Define(IRunbookBuilder rb) => rb
                .Escalation(e => e.Level("x", Later).Level(
                .Phase("P", TimeBox.Minutes(), p => p.Step($"Step {DateTime.Now}", s => s.Run($"echo {Environment.MachineName.ToLower()}")));
        }
        """,
        // Durations the compiler accepts or will reject that are no TimeSpan the docs can show: a char, text, too long.
        """
        using System; using RunbookSdk;
        [Runbook("g")] public sealed class G : Runbook {
            public override void Define(IRunbookBuilder rb) => rb
                .Phase("P", p => p.Step("S", s => s.Wait(TimeSpan.FromMinutes('a')).Wait(TimeSpan.FromHours("5")).Wait(TimeSpan.FromDays(1e12))));
        }
        """,
        // A OneOf half typed: no title, an option without its lambda, the options lambda not yet closed.
        """
        using RunbookSdk;
        [Runbook("h")] public sealed class H : Runbook {
            public override void Define(IRunbookBuilder rb) => rb
                .Phase("P", p => p.OneOf().OneOf("Way", o => o.Step("A").Note().Step("B", s => s.Run("b")
        }
        """,
    };

    public static TheoryData<int> BrokenRunbooks => new(Enumerable.Range(0, Sources.Length));

    [Theory]
    [MemberData(nameof(BrokenRunbooks))]
    public void Broken_code_never_makes_the_generator_throw(int index)
    {
        var (run, _) = GeneratorHarness.Run(Sources[index]);

        Assert.All(run.Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(run.Diagnostics, d => d.Id is "CS8785" or "RB0104");
        Assert.Contains(run.Results.Single().GeneratedSources, s => s.HintName == "RunbookCatalog.g.cs");
    }

    [Fact]
    public void Half_typed_runbook_still_gets_a_page_with_what_was_typed()
    {
        var (run, _) = GeneratorHarness.Run(Sources[0]);

        var page = GeneratorHarness.EmbeddedMarkdown(GeneratorHarness.GeneratedSource(run, "A.Runbook.g.cs"));
        Assert.Contains("# Half typed", page, StringComparison.Ordinal);
        Assert.Contains("echo hi", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Statements_the_generator_cannot_follow_are_reported_as_RB0101_not_silently_dropped()
    {
        var (run, _) = GeneratorHarness.Run(Sources[3]);

        var diagnostics = run.Diagnostics.Where(d => d.Id == "RB0101").ToList();
        Assert.Contains(diagnostics, d => d.GetMessage().Contains("if (true)", StringComparison.Ordinal) &&
                                          d.GetMessage().EndsWith("write the Define body as one fluent chain of DSL calls", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.GetMessage().Contains("Phases.Instance.Steps", StringComparison.Ordinal));
    }

    [Fact]
    public void A_helper_in_the_chain_is_reported_at_that_call_not_over_the_whole_chain()
    {
        // A team's helper (Verified) mid-chain: RB0101 underlined the whole Define chain from `rb`, lines away from
        // the call it was about, so the developer could not see what it meant.
        const string source = """
            using RunbookSdk;
            public static class Helpers { public static IRunbookBuilder Verified(this IRunbookBuilder rb, System.Action<IPhaseBuilder> steps) => rb.Verification(steps); }
            [Runbook("h")] public sealed class H : Runbook {
                public override void Define(IRunbookBuilder rb) => rb
                    .Title("Helper")
                    .NoRollback("read only")
                    .Verified(v => v.Step("Health", s => s.Http("GET", "https://api.example.com/health").ExpectStatus(200)));
            }
            """;
        var (run, _) = GeneratorHarness.Run(source);

        var unreadable = Assert.Single(run.Diagnostics, d => d.Id == "RB0101");
        var span = unreadable.Location.SourceSpan;
        Assert.StartsWith("Verified(v => v.Step(", source.Substring(span.Start, span.Length), StringComparison.Ordinal);
        Assert.EndsWith("ExpectStatus(200)))", source.Substring(span.Start, span.Length), StringComparison.Ordinal);
        // A call in the chain is not code around it: the advice is about what the call adds, not about the chain.
        Assert.EndsWith("the page cannot show what 'Verified' adds: write that into the chain with the DSL's own calls",
            unreadable.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Non_constant_arguments_are_documented_as_their_source_text()
    {
        var (run, _) = GeneratorHarness.Run(Sources[4]);

        var page = GeneratorHarness.EmbeddedMarkdown(GeneratorHarness.GeneratedSource(run, "F.Runbook.g.cs"));
        Assert.Contains("Step {DateTime.Now}", page, StringComparison.Ordinal);
        Assert.Contains("echo {Environment.MachineName.ToLower()}", page, StringComparison.Ordinal);
        Assert.Contains("Later", page, StringComparison.Ordinal);
    }
}
