using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Robustness;

/// <summary>
/// The generator and the analyzers run on every keystroke, so they see every half-written state of a runbook. Each
/// sample runbook file is cut short after a spread of its tokens (typing it from the top) and has single tokens deleted
/// (an edit in the middle). As in the IDE, one generator driver follows the edits incrementally, and every rule runs
/// over each state's compilation with the generated sources in it: neither may throw, nor report its own failure.
/// </summary>
public sealed class KeystrokeTests
{
    private const int CutsPerFile = 16;

    private static readonly ImmutableArray<DiagnosticAnalyzer> s_analyzers = typeof(RunbookSdk.Analyzers.Sections.SectionCompletenessAnalyzer).Assembly
        .GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static TheoryData<string> Samples => new(SampleSources.Names());

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Neither_the_generator_nor_a_rule_fails_on_any_half_written_state_of_a_sample_runbook(string sample)
    {
        var compilation = SampleSources.Compilation(sample);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new RunbookSdk.Generators.RunbookGenerator());
        driver = driver.RunGenerators(compilation);
        var failures = new ConcurrentBag<string>();
        var states = 0;

        foreach (var tree in compilation.SyntaxTrees.Where(IsRunbookCode))
        {
            var text = tree.GetText();
            var tokens = tree.GetRoot().DescendantTokens().ToArray();
            var stride = Math.Max(1, tokens.Length / CutsPerFile);
            for (var i = stride / 2; i < tokens.Length; i += stride)
            {
                var token = tokens[i];
                var edits = new (string Kind, TextChange Change)[]
                {
                    ("typed up to", new TextChange(TextSpan.FromBounds(token.Span.End, text.Length), "")),
                    ("deleted", new TextChange(token.Span, "")),
                };
                foreach (var (kind, change) in edits)
                {
                    var edited = tree.WithChangedText(text.WithChanges(change));
                    var where = $"{tree.FilePath} {kind} '{token.Text}' at line {token.GetLocation().GetLineSpan().StartLinePosition.Line + 1}";
                    var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]),
                        onAnalyzerException: (exception, analyzer, _) => failures.Add($"{where}: {analyzer.GetType().Name} threw {exception}"),
                        concurrentAnalysis: false, logAnalyzerExecutionTime: false);
                    driver = driver.RunGeneratorsAndUpdateCompilation(compilation.ReplaceSyntaxTree(tree, edited), out var withGenerated, out _);
                    foreach (var result in driver.GetRunResult().Results)
                    {
                        if (result.Exception is { } exception) failures.Add($"{where}: the generator threw {exception}");
                        // RB0104 is the generator catching its own failure: still a defect the user would see.
                        foreach (var failed in result.Diagnostics.Where(d => d.Id is "RB0104" or "CS8785")) failures.Add($"{where}: {failed.GetMessage()}");
                    }

                    var diagnostics = await withGenerated.WithAnalyzers(s_analyzers, options).GetAnalyzerDiagnosticsAsync();
                    foreach (var crash in diagnostics.Where(d => d.Id == "AD0001")) failures.Add($"{where}: {crash.GetMessage()}");
                    states++;
                }
            }
        }

        Assert.True(states > 0, $"{sample} has no runbook code to edit.");
        Assert.Empty(failures);
    }

    private static bool IsRunbookCode(SyntaxTree tree) =>
        tree.GetText().ToString() is var text && (text.Contains("IRunbookBuilder", StringComparison.Ordinal) || text.Contains("IHandbookBuilder", StringComparison.Ordinal));
}
