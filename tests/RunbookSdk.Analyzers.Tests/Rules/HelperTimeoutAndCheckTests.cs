using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0014 and RB0015 on an action a helper adds and returns, configured where the helper is called
/// (<c>Tail(s).Timeout(…)</c>, <c>Health(s).ExpectStatus(200)</c>, also a helper the phases and the verification share),
/// or handed to a method that configures it (<c>Bounded(s.Run("kubectl logs -f api"))</c>). A call chained on the
/// builder a helper returns configures the helper's last action, yet both rules reported the helper's action: a
/// warning to add a time-out or an expectation every step already has.
/// </summary>
public sealed class HelperTimeoutAndCheckTests
{
    [Fact]
    public Task An_action_every_caller_or_a_wrapping_method_configures_is_not_reported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Logs", s => Tail(s).Timeout(TimeSpan.FromMinutes(5)))
                        .Step("Logs bounded", s => Bounded(s.Run("kubectl logs -f api-1")))
                        .Step("Health now", s => Health(s).ExpectStatus(200))
            """, extraMembers: """
                private static ICommandStepBuilder Tail(IStepBuilder s) => s.Run("kubectl logs -f api-0");
                private static ICommandStepBuilder Bounded(ICommandStepBuilder s) => s.Timeout(TimeSpan.FromMinutes(5));
                private static IHttpStepBuilder Health(IStepBuilder s) => s.Http("GET", "https://api.omnix.ai/health");
            """, verification: """v => v.Step("Health", s => Health(s).ExpectStatus(200)).Step("Logs", s => Tail(s).Timeout(TimeSpan.FromMinutes(1)))"""));

    [Fact]
    public Task An_action_a_caller_leaves_unconfigured_or_that_is_not_the_helpers_last_is_reported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Logs", s => Tail(s).Timeout(TimeSpan.FromMinutes(5)))
                        .Step("Logs again", s => Tail(s))
                        .Step("Both", s => TailThenList(s).Timeout(TimeSpan.FromMinutes(5)))
                        .Step("Unbounded", s => Unbounded(s.Run("kubectl logs {|RB0015:-f|} api-2")))
            """, extraMembers: """
                private static ICommandStepBuilder Tail(IStepBuilder s) => s.Run("kubectl logs {|RB0015:-f|} api-0");
                private static ICommandStepBuilder TailThenList(IStepBuilder s) => s.Run("kubectl logs {|RB0015:-f|} api-1").Run("kubectl get pods");
                private static ICommandStepBuilder Unbounded(ICommandStepBuilder s) => s;
                private static IHttpStepBuilder Health(IStepBuilder s) => s.Http("GET", {|RB0014:"https://api.omnix.ai/health"|});
            """,
            verification: """v => v.Step("Health", s => Health(s).ExpectStatus(200)).Step("Health, unchecked", s => Health(s))"""));

    [Fact]
    public Task Half_typed_helpers_and_wrappers_do_not_throw() =>
        Verify<CommandTextAnalyzer>.WithoutCompilerErrorsAsync(Sources.Runbook("""
                        .Step("Logs", s => Tail(s).Timeout(
                        .Step("Wrapped", s => Bounded(s.Run("kubectl logs api-1"), ))
                        .Step("Health", s => Health(s).Expect
            """, extraMembers: """
                private static ICommandStepBuilder Tail(IStepBuilder s) => s.Run("kubectl logs api-0")
                private static ICommandStepBuilder Bounded(ICommandStepBuilder , int) => .Timeout(TimeSpan.FromMinutes(5));
                private static IHttpStepBuilder Health(IStepBuilder s) { return s.Http("GET", "https://api.omnix.ai/health").ExpectStatus(200); }
            """));
}
