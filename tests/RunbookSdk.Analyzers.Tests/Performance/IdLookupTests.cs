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

    [Fact]
    public void A_build_asking_about_every_id_gets_the_same_answers_from_the_index_as_the_IDE_gets_without_it()
    {
        var source = """
            namespace Ops;

            using RunbookSdk;
            using Rb = RunbookSdk.RunbookAttribute;

            public static class Ids { public const string Restore = "restore"; }

            [Runbook("drain")] public sealed class Drain : Runbook { public override void Define(IRunbookBuilder rb) { } }
            [Runbook("drain")] public sealed class DrainAgain : Runbook { public override void Define(IRunbookBuilder rb) { } }
            [Runbook(Ids.Restore)] public sealed class Restore : Runbook { public override void Define(IRunbookBuilder rb) { } }
            [Rb("fill")] public sealed class Fill : Runbook { public override void Define(IRunbookBuilder rb) { } }
            public static class Queues
            {
                [System.Obsolete, Runbook("purge")] public sealed class Purge : Runbook { public override void Define(IRunbookBuilder rb) { } }
            }
            [Handbook("drain")] public sealed class Platform : Handbook { public override void Define(IHandbookBuilder hb) { } }
            """;
        var compilation = CSharpCompilation.Create("Ids", [CSharpSyntaxTree.ParseText(source)], TestReferences.All);
        string[] ids = ["drain", "restore", "fill", "purge", "none"];

        var lookedThrough = IdDeclarations.Read(compilation);
        var indexed = IdDeclarations.Read(compilation);
        for (var i = 0; i < 8; i++) indexed.CandidatesFor("warm-up", handbook: false).ToList();

        foreach (var handbook in new[] { false, true })
        {
            foreach (var id in ids)
                Assert.Equal(lookedThrough.CandidatesFor(id, handbook).ToList(), indexed.CandidatesFor(id, handbook).ToList());
        }

        Assert.Equal(new[] { "Ops.Drain", "Ops.DrainAgain", "Ops.Restore", "Ops.Fill" }, indexed.CandidatesFor("drain", handbook: false));
        Assert.Equal(new[] { "Ops.Queues+Purge", "Ops.Restore", "Ops.Fill" }, indexed.CandidatesFor("purge", handbook: false));
        Assert.Equal(new[] { "Ops.Platform", "Ops.Fill" }, indexed.CandidatesFor("drain", handbook: true));
    }

    [Fact]
    public void A_file_is_read_once_however_many_compilations_hold_it()
    {
        var unchanged = CSharpSyntaxTree.ParseText("""namespace Ops; [RunbookSdk.Runbook("drain")] public sealed class Drain : RunbookSdk.Runbook { public override void Define(RunbookSdk.IRunbookBuilder rb) { } }""");
        var edited = CSharpSyntaxTree.ParseText("""namespace Ops; [RunbookSdk.Runbook("fill")] public sealed class Fill : RunbookSdk.Runbook { public override void Define(RunbookSdk.IRunbookBuilder rb) { } }""");
        var before = CSharpCompilation.Create("Ids", [unchanged, edited], TestReferences.All);
        var after = before.ReplaceSyntaxTree(edited, edited.WithChangedText(edited.GetText().Replace(0, 0, "// a keystroke\n")));

        IdDeclarations.Read(before);
        var unchangedRead = IdDeclarations.DeclarationsIn(unchanged);
        var editedRead = IdDeclarations.DeclarationsIn(edited);
        Assert.Equal(new[] { "Ops.Fill" }, IdDeclarations.Read(after).CandidatesFor("fill", handbook: false));

        Assert.Same(unchangedRead, IdDeclarations.DeclarationsIn(after.SyntaxTrees.First()));
        Assert.NotSame(editedRead, IdDeclarations.DeclarationsIn(after.SyntaxTrees.Last()));
    }
}
