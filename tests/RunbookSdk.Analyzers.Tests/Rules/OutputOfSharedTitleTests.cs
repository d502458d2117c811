using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RunbookSdk.Analyzers.Steps;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0029: a step pasted and not renamed leaves two steps of one title, and code reading <c>Outputs["Title"]</c> gets
/// whichever of them ran last, without a word. Only the read is reported: two steps of one title are fine otherwise.
/// </summary>
public sealed class OutputOfSharedTitleTests
{
    private static DiagnosticResult Shared(int location, string title, int steps) =>
        new DiagnosticResult("RB0029", DiagnosticSeverity.Warning).WithLocation(location).WithArguments(title, steps);

    [Fact]
    public Task A_read_by_a_title_two_steps_share_is_reported_on_the_name() =>
        Verify<OutputOfSharedTitleAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Check status", s => s.Run("aws lambda get-function --function-name api"))
                        .Step("Check status", s => s.Run("aws apigateway get-stage --rest-api-id x --stage-name prod"))
                        .Step("Compare", s => s.Execute("Compare the two", ctx =>
                        {
                            var status = ctx.Outputs[{|#0:"Check status"|}];
                            if (ctx.Outputs.TryGetValue({|#1:"check STATUS"|}, out var again)) status += again;
                            ctx.Outputs["Check status"] = status;
                            return System.Threading.Tasks.Task.CompletedTask;
                        }))
            """), Shared(0, "Check status", 2), Shared(1, "check STATUS", 2));

    [Fact]
    public Task A_rollback_step_named_as_the_phase_step_counts_too() =>
        Verify<OutputOfSharedTitleAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Roll back", s => s.Run("echo phase"))
                        .Step("Read", s => s.Execute("Read it", ctx => System.Threading.Tasks.Task.FromResult(ctx.Outputs[{|#0:"Roll back"|}])))
            """), Shared(0, "Roll back", 2));

    [Fact]
    public Task Steps_of_one_title_that_no_code_reads_by_it_and_reads_of_a_title_one_step_has_are_not_reported() =>
        Verify<OutputOfSharedTitleAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Check status", s => s.Run("uptime"))
                        .Step("Check status", s => s.Run("df -h"))
                        .Step("Disk", s => s.Run("df -h"))
                        .Step("Read", s => s.Execute("Read it", ctx => System.Threading.Tasks.Task.FromResult(ctx.Outputs["Disk"] + ctx.Outputs[Name])))
            """, extraMembers: """
                private static readonly string Name = "Check status";
            """));
}
