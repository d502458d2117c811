using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RunbookSdk.Generators.Tests.Support;

namespace RunbookSdk.Generators.Tests;

/// <summary>A runbook project may pin an older <c>LangVersion</c>: what the generator adds must compile under it.</summary>
public class LanguageVersionTests
{
    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.CSharp8)]
    [InlineData(LanguageVersion.CSharp9)]
    [InlineData(LanguageVersion.CSharp10)]
    [InlineData(LanguageVersion.CSharp11)]
    [InlineData(LanguageVersion.Latest)]
    public void Generated_code_compiles_under_the_projects_language_version(LanguageVersion version)
    {
        var options = new CSharpParseOptions(version);
        // Block namespaces: file-scoped ones are C# 10. Set-only parameters: init is C# 9. The runbook keeps its
        // [Parameter(..., Required = false)]: the attribute's own property must be settable under any version.
        static string Blocked(string source) => source
            .Replace("namespace Payments;", "namespace Payments {", StringComparison.Ordinal)
            .Replace("{ get; init; }", "{ get; set; }", StringComparison.Ordinal)
            .TrimEnd() + "\n}\n";
        // Nullable reference types are C# 8: below it a project cannot turn them on (CS8630).
        var nullable = version < LanguageVersion.CSharp8 ? NullableContextOptions.Disable : NullableContextOptions.Enable;
        var empty = GeneratorHarness.Compile();
        var compilation = empty.WithOptions(empty.Options.WithNullableContextOptions(nullable)).AddSyntaxTrees(
            CSharpSyntaxTree.ParseText(Blocked(TestRunbooks.Handbook), options, "Handbook.cs"),
            CSharpSyntaxTree.ParseText(Blocked(TestRunbooks.Runbook), options, "Runbook.cs"));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var driver = CSharpGeneratorDriver.Create(
            new[] { new RunbookGenerator().AsSourceGenerator() },
            parseOptions: options,
            optionsProvider: new BuildPropertiesProvider(new Dictionary<string, string> { ["RunbookSdkGenerateEntryPoint"] = "true", ["RunbookSdkEmbedOutline"] = "true" }));

        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);

        Assert.Empty(generatorDiagnostics);
        var stream = new MemoryStream();
        var emitted = output.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
    }
}
