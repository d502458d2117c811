using RunbookSdk.Generators.Tests.Support;

namespace RunbookSdk.Generators.Tests;

/// <summary>
/// Which classes the generator takes for handbooks: every class whose <c>[Handbook]</c> attribute binds to
/// <c>RunbookSdk.HandbookAttribute</c>, however it is written, and none whose attribute only shares the name — the
/// same cases <see cref="RunbookDiscoveryTests"/> pins for runbooks. Handbooks are found by Roslyn's attribute search
/// and runbooks by syntax (docs/performance.md says why, and why finding handbooks by syntax too was not kept); these
/// hold whichever way they are found.
/// </summary>
public sealed class HandbookDiscoveryTests
{
    private const string Body = """
        {
            public override void Define(IHandbookBuilder hb) => hb.Title("Ops");
        }
        """;

    [Theory]
    [InlineData("using RunbookSdk;", "[Handbook(\"ops\")]")]
    [InlineData("using RunbookSdk;", "[HandbookAttribute(\"ops\")]")]
    [InlineData("using RunbookSdk;", "[System.Obsolete, Handbook(\"ops\")]")]
    [InlineData("using RunbookSdk;", "[System.Obsolete] [Handbook(\"ops\")]")]
    [InlineData("using RunbookSdk;", "[RunbookSdk.Handbook(\"ops\")]")]
    [InlineData("using RunbookSdk;", "[global::RunbookSdk.HandbookAttribute(\"ops\")]")]
    [InlineData("using RunbookSdk; using Hb = RunbookSdk.HandbookAttribute;", "[Hb(\"ops\")]")]
    [InlineData("using RunbookSdk; using HbAttribute = RunbookSdk.HandbookAttribute;", "[Hb(\"ops\")]")]
    public void A_handbook_attribute_is_recognised_however_it_is_written(string usings, string attribute)
    {
        Assert.Equal(["OpsHandbook.Handbook.g.cs"], HandbookParts($"{usings}\n{attribute}\npublic sealed class OpsHandbook : Handbook\n{Body}"));
    }

    [Fact]
    public void Aliases_in_the_namespace_and_in_another_files_global_using_are_followed()
    {
        var inNamespace = $$"""
            namespace Ops
            {
                using RunbookSdk;
                using Hb = RunbookSdk.HandbookAttribute;
                [Hb("ops")]
                public sealed class OpsHandbook : Handbook
                {{Body}}
            }
            """;
        var global = "global using Book = RunbookSdk.HandbookAttribute;";
        var throughGlobal = $"using RunbookSdk;\nnamespace Payments;\n[Book(\"payments\")]\npublic sealed class PaymentsHandbook : Handbook\n{Body}";

        Assert.Equal(["Ops_OpsHandbook.Handbook.g.cs", "Payments_PaymentsHandbook.Handbook.g.cs"], HandbookParts(inNamespace, global, throughGlobal));
    }

    [Fact]
    public void An_attribute_that_only_shares_the_name_does_not_make_a_handbook()
    {
        var foreign = """
            namespace Other;
            [System.AttributeUsage(System.AttributeTargets.Class)]
            public sealed class HandbookAttribute(string id) : System.Attribute { public string Id { get; } = id; }
            """;
        var handbook = $"using RunbookSdk;\n[Other.Handbook(\"ops\")]\npublic sealed class OpsHandbook : Handbook\n{Body}";
        var aliased = $"using RunbookSdk;\nusing Hb = Other.HandbookAttribute;\n[Hb(\"payments\")]\npublic sealed class PaymentsHandbook : Handbook\n{Body}";

        Assert.Empty(HandbookParts(foreign, handbook, aliased));
    }

    [Fact]
    public void A_runbook_attribute_is_no_handbook_and_a_nested_or_partial_handbook_is_found()
    {
        var source = $$"""
            using RunbookSdk;
            namespace Ops;
            [Handbook("ops")]
            public sealed partial class OpsHandbook : Handbook { }
            public sealed partial class OpsHandbook
            {{Body}}
            public static class Teams
            {
                [Handbook("payments")]
                public sealed class PaymentsHandbook : Handbook
                {{Body}}
            }
            [Runbook("drain")]
            public sealed class Drain : Runbook<OpsHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb.Title("Drain");
            }
            """;

        var (run, errors) = GeneratorHarness.Run(source);

        Assert.Empty(errors);
        var parts = run.Results.Single().GeneratedSources.Select(s => s.HintName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["Ops_Drain.Runbook.g.cs", "Ops_OpsHandbook.Handbook.g.cs", "Ops_Teams-PaymentsHandbook.Handbook.g.cs", "RunbookCatalog.g.cs"], parts);
    }

    private static string[] HandbookParts(params string[] sources)
    {
        var (run, errors) = GeneratorHarness.Run(sources);
        Assert.Empty(errors);
        return run.Results.Single().GeneratedSources.Select(s => s.HintName)
            .Where(name => name.EndsWith(".Handbook.g.cs", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToArray();
    }
}
