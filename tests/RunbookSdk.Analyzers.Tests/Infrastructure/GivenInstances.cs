using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace RunbookSdk.Analyzers.Tests.Infrastructure;

/// <summary>
/// A code fix test that runs the given analyzer and fix instead of new ones: for rules that read the clock, which a
/// test hands a fixed day so it passes on every day (also across midnight UTC).
/// </summary>
internal sealed class GivenInstances<TAnalyzer, TCodeFix>(TAnalyzer analyzer, TCodeFix fix) : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>Checks the fix turns <paramref name="source"/> into <paramref name="fixedSource"/>, as <c>Verify.FixAsync</c> does.</summary>
    public Task FixAsync(string source, string fixedSource)
    {
        TestCode = source;
        FixedCode = fixedSource;
        Verify<TAnalyzer>.Configure(this);
        FixedState.AdditionalReferences.AddRange(TestReferences.All);
        FixedState.MarkupHandling = MarkupMode.Allow;
        BatchFixedState.MarkupHandling = MarkupMode.Allow;
        return RunAsync();
    }

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => [analyzer];

    protected override IEnumerable<CodeFixProvider> GetCodeFixProviders() => [fix];
}
