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
/// metadata's 16 MB user-string heap, and a runbook's part gives the compiler one call to bind, not code.
/// </summary>
public sealed class GeneratedCodeCostTests
{
    [Fact]
    public void Pages_and_outlines_are_embedded_as_utf8_data_not_as_user_strings()
    {
        var compilation = GeneratorHarness.Compile(TestRunbooks.Handbook, TestRunbooks.Runbook);
        var driver = GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
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
    public void Each_part_is_one_catalog_property_handing_the_runtime_a_type_and_literals()
    {
        var (run, errors) = GeneratorHarness.Run(TestRunbooks.Handbook, TestRunbooks.Runbook);
        Assert.Empty(errors);

        foreach (var (hint, member, literals) in new[] { ("Runbook.g.cs", "Payments_ApiDown", 3), ("Handbook.g.cs", "Payments_PaymentsHandbook", 2) })
        {
            var root = CSharpSyntaxTree.ParseText(GeneratorHarness.GeneratedSource(run, hint)).GetRoot();
            // Nothing the compiler has to bind per runbook beyond one call: no class, no method, no initializer.
            // A class per runbook, typed binding methods and object initializers cost more to compile than the
            // runbooks themselves; initializers would also pile up in one static constructor (docs/performance.md).
            var type = Assert.Single(root.DescendantNodes().OfType<TypeDeclarationSyntax>());
            Assert.Equal("GeneratedRunbookCatalog", type.Identifier.ValueText);
            var property = Assert.IsType<PropertyDeclarationSyntax>(Assert.Single(type.Members));
            Assert.Equal(member, property.Identifier.ValueText);
            Assert.Null(property.Initializer);
            var call = Assert.IsType<InvocationExpressionSyntax>(property.ExpressionBody?.Expression);
            Assert.EndsWith("GeneratedDescriptors." + (hint.StartsWith("Runbook", StringComparison.Ordinal) ? "Runbook" : "Handbook"), call.Expression.ToString(), StringComparison.Ordinal);
            Assert.IsType<TypeOfExpressionSyntax>(call.ArgumentList.Arguments[0].Expression);
            Assert.Equal(literals, call.ArgumentList.Arguments.Skip(1).Count(a => a.Expression.IsKind(SyntaxKind.Utf8StringLiteralExpression)));
            Assert.Equal(literals + 1, call.ArgumentList.Arguments.Count);
        }
    }
}
