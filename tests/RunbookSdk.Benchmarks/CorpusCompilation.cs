using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RunbookSdk.Benchmarks;

/// <summary>Builds the corpus into a Roslyn compilation, and the generator and analyzers to run over it.</summary>
public static class CorpusCompilation
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static CSharpCompilation Create(int runbooks, string? unrelated = "internal static class Unrelated { }") =>
        Create(runbooks, References(), unrelated);

    /// <summary>The references every compilation of the corpus has, read anew: a compilation made with new ones shares no metadata with another.</summary>
    public static IReadOnlyList<MetadataReference> References() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(Runbook).Assembly.Location))
            .ToList();

    /// <param name="runbooks">Runbooks in the corpus.</param>
    /// <param name="references">The references, shared by the compilations that should share metadata, as the compiler server's builds of one project do.</param>
    /// <param name="unrelated">The text of a file that declares no runbook; null for none.</param>
    public static CSharpCompilation Create(int runbooks, IReadOnlyList<MetadataReference> references, string? unrelated = "internal static class Unrelated { }")
    {
        var trees = SyntheticCorpus.Runbooks(runbooks).Select((text, i) => Parse(text, $"Runbook{i}.cs"))
            .Append(Parse(SyntheticCorpus.HandbookSource, "Handbook.cs"));
        if (unrelated is not null) trees = trees.Append(Parse(unrelated, "Unrelated.cs"));
        // As `dotnet build -c Release` compiles: optimized, deterministic, on all cores.
        return CSharpCompilation.Create("Corpus", trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable,
                optimizationLevel: OptimizationLevel.Release, deterministic: true, concurrentBuild: true));
    }

    /// <param name="track">Record the driver's steps (which outputs were re-generated, and their times).</param>
    /// <param name="asTheIdeRuns">Skip implementation outputs, as the IDE does while it analyses code (pages are rendered only when it emits).</param>
    /// <param name="generator">The generator instance to run, when the caller counts its work; a new one otherwise.</param>
    public static GeneratorDriver Driver(bool track = false, bool asTheIdeRuns = false, RunbookSdk.Generators.RunbookGenerator? generator = null) => CSharpGeneratorDriver.Create(
        new[] { (generator ?? new RunbookSdk.Generators.RunbookGenerator()).AsSourceGenerator() },
        parseOptions: ParseOptions,
        driverOptions: new GeneratorDriverOptions(asTheIdeRuns ? IncrementalGeneratorOutputKind.Implementation : IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));

    /// <summary>
    /// Holds that <paramref name="driver"/>'s last run generated what it was measured for: a generator that throws is
    /// caught by Roslyn (a CS8785 warning, nothing generated), and one that fails a runbook reports it (RB0104, an
    /// error a driver run in-process does not stop at) and skips its part. Either run is far cheaper than a real one, so a figure taken of it would be a figure nobody pays.
    /// </summary>
    /// <param name="driver">The driver after the measured run.</param>
    /// <param name="compilation">The compilation it ran over: every <c>Runbook*.cs</c> file in it is one runbook.</param>
    /// <param name="asTheIdeRuns">The run skipped implementation outputs, so only the catalog is expected.</param>
    /// <returns><paramref name="driver"/>.</returns>
    public static GeneratorDriver EnsureGenerated(GeneratorDriver driver, Compilation compilation, bool asTheIdeRuns = false)
    {
        var result = driver.GetRunResult().Results.Single();
        if (result.Exception is { } exception)
            throw new InvalidOperationException($"The generator threw over the corpus; nothing measured of it is real.\n{exception}");
        // The corpus is clean: a warning or error is a runbook the generator could not read or render (RB0104 is its
        // own failure, caught and reported so that the rest of the project is still generated).
        if (result.Diagnostics.FirstOrDefault(d => d.Severity >= DiagnosticSeverity.Warning) is { } problem)
            throw new InvalidOperationException($"The generator reported a problem over the corpus; nothing measured of it is real.\n{problem}");
        var runbooks = compilation.SyntaxTrees.Count(t => Path.GetFileName(t.FilePath).StartsWith("Runbook", StringComparison.Ordinal));
        var parts = result.GeneratedSources.Count(s => s.HintName.EndsWith(".Runbook.g.cs", StringComparison.Ordinal));
        var catalog = result.GeneratedSources.Any(s => s.HintName == "RunbookCatalog.g.cs");
        if (!catalog || parts != (asTheIdeRuns ? 0 : runbooks))
            throw new InvalidOperationException($"The generator wrote {parts} runbook parts {(catalog ? "and" : "but no")} catalog for {runbooks} runbooks; nothing measured of it is real.");
        return driver;
    }

    /// <summary>
    /// Holds that no rule threw during a measured analysis. The driver catches a rule's exception and reports it as
    /// AD0001, and a rule that stopped at its first runbook costs far less than one that read them all.
    /// </summary>
    /// <param name="diagnostics">What the analysis reported.</param>
    /// <returns><paramref name="diagnostics"/>.</returns>
    public static ImmutableArray<Diagnostic> EnsureNoRuleThrew(ImmutableArray<Diagnostic> diagnostics) =>
        diagnostics.FirstOrDefault(d => d.Id == "AD0001") is { } crash
            ? throw new InvalidOperationException($"A rule threw over the corpus; nothing measured of it is real.\n{crash}")
            : diagnostics;

    public static ImmutableArray<DiagnosticAnalyzer> Analyzers() =>
        typeof(RunbookSdk.Analyzers.Sections.SectionCompletenessAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    /// <summary>
    /// The rules a command-line build runs: it skips an analyzer whose every rule is Info or hidden (RB0016's; the IDE
    /// runs it).
    /// </summary>
    public static ImmutableArray<DiagnosticAnalyzer> BuildAnalyzers() =>
        Analyzers().Where(a => a.SupportedDiagnostics.Any(d => d.DefaultSeverity > DiagnosticSeverity.Info)).ToImmutableArray();

    /// <summary>A full compile: binding, lowering and emitting IL and a portable PDB, as `dotnet build` does.</summary>
    /// <param name="compilation">What to compile.</param>
    /// <param name="embedded">Trees whose text the PDB embeds, as a build embeds a generator's output.</param>
    public static int Emit(Compilation compilation, IEnumerable<SyntaxTree>? embedded = null)
    {
        using var stream = new MemoryStream();
        using var pdb = new MemoryStream();
        var result = compilation.Emit(stream, pdb, embeddedTexts: embedded?.Select(t => EmbeddedText.FromSource(t.FilePath, t.GetText())),
            options: new Microsoft.CodeAnalysis.Emit.EmitOptions(debugInformationFormat: Microsoft.CodeAnalysis.Emit.DebugInformationFormat.PortablePdb));
        if (!result.Success) throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)));
        return (int)stream.Length;
    }

    public static SyntaxTree Parse(string text, string path) =>
        CSharpSyntaxTree.ParseText(Microsoft.CodeAnalysis.Text.SourceText.From(text, System.Text.Encoding.UTF8), ParseOptions, path);

    public static Compilation ReplaceText(Compilation compilation, string path, Func<string, string> edit)
    {
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(edit(tree.ToString()), System.Text.Encoding.UTF8)));
    }
}
