using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;

namespace RunbookSdk.Benchmarks;

/// <summary>
/// What the generator adds to a build: a cold compile with and without it, and the incremental cost of an edit
/// inside one runbook and in an unrelated file (what the IDE pays per keystroke).
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private Compilation _compilation = null!;
    private GeneratorDriver _warmDriver = null!;
    private Compilation _runbookEdit = null!;
    private Compilation _unrelatedEdit = null!;

    [Params(1000)]
    public int Runbooks { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _compilation = CorpusCompilation.Create(Runbooks);
        // What each benchmark measures must be a run that generated the corpus, not one that failed early.
        _warmDriver = CorpusCompilation.EnsureGenerated(CorpusCompilation.Driver().RunGenerators(_compilation), _compilation);
        _runbookEdit = CorpusCompilation.ReplaceText(_compilation, "Runbook0.cs", t => t.Replace("List pods", "List the pods", StringComparison.Ordinal));
        _unrelatedEdit = CorpusCompilation.ReplaceText(_compilation, "Unrelated.cs", t => t.Replace("{ }", "{ private const int X = 1; }", StringComparison.Ordinal));
        CorpusCompilation.EnsureGenerated(_warmDriver.RunGenerators(_runbookEdit), _runbookEdit);
        CorpusCompilation.EnsureGenerated(_warmDriver.RunGenerators(_unrelatedEdit), _unrelatedEdit);
    }

    [Benchmark(Baseline = true, Description = "compile without generator")]
    public int CompileOnly() => CorpusCompilation.Emit(_compilation);

    [Benchmark(Description = "compile with generator (cold)")]
    public int CompileWithGenerator()
    {
        CorpusCompilation.Driver().RunGeneratorsAndUpdateCompilation(_compilation, out var output, out _);
        return CorpusCompilation.Emit(output);
    }

    [Benchmark(Description = "generator only (cold)")]
    public GeneratorDriver GeneratorCold() => CorpusCompilation.Driver().RunGenerators(_compilation);

    [Benchmark(Description = "generator: edit inside one runbook")]
    public GeneratorDriver EditOneRunbook() => _warmDriver.RunGenerators(_runbookEdit);

    [Benchmark(Description = "generator: edit in an unrelated file")]
    public GeneratorDriver EditUnrelatedFile() => _warmDriver.RunGenerators(_unrelatedEdit);
}
