using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using RunbookSdk.Analyzers.Parameters;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0031 across a project's files. Another file reads a parameter only as a member of the runbook: a helper given the
/// runbook (<c>runbook.Queue</c>, <c>runbook is QueueStuck { Region: "eu" }</c>), or a template, name or
/// placeholder that a file the runbook uses holds. A property pattern's name was no read, so a parameter a helper reads
/// by pattern was reported; and an unused parameter was taken as read because an unrelated file held <c>{Region}</c>
/// (another runbook's template, a log message), <c>settings.Region</c> or <c>config["Region"]</c>.
/// </summary>
public sealed class UnreadParameterAcrossFilesTests
{
    private const string Usings = "using System;\nusing System.Threading.Tasks;\nusing RunbookSdk;\n\n";

    private static string Runbook(string members, string define, string interfaces = "") => Usings + $$"""
        [Runbook("queue-stuck")]
        public sealed class QueueStuck : Runbook<OmnixHandbook>{{interfaces}}
        {
        {{members}}

            public override void Define(IRunbookBuilder rb) => rb
                .Title("Queue stuck")
        {{define}};
        }
        """;

    [Fact]
    public Task A_parameter_a_helper_of_another_file_reads_by_a_property_pattern_is_not_reported() =>
        RunAsync(
            Runbook("""
                    [Parameter("Region")] public string Region { get; init; } = "eu";
                """, """
                        .Phase("Drain", p => p.Step("Restart", s => s.Run(Commands.Restart(this))))
                """),
            Usings + """
                public static class Commands
                {
                    public static string Restart(QueueStuck runbook) => runbook switch
                    {
                        { Region: "us" } => "kubectl rollout restart deployment/consumer --context us",
                        _ => "kubectl rollout restart deployment/consumer --context eu",
                    };
                }
                """);

    [Fact]
    public Task An_unused_parameter_is_reported_though_unrelated_files_hold_its_name_as_a_placeholder_a_member_or_a_string() =>
        RunAsync(
            Runbook("""
                    [Parameter("Region")] public string {|RB0031:Region|} { get; init; } = "eu";
                    [Parameter("Ticket")] public string {|RB0031:Ticket|} { get; init; } = "";
                    [Parameter("Token"), Secret] public string {|RB0031:ApiToken|} { get; init; } = "";
                """, """
                        .Phase("Drain", p => p.Step("Restart", s => s.Run("kubectl rollout restart deployment/consumer")))
                """),
            Usings + """
                [Runbook("cache-down")]
                public sealed class CacheDown : Runbook<OmnixHandbook>
                {
                    [Parameter("Ticket")] public string Ticket { get; init; } = "";

                    public override void Define(IRunbookBuilder rb) => rb
                        .Title("Cache down")
                        .Communication("update", "Ticket {Ticket} is being worked on")
                        .Phase("Flush", p => p.Step("Flush", s => s.Instruction("Look at the cache")));
                }
                """,
            Usings + """
                public sealed class Settings
                {
                    public string Region { get; set; } = "";
                    public string ApiToken { get; set; } = "";
                }

                public static class Deploy
                {
                    public static string Describe(Settings settings, System.Collections.Generic.IDictionary<string, string> config) =>
                        string.Format("Deploying to {Region}", settings.Region) + config["ApiToken"] + settings.ApiToken;
                }
                """);

    [Fact]
    public Task A_parameter_read_through_a_file_the_runbook_uses_is_not_reported() =>
        RunAsync(
            Runbook("""
                    [Parameter("Ticket")] public string Ticket { get; init; } = "";
                    [Parameter("Password"), Secret] public string DbPassword { get; init; } = "";
                    [Parameter("Queue")] public string Queue { get; init; } = "";
                """, """
                        .Communication("update", Templates.Update)
                        .Phase("Drain", p => p
                            .Step("Db", s => s.Execute("Check the database", Checks.Database))
                            .Step("Purge", s => s.Run(Purging.Of(this)).RequiresConfirmation()))
                """, ", IHasQueue"),
            Usings + """
                public static class Templates
                {
                    public const string Update = "Ticket {Ticket} is being worked on";
                }

                public static class Checks
                {
                    public static Task<int> Database(StepContext ctx) => Task.FromResult(ctx.Parameters["DbPassword"].Length);
                }

                public interface IHasQueue { string Queue { get; } }

                public static class Purging
                {
                    public static string Of(IHasQueue runbook) => "rabbitmqadmin purge queue name=" + runbook.Queue;
                }
                """);

    [Fact]
    public Task Half_typed_patterns_and_classes_in_another_file_leave_the_rule_judging_without_throwing() =>
        RunAsync(CompilerDiagnostics.None,
            Runbook("""
                    [Parameter("Region")] public string Region { get; init; } = "eu";
                    [Parameter("Zone")] public string {|RB0031:Zone|} { get; init; } = "a";
                """, """
                        .Phase("Drain", p => p.Step("Restart", s => s.Run(Commands.Restart(this))))
                """),
            Usings + """
                public static class Commands
                {
                    public static string Restart(QueueStuck runbook) => runbook is { Region: } ? "a" : runbook is { : "b" } ? "c" : "d";
                }

                public sealed class : 
                public delegate
                """);

    private static Task RunAsync(params string[] sources) => RunAsync(CompilerDiagnostics.Errors, sources);

    private static Task RunAsync(CompilerDiagnostics compilerDiagnostics, params string[] sources)
    {
        var test = new CSharpAnalyzerTest<UnreadParameterAnalyzer, DefaultVerifier> { CompilerDiagnostics = compilerDiagnostics };
        for (var i = 0; i < sources.Length; i++) test.TestState.Sources.Add(($"File{i}.cs", SourceText.From(sources[i])));
        test.TestState.Sources.Add(("Handbook.cs", SourceText.From("using System;\nusing RunbookSdk;\n\n" + Sources.Handbook)));
        Verify<UnreadParameterAnalyzer>.Configure(test);
        return test.RunAsync();
    }
}
