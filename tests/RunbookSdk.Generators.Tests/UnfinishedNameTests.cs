using Microsoft.CodeAnalysis;
using RunbookSdk.Generators.Tests.Support;

namespace RunbookSdk.Generators.Tests;

/// <summary>
/// A name the developer is still typing — the namespace's deleted to be retyped (<c>namespace ;</c>), a dotted one
/// half written (<c>namespace Ops.;</c>), an outer class's — is a syntax error the compiler already reports. The
/// generated part named the class through it (<c>typeof(global::.OpsHandbook)</c>), so a second error appeared in a
/// generated file the developer cannot edit, on every keystroke until the name was typed again.
/// </summary>
public class UnfinishedNameTests
{
    private const string Define = """public override void Define(IRunbookBuilder rb) => rb.Title("T").Phase("P", p => p.Step("S", s => s.Run("echo hi")));""";
    private const string DefineHandbook = """public override void Define(IHandbookBuilder hb) => hb.Title("H");""";

    public static TheoryData<string> Unfinished => new()
    {
        "namespace ;\n[Runbook(\"a\")] public sealed class A : Runbook { " + Define + " }",
        "namespace ;\n[Handbook(\"h\")] public sealed class H : Handbook { " + DefineHandbook + " }",
        "namespace Ops.;\n[Runbook(\"a\")] public sealed class A : Runbook { " + Define + " }",
        "namespace Ops.;\n[Handbook(\"h\")] public sealed class H : Handbook { " + DefineHandbook + " }",
        "namespace { [Runbook(\"a\")] public sealed class A : Runbook { " + Define + " } }",
        "namespace Ops.Teams.;\n[Runbook(\"a\")] public sealed class A : Runbook<H> { " + Define + " } [Handbook(\"h\")] public sealed class H : Handbook { " + DefineHandbook + " }",
    };

    [Theory]
    [MemberData(nameof(Unfinished))]
    public void A_class_whose_namespace_has_no_name_yet_gets_no_part_that_fails_to_compile(string source)
    {
        const string whole = "using RunbookSdk;\nnamespace Ok;\n[Runbook(\"whole\")] public sealed class Whole : Runbook { " + Define + " }";
        var (run, compileErrors) = GeneratorHarness.Run("using RunbookSdk;\n" + source, whole);

        Assert.All(run.Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(run.Diagnostics, d => d.Id is "CS8785" or "RB0104");
        var generatedErrors = compileErrors.Where(d => d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true).ToList();
        Assert.True(generatedErrors.Count == 0, string.Join("\n", generatedErrors));
        // The runbooks beside it keep their parts and the catalog.
        Assert.Contains(run.Results.Single().GeneratedSources, s => s.HintName == "Ok_Whole.Runbook.g.cs");
        Assert.Contains(run.Results.Single().GeneratedSources, s => s.HintName == "RunbookCatalog.g.cs");
    }

    [Fact]
    public void Once_the_name_is_typed_again_the_part_is_back()
    {
        var (run, compileErrors) = GeneratorHarness.Run("using RunbookSdk;\nnamespace Ops;\n[Runbook(\"a\")] public sealed class A : Runbook { " + Define + " }");

        Assert.Empty(compileErrors);
        Assert.Contains(run.Results.Single().GeneratedSources, s => s.HintName == "Ops_A.Runbook.g.cs");
    }
}
