using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RunbookSdk.Benchmarks;

/// <summary>Builds the corpus into a Roslyn compilation, and the generator and analyzers to run over it.</summary>
public static class CorpusCompilation
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static CSharpCompilation Create(int runbooks, string? unrelated = "internal static class Unrelated { }")
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(Runbook).Assembly.Location));
        var trees = SyntheticCorpus.Runbooks(runbooks).Select((text, i) => CSharpSyntaxTree.ParseText(text, ParseOptions, $"Runbook{i}.cs"))
            .Append(CSharpSyntaxTree.ParseText(SyntheticCorpus.HandbookSource, ParseOptions, "Handbook.cs"));
        if (unrelated is not null) trees = trees.Append(CSharpSyntaxTree.ParseText(unrelated, ParseOptions, "Unrelated.cs"));
        return CSharpCompilation.Create("Corpus", trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    public static GeneratorDriver Driver(bool track = false) => CSharpGeneratorDriver.Create(
        new[] { new RunbookSdk.Generators.RunbookGenerator().AsSourceGenerator() },
        parseOptions: ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));

    public static ImmutableArray<DiagnosticAnalyzer> Analyzers() =>
        typeof(RunbookSdk.Analyzers.Sections.SectionCompletenessAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    /// <summary>A full compile: binding, lowering and emitting IL, as `dotnet build` does.</summary>
    public static int Emit(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success) throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)));
        return (int)stream.Length;
    }

    public static Compilation ReplaceText(Compilation compilation, string path, Func<string, string> edit)
    {
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(edit(tree.ToString()))));
    }
}
