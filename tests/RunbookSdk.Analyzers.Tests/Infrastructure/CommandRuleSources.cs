using Microsoft.CodeAnalysis.Testing;
using RunbookSdk.Analyzers.Commands;

namespace RunbookSdk.Analyzers.Tests.Infrastructure;

/// <summary>
/// The two places the command rules' tests put a <c>Run(...)</c>: a step of a phase, and a verification step (where
/// RB0014 asks whether a check can fail). <c>runArguments</c> is the C# written between <c>Run(</c> and <c>)</c>.
/// </summary>
internal static class CommandRuleSources
{
    /// <summary>Runs <see cref="CommandTextAnalyzer"/> over a runbook whose phase step runs <paramref name="runArguments"/>.</summary>
    public static Task ActAsync(string runArguments, DiagnosticResult[] expected, string extraMembers = "") =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook($$"""
                        .Step("Act", s => s.Run({{runArguments}}))
            """, extraMembers: extraMembers), expected);

    /// <summary>Runs <see cref="CommandTextAnalyzer"/> over a runbook whose verification step runs <paramref name="runArguments"/>.</summary>
    public static Task CheckAsync(string runArguments, string extraMembers = "") =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook(
            """            .Step("Assess", s => s.Instruction("Look at the dashboard"))""",
            verification: $$"""v => v.Step("Check", s => s.Run({{runArguments}}))""", extraMembers: extraMembers));

    /// <summary>
    /// Runs <see cref="CommandTextAnalyzer"/> over a phase step that runs <paramref name="command"/> (C# string content) and
    /// expects one RB0005 on the literal naming <paramref name="reported"/> (as written in C#), or none when it is null.
    /// </summary>
    public static Task DestructiveAsync(string command, string? reported) => reported is null
        ? ActAsync($"\"{command}\"", [])
        : ActAsync($"{{|#0:\"{command}\"|}}", [new DiagnosticResult("RB0005", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0).WithArguments(reported)]);
}
