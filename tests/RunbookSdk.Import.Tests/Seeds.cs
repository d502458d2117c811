namespace RunbookSdk.Import.Tests;

/// <summary>The five real markdown runbooks the importer is built for (../shared/seeds), and the inputs written for these tests.</summary>
internal static class Seeds
{
    public static string RepositoryRoot { get; } = FindRepository();

    /// <summary>The seed documents; the folder sits beside the repository on the machines this project is built on.</summary>
    public static string Directory { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "seeds"));

    public static IEnumerable<string> Files => System.IO.Directory.Exists(Directory)
        ? System.IO.Directory.GetFiles(Directory, "*.txt").Order(StringComparer.Ordinal)
        : [];

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var file in Files) data.Add(Path.GetFileName(file));
        return data;
    }

    public static string Path_(string name) => Path.Combine(Directory, name);

    public static string InputsDirectory => Path.Combine(AppContext.BaseDirectory, "Inputs");

    public static TheoryData<string> InputNames()
    {
        var data = new TheoryData<string>();
        foreach (var file in System.IO.Directory.GetFiles(InputsDirectory, "*.md").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(file));
        return data;
    }

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RunbookSdk.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("RunbookSdk.sln not found above " + AppContext.BaseDirectory);
    }
}
