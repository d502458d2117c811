using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RunbookSdk.Generators;

namespace RunbookSdk.Analyzers.Tests.Infrastructure;

/// <summary>
/// A runbook library as an app's build references it: its source compiled with the real generator (which embeds the
/// parts naming its runbooks and their ids), then emitted.
/// </summary>
internal static class RunbookLibrary
{
    /// <summary>The emitted library named <paramref name="assemblyName"/>; <paramref name="withGenerator"/> false builds it as a project without the generator.</summary>
    public static MetadataReference Emit(string source, string assemblyName = "Shared", bool withGenerator = true)
    {
        Compilation compilation = CSharpCompilation.Create(assemblyName, [CSharpSyntaxTree.ParseText(source)], TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        if (withGenerator) CSharpGeneratorDriver.Create(new RunbookGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out compilation, out _);
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Xunit.Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
