using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Robustness;

/// <summary>
/// The command rules read shell text character by character (separators, holes, quotes, paths). Every state a command
/// passes through while it is typed must leave every rule quiet or right, never throwing (AD0001): at a separator
/// with nothing after it, a hole with nothing in it, a path cut after its drive letter, in a step or a verification;
/// and so must every state of a chain that calls a method the DSL does not have between DSL calls.
/// </summary>
public sealed class HalfTypedCommandTests
{
    public static TheoryData<string> Commands => new(
        "\"\"", "\"|\"", "\"&\"", "\";\"", "\"||\"", "\"&&\"", "\"\\n\"", "\"~\"", "\"~/\"", "\"@\"", "\"}\"", "\"}-dev\"", "\"-dev@\"",
        "\"timeout\"", "\"timeout 5\"", "\"timeout 5 \"", "\"a || true;\"", "\"x;\\n\"", "\"curl -s x |\"", "\"curl -f x | wc\"",
        "\"curl -f x; kill\"", "\"kubectl rollout status\"", "\"ssh -N\"", "\"vmstat 1\"", "\"tail -f x &\"", "\"pkill -f\"",
        "\"C:\"", "@\"C:\\Users\\\"", "\"/c/Users/\"", "\"/home/\"", "\"apt-get install\"", "\"redis-cli -h cache-stg\"",
        "$\"{FunctionName}-\"", "$\"{FunctionName}\"", "$\"{}\"", "$\"{FunctionName}-dev", "\"kubectl rollout status deploy/x --timeout=",
        "\"curl -s https://api | grep ok | wc -l", "\"bash <<\"", "\"bash <<'EOF\"", "\"cat <<EOF\\n\"", "\"ssh h <<EOF\\nls\\nEO\"",
        "\"ssh h '\"", "\"ssh h 'ls;\"", "\"bash -c \\\"\"", "\"sh -c \\\"ls \\\\\\\"\"", "\"watch '\"", "\"echo $((1 <<\"");

    // A chain being typed around a method the DSL does not have (the extension Tag below, or one not written yet).
    public static TheoryData<string> Chains => new(
        "s => s.Run(\"rm -rf /srv/app\").", "s => s.Run(", "s => s.Run(\"ls\").Tag(\"x\").Run(\"rm -rf /srv/app\"",
        "s => s.Run(\"ls\").Tag(\"x\").Run \"rm -rf /srv/app\")", "s => s.Run(\"ls\").Tag(.Run(\"rm -rf /srv/app\")",
        "s => s.Run(\"ls\").Tag(\"x\").", "s => s.Tag(\"x\")..Run(\"rm -rf /srv/app\")", "s => s.Undeclared(\"x\").Run(\"rm -rf /srv/app\")",
        "s => s.Tag<>(\"x\").Run(\"rm\")", "s => s.Tag(\"x\").Run(\"rm -rf /srv/app\").Tag(", "s => s.Tag", "s => s.Tag(\"x\")",
        "s => s.Tag(\"x\").Tag(\"y\").Run(\"curl -s https://api.omnix.ai/health\").", "s => s.@Tag(\"x\").Run(\"tail -f x\")",
        "s => s.Run(\"ls\").Tag(\"x\").Run($\"rm -rf {", "s => s.Run(\"ls\").Tag(\"x\").Run($\"rm -rf /srv/{FunctionName}\").Timeout(");

    private const string Extensions = """

        public static class TeamConventions
        {
            public static IStepBuilder Tag(this IStepBuilder step, string tag) => step;
        }
        """;

    [Theory]
    [MemberData(nameof(Commands))]
    public Task No_rule_throws_on_a_command_being_typed(string command) =>
        AssertNoRuleThrows(Sources.Runbook(
            $$"""            .Step("Act", s => s.Run({{command}}))""",
            verification: $$"""v => v.Step("Check", s => s.Run({{command}}))"""));

    [Theory]
    [MemberData(nameof(Chains))]
    public Task No_rule_throws_on_a_chain_being_typed_around_an_unknown_call(string step) =>
        AssertNoRuleThrows(Sources.Runbook(
            $$"""            .Step("Act", {{step}})""",
            verification: $$"""v => v.Step("Check", {{step}})""") + Extensions);

    // A chain being typed after a call handing the builder to a function that returns it (ChainAfterHandOffTests).
    public static TheoryData<string> HandOffChains => new(
        "Checks(rb).", "Checks(", "Checks(rb", "Checks(rb).Escalation(", "Checks(rb).Escalation(e => e.", "Checks(rb)..NoRollback(\"x\")",
        "Checks().NoRollback(\"x\")", "Checks(rb, rb).NoRollback(\"x\")", "this.Checks(rb).", "this.AddChecks(rb).Phase(\"Fix\", p => Pods(p).",
        "rb.Phase(\"Fix\", p => Pods(p).Step(\"Wipe\", s => s.Run(\"rm -rf /srv/app\").", "rb.Phase(\"Fix\", p => Pods(", "Missing(rb).NoRollback(\"x\")",
        "Checks(rb).Rollback(r => r.Step(\"Drop\", s => Checks(s).Run(\"rm -rf /\")))", "Again(rb).NoRollback(\"x\")");

    [Theory]
    [MemberData(nameof(HandOffChains))]
    public Task No_rule_throws_on_a_chain_being_typed_after_a_function_returning_the_builder(string statement) =>
        AssertNoRuleThrows($$"""
            using System;
            using RunbookSdk;

            [Runbook("typed-after-a-hand-off")]
            public sealed class TypedAfterAHandOff : Runbook
            {
                public override void Define(IRunbookBuilder rb)
                {
                    IRunbookBuilder Checks(IRunbookBuilder b) => b.Verification(v => v.Step("Health", s => s.Http("GET", "https://api.omnix.ai/health").ExpectStatus(200)));
                    IPhaseBuilder Pods(IPhaseBuilder p) => p.Step("Check pods", s => s.Run("kubectl get pods"));
                    IRunbookBuilder Again(IRunbookBuilder b) => Again(b).Title("Again");

                    {{statement}}
                }

                private IRunbookBuilder AddChecks(IRunbookBuilder b) => b;
            }
            """);

    // `s.Run("rm -rf /srv/app` not closed yet runs to the end of its line: RB0005 was reported on it, and its fix
    // appended .RequiresConfirmation() after the broken text. The compiler marks the unclosed text; the command rules
    // wait. (A verbatim string not closed yet runs on to the next quote in the file and is well-formed text: it is read.)
    [Theory]
    [InlineData("\"rm -rf /srv/app")]
    [InlineData("$\"rm -rf /srv/{FunctionName")]
    public async Task A_command_not_closed_yet_gets_no_command_rule_finding(string command)
    {
        var source = Sources.Runbook($$"""            .Step("Act", s => s.Run({{command}}))""");
        var compilation = CSharpCompilation.Create("HalfTyped", [CSharpSyntaxTree.ParseText(source)], TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        var diagnostics = await compilation.WithAnalyzers([new RunbookSdk.Analyzers.Commands.CommandTextAnalyzer()]).GetAnalyzerDiagnosticsAsync();

        Assert.DoesNotContain(diagnostics, d => d.Id == "RB0005");
    }

    private static async Task AssertNoRuleThrows(string source)
    {
        var compilation = CSharpCompilation.Create("HalfTyped", [CSharpSyntaxTree.ParseText(source)], TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var failures = new List<string>();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]),
            onAnalyzerException: (exception, analyzer, _) => failures.Add($"{analyzer.GetType().Name} threw {exception}"),
            concurrentAnalysis: false, logAnalyzerExecutionTime: false);

        var diagnostics = await compilation.WithAnalyzers(Shipped.Analyzers, options).GetAnalyzerDiagnosticsAsync();

        failures.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.GetMessage()));
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
