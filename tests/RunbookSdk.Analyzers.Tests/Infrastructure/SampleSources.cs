using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RunbookSdk.Analyzers.Tests.Infrastructure;

/// <summary>The samples (samples/NAME/**/*.cs) as a compilation like their build's: sources, implicit usings, nullable on.</summary>
internal static class SampleSources
{
    // What <ImplicitUsings>enable</ImplicitUsings> adds to a console project.
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    /// <summary>The names of the sample projects.</summary>
    public static IEnumerable<string> Names() =>
        Directory.GetDirectories(Root())
            .Where(directory => Directory.EnumerateFiles(directory, "*.csproj").Any())
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)!;

    /// <summary>The sample compiled as its project compiles it (without the generator); trees are named by relative path.</summary>
    public static CSharpCompilation Compilation(string sample)
    {
        var directory = Path.Combine(Root(), sample);
        var trees = Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(directory, path))
            .Order(StringComparer.Ordinal)
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), path: Path.GetRelativePath(directory, path)))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, path: "GlobalUsings.g.cs"));
        return CSharpCompilation.Create(sample, trees, TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>Build output, or a file of another project nested in the sample (the Sandbox's service).</summary>
    private static bool IsBuildOutput(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
        if (relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal)) return true;
        for (var directory = Path.GetDirectoryName(path); directory is not null && directory.Length > root.Length; directory = Path.GetDirectoryName(directory))
        {
            if (Directory.EnumerateFiles(directory, "*.csproj").Any()) return true;
        }

        return false;
    }

    private static string Root() => Path.Combine(Shipped.RepositoryRoot, "samples");
}
