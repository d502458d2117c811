using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunbookSdk.Generators.Tests.Support;

namespace RunbookSdk.Generators.Tests;

/// <summary>
/// What the generated code costs the assembly it is compiled into (docs/performance.md): pages must not fill the
/// metadata's 16 MB user-string heap, and each descriptor compiles in a class of its own.
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
    public void Each_descriptor_has_a_class_of_its_own_so_the_compiler_builds_them_in_parallel()
    {
        var (run, errors) = GeneratorHarness.Run(TestRunbooks.Handbook, TestRunbooks.Runbook);
        Assert.Empty(errors);

        foreach (var (hint, member) in new[] { ("Runbook.g.cs", "Payments_ApiDown"), ("Handbook.g.cs", "Payments_PaymentsHandbook") })
        {
            var root = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(GeneratorHarness.GeneratedSource(run, hint)).GetRoot();
            var part = Assert.Single(root.DescendantNodes().OfType<ClassDeclarationSyntax>(), c => c.Identifier.ValueText == member);
            Assert.Equal("RunbookSdk.Generated.Descriptors", ((BaseNamespaceDeclarationSyntax)part.Parent!).Name.ToString());
            Assert.Contains(part.Members.OfType<FieldDeclarationSyntax>(), f => f.Declaration.Variables.Single().Identifier.ValueText == "Value");
        }
    }
}
