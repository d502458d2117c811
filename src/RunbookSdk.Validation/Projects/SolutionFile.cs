using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace RunbookSdk.Validation.Projects;

/// <summary>A project a solution lists, with the global properties a build of the solution gives it.</summary>
/// <param name="ProjectFile">Full path of the project file.</param>
/// <param name="GlobalProperties">Its <c>Configuration</c> and <c>Platform</c> as the solution maps them, and the build's other global properties.</param>
internal sealed record SolutionProject(string ProjectFile, IReadOnlyDictionary<string, string> GlobalProperties);

/// <summary>
/// Reads a solution (<c>.sln</c> or <c>.slnx</c>) as <c>dotnet build x.sln [-c C]</c> does: the projects the solution
/// configuration builds, and for each the configuration and platform it maps it to. A <c>.sln</c> builds a project
/// only with a <c>{GUID}.Debug|Any CPU.Build.0</c> line for the solution configuration (a solution without those
/// lines builds nothing); a <c>.slnx</c> builds every project but one whose <c>&lt;Build Project="false" /&gt;</c>
/// applies to it. The solution configuration is
/// <c>-c</c>'s, else the solution's default (<c>Debug</c> when it has one, else its first); its platform is
/// <c>Any CPU</c> when the solution has it, else its first. A project the solution does not map is built in the
/// solution configuration, with <c>Any CPU</c> written <c>AnyCPU</c>, as MSBuild passes it.
/// </summary>
internal static partial class SolutionFile
{
    private const string AnyCpu = "Any CPU";

    /// <summary>The projects <paramref name="solution"/> builds, each with its global properties, and the configuration it builds.</summary>
    /// <param name="solution">The solution as given (for messages).</param>
    /// <param name="globalProperties">The build's global properties (<c>Configuration</c> from <c>-c</c>).</param>
    /// <exception cref="ValidationInputException">A project it builds does not exist (MSB3202 in the build; one it
    /// does not build may be missing), or an <c>.slnx</c> is not valid XML.</exception>
    public static SolutionBuild Read(string solution, IReadOnlyDictionary<string, string> globalProperties)
    {
        var full = Path.GetFullPath(solution);
        var build = Path.GetExtension(full).Equals(".slnx", StringComparison.OrdinalIgnoreCase)
            ? Slnx(full, globalProperties)
            : Sln(full, globalProperties);
        if (build.Projects.FirstOrDefault(p => !File.Exists(p.ProjectFile)) is { } missing)
            throw new ValidationInputException($"'{solution}' lists '{Path.GetRelativePath(Path.GetDirectoryName(full)!, missing.ProjectFile)}', which does not exist.");
        return build;
    }

    private static SolutionBuild Sln(string solution, IReadOnlyDictionary<string, string> globalProperties)
    {
        var directory = Path.GetDirectoryName(solution)!;
        var text = File.ReadAllText(solution);
        var configurations = SolutionConfigurationSection().Match(text) is { Success: true } section
            ? SolutionConfigurationLine().Matches(section.Groups[1].Value).Select(m => m.Groups[1].Value.Trim()).ToArray()
            : [];
        var (configuration, platform) = Chosen(
            configurations.Select(c => c.Split('|')[0].Trim()), configurations.Select(c => c.Split('|').ElementAtOrDefault(1)?.Trim() ?? AnyCpu), globalProperties);
        var mapped = ProjectConfigurationLine().Matches(text)
            .GroupBy(m => (m.Groups[1].Value.ToUpperInvariant(), m.Groups[2].Value.Trim().ToUpperInvariant()))
            .ToDictionary(g => g.Key, g => g.Last().Groups[3].Value.Trim());
        var built = ProjectBuildLine().Matches(text)
            .Select(m => (m.Groups[1].Value.ToUpperInvariant(), m.Groups[2].Value.Trim().ToUpperInvariant()))
            .ToHashSet();
        var solutionConfiguration = $"{configuration}|{platform}".ToUpperInvariant();

        var projects = new List<SolutionProject>();
        var listed = 0;
        foreach (Match match in SolutionProjectLine().Matches(text))
        {
            var relative = match.Groups[1].Value.Replace('\\', Path.DirectorySeparatorChar);
            if (!relative.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)) continue;
            listed++;
            // No ".Build.0" line for the solution configuration: dotnet build x.sln skips the project.
            var guid = match.Groups[2].Value.ToUpperInvariant();
            if (!built.Contains((guid, solutionConfiguration))) continue;
            var projectConfiguration = (configuration, platform);
            if (mapped.TryGetValue((guid, solutionConfiguration), out var active))
                projectConfiguration = (active.Split('|')[0].Trim(), active.Split('|').ElementAtOrDefault(1)?.Trim() ?? platform);
            projects.Add(new SolutionProject(Path.Combine(directory, relative), Globals(globalProperties, projectConfiguration)));
        }

        return new SolutionBuild(Path.GetFileName(solution), $"{configuration}|{platform}", listed, projects);
    }

    private static SolutionBuild Slnx(string solution, IReadOnlyDictionary<string, string> globalProperties)
    {
        var directory = Path.GetDirectoryName(solution)!;
        XDocument document;
        try
        {
            document = XDocument.Load(solution, LoadOptions.SetLineInfo);
        }
        catch (System.Xml.XmlException e)
        {
            throw new ValidationInputException($"{solution}({e.LineNumber},{e.LinePosition}): not a valid solution file: {e.Message}");
        }

        // Without <Configurations>, a .slnx solution has Debug and Release, and Any CPU.
        var declared = document.Root?.Elements().FirstOrDefault(e => e.Name.LocalName == "Configurations");
        var buildTypes = Names(declared, "BuildType", ["Debug", "Release"]);
        var platforms = Names(declared, "Platform", [AnyCpu]);
        var (configuration, platform) = Chosen(buildTypes, platforms, globalProperties);

        var projects = new List<SolutionProject>();
        var listed = 0;
        foreach (var project in document.Descendants().Where(e => e.Name.LocalName == "Project"
            && e.Attribute("Path")?.Value.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) == true))
        {
            listed++;
            // A rule's Solution attribute ("Debug|*", "*|x64"; none for every one) picks the solution configurations it
            // maps: <BuildType Project="Release" />, <Platform Project="x64" />, <Build Project="false" />.
            string? Mapped(string rule) => project.Elements()
                .Where(e => e.Name.LocalName == rule && Applies(e.Attribute("Solution")?.Value, configuration, platform))
                .Select(e => e.Attribute("Project")?.Value.Trim())
                .LastOrDefault(value => !string.IsNullOrEmpty(value));
            if (string.Equals(Mapped("Build"), "false", StringComparison.OrdinalIgnoreCase)) continue;
            var path = Path.Combine(directory, project.Attribute("Path")!.Value.Replace('\\', Path.DirectorySeparatorChar));
            projects.Add(new SolutionProject(path, Globals(globalProperties, (Mapped("BuildType") ?? configuration, Mapped("Platform") ?? platform))));
        }

        return new SolutionBuild(Path.GetFileName(solution), $"{configuration}|{platform}", listed, projects);
    }

    private static IReadOnlyList<string> Names(XElement? configurations, string kind, IReadOnlyList<string> defaults)
    {
        var names = configurations?.Elements().Where(e => e.Name.LocalName == kind).Select(e => e.Attribute("Name")?.Value.Trim()).OfType<string>().ToArray() ?? [];
        return names.Length > 0 ? names : defaults;
    }

    private static bool Applies(string? pattern, string configuration, string platform)
    {
        if (string.IsNullOrWhiteSpace(pattern)) return true;
        var parts = pattern.Split('|');
        return Part(parts[0], configuration) && (parts.Length < 2 || Part(parts[1], platform));

        static bool Part(string part, string value) => part.Trim() == "*" || part.Trim().Equals(value, StringComparison.OrdinalIgnoreCase)
            || (part.Trim().Replace(" ", "", StringComparison.Ordinal).Equals(value.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The solution configuration built: <c>-c</c>'s, else Debug when listed, else the first; Any CPU when listed, else the first platform.</summary>
    private static (string Configuration, string Platform) Chosen(IEnumerable<string> configurations, IEnumerable<string> platforms, IReadOnlyDictionary<string, string> globalProperties)
    {
        var names = configurations.Where(n => n.Length > 0).ToArray();
        var configuration = globalProperties.TryGetValue("Configuration", out var given) && given.Length > 0 ? given
            : names.FirstOrDefault(n => n.Equals("Debug", StringComparison.OrdinalIgnoreCase)) ?? names.FirstOrDefault() ?? "Debug";
        var platformNames = platforms.Where(n => n.Length > 0).ToArray();
        var platform = globalProperties.TryGetValue("Platform", out var givenPlatform) && givenPlatform.Length > 0 ? givenPlatform
            : platformNames.FirstOrDefault(n => n.Equals(AnyCpu, StringComparison.OrdinalIgnoreCase)) ?? platformNames.FirstOrDefault() ?? AnyCpu;
        return (configuration, platform);
    }

    // MSBuild passes a project "Any CPU" as AnyCPU, the name projects test in '$(Platform)' conditions.
    private static Dictionary<string, string> Globals(IReadOnlyDictionary<string, string> globalProperties, (string Configuration, string Platform) project) =>
        new(globalProperties, StringComparer.OrdinalIgnoreCase)
        {
            ["Configuration"] = project.Configuration,
            ["Platform"] = project.Platform.Equals(AnyCpu, StringComparison.OrdinalIgnoreCase) ? "AnyCPU" : project.Platform,
        };

    [GeneratedRegex(@"^Project\(""\{[^}]+\}""\)\s*=\s*""[^""]*""\s*,\s*""([^""]+)""\s*,\s*""(\{[^}]+\})""", RegexOptions.Multiline)]
    private static partial Regex SolutionProjectLine();

    [GeneratedRegex(@"GlobalSection\(SolutionConfigurationPlatforms\)[^\n]*\n(.*?)EndGlobalSection", RegexOptions.Singleline)]
    private static partial Regex SolutionConfigurationSection();

    [GeneratedRegex(@"^\s*([^=\r\n]+?)\s*=", RegexOptions.Multiline)]
    private static partial Regex SolutionConfigurationLine();

    [GeneratedRegex(@"^\s*(\{[0-9A-Fa-f-]+\})\.(.+)\.ActiveCfg\s*=\s*([^\r\n]+?)\s*$", RegexOptions.Multiline)]
    private static partial Regex ProjectConfigurationLine();

    [GeneratedRegex(@"^\s*(\{[0-9A-Fa-f-]+\})\.(.+)\.Build\.0\s*=", RegexOptions.Multiline)]
    private static partial Regex ProjectBuildLine();
}
