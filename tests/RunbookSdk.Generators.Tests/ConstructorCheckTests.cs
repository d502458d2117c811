using Microsoft.CodeAnalysis;
using RunbookSdk.Generators.Tests.Support;

namespace RunbookSdk.Generators.Tests;

/// <summary>
/// RB0103: the runner creates runbooks and handbooks with a public parameterless constructor. The generator reads
/// constructors from the declarations (a primary constructor from the symbol) and generates nothing for a class
/// the runner could not create, instead of a runner that fails at 3 a.m.
/// </summary>
public sealed class ConstructorCheckTests
{
    [Theory]
    [InlineData("", true)]
    [InlineData("public R() { }", true)]
    [InlineData("public R() { } public R(int replicas) { }", true)]
    [InlineData("static R() { }", true)]
    [InlineData("public R(int replicas) { }", false)]
    [InlineData("private R() { }", false)]
    [InlineData("internal R() { }", false)]
    public void A_runbook_needs_a_public_parameterless_constructor(string constructors, bool creatable)
    {
        AssertCreatable($$"""
            using RunbookSdk;
            [Runbook("r")]
            public sealed partial class R : Runbook
            {
                {{constructors}}
                public override void Define(IRunbookBuilder rb) => rb.Title("T");
            }
            public sealed partial class R { }
            """, "R", creatable);
    }

    [Theory]
    [InlineData("R()", true)]
    [InlineData("R(int replicas)", false)]
    public void A_primary_constructor_counts_as_declared(string declaration, bool creatable)
    {
        AssertCreatable($$"""
            using RunbookSdk;
            [Runbook("r")]
            public sealed class {{declaration}} : Runbook
            {
                public override void Define(IRunbookBuilder rb) => rb.Title("T");
            }
            """, "R", creatable);
    }

    [Fact]
    public void A_handbook_the_runner_cannot_create_gets_the_same_diagnostic()
    {
        AssertCreatable("""
            using RunbookSdk;
            [Handbook("h")]
            public sealed class H : Handbook
            {
                private H() { }
                public override void Define(IHandbookBuilder hb) => hb.Title("T");
            }
            """, "H", creatable: false);
    }

    private static void AssertCreatable(string source, string name, bool creatable)
    {
        var (run, errors) = GeneratorHarness.Run(source);
        var result = run.Results.Single();
        var rb0103 = result.Diagnostics.Where(d => d.Id == "RB0103").ToList();
        if (creatable)
        {
            Assert.Empty(rb0103);
            Assert.Contains(result.GeneratedSources, s => s.HintName.EndsWith("_" + name + ".Runbook.g.cs", StringComparison.Ordinal) || s.HintName == name + ".Runbook.g.cs");
            Assert.Empty(errors);
        }
        else
        {
            var diagnostic = Assert.Single(rb0103);
            Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
            Assert.Contains("'" + name + "'", diagnostic.GetMessage(), StringComparison.Ordinal);
            Assert.DoesNotContain(result.GeneratedSources, s => s.HintName.StartsWith(name + ".", StringComparison.Ordinal));
        }
    }
}
