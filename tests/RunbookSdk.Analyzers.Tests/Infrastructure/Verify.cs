using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace RunbookSdk.Analyzers.Tests.Infrastructure;

/// <summary>Runs one analyzer over markup source: <c>{|RB0002:Name|}</c> marks where a finding is expected.</summary>
internal static class Verify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = source };
        Configure(test);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Runs one analyzer over a project of several files (the parts of a <c>partial</c> runbook, say), each with its markup.</summary>
    public static Task AnalyzerAsync((string Name, string Source)[] sources, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>();
        test.TestState.Sources.AddRange(sources.Select(s => (s.Name, Microsoft.CodeAnalysis.Text.SourceText.From(s.Source))));
        Configure(test);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Runs the analyzer over code that does not compile (yet); only analyzer findings are compared.</summary>
    public static Task WithoutCompilerErrorsAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = source, CompilerDiagnostics = CompilerDiagnostics.None };
        Configure(test);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Checks the fix turns <paramref name="source"/> into <paramref name="fixedSource"/>, one diagnostic at a time and all at once.</summary>
    /// <param name="source">The code with its findings marked.</param>
    /// <param name="fixedSource">The code after every finding is fixed.</param>
    /// <param name="equivalenceKey">Which of the fix's actions to apply; null for the first.</param>
    /// <param name="fixAllRounds">
    /// How many "fix all" rounds reach <paramref name="fixedSource"/>: more than one when each action fixes only the
    /// findings it shares a key with (a fix whose key names the value it writes).
    /// </param>
    /// <param name="editorConfig">The <c>.editorconfig</c> the project is given, if any.</param>
    public static Task FixAsync<TCodeFix>(string source, string fixedSource, string? equivalenceKey = null, int fixAllRounds = 1, string? editorConfig = null)
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = equivalenceKey,
        };
        if (fixAllRounds > 1)
        {
            test.NumberOfFixAllIterations = fixAllRounds;
            test.NumberOfFixAllInDocumentIterations = fixAllRounds;
            test.NumberOfFixAllInProjectIterations = fixAllRounds;
        }

        if (editorConfig is not null) test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        Configure(test);
        test.FixedState.AdditionalReferences.AddRange(TestReferences.All);
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        test.BatchFixedState.MarkupHandling = MarkupMode.Allow;
        return test.RunAsync();
    }

    /// <summary>As <see cref="FixAsync{TCodeFix}(string, string, string?, int, string?)"/>, for a project of several files.</summary>
    public static Task FixAsync<TCodeFix>((string Name, string Source)[] sources, (string Name, string Source)[] fixedSources, string? editorConfig = null)
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>();
        test.TestState.Sources.AddRange(sources.Select(s => (s.Name, Microsoft.CodeAnalysis.Text.SourceText.From(s.Source))));
        test.FixedState.Sources.AddRange(fixedSources.Select(s => (s.Name, Microsoft.CodeAnalysis.Text.SourceText.From(s.Source))));
        if (editorConfig is not null) test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        Configure(test);
        test.FixedState.AdditionalReferences.AddRange(TestReferences.All);
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        test.BatchFixedState.MarkupHandling = MarkupMode.Allow;
        return test.RunAsync();
    }

    internal static void Configure<TVerifier>(AnalyzerTest<TVerifier> test)
        where TVerifier : IVerifier, new()
    {
        test.ReferenceAssemblies = TestReferences.None;
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
    }
}
