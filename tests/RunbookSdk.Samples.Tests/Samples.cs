using System.Reflection;
using RunbookSdk.Hosting;

namespace RunbookSdk.Samples.Tests;

/// <summary>The sample projects under test: their generated catalogs and where their folders are.</summary>
public static class Samples
{
    /// <summary>Samples written from a seed document, paired with it.</summary>
    public static readonly IReadOnlyDictionary<string, string> Seeds = new Dictionary<string, string>
    {
        ["Omnix"] = "000_d24ad1a1dd102e95.txt",
        ["OmniNodeBridge"] = "001_8bf044b7223fad8d.txt",
        ["AuraConnect"] = "002_4c80bbf541045bac.txt",
        ["MacroAi"] = "003_40fdce1c872e0ea6.txt",
        ["ModAx"] = "004_49d6c21f06a075a3.txt",
    };

    /// <summary>Every sample app: each folder samples/NAME holding NAME.csproj (all are referenced by this project).</summary>
    public static TheoryData<string> Names => new(
        System.IO.Directory.GetDirectories(SamplesDirectory)
            .Where(d => File.Exists(Path.Combine(d, Path.GetFileName(d) + ".csproj")))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)!);

    public static RunbookCatalog Catalog(string sample)
    {
        // The catalog is internal to the sample app, as it is in every runbook project.
        var type = Assembly.Load(sample).GetType("RunbookSdk.Generated.GeneratedRunbookCatalog", throwOnError: true)!;
        return (RunbookCatalog)type.GetProperty("Catalog", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
    }

    public static string Directory(string sample) => Path.GetFullPath(Path.Combine(SamplesDirectory, sample));

    public static string SeedPath(string sample) => Path.GetFullPath(Path.Combine(SamplesDirectory, "..", "..", "shared", "seeds", Seeds[sample]));

    private static string SamplesDirectory => typeof(Samples).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "SamplesDirectory").Value!;
}
