using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace RunbookSdk.Validation.Projects;

/// <summary>
/// The MSBuild properties validation cares about, read from the project file and the <c>Directory.Build.props</c>
/// files above it (outermost first, so the nearest wins, as MSBuild imports them). Only literal values and
/// <c>$(Name)</c> references to properties read here are understood: validation does not evaluate MSBuild.
/// </summary>
public sealed partial class ProjectProperties
{
    private readonly Dictionary<string, string> _values;

    private ProjectProperties(Dictionary<string, string> values) => _values = values;

    /// <summary>Reads the properties of <paramref name="projectFile"/>.</summary>
    /// <param name="projectFile">Path of a <c>.csproj</c>.</param>
    /// <exception cref="ValidationInputException">The project file or a <c>Directory.Build.props</c> is not valid XML.</exception>
    public static ProjectProperties Read(string projectFile) => Read(projectFile, new Dictionary<string, string>());

    /// <summary>
    /// Reads the properties of <paramref name="projectFile"/> with MSBuild global properties, such as the
    /// <c>TargetFramework</c> a multi-targeting build gives each of its inner builds: they are seen from the first
    /// <c>Directory.Build.props</c> on, and the files cannot change them.
    /// </summary>
    /// <param name="projectFile">Path of a <c>.csproj</c>.</param>
    /// <param name="globalProperties">The global properties.</param>
    /// <exception cref="ValidationInputException">The project file or a <c>Directory.Build.props</c> is not valid XML.</exception>
    public static ProjectProperties Read(string projectFile, IReadOnlyDictionary<string, string> globalProperties)
    {
        var values = new Dictionary<string, string>(globalProperties, StringComparer.OrdinalIgnoreCase);
        foreach (var file in DirectoryBuildProps(Path.GetDirectoryName(Path.GetFullPath(projectFile))!).Append(projectFile))
        {
            if (string.Equals(file, projectFile, StringComparison.Ordinal)) AddSdkProps(values);
            XDocument document;
            try
            {
                document = XDocument.Load(file, LoadOptions.SetLineInfo);
            }
            catch (System.Xml.XmlException e)
            {
                // MSBuild would refuse it too; read past, it would show up later as a misleading compile error.
                throw new ValidationInputException($"{file}({e.LineNumber},{e.LinePosition}): not a valid MSBuild file: {e.Message}");
            }
            foreach (var group in document.Root?.Elements().Where(e => e.Name.LocalName == "PropertyGroup") ?? [])
            {
                foreach (var property in group.Elements())
                {
                    // A conditional value is usually a default ('$(X)' == ''), which the literal value read so far overrides.
                    if (globalProperties.ContainsKey(property.Name.LocalName)) continue;
                    var condition = property.Attribute("Condition")?.Value;
                    if (condition is not null && !IsEmptyCheckOf(condition, property.Name.LocalName)) continue;
                    if (condition is not null && values.ContainsKey(property.Name.LocalName)) continue;
                    values[property.Name.LocalName] = Expand(property.Value.Trim(), values);
                }
            }
        }

        return new ProjectProperties(values);
    }

    /// <summary>
    /// What the SDK's props set between the <c>Directory.Build.props</c> files and the project for the configuration
    /// validation models (Debug, as <c>dotnet build</c>): <c>DEBUG;TRACE</c> appended to <c>DefineConstants</c>. A project
    /// that sets <c>DefineConstants</c> without <c>$(DefineConstants)</c> replaces them, as in MSBuild.
    /// </summary>
    private static void AddSdkProps(Dictionary<string, string> values) =>
        values["DefineConstants"] = values.TryGetValue("DefineConstants", out var set) && set.Length > 0 ? set + ";DEBUG;TRACE" : "DEBUG;TRACE";

    /// <summary>The value of a property, or null.</summary>
    /// <param name="name">Property name (case-insensitive).</param>
    public string? this[string name] => _values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    /// <summary>Whether a boolean property is <c>true</c>.</summary>
    /// <param name="name">Property name.</param>
    public bool IsTrue(string name) => string.Equals(this[name], "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The diagnostic ids of a list property such as <c>NoWarn</c> (separated by <c>;</c> or <c>,</c>).</summary>
    /// <param name="name">Property name.</param>
    public IReadOnlyList<string> Ids(string name) =>
        (this[name] ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(id => !id.StartsWith("$(", StringComparison.Ordinal))
            .Select(id => id.ToUpperInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    /// <summary>The entries of a list property such as <c>DefineConstants</c> (separated by <c>;</c> or <c>,</c>), case kept.</summary>
    /// <param name="name">Property name.</param>
    public IReadOnlyList<string> List(string name) =>
        (this[name] ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(entry => !entry.StartsWith("$(", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    private static bool IsEmptyCheckOf(string condition, string name) =>
        EmptyCheck().Match(condition) is { Success: true } match && string.Equals(match.Groups[1].Value, name, StringComparison.OrdinalIgnoreCase);

    private static string Expand(string value, Dictionary<string, string> values) =>
        Reference().Replace(value, match => values.TryGetValue(match.Groups[1].Value, out var known) ? known : "");

    private static IEnumerable<string> DirectoryBuildProps(string projectDirectory)
    {
        var found = new List<string>();
        for (var directory = new DirectoryInfo(projectDirectory); directory is not null; directory = directory.Parent)
        {
            var props = Path.Combine(directory.FullName, "Directory.Build.props");
            if (File.Exists(props)) found.Add(props);
        }

        found.Reverse();
        return found;
    }

    [GeneratedRegex(@"^\s*'\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)'\s*==\s*''\s*$")]
    private static partial Regex EmptyCheck();

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)")]
    private static partial Regex Reference();
}
