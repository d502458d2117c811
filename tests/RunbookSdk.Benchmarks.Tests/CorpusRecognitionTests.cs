using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RunbookSdk.Benchmarks.Tests;

/// <summary>
/// The rules' figures (their bytes under a ceiling, their time in <c>report</c>) are only worth something if the
/// rules read the corpus's runbooks: a corpus they stopped recognising would measure as cheap rules.
/// </summary>
public sealed class CorpusRecognitionTests
{
    [Fact]
    public async Task The_rules_read_the_corpus_runbooks_so_what_they_cost_over_it_is_real_work()
    {
        var corpus = CorpusCompilation.Create(20);
        var defective = CorpusCompilation.ReplaceText(corpus, "Runbook3.cs", text => text
            .Replace(".RequiresConfirmation()", "", StringComparison.Ordinal)
            .Replace(".Verification(v => v.Step(\"Healthy\", s => s.Http(\"GET\", $\"{BaseUrl}/health\").ExpectStatus(200)))", "", StringComparison.Ordinal));

        var clean = await Analyse(corpus);
        var found = await Analyse(defective);

        Assert.Empty(clean);
        Assert.Equal(["RB0003 Runbook3.cs", "RB0005 Runbook3.cs"],
            found.Select(d => $"{d.Id} {d.Location.SourceTree?.FilePath}").Order(StringComparer.Ordinal));

        static async Task<ImmutableArray<Diagnostic>> Analyse(Compilation compilation) =>
            CorpusCompilation.EnsureNoRuleThrew(await compilation.WithAnalyzers(CorpusCompilation.BuildAnalyzers(), new CompilationWithAnalyzersOptions(
                AnalyzerBenchmarks.AnalyzerOptions(), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false)).GetAnalyzerDiagnosticsAsync());
    }
}
