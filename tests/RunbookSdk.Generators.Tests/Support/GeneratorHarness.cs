using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using RunbookSdk.Generators;

namespace RunbookSdk.Generators.Tests.Support;

/// <summary>Compiles source with the real RunbookSdk assembly and runs the real generator through a driver.</summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return platform.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(Runbook).Assembly.Location))
            .ToImmutableArray();
    });

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static CSharpCompilation Compile(params string[] sources) => CSharpCompilation.Create(
        "TestRunbooks",
        sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Runbook{i}.cs")),
        References.Value,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>
    /// <paramref name="compilation"/> with <paramref name="oldText"/> replaced by <paramref name="newText"/> in the one
    /// file that contains it, as an editor's change of that file: the other files keep their trees.
    /// </summary>
    public static CSharpCompilation Edit(CSharpCompilation compilation, string oldText, string newText)
    {
        var tree = compilation.SyntaxTrees.Single(t => t.ToString().Contains(oldText, StringComparison.Ordinal));
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(tree.ToString().Replace(oldText, newText, StringComparison.Ordinal))));
    }

    /// <param name="additionalTexts">AdditionalFiles items (templates).</param>
    /// <param name="buildProperties">MSBuild properties the generator sees, e.g. <c>RunbookSdkEmbedOutline=true</c>.</param>
    /// <param name="disabledOutputs">Output kinds not produced: the IDE disables implementation outputs while it analyses.</param>
    /// <param name="generator">The generator instance to drive (to count its work); a new one when null.</param>
    /// <param name="trackSteps">Record the driver's steps, for the tests that count cached work. The IDE does not, and Roslyn 4.14's
    /// tracking loses outputs or throws after some sequences of edits that untracked drivers run correctly.</param>
    public static GeneratorDriver CreateDriver(
        IEnumerable<AdditionalText>? additionalTexts = null, IReadOnlyDictionary<string, string>? buildProperties = null,
        IncrementalGeneratorOutputKind disabledOutputs = IncrementalGeneratorOutputKind.None, RunbookGenerator? generator = null,
        bool trackSteps = true) =>
        CSharpGeneratorDriver.Create(
            new[] { (generator ?? new RunbookGenerator()).AsSourceGenerator() },
            additionalTexts: additionalTexts,
            optionsProvider: buildProperties is null ? null : new BuildPropertiesProvider(buildProperties),
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(disabledOutputs, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Runs the generator and returns the result plus the diagnostics of compiling its output.</summary>
    public static (GeneratorDriverRunResult Run, ImmutableArray<Diagnostic> CompileDiagnostics) Run(params string[] sources)
    {
        var compilation = Compile(sources);
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var compileErrors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        return (driver.GetRunResult(), compileErrors);
    }

    public static string GeneratedSource(GeneratorDriverRunResult run, string hintNameEnd) =>
        run.Results.Single().GeneratedSources.Single(s => s.HintName.EndsWith(hintNameEnd, StringComparison.Ordinal)).SourceText.ToString();

    /// <summary>The texts of a generated runbook or handbook attribute, in order (the page last; null where the argument is <c>null</c>).</summary>
    public static string?[] EmbeddedTexts(string generated)
    {
        var attribute = CSharpSyntaxTree.ParseText(generated, ParseOptions).GetRoot().DescendantNodes()
            .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.AttributeSyntax>()
            .FirstOrDefault(a => a.Name.ToString().Contains("GeneratedRunbook", StringComparison.Ordinal) || a.Name.ToString().Contains("GeneratedHandbook", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("No generated descriptor in:\n" + generated);
        return attribute.ArgumentList!.Arguments.Skip(1)
            .Select(a => a.Expression.IsKind(SyntaxKind.NullLiteralExpression) ? null : ((Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax)a.Expression).Token.ValueText)
            .ToArray();
    }

    /// <summary>The markdown page embedded in a generated runbook or handbook part.</summary>
    public static string EmbeddedMarkdown(string generated) => EmbeddedTexts(generated)[^1]!;

    /// <summary>The page of <paramref name="runbook"/> (a variant of <c>TestRunbooks.Runbook</c>) beside the test handbook.</summary>
    public static string ApiDownPage(string runbook) =>
        EmbeddedMarkdown(GeneratedSource(Run(TestRunbooks.Handbook, runbook).Run, "Payments_ApiDown.Runbook.g.cs"));
}

/// <summary>An in-memory AdditionalFiles item.</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    public override string Path { get; } = path;
    public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) => Microsoft.CodeAnalysis.Text.SourceText.From(text);
}

/// <summary>MSBuild properties as the compiler hands them to generators (<c>build_property.Name</c>).</summary>
internal sealed class BuildPropertiesProvider(IReadOnlyDictionary<string, string> properties) : AnalyzerConfigOptionsProvider
{
    private readonly Options _global = new(properties.ToDictionary(p => "build_property." + p.Key, p => p.Value));

    public override AnalyzerConfigOptions GlobalOptions => _global;
    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;
    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new([]);

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
