using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// A method the DSL does not have, called on a builder between DSL calls (a team's extension method that tags a step
/// or adds its defaults, <c>s.Run("…").Tag("x").Run("rm -rf /")</c>), ended the reading of the chain: the DSL calls after
/// it were not read, and their commands went unchecked. They are read when the method returns a builder (its declaration
/// says so, in this project or in a referenced one); a method that returns something else is not followed.
/// </summary>
public sealed class UnknownCallInChainTests
{
    private const string Extensions = """

        public static class TeamConventions
        {
            public static IStepBuilder Tag(this IStepBuilder step, string tag) => step.Note("tag: " + tag);
            public static ICommandStepBuilder Logged(this ICommandStepBuilder command) => command;
            public static T Owned<T>(this T step, string team) where T : IStepBuilder => step;
            public static IPhaseBuilder Paged(this IPhaseBuilder phase) => phase;
            public static IRunbookBuilder Audited(this IRunbookBuilder runbook) => runbook;
            public static RemoteShell Remote(this IStepBuilder step, string host) => new(host);
        }

        /// <summary>Not a builder: its Run prints the command for a person to copy.</summary>
        public sealed class RemoteShell(string host)
        {
            public RemoteShell Run(string command) { System.Console.WriteLine(host + ": " + command); return this; }
        }
        """;

    private static Task Act(string steps, params DiagnosticResult[] expected) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook(steps) + Extensions, expected);

    private static DiagnosticResult Destructive(int location, string command) =>
        new DiagnosticResult("RB0005", DiagnosticSeverity.Warning).WithLocation(location).WithArguments(command);

    [Fact]
    public Task ACommandAfterAnExtensionMethodIsRead() =>
        Act("""            .Step("Act", s => s.Run("ls /srv").Tag("cleanup").Run("{|#0:rm -rf /srv/app|}"))""",
            Destructive(0, "rm -rf /srv/app"));

    [Fact]
    public Task ACommandAfterAnExtensionMethodCalledFirstIsRead() =>
        Act("""            .Step("Act", s => s.Tag("cleanup").Run("{|#0:rm -rf /srv/app|}"))""",
            Destructive(0, "rm -rf /srv/app"));

    [Fact]
    public Task ACommandAfterAGenericExtensionMethodIsRead() =>
        Act("""            .Step("Act", s => s.Owned("payments").Run("{|#0:kubectl delete ns payments|}"))""",
            Destructive(0, "kubectl delete ns payments"));

    [Fact]
    public Task AStepAfterAnExtensionMethodOnAPhaseIsRead() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook(
            """            .Paged().Step("Act", s => s.Run("redis-cli {|#0:FLUSHALL|}").Logged().Note("after the flush"))""") + Extensions,
            Destructive(0, "FLUSHALL"));

    [Fact]
    public Task AVerificationAfterAnExtensionMethodIsStillAVerification() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook(
            """            .Step("Assess", s => s.Instruction("Look at the dashboard"))""",
            verification: """v => v.Step("Check", s => s.Tag("health").Run("{|RB0014:curl|} -s https://api.omnix.ai/health"))""") + Extensions);

    // What follows the unknown call still belongs to the command before it.
    [Theory]
    [InlineData("""            .Step("Act", s => s.Run("rm -rf /srv/app").Tag("cleanup").RequiresConfirmation())""")]
    [InlineData("""            .Step("Act", s => s.Tag("cleanup").Run("rm -rf /srv/app").Logged().RequiresConfirmation())""")]
    [InlineData("""            .Step("Act", s => s.Run("tail -f /var/log/app.log").Logged().Timeout(TimeSpan.FromMinutes(5)))""")]
    public Task ConfirmationAndTimeoutAfterAnExtensionMethodCount(string steps) => Act(steps);

    // While the chain is typed: the command already written is judged.
    [Theory]
    [InlineData("""            .Step("Act", s => s.Run("{|#0:rm -rf /srv/app|}").)""")]
    [InlineData("""            .Step("Act", s => s.Run("ls").Tag("cleanup").Run("{|#0:rm -rf /srv/app|}")""")]
    [InlineData("""            .Step("Act", s => s.Run("ls").Tag("cleanup").Run("{|#0:rm -rf /srv/app|}").Tag()""")]
    public Task ACommandInAChainBeingTypedIsRead(string steps) =>
        Verify<CommandTextAnalyzer>.WithoutCompilerErrorsAsync(Sources.Runbook(steps) + Extensions, Destructive(0, "rm -rf /srv/app"));

    // RemoteShell.Run is not the DSL's: its text is printed, not run by the runner.
    [Fact]
    public Task ACallOnWhatAnUnknownMethodReturnsIsNotReadWhenItIsNoBuilder() =>
        Act("""            .Step("Act", s => s.Remote("bastion").Run("rm -rf /srv/app"))""");
}
