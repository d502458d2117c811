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
}
