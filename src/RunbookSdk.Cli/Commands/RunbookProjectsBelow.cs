namespace RunbookSdk.Cli.Commands;

/// <summary>
/// The runbook projects in the folders below a folder that holds no project file, to name in the error. A repository
/// made by <c>dotnet new runbook-project</c> keeps its app in <c>src/NAME</c>: <c>runbook run . ID</c> at its root
/// (the page says to run it in the app's folder) answered only "'.' holds no project file", which did not say where
/// the project is.
/// </summary>
internal static class RunbookProjectsBelow
{
    // src/NAME/NAME.csproj is two levels down; a repository's deeper folders are rarely runbook apps, and its
    // build output and dependencies are large.
    private const int MaxDepth = 3;

    private const int MaxShown = 5;

    /// <summary>
    /// The folders below <paramref name="directory"/> that hold a project referencing the <c>RunbookSdk</c> package, else
    /// (none does: a checkout that imports the SDK from source) every folder holding a project; at most five, as paths
    /// a command line can take from the current folder, in ordinal order.
    /// </summary>
    /// <param name="directory">The full path of a folder that holds no project file itself.</param>
    public static IReadOnlyList<string> Find(string directory)
    {
        var projects = new List<string>();
        Collect(directory, 1, projects);
        var runbookApps = projects.Where(ReferencesTheSdk).ToList();
        return (runbookApps.Count > 0 ? runbookApps : projects)
            .Select(p => Shown(Path.GetDirectoryName(p)!))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Take(MaxShown)
            .ToList();
    }

    private static void Collect(string directory, int depth, List<string> projects)
    {
        if (depth > MaxDepth) return;
        IEnumerable<string> children;
        try
        {
            children = Directory.EnumerateDirectories(directory).ToList();
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return;
        }

        foreach (var child in children)
        {
            var name = Path.GetFileName(child);
            if (name.StartsWith('.') || name is "bin" or "obj" or "node_modules" or "artifacts") continue;
            try
            {
                projects.AddRange(Directory.EnumerateFiles(child, "*.csproj"));
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                continue;
            }

            Collect(child, depth + 1, projects);
        }
    }

    // A consumer's runbook app has <PackageReference Include="RunbookSdk" />; its test project references the app instead.
    private static bool ReferencesTheSdk(string project)
    {
        try
        {
            return File.ReadAllText(project).Contains("Include=\"RunbookSdk\"", StringComparison.OrdinalIgnoreCase);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return false;
        }
    }

    // Relative to the current folder, as the user typed the folder; absolute when it is not below it.
    private static string Shown(string folder)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, folder);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? folder : relative.Replace('\\', '/');
    }
}
