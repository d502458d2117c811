using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunbookSdk.Analyzers.Dsl;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Performance;

/// <summary>
/// The rules that judge DSL calls read them from one index per tree (<see cref="RunbookCompilation.IndexOf"/>)
/// instead of each registering a syntax-node action the driver would dispatch over every node of the project.
/// </summary>
public sealed class DslCallIndexTests
{
    private const string Source = """
        using System;
        using System.Collections.Generic;
        using RunbookSdk;

        [Runbook("indexed")]
        public sealed class Indexed : Runbook
        {
            public override void Define(IRunbookBuilder rb)
            {
                var seen = new List<string>();
                seen.Add("not a DSL call");
                rb.Title("Indexed")
                  .Phase("Act", p => p.Step("Look", s => s.Run(Describe()).Timeout(TimeSpan.FromMinutes(1))));
                Console.WriteLine(seen.Count);
            }

            private static string Describe() => "kubectl get pods";
        }
        """;

    [Fact]
    public void Finds_the_DSL_calls_of_a_tree_in_source_order_and_nothing_else()
    {
        var tree = CSharpSyntaxTree.ParseText(Source);
        var compilation = CSharpCompilation.Create("Index", [tree], TestReferences.All);
        var runbooks = RunbookCompilation.For(compilation)!;

        var calls = runbooks.IndexOf(tree, CancellationToken.None).Calls;

        Assert.Equal(new[] { "Phase", "Title", "Step", "Timeout", "Run" }, calls.Select(c => DslSyntax.CalledName(c)!).ToArray());
        Assert.DoesNotContain(calls, c => c.ToString().Contains("seen.Add", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_tree_is_indexed_once_however_many_rules_ask()
    {
        var tree = CSharpSyntaxTree.ParseText(Source);
        var unrelated = CSharpSyntaxTree.ParseText("class Unrelated { void M() => System.Console.WriteLine(); }");
        var compilation = CSharpCompilation.Create("Index", [tree, unrelated], TestReferences.All);
        var runbooks = RunbookCompilation.For(compilation)!;

        var first = runbooks.IndexOf(tree, CancellationToken.None);
        var second = runbooks.IndexOf(tree, CancellationToken.None);

        Assert.True(first == second, "the second rule must get the same index, not a new walk of the tree");
        Assert.Empty(runbooks.IndexOf(unrelated, CancellationToken.None).Calls);
    }

    [Fact]
    public void Knows_which_names_are_builders_where_lambdas_local_functions_and_anonymous_methods_declare_them()
    {
        var tree = CSharpSyntaxTree.ParseText("""
            using System;
            using System.Linq;
            using RunbookSdk;

            [Runbook("scoped")]
            public sealed class Scoped : Runbook
            {
                public override void Define(IRunbookBuilder rb)
                {
                    // A lambda handed to other code: its p is an int, not the phase builder of the lambda around it.
                    rb.Phase("Act", p => p.Step("Count", s => s.Instruction(new[] { 1 }.Select(p => p.ToString()).First())));
                    AddChecks(rb);
                    Action later = delegate { rb.Title("not read: anonymous methods are not followed"); };

                    void AddChecks(IRunbookBuilder builder) => builder.Verification(v => v.Step("Check", s => s.Run("true")));
                }
            }
            """);
        var compilation = CSharpCompilation.Create("Index", [tree], TestReferences.All);
        var index = RunbookCompilation.For(compilation)!.IndexOf(tree, CancellationToken.None);

        Assert.Equal(
            new[] { "Phase", "Step", "Instruction", "Verification", "Step", "Run" },
            index.Calls.Select(c => DslSyntax.CalledName(c)!).ToArray());
        var opaque = Assert.Single(index.Opaque);
        Assert.Equal("AddChecks(rb)", opaque.ToString());
    }

    [Fact]
    public void Records_the_builder_uses_the_rules_cannot_follow()
    {
        var tree = CSharpSyntaxTree.ParseText("""
            using RunbookSdk;

            [Runbook("opaque")]
            public sealed class Opaque : Runbook
            {
                public override void Define(IRunbookBuilder rb)
                {
                    rb.Title("Opaque").Phase("Act", p => Steps.Add(p));
                    base.Define(rb);
                    var member = rb.Verif;
                }
            }
            """);
        var compilation = CSharpCompilation.Create("Index", [tree], TestReferences.All);
        var index = RunbookCompilation.For(compilation)!.IndexOf(tree, CancellationToken.None);

        Assert.Equal(new[] { "Phase", "Title" }, index.Calls.Select(c => DslSyntax.CalledName(c)!).ToArray());
        Assert.Equal("Steps.Add(p)", Assert.Single(index.Opaque).ToString());
        Assert.Equal("base.Define(rb)", Assert.Single(index.BaseCalls).ToString());
        Assert.Equal("rb.Verif", Assert.Single(index.UncalledMembers).ToString());
        Assert.True(index.Contains(index.Calls[0], "Phase"));
        Assert.False(index.Contains(index.Calls[0], "Title"));
    }

    private const string ChainThroughHelpers = """
        using RunbookSdk;

        [Runbook("helpers")]
        public sealed class Helpers : Runbook
        {
            public override void Define(IRunbookBuilder rb) => rb
                .Title("Helpers")
                .Phase("Act", p => p.Step("Clean", s => s.Run("ls").Tag("cleanup").Run("rm -rf /srv/app"))
                                    .Step("Print", s => s.Remote("bastion").Run("rm -rf /srv/app")));
        }
        """;

    private const string TeamConventions = """
        using RunbookSdk;

        public static class TeamConventions
        {
            public static IStepBuilder Tag(this IStepBuilder step, string tag) => step;
            public static Printer Remote(this IStepBuilder step, string host) => new();
        }

        public sealed class Printer { public Printer Run(string command) => this; }
        """;

    [Fact]
    public void Reads_the_DSL_calls_after_a_method_declared_in_the_project_that_returns_a_builder()
    {
        var tree = CSharpSyntaxTree.ParseText(ChainThroughHelpers);
        var compilation = CSharpCompilation.Create("Index", [tree, CSharpSyntaxTree.ParseText(TeamConventions)], TestReferences.All);

        AssertReadThroughTagOnly(RunbookCompilation.For(compilation)!.IndexOf(tree, CancellationToken.None));
    }

    [Fact]
    public void Reads_the_DSL_calls_after_a_method_of_a_referenced_runbook_library_that_returns_a_builder()
    {
        var library = CSharpCompilation.Create("Conventions", [CSharpSyntaxTree.ParseText(TeamConventions)], TestReferences.All,
            new CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        Assert.True(library.Emit(image).Success);
        var tree = CSharpSyntaxTree.ParseText(ChainThroughHelpers);
        var compilation = CSharpCompilation.Create("Index", [tree], TestReferences.All.Add(Microsoft.CodeAnalysis.MetadataReference.CreateFromImage(image.ToArray())));

        AssertReadThroughTagOnly(RunbookCompilation.For(compilation)!.IndexOf(tree, CancellationToken.None));
    }

    /// <summary>Tag returns the step builder: the Run after it is a DSL call. Remote returns a Printer: its Run is not.</summary>
    private static void AssertReadThroughTagOnly(DslCallIndex index)
    {
        Assert.Equal(new[] { "Phase", "Title", "Step", "Step", "Run", "Run" }, index.Calls.Select(c => DslSyntax.CalledName(c)!).ToArray());
        Assert.Equal(new[] { "s.Run(\"ls\").Tag(\"cleanup\")", "s.Remote(\"bastion\")" }, index.Opaque.Select(o => o.ToString()).ToArray());
    }

    [Fact]
    public void A_chain_deeper_than_the_walk_follows_is_marked_unread_instead_of_overflowing_the_stack()
    {
        var chain = string.Concat(Enumerable.Repeat(".Summary(\"again\")", 3000));
        var tree = CSharpSyntaxTree.ParseText($$"""
            using RunbookSdk;

            [Runbook("deep")]
            public sealed class Deep : Runbook
            {
                public override void Define(IRunbookBuilder rb) => rb.Title("Deep"){{chain}};
            }
            """);
        var compilation = CSharpCompilation.Create("Index", [tree], TestReferences.All);
        var runbooks = RunbookCompilation.For(compilation)!;

        var index = runbooks.IndexOf(tree, CancellationToken.None);
        var facts = runbooks.FactsOf(compilation.GetTypeByMetadataName("Deep")!);

        Assert.NotEmpty(index.Opaque);
        Assert.False(facts.IsComplete, "the section rules must wait rather than judge a Define they could not read to the end");
    }
}
