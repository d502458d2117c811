namespace RunbookSdk.Generators.Tests.Support;

/// <summary>The projects in samples/: the runbooks as the product's users are shown to write them.</summary>
internal static class SampleProjects
{
    // What <ImplicitUsings>enable</ImplicitUsings> adds to the samples' console projects.
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
    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (var directory in Directory.GetDirectories(Root()).Order(StringComparer.Ordinal))
        {
            if (Directory.EnumerateFiles(directory, "*.csproj").Any()) names.Add(Path.GetFileName(directory));
        }

        return names;
    }

    /// <summary>A sample's own sources (not its build output, nor a project nested in it) and its implicit usings.</summary>
    public static string[] Sources(string sample)
    {
        var directory = Path.Combine(Root(), sample);
        return Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(path => BelongsTo(directory, path))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .Append(ImplicitUsings)
            .ToArray();
    }

    private static bool BelongsTo(string root, string path)
    {
        for (var directory = Path.GetDirectoryName(path); directory is not null && directory.Length > root.Length; directory = Path.GetDirectoryName(directory))
        {
            var name = Path.GetFileName(directory);
            if (name is "obj" or "bin" || Directory.EnumerateFiles(directory, "*.csproj").Any()) return false;
        }

        return true;
    }

    private static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RunbookSdk.sln"))) return Path.Combine(directory.FullName, "samples");
        }

        throw new InvalidOperationException($"No RunbookSdk.sln above {AppContext.BaseDirectory}.");
    }
}
