using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// Compiles imported sources in memory against the RunbookSdk assembly, with the generator and the analyzers
/// the build would run: seconds faster than <c>dotnet build</c>, and the same diagnostics.
/// </summary>
internal static class InMemoryCompiler
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(() =>
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return trusted.Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Append(typeof(RunbookSdk.Runbook).Assembly.Location)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    });

    public static IReadOnlyList<Diagnostic> Compile(IReadOnlyDictionary<string, string> files)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = files.Where(f => f.Key.EndsWith(".cs", StringComparison.Ordinal))
            .Select(f => CSharpSyntaxTree.ParseText(f.Value, parse, path: f.Key))
            .Append(CSharpSyntaxTree.ParseText("global using System; global using System.Collections.Generic; global using System.Linq; global using System.Threading.Tasks;", parse, path: "Usings.cs"));
        var compilation = CSharpCompilation.Create("Imported", trees, s_references.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var generator = new RunbookSdk.Generators.RunbookGenerator().AsSourceGenerator();
        CSharpGeneratorDriver.Create([generator], parseOptions: parse)
            .RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);

        var analyzers = typeof(RunbookSdk.Analyzers.Sections.SectionCompletenessAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        var all = generated.WithAnalyzers(analyzers).GetAllDiagnosticsAsync().GetAwaiter().GetResult();
        return generatorDiagnostics.Concat(all).Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
    }

    public static string Describe(IEnumerable<Diagnostic> diagnostics) => string.Join("\n", diagnostics.Select(d => d.ToString()));
}
