using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using RunbookSdk.Generators.Tests.Support;
using RunbookSdk.Hosting;

namespace RunbookSdk.Generators.Tests.Docs;

/// <summary>Text a runbook may hold that C# accepts but a generated literal might not: the project must still build.</summary>
public sealed class UnusualTextTests
{
    [Fact]
    public void A_title_holding_half_of_a_surrogate_pair_still_builds_and_the_index_shows_a_replacement_character()
    {
        // An emoji cut in half by an editor or a bad paste: "\uD83D" is a valid C# string, but no UTF-8 text.
        var runbook = TestRunbooks.Runbook.Replace(".Title(\"Payments API down\")", ".Title(\"Payments API down \\uD83D\")", StringComparison.Ordinal);
        Assert.Contains("\\uD83D", runbook, StringComparison.Ordinal);
        var compilation = GeneratorHarness.Compile(TestRunbooks.Handbook, runbook);

        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        using var stream = new MemoryStream();
        var emitted = output.Emit(stream);

        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        stream.Position = 0;
        var context = new AssemblyLoadContext("surrogate", isCollectible: true);
        try
        {
            var catalog = (RunbookCatalog)context.LoadFromStream(stream).GetType("RunbookSdk.Generated.GeneratedRunbookCatalog")!
                .GetProperty("Catalog", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
            Assert.Contains("Payments API down \uFFFD", catalog.IndexDocumentation, StringComparison.Ordinal);
        }
        finally
        {
            context.Unload();
        }
    }
}
