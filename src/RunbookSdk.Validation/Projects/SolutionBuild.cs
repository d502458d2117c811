namespace RunbookSdk.Validation.Projects;

/// <summary>What <c>dotnet build</c> of a solution builds: the solution configuration it picks and the projects that configuration builds.</summary>
/// <param name="Solution">The solution file's name, for messages.</param>
/// <param name="Configuration">The solution configuration built, such as <c>Debug|Any CPU</c>.</param>
/// <param name="ListedProjects">How many C# projects the solution lists, built or not.</param>
/// <param name="Projects">The projects the configuration builds, each with its global properties.</param>
internal sealed record SolutionBuild(string Solution, string Configuration, int ListedProjects, IReadOnlyList<SolutionProject> Projects)
{
    /// <summary>
    /// Why the build of the solution builds nothing, or null when it builds a project: the configuration names no
    /// project to build (no <c>.Build.0</c> line in a <c>.sln</c>, <c>Build Project="false"</c> in a <c>.slnx</c>), or
    /// the solution lists none. <c>dotnet build</c> then succeeds with only "Unable to find a project to restore!".
    /// </summary>
    public string? NothingBuiltReason
    {
        get
        {
            if (Projects.Count > 0) return null;
            if (ListedProjects == 0) return $"{Solution} lists no C# project, so dotnet build {Solution} builds nothing.";
            var why = Solution.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase)
                ? "each of its projects has <Build Project=\"false\" /> for it"
                : "no project has a .Build.0 line for it in ProjectConfigurationPlatforms";
            return $"{Solution} builds no project in its configuration '{Configuration}': {why}, so dotnet build {Solution} builds "
                + "nothing (\"Unable to find a project to restore!\"). Let the configuration build the runbook projects, or validate another with -c.";
        }
    }
}
