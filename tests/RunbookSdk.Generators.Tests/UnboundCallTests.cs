using RunbookSdk.Generators.Tests.Support;
using static RunbookSdk.Generators.Tests.Support.ReuseSources;

namespace RunbookSdk.Generators.Tests;

/// <summary>
/// A call in a <c>Define</c> chain that binds to no method is a compile error the compiler reports (CS1061 for a
/// misspelled <c>.Query(…)</c>): the generator's RB0101 on the same call ("cannot read 'Query' statically") was a second
/// error for one typo, and called the typo a helper. A call that binds — a team's helper — is still RB0101.
/// </summary>
public sealed class UnboundCallTests
{
    private static string StepWith(string call, string helpers = "") => $$"""
        using RunbookSdk;
        {{helpers}}
        [Runbook("typo")] public sealed class Typo : Runbook {
            public override void Define(IRunbookBuilder rb) => rb
                .Title("Typo")
                .Phase("Check", p => p.Step("Look", s => s.Run("kubectl get pods"){{call}}))
                .NoRollback("read only")
                .Verification(v => v.Step("Health", s => s.Http("GET", "https://api.example.com/health").ExpectStatus(200)));
        }
        """;

    [Theory]
    [InlineData(".Query(\"select 1\")")] // on a step builder: CS1061
    [InlineData(".Tagged()", "public static class H { public static IStepBuilder Tagged(this IStepBuilder s, string tag) => s; }")] // no overload takes it: CS7036
    public void A_call_that_does_not_compile_is_left_to_the_compiler(string call, string helpers = "")
    {
        var (run, compileErrors) = GeneratorHarness.Run(StepWith(call, helpers));

        Assert.NotEmpty(compileErrors);
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "RB0101");
    }

    [Fact]
    public void A_helper_the_call_binds_to_is_still_reported()
    {
        var (run, compileErrors) = GeneratorHarness.Run(StepWith(
            ".Tagged(\"db\")", "public static class H { public static IStepBuilder Tagged(this IStepBuilder s, string tag) => s.Note(tag); }"));

        Assert.Empty(compileErrors);
        var unreadable = Assert.Single(run.Diagnostics, d => d.Id == "RB0101");
        Assert.Contains("'Tagged'", unreadable.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_typo_that_a_helper_declared_later_makes_bind_is_reported_then_and_not_after_the_helper_goes()
    {
        // The quiet model must not be reused once the name binds: the helper is declared in a file of its own.
        var session = new EditSession(HandbookFile, LimitsFile, Runbook("a", "\"A\"", chain: ".Tagged(\"db\")"));
        Assert.DoesNotContain(session.Diagnostics, d => d.Id == "RB0101");

        session.Add("namespace Ops; public static class RunbookHelpers { public static RunbookSdk.IRunbookBuilder Tagged(this RunbookSdk.IRunbookBuilder rb, string tag) => rb; }");
        Assert.Contains(session.Diagnostics, d => d.Id == "RB0101");

        session.Remove("class RunbookHelpers");
        Assert.DoesNotContain(session.Diagnostics, d => d.Id == "RB0101");
    }
}
