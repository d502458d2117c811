using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Tests.Infrastructure;
using RunbookSdk.CodeFixes.Commands;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0018: characters that make a command read differently from what runs. The characters are spelled as C#
/// escapes here and put into the runbook source as themselves, so this file shows what it tests.
/// </summary>
public sealed class HiddenCharacterTests
{
    private const string RightToLeftOverride = "\u202E";
    private const string PopDirectional = "\u202C";
    private const string NoBreakSpace = "\u00A0";
    private const string ZeroWidthSpace = "\u200B";
    private const string ZeroWidthJoiner = "\u200D";

    private static string Runbook(string steps) => Sources.Runbook(steps);

    [Fact]
    public Task ABidirectionalOverrideInACommandIsReportedWithWhatItDoes() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(
            Runbook($$"""
                        .Step("Clean up", s => s.Run("ls /tmp/cache{|#0:{{RightToLeftOverride}}|}fr- mr{|#1:{{PopDirectional}}|}"))
            """),
            new DiagnosticResult("RB0018", DiagnosticSeverity.Warning).WithLocation(0)
                .WithArguments("U+202E RIGHT-TO-LEFT OVERRIDE", "command", "it reorders the text around it, so what you read is not what runs"),
            new DiagnosticResult("RB0018", DiagnosticSeverity.Warning).WithLocation(1)
                .WithArguments("U+202C POP DIRECTIONAL FORMATTING", "command", "it reorders the text around it, so what you read is not what runs"));

    [Fact]
    public Task PastedSpacesAndInvisibleCharactersAreReportedWhereTheyAre() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Runbook($$"""
                        .Step("Look", s => s
                            .Run($"kubectl{|RB0018:{{NoBreakSpace}}|}get pods -n {Region}")
                            .Run("systemctl status{|RB0018:{{ZeroWidthSpace}}|} nginx"))
            """));

    [Fact]
    public Task AnEscapeWrittenInTheSourceIsStillWhatRuns() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Runbook("""
                        .Step("Look", s => s.Run("kubectl{|RB0018:\u00a0|}get pods"))
            """));

    [Fact]
    public Task UrlsHeadersAndBodiesAreRead() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Runbook($$"""
                        .Step("Ask", s => s
                            .Http("POST", "https://api.omnix.ai/{|RB0018:{{ZeroWidthSpace}}|}flags")
                            .Header("X-Reason", "incident{|RB0018:{{RightToLeftOverride}}|}")
                            .Body("{\"enabled\":{|RB0018:{{NoBreakSpace}}|}false}")
                            .ExpectStatus(200))
            """));

    [Fact]
    public Task OrdinaryUnicodeTextAndEmojiAreNotReported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Runbook($$"""
                        .Step("Tell", s => s
                            .Run("echo 'Störung behoben — Dienst läuft ✅ (🧑{{ZeroWidthJoiner}}💻 on call)'")
                            .Run("echo 'サービス復旧' | tee /tmp/status.txt"))
            """));

    [Fact]
    public Task TheFixRemovesInvisibleCharactersAndMakesSpacesOrdinary() =>
        Verify<CommandTextAnalyzer>.FixAsync<RemoveHiddenCharacterCodeFix>(
            Runbook($$"""
                        .Step("Look", s => s
                            .Run($"kubectl{|RB0018:{{NoBreakSpace}}|}get pods -n {Region}")
                            .Run("ls /tmp/cache{|RB0018:{{RightToLeftOverride}}|}")
                            .Run("systemctl status{|RB0018:\u200b|} nginx"))
            """),
            Runbook("""
                        .Step("Look", s => s
                            .Run($"kubectl get pods -n {Region}")
                            .Run("ls /tmp/cache")
                            .Run("systemctl status nginx"))
            """));
}

/// <summary>RB0018 in the text a person reads: only bidirectional controls, which reorder the page.</summary>
public sealed class HiddenCharacterInProseTests
{
    private const string RightToLeftOverride = "\u202E";
    private const string NoBreakSpace = "\u00A0";

    [Fact]
    public Task ABidirectionalControlInAnInstructionOrTitleIsReported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook($$"""
                        .Step("Clean{|#0:{{RightToLeftOverride}}|} up", s => s
                            .Instruction("Delete the {|RB0018:{{RightToLeftOverride}}|}old snapshots")
                            .Note({|RB0018:"Escaped: \u202e"|}))
            """),
            new DiagnosticResult("RB0018", DiagnosticSeverity.Warning).WithLocation(0)
                .WithArguments("U+202E RIGHT-TO-LEFT OVERRIDE", "text", "it reorders the text around it, so the page reads differently from what was written"));

    [Fact]
    public Task SpacesAndOtherTextInProseAreNotReported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook($$"""
                        .Step("Tell{{NoBreakSpace}}the team", s => s.Instruction("Post in #incidents: 'Störung behoben ✅'"))
            """));

    [Fact]
    public Task TheFixDeletesTheControl() =>
        Verify<CommandTextAnalyzer>.FixAsync<RemoveHiddenCharacterCodeFix>(
            Sources.Runbook($$"""
                        .Step("Clean up", s => s.Instruction("Delete the {|RB0018:{{RightToLeftOverride}}|}old snapshots"))
            """),
            Sources.Runbook("""
                        .Step("Clean up", s => s.Instruction("Delete the old snapshots"))
            """));
}
