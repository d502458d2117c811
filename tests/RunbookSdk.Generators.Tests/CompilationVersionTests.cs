using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis.CSharp;
using RunbookSdk.Generators.Reading;
using RunbookSdk.Generators.Tests.Support;
using static RunbookSdk.Generators.Tests.Support.ReuseSources;

namespace RunbookSdk.Generators.Tests;

/// <summary>
/// The IDE makes a new compilation per keystroke, and the generator a version of each (<c>CompilationVersion</c>);
/// a version remembers the last one it was compared with. Were that a strong reference, every version would keep the
/// one before it alive, and with it every syntax tree of every keystroke of the session.
/// </summary>
public sealed class CompilationVersionTests
{
    [Fact]
    public void A_version_does_not_keep_the_versions_it_was_compared_with_alive()
    {
        var (newest, oldest) = CompareThreeVersions();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(oldest.TryGetTarget(out _));
        GC.KeepAlive(newest);
    }

    [Fact]
    public void A_version_names_the_types_an_edit_declared_and_removed_and_no_others()
    {
        var compilation = GeneratorHarness.Compile(LimitsFile, "namespace Ops;\npublic static class Other { }");
        var before = CompilationVersion.Of(compilation);
        var after = CompilationVersion.Of(GeneratorHarness.Edit(compilation, "class Limits { }", "class Limits { }\npublic static class Names { }"));

        var changes = after.ChangesSince(before);

        Assert.True(changes.Affects(new[] { "Names" }));
        Assert.False(changes.Affects(new[] { "Limits", "Other", "Ops" }));
        Assert.False(CompilationVersion.Of(GeneratorHarness.Edit(compilation, "class Limits { }", "class Limits { const int X = 1; }")).ChangesSince(before).Affects(new[] { "Limits", "Ops" }));
    }

    [Fact]
    public void New_options_or_references_may_change_every_name()
    {
        var compilation = GeneratorHarness.Compile(LimitsFile);
        var before = CompilationVersion.Of(compilation);

        var importingAll = CompilationVersion.Of(compilation.WithOptions(compilation.Options.WithMetadataImportOptions(Microsoft.CodeAnalysis.MetadataImportOptions.All)));
        var fewerReferences = CompilationVersion.Of(compilation.RemoveReferences(compilation.References.Last()));

        Assert.True(importingAll.ChangesSince(before).Affects(new[] { "Anything" }));
        Assert.True(fewerReferences.ChangesSince(before).Affects(new[] { "Anything" }));
        Assert.False(CompilationVersion.Of(compilation).ChangesSince(before).Affects(new[] { "Anything" }));
    }

    [Fact]
    public void Files_in_another_order_may_change_every_name()
    {
        // A partial class's parts, and so the order of its parameters, follow the order of the files.
        var compilation = GeneratorHarness.Compile("namespace Ops;\npublic partial class Team { }", "namespace Ops;\npublic partial class Team { }");
        var before = CompilationVersion.Of(compilation);
        var trees = compilation.SyntaxTrees.ToArray();

        var reordered = CompilationVersion.Of(compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(trees[1], trees[0]));

        Assert.True(reordered.ChangesSince(before).Affects(new[] { "Anything" }));
    }

    [Fact]
    public void Files_parsed_again_are_the_same_files_but_not_in_another_order()
    {
        // A command-line build through the compiler server's kept driver parses every file again.
        var compilation = GeneratorHarness.Compile(LimitsFile, "namespace Ops;\npublic partial class Team { }", "namespace Ops;\npublic partial class Team { }");
        var before = CompilationVersion.Of(compilation);
        var parsedAgain = compilation.SyntaxTrees.Select(t => CSharpSyntaxTree.ParseText(t.GetText(), (CSharpParseOptions)t.Options, t.FilePath)).ToArray();

        var same = CompilationVersion.Of(compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(parsedAgain));
        var reordered = CompilationVersion.Of(compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(parsedAgain[0], parsedAgain[2], parsedAgain[1]));
        var oneRemoved = CompilationVersion.Of(compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(parsedAgain[1], parsedAgain[2]));

        Assert.False(same.ChangesSince(before).Affects(new[] { "Anything", "Limits", "Team" }));
        Assert.True(reordered.ChangesSince(before).Affects(new[] { "Anything" }));
        Assert.True(oneRemoved.ChangesSince(before).Affects(new[] { "Limits" }));
        Assert.False(oneRemoved.ChangesSince(before).Affects(new[] { "Team", "Anything" }));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (CompilationVersion Newest, WeakReference<CompilationVersion> Oldest) CompareThreeVersions()
    {
        var compilation = GeneratorHarness.Compile(LimitsFile);
        var first = CompilationVersion.Of(compilation);
        var second = CompilationVersion.Of(GeneratorHarness.Edit(compilation, "class Limits { }", "class Limits { }\nclass A { }"));
        second.ChangesSince(first);
        var third = CompilationVersion.Of(GeneratorHarness.Edit(compilation, "class Limits { }", "class Limits { }\nclass B { }"));
        third.ChangesSince(second);
        return (third, new WeakReference<CompilationVersion>(first));
    }
}
