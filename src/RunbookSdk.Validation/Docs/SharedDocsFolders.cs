namespace RunbookSdk.Validation.Docs;

/// <summary>
/// Projects whose pages go to one docs folder (a <c>RunbookSdkDocsDirectory</c> set once in a repository's
/// <c>Directory.Build.props</c>). Each project's docs step writes its own pages and deletes every generated page it
/// does not produce, the other projects' included, and each writes its own <c>index.md</c>: whichever built last wins,
/// and the folder is never current for the others. Each page finding then sent the author to a command that undid
/// another project's pages; one finding per project names the projects that share the folder.
/// </summary>
internal static class SharedDocsFolders
{
    /// <summary><paramref name="projects"/>, each one that shares its docs folder with another with a finding that says so.</summary>
    /// <param name="projects">The validated projects.</param>
    public static IReadOnlyList<ProjectResult> Flag(IReadOnlyList<ProjectResult> projects)
    {
        var shared = projects.Where(p => p.Docs.Checked)
            .GroupBy(p => p.Docs.Directory, StringComparer.Ordinal)
            .Where(g => g.Select(p => p.ProjectFile).Distinct(StringComparer.Ordinal).Count() > 1)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        if (shared.Count == 0) return projects;

        return projects.Select(project =>
        {
            if (!project.Docs.Checked || !shared.TryGetValue(project.Docs.Directory, out var sharing)) return project;
            var others = sharing.Where(p => p.ProjectFile != project.ProjectFile).Select(p => p.Name).ToArray();
            var finding = new Finding(Finding.StaleDocsRule, FindingLevel.Error,
                $"{project.Name} writes its pages to {project.Docs.Directory}, as {string.Join(", ", others)} also {(others.Length == 1 ? "does" : "do")}: "
                + "each project's docs step deletes the generated pages it does not produce and writes its own index.md, so the folder is never current "
                + "for all of them; give each project its own RunbookSdkDocsDirectory "
                + "(<RunbookSdkDocsDirectory>$(MSBuildThisFileDirectory)docs/runbooks/$(MSBuildProjectName)</RunbookSdkDocsDirectory> in a Directory.Build.props).",
                project.ProjectFile, 1, 1, project.Name, null);
            return project with { Findings = [finding, .. project.Findings] };
        }).ToArray();
    }
}
