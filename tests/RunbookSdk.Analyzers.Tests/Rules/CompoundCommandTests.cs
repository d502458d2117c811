using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Tests.Infrastructure;
using RunbookSdk.CodeFixes.Commands;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// A command starts after a separator and also after the reserved words of a compound command: <c>if</c>, <c>then</c>,
/// <c>else</c>, <c>elif</c>, <c>while</c>, <c>until</c>, <c>do</c>, <c>!</c>, <c>{</c> and <c>time</c>
/// (<c>if test -d /srv; then rm -rf /srv/app; fi</c>). The rules that ask where a command starts (HTTPie and xh, <c>ping</c>,
/// <c>watch</c>, a command that only names another) missed a command after <c>then</c> or <c>do</c>, named it
/// "then tail -f", and took <c>then echo 'tail -f x'</c> for a command that runs <c>tail -f</c>.
/// </summary>
public sealed class CompoundCommandTests
{
    private static Task Act(string command, params DiagnosticResult[] expected) => CommandRuleSources.ActAsync(command, expected);

    private static Task Check(string command) => CommandRuleSources.CheckAsync(command);

    private static DiagnosticResult Destructive(string command) =>
        new DiagnosticResult("RB0005", DiagnosticSeverity.Warning).WithLocation(0).WithArguments(command);

    // RB0005: a destructive command inside a compound command runs like any other.
    [Theory]
    [InlineData("\"if test -d /srv; then rm -rf /srv/app; fi\"", "rm -rf /srv/app")]
    [InlineData("\"for f in *.log; do rm -rf \\\"$f\\\"; done\"", "rm -rf \"$f\"")]
    [InlineData("\"{ rm -rf /srv/x; }\"", "rm -rf /srv/x")]
    [InlineData("\"while pgrep -x api; do kubectl delete pod -l app=api; done\"", "kubectl delete pod -l app=api")]
    [InlineData("\"if test -f /srv/keep; then echo kept; else rm -rf /srv/app; fi\"", "rm -rf /srv/app")]
    [InlineData("\"if false; then :; elif test -d /srv; then rm -rf /srv/app; fi\"", "rm -rf /srv/app")]
    [InlineData("\"! rm -rf /srv/app\"", "rm -rf /srv/app")]
    [InlineData("\"time rm -rf /srv/app\"", "rm -rf /srv/app")]
    [InlineData("\"(cd /srv && rm -rf app)\"", "rm -rf app")]
    [InlineData("\"test -d /srv || rm -rf /srv/app\"", "rm -rf /srv/app")]
    [InlineData("\"echo done; rm -rf /srv/app\"", "rm -rf /srv/app")] // `done` is echo's word here, not a keyword
    public Task ADestructiveCommandInACompoundCommandIsReported(string command, string named) =>
        Act(CommandRuleSources.MarkNamed(command, named), Destructive(named));

    // RB0014: an HTTP client after a reserved word is at a command's start.
    [Theory]
    [InlineData("if test -f /srv/ready; then {|RB0014:curl|} -s https://api.omnix.ai/health; fi")]
    [InlineData("if test -f /srv/ready; then {|RB0014:http|} GET https://api.omnix.ai/health; fi")]
    [InlineData("for u in api web; do {|RB0014:xh|} https://$u.omnix.ai/health; done")]
    [InlineData("{ {|RB0014:https|} api.omnix.ai/health; }")]
    [InlineData("! {|RB0014:http|} GET https://api.omnix.ai/maintenance")]
    [InlineData("while ! {|RB0014:http|} GET https://api.omnix.ai/health; do sleep 1; done")]
    public Task AnHttpClientInACompoundCommandIsReported(string command) => Check("\"" + command + "\"");

    [Theory]
    [InlineData("if test -f /srv/ready; then echo 'curl -s https://api.omnix.ai/health'; else exit 1; fi")] // echo's argument is text
    [InlineData("if test -f /srv/ready; then http --check-status GET https://api.omnix.ai/health; fi")]
    [InlineData("grep -q then /srv/notes.txt && echo http GET is the client")] // `then` here is grep's word
    public Task TextAfterAReservedWordIsNotRunAsAClient(string command) => Check("\"" + command + "\"");

    // RB0015: ping and watch where a command starts, and a command only named after a reserved word.
    [Theory]
    [InlineData("for h in db cache; do {|RB0015:ping|} $h.internal; done")]
    [InlineData("if test -d /srv; then {|RB0015:watch|} df -h; fi")]
    [InlineData("{ {|RB0015:ping|} db.internal; }")]
    [InlineData("until false; do {|RB0015:tail -f|} /var/log/app.log; done")]
    public Task ACommandThatNeverEndsInACompoundCommandIsReported(string command) => Act("\"" + command + "\"");

    [Theory]
    [InlineData("if pgrep -x api; then echo 'now run tail -f /var/log/app.log'; fi")]
    [InlineData("while true; do pkill -f 'kubectl port-forward'; sleep 1; done")]
    [InlineData("if test -d /srv; then timeout 60 watch df -h; fi")]
    [InlineData("grep -c then /srv/notes.txt; echo watch it")] // watch is echo's word
    public Task ACommandOnlyNamedOrBoundedInACompoundCommandIsNotReported(string command) => Act("\"" + command + "\"");

    // RB0014's fix puts the option beside the client, inside the compound command.
    [Fact]
    public Task TheFixAddsTheOptionToAClientAfterAReservedWord() =>
        Verify<CommandTextAnalyzer>.FixAsync<FailOnHttpErrorCodeFix>(
            Sources.Runbook("""            .Step("Assess", s => s.Instruction("Look at the dashboard"))""",
                verification: """v => v.Step("Health", s => s.Run("if test -f /srv/ready; then {|RB0014:curl|} -s https://api.omnix.ai/health; else {|RB0014:http|} GET https://api.omnix.ai/ready; fi"))"""),
            Sources.Runbook("""            .Step("Assess", s => s.Instruction("Look at the dashboard"))""",
                verification: """v => v.Step("Health", s => s.Run("if test -f /srv/ready; then curl --fail -s https://api.omnix.ai/health; else http --check-status GET https://api.omnix.ai/ready; fi"))"""));

    // RB0017: a constant of several words where a compound command starts a command is meant as a command line.
    [Fact]
    public Task AConstantOfSeveralWordsAfterAReservedWordIsReported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook(
            """            .Step("Act", s => s.Run($"if {|RB0017:{Kubectl}|} get ns {Region}; then echo found; fi; while {|RB0017:{Kubectl}|} get pod -n {Region} api-0; do sleep 5; done"))""",
            extraMembers: """    private const string Kubectl = "kubectl --context prod-eu";"""));

    [Fact]
    public Task TheMessageNamesTheCommandNotTheReservedWordBeforeIt() =>
        Act("\"if test -d /var/log; then {|#0:tail -f|} /var/log/app.log; fi\"",
            new DiagnosticResult("RB0015", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("tail -f"));
}
