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

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText>? additionalTexts = null) =>
        CSharpGeneratorDriver.Create(
            new[] { new RunbookGenerator().AsSourceGenerator() },
            additionalTexts: additionalTexts,
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

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

    /// <summary>The texts of a generated runbook or handbook attribute, in order (the page last).</summary>
    public static string[] EmbeddedTexts(string generated)
    {
        var attribute = CSharpSyntaxTree.ParseText(generated, ParseOptions).GetRoot().DescendantNodes()
            .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.AttributeSyntax>()
            .FirstOrDefault(a => a.Name.ToString().Contains("GeneratedRunbook", StringComparison.Ordinal) || a.Name.ToString().Contains("GeneratedHandbook", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("No generated descriptor in:\n" + generated);
        return attribute.ArgumentList!.Arguments.Skip(1)
            .Select(a => ((Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax)a.Expression).Token.ValueText)
            .ToArray();
    }

    /// <summary>The markdown page embedded in a generated runbook or handbook part.</summary>
    public static string EmbeddedMarkdown(string generated) => EmbeddedTexts(generated)[^1];
}

/// <summary>An in-memory AdditionalFiles item.</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    public override string Path { get; } = path;
    public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) => Microsoft.CodeAnalysis.Text.SourceText.From(text);
}
