using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Suppressions;

/// <summary>
/// Runs a suppressor the way the compiler does: beside the analyzer whose diagnostics it takes off, over one compiled
/// source, keeping the suppressed diagnostics so a test can tell which ones the suppressor took.
/// </summary>
internal static class SuppressorRun
{
    /// <summary>
    /// Every diagnostic <paramref name="standIn"/> reports in <paramref name="source"/>, each with
    /// <see cref="Diagnostic.IsSuppressed"/> set where <paramref name="suppressor"/> took it off.
    /// </summary>
    public static Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(string source, StandInRule standIn, DiagnosticSuppressor suppressor)
    {
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true);
        return TestReferences.Compile(source)
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(standIn, suppressor), options)
            .GetAnalyzerDiagnosticsAsync();
    }
}
