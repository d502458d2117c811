using RunbookSdk.Generators.Tests.Support;

namespace RunbookSdk.Generators.Tests;

/// <summary>
/// Which classes the generator takes for runbooks: every class whose <c>[Runbook]</c> attribute binds to
/// <c>RunbookSdk.RunbookAttribute</c>, however it is written — qualified, through a using alias in the file, its
/// namespace or another file's <c>global using</c> — and no class whose attribute only shares the name. Runbook
/// classes are found by syntax before anything is bound (so an unchanged runbook costs a keystroke nothing); these
/// pin that finding them that way misses none and invents none.
/// </summary>
public sealed class RunbookDiscoveryTests
{
    private const string Body = """
        {
            public override void Define(IRunbookBuilder rb) => rb.Title("Drain");
        }
        """;

    [Theory]
    [InlineData("using RunbookSdk;", "[Runbook(\"drain\")]")]
    [InlineData("using RunbookSdk;", "[RunbookAttribute(\"drain\")]")]
    [InlineData("using RunbookSdk;", "[System.Obsolete, Runbook(\"drain\")]")]
    [InlineData("using RunbookSdk;", "[System.Obsolete] [Runbook(\"drain\")]")]
    [InlineData("using RunbookSdk;", "[RunbookSdk.Runbook(\"drain\")]")]
    [InlineData("using RunbookSdk;", "[global::RunbookSdk.RunbookAttribute(\"drain\")]")]
    [InlineData("using RunbookSdk; using Rb = RunbookSdk.RunbookAttribute;", "[Rb(\"drain\")]")]
    [InlineData("using RunbookSdk; using RbAttribute = RunbookSdk.RunbookAttribute;", "[Rb(\"drain\")]")]
    [InlineData("using RunbookSdk; using Rb = global::RunbookSdk.RunbookAttribute;", "[Rb(\"drain\")]")]
    public void A_runbook_attribute_is_recognised_however_it_is_written(string usings, string attribute)
    {
        Assert.Equal(["Drain.Runbook.g.cs"], RunbookParts($"{usings}\n{attribute}\npublic sealed class Drain : Runbook\n{Body}"));
    }

    [Fact]
    public void An_alias_declared_in_the_namespace_is_followed()
    {
        var source = $$"""
            namespace Ops
            {
                using RunbookSdk;
                using Rb = RunbookSdk.RunbookAttribute;
                [Rb("drain")]
                public sealed class Drain : Runbook
                {{Body}}
            }
            """;

        Assert.Equal(["Ops_Drain.Runbook.g.cs"], RunbookParts(source));
    }

    [Fact]
    public void A_global_alias_declared_in_another_file_is_followed()
    {
        var aliases = "global using Rb = RunbookSdk.RunbookAttribute;";
        var runbook = $"using RunbookSdk;\n[Rb(\"drain\")]\npublic sealed class Drain : Runbook\n{Body}";

        Assert.Equal(["Drain.Runbook.g.cs"], RunbookParts(aliases, runbook));
    }

    [Fact]
    public void An_attribute_that_only_shares_the_name_does_not_make_a_runbook()
    {
        var foreign = """
            namespace Other;
            [System.AttributeUsage(System.AttributeTargets.Class)]
            public sealed class RunbookAttribute(string id) : System.Attribute { public string Id { get; } = id; }
            """;
        var runbook = $"using RunbookSdk;\n[Other.Runbook(\"drain\")]\npublic sealed class Drain : Runbook\n{Body}";
        var aliased = $"using RunbookSdk;\nusing Rb = Other.RunbookAttribute;\n[Rb(\"fill\")]\npublic sealed class Fill : Runbook\n{Body}";

        Assert.Empty(RunbookParts(foreign, runbook, aliased));
    }

    [Fact]
    public void A_partial_runbook_is_one_runbook_and_a_nested_one_is_found()
    {
        var source = $$"""
            using RunbookSdk;
            namespace Ops;
            [Runbook("drain")]
            public sealed partial class Drain : Runbook { }
            public sealed partial class Drain
            {{Body}}
            public static class Queues
            {
                [Runbook("fill")]
                public sealed class Fill : Runbook
                {{Body}}
            }
            """;

        Assert.Equal(["Ops_Drain.Runbook.g.cs", "Ops_Queues-Fill.Runbook.g.cs"], RunbookParts(source));
    }

    private static string[] RunbookParts(params string[] sources)
    {
        var (run, errors) = GeneratorHarness.Run(sources);
        Assert.Empty(errors);
        return run.Results.Single().GeneratedSources.Select(s => s.HintName)
            .Where(name => name.EndsWith(".Runbook.g.cs", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToArray();
    }
}
