using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RunbookSdk.Analyzers.Dsl;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Performance;

/// <summary>
/// RB0011 asks, for the runbook being analysed, which other types carry its id. In the IDE every keystroke creates
/// a new compilation, so answering by binding every type's attributes bound the whole project's attributes again
/// per keystroke. Only the types whose declarations may carry the id are bound (<see cref="IdDeclarations"/>).
/// </summary>
public sealed class IdLookupTests
{
    [Fact]
    public void Asking_who_has_an_id_binds_only_the_types_declared_with_it_and_those_whose_id_is_not_a_literal()
    {
        var runbooks = Enumerable.Range(0, 30).Select(i => $$"""
            [Runbook("r-{{i}}")]
            public sealed class R{{i}} : Runbook { public override void Define(IRunbookBuilder rb) { } }
            """);
        var source = $$"""
            namespace Ops;

            using RunbookSdk;

            public static class Ids { public const string Restore = "r-7"; }

            [Runbook(Ids.Restore)]
            public sealed class FromConstant : Runbook { public override void Define(IRunbookBuilder rb) { } }

            {{string.Join("\n", runbooks)}}
            """;
        var compilation = CSharpCompilation.Create("Ids", [CSharpSyntaxTree.ParseText(source)], TestReferences.All);

        var candidates = IdDeclarations.Read(compilation).CandidatesFor("r-7", handbook: false).ToList();
        var withId = RunbookCompilation.For(compilation)!.TypesWithId("r-7", handbook: false).Select(t => t.Name).ToList();

        Assert.Equal(new[] { "Ops.R7", "Ops.FromConstant" }, candidates);
        Assert.Equal(new[] { "R7", "FromConstant" }, withId);
        Assert.Equal(new[] { "Ops.FromConstant" }, IdDeclarations.Read(compilation).CandidatesFor("r-99", handbook: false));
    }
}
