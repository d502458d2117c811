using RunbookSdk.Analyzers.Parameters;
using RunbookSdk.Analyzers.Tests.Infrastructure;
using RunbookSdk.CodeFixes.Parameters;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0031: a <c>[Parameter]</c> nothing of the runbook reads. A <c>[Secret]</c> one nobody uses still refused a
/// <c>--non-interactive</c> run that lacked it, with no finding while the runbook was written. A parameter read in a
/// command, a condition, a helper, code, a template (the runbook's or the handbook's), by <c>nameof</c>, by the runbooks
/// deriving from the class that declares it, or by the runner itself (<c>WebhookUrl</c>) is used.
/// </summary>
public sealed class UnreadParameterTests
{
    private static string Code(string declarations) => $$"""
        using System;
        using System.Threading.Tasks;
        using RunbookSdk;

        {{declarations}}

        {{Sources.Handbook}}
        """;

    [Fact]
    public Task A_secret_no_step_reads_is_reported_and_the_fix_removes_it() =>
        Verify<UnreadParameterAnalyzer>.FixAsync<RemoveUnreadParameterCodeFix>(
            Code("""
                [Runbook("queue-stuck")]
                public sealed class QueueStuck : Runbook<OmnixHandbook>
                {
                    /// <summary>Token of the admin API.</summary>
                    [Parameter("Admin API token"), Secret]
                    public string {|RB0031:ApiToken|} { get; init; } = "";

                    [Parameter("Region")]
                    public string Region { get; init; } = "eu-central-1";

                    public override void Define(IRunbookBuilder rb) => rb
                        .Title("Queue stuck")
                        .Phase("Drain", p => p.Step("Restart", s => s.Run($"kubectl rollout restart deployment/consumer --context {Region}")));
                }
                """),
            Code("""
                [Runbook("queue-stuck")]
                public sealed class QueueStuck : Runbook<OmnixHandbook>
                {
                    [Parameter("Region")]
                    public string Region { get; init; } = "eu-central-1";

                    public override void Define(IRunbookBuilder rb) => rb
                        .Title("Queue stuck")
                        .Phase("Drain", p => p.Step("Restart", s => s.Run($"kubectl rollout restart deployment/consumer --context {Region}")));
                }
                """));

    [Fact]
    public Task The_message_says_a_missing_secret_refuses_a_non_interactive_run() =>
        Verify<UnreadParameterAnalyzer>.AnalyzerAsync(
            Code("""
                [Runbook("queue-stuck")]
                public sealed class QueueStuck : Runbook<OmnixHandbook>
                {
                    [Parameter("Admin API token"), Secret]
                    public string ApiToken { get; init; } = "";

                    [Parameter("Ticket", Required = true)]
                    public string Ticket { get; init; } = "";

                    [Parameter("Unused")]
                    public int Replicas { get; init; } = 3;

                    public override void Define(IRunbookBuilder rb) => rb.Title("Queue stuck");
                }
                """),
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult("RB0031", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithSpan(9, 19, 9, 27)
                .WithArguments("ApiToken", "'QueueStuck'", ", yet a run without it asks for it, and a --non-interactive one refuses to start"),
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult("RB0031", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithSpan(12, 19, 12, 25)
                .WithArguments("Ticket", "'QueueStuck'", ", yet a run without it refuses to start"),
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult("RB0031", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithSpan(15, 16, 15, 24)
                .WithArguments("Replicas", "'QueueStuck'", ""));

    [Fact]
    public Task Parameters_read_in_any_way_the_runbook_reads_them_are_not_reported() =>
        Verify<UnreadParameterAnalyzer>.AnalyzerAsync(Code("""
            public abstract class TeamRunbook : Runbook<OmnixHandbook>
            {
                [Parameter("Read by the runbook deriving from this one")]
                public string Cluster { get; init; } = "prod";
            }

            [Runbook("queue-stuck")]
            public sealed class QueueStuck : TeamRunbook
            {
                [Parameter("In a command")] public string Region { get; init; } = "eu";
                [Parameter("In a header"), Secret] public string ApiToken { get; init; } = "";
                [Parameter("In a condition")] public string Deployment { get; init; } = "";
                [Parameter("By nameof")] public string Mode { get; init; } = "";
                [Parameter("By a helper method")] public string Namespace { get; init; } = "payments";
                [Parameter("By code, by name"), Secret] public string DbPassword { get; init; } = "";
                [Parameter("In the runbook's template")] public string Ticket { get; init; } = "";
                [Parameter("In the handbook's template")] public string Customer { get; init; } = "";
                [Parameter("By a helper of another class")] public string Queue { get; init; } = "";
                [Parameter("By the runner")] public string WebhookUrl { get; init; } = "";

                public override void Define(IRunbookBuilder rb) => rb
                    .Title("Queue stuck")
                    .Communication("update", "Ticket {ticket} is being worked on")
                    .Phase("Drain", p => p
                        .Step("Restart", s => s.Run($"kubectl rollout restart deployment/consumer -n {Cluster} --context {Region}"))
                        .Step("Health", s => s.Http("GET", "https://api.example.com/health").Header("Authorization", $"Bearer {ApiToken}").ExpectStatus(200))
                        .Step("Roll back", s => s.Instruction("Roll back the deploy").OnlyIf($"{Deployment} went out in the last hour"))
                        .Step("Mode", s => s.Instruction("Check " + nameof(Mode)))
                        .Step("Scale", s => Scale(s))
                        .Step("Db", s => s.Execute("Check the database", ctx => Task.FromResult(ctx.Parameters["DbPassword"].Length)))
                        .Step("Queue", s => s.Run(Helpers.Purge(this)).RequiresConfirmation())
                        .Step("Tell", s => s.Notify("update")));

                private IStepBuilder Scale(IStepBuilder s) => s.Run($"kubectl scale deployment/consumer -n {Namespace} --replicas=2");
            }

            public static class Helpers
            {
                public static string Purge(QueueStuck runbook) => "rabbitmqadmin purge queue name=" + runbook.Queue;
            }

            [Handbook("payments")]
            public sealed class PaymentsHandbook : Handbook
            {
                public override void Define(IHandbookBuilder hb) => hb.Title("Payments").Communication("customers", "We are looking into {Customer}'s payments");
            }
            """));

    [Fact]
    public Task A_base_runbooks_parameter_no_runbook_deriving_from_it_reads_is_reported_there() =>
        Verify<UnreadParameterAnalyzer>.AnalyzerAsync(Code("""
            internal abstract class TeamRunbook : Runbook<OmnixHandbook>
            {
                [Parameter("Nobody reads this"), Secret]
                public string {|RB0031:PagerToken|} { get; init; } = "";
            }

            [Runbook("queue-stuck")]
            internal sealed class QueueStuck : TeamRunbook
            {
                public override void Define(IRunbookBuilder rb) => rb.Title("Queue stuck");
            }
            """));

    [Fact]
    public Task A_public_base_runbook_of_a_library_is_not_judged_as_other_projects_may_derive_from_it() =>
        Verify<UnreadParameterAnalyzer>.AnalyzerAsync(Code("""
            public abstract class SharedRunbook : Runbook<OmnixHandbook>
            {
                [Parameter("Read by the runbooks of the projects that reference this library"), Secret]
                public string PagerToken { get; init; } = "";
            }
            """));
}
