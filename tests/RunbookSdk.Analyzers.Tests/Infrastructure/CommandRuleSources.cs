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
    /// expects one RB0005 naming <paramref name="reported"/>, marked where <see cref="MarkNamed"/> finds it, or none when
    /// it is null.
    /// </summary>
    public static Task DestructiveAsync(string command, string? reported) => reported is null
        ? ActAsync($"\"{command}\"", [])
        : ActAsync(MarkNamed($"\"{command}\"", reported), [new DiagnosticResult("RB0005", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0).WithArguments(reported)]);

    /// <summary>
    /// <paramref name="code"/> with location <c>#0</c> around the command a finding names: RB0005 marks the command it
    /// names, not the whole literal. The last place <paramref name="named"/> is written (a command written earlier as
    /// data, <c>echo 'rm -rf x'; rm -rf x</c>, is not the one run), with its quotes and backslashes escaped for a C#
    /// literal, else as it stands (already written as C#).
    /// </summary>
    public static string MarkNamed(string code, string named)
    {
        var written = named.Replace("\\", "\\\\").Replace("\"", "\\\"");
        var start = code.LastIndexOf(written, StringComparison.Ordinal);
        if (start < 0)
        {
            written = named;
            start = code.LastIndexOf(written, StringComparison.Ordinal);
        }

        Assert.True(start >= 0, $"'{named}' is not written in {code}");
        return code[..start] + "{|#0:" + written + "|}" + code[(start + written.Length)..];
    }
}
