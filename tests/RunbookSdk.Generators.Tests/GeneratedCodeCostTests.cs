using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunbookSdk.Generators.Tests.Support;

namespace RunbookSdk.Generators.Tests;

/// <summary>
/// What the generated code costs the assembly it is compiled into (docs/performance.md): pages must not fill the
/// metadata's 16 MB user-string heap, and a runbook's part is data for the compiler to store, not code to compile.
/// </summary>
public sealed class GeneratedCodeCostTests
{
    [Fact]
    public void Pages_and_outlines_are_embedded_as_attribute_data_not_as_user_strings()
    {
        var compilation = GeneratorHarness.Compile(TestRunbooks.Handbook, TestRunbooks.Runbook);
        var embedOutlines = new Dictionary<string, string> { ["RunbookSdkEmbedOutline"] = "true" };
        var driver = GeneratorHarness.CreateDriver(buildProperties: embedOutlines).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var page = GeneratorHarness.EmbeddedMarkdown(GeneratorHarness.GeneratedSource(driver.GetRunResult(), "Runbook.g.cs"));

        using var assembly = new MemoryStream();
        var emitted = output.Emit(assembly);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        assembly.Position = 0;
        using var pe = new PEReader(assembly);
        var metadata = pe.GetMetadataReader();

        // Every page as a string literal would put it on the user-string heap twice over (UTF-16);
        // thousands of runbooks would then exceed the heap's 16 MB and fail to compile (CS8103).
        var userStrings = metadata.GetHeapSize(HeapIndex.UserString);
        Assert.True(page.Length > 2000, "the test page should be a real page");
        Assert.True(userStrings < page.Length, $"user-string heap is {userStrings} bytes for a {page.Length}-character page");
    }

    [Fact]
    public void Each_part_is_one_assembly_attribute_with_a_type_and_texts_and_no_code()
    {
        var (run, errors) = GeneratorHarness.Run(TestRunbooks.Handbook, TestRunbooks.Runbook);
        Assert.Empty(errors);

        // A runbook: identity, outline (null: not embedded by default) and page; a handbook: identity and page.
        foreach (var (hint, attributeName, texts, literals) in new[] { ("Runbook.g.cs", "GeneratedRunbook", 3, 2), ("Handbook.g.cs", "GeneratedHandbook", 2, 2) })
        {
            var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(GeneratorHarness.GeneratedSource(run, hint)).GetRoot();
            // Nothing the compiler has to bind or emit as code per runbook: no type, no member, no call. A class per
            // runbook, typed binding methods and object initializers cost more to compile than the runbooks
            // themselves, and even one call with UTF-8 literals cost about twice an attribute (docs/performance.md).
            Assert.Empty(root.Members);
            Assert.Empty(root.DescendantNodes().OfType<InvocationExpressionSyntax>());
            var list = Assert.Single(root.AttributeLists);
            Assert.Equal("assembly", list.Target?.Identifier.ValueText);
            var attribute = Assert.Single(list.Attributes);
            Assert.EndsWith("Hosting." + attributeName, attribute.Name.ToString(), StringComparison.Ordinal);
            var arguments = attribute.ArgumentList!.Arguments;
            Assert.IsType<TypeOfExpressionSyntax>(arguments[0].Expression);
            Assert.Equal(literals, arguments.Skip(1).Count(a => a.Expression.IsKind(SyntaxKind.StringLiteralExpression)));
            Assert.Equal(texts + 1, arguments.Count);
        }
    }
}
