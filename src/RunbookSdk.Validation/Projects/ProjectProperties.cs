using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace RunbookSdk.Validation.Projects;

/// <summary>
/// The MSBuild properties validation cares about, read as MSBuild imports them: the nearest <c>Directory.Build.props</c>
/// above the project (with the <c>.props</c> files it imports), the project file, then the nearest
/// <c>Directory.Build.targets</c>. Only literal values and
/// <c>$(Name)</c> references to properties read here or to the reserved ones known from where the files are
/// (<see cref="MsBuildReservedProperties"/>) are understood, and conditions of the common forms
/// (<see cref="MsBuildCondition"/>): validation does not evaluate MSBuild.
/// </summary>
public sealed partial class ProjectProperties
{
    private static readonly HashSet<string> ModelledProperties = new(["Configuration", "Platform", "TargetFramework", "TargetFrameworks"], StringComparer.OrdinalIgnoreCase);

    private readonly Dictionary<string, string> _values;

    private ProjectProperties(Dictionary<string, string> values, string projectFile, ImportChain props, ImportChain targets)
    {
        _values = values;
        ProjectFile = projectFile;
        PropsFiles = props.Files;
        TargetsFiles = targets.Files;
        SkippedImports = props.Skipped || targets.Skipped || ProjectImports(projectFile);
    }

    /// <summary>Full path of the project file read.</summary>
    internal string ProjectFile { get; }

    /// <summary>The nearest <c>Directory.Build.props</c> and the files it imports, in the order MSBuild reads them (before the project).</summary>
    internal IReadOnlyList<string> PropsFiles { get; }

    /// <summary>The nearest <c>Directory.Build.targets</c> and the files it imports, in the order MSBuild reads them (after the project).</summary>
    internal IReadOnlyList<string> TargetsFiles { get; }

    /// <summary>
    /// Whether an <c>Import</c> was not followed (a form not understood, a <c>.targets</c> file, any import in the
    /// project file itself): items and properties may come from a file not read here.
    /// </summary>
    internal bool SkippedImports { get; }

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
        var propsChain = new ImportChain();
        var targetsChain = new ImportChain();
        if (NearestAbove(Path.GetDirectoryName(Path.GetFullPath(projectFile))!, "Directory.Build.props") is { } props)
            ReadFile(props, projectFile, values, globalProperties, propsChain);
        AddSdkProps(values);
        ReadFile(projectFile, projectFile, values, globalProperties, chain: null);

        AddSdkTargets(values);
        // Microsoft.Common.targets imports the nearest Directory.Build.targets after the SDK added the configuration's
        // symbol and before the compiler runs: a NoWarn or WarningsAsErrors set there is the build's.
        if (NearestAbove(Path.GetDirectoryName(Path.GetFullPath(projectFile))!, "Directory.Build.targets") is { } targets)
            ReadFile(targets, projectFile, values, globalProperties, targetsChain);
        return new ProjectProperties(values, Path.GetFullPath(projectFile), propsChain, targetsChain);
    }

    /// <summary>
    /// Whether <paramref name="condition"/> holds with the properties' final values, as MSBuild evaluates item
    /// conditions (after every property), or null when it is not a form understood here.
    /// </summary>
    /// <param name="condition">A <c>Condition</c> attribute's text.</param>
    internal bool? Evaluate(string condition) => Evaluate(condition, _values);

    /// <summary>A property's value as <c>$(Name)</c> expands it (empty when unset and modelled), or null when not known here.</summary>
    /// <param name="name">Property name.</param>
    internal string? Expansion(string name) => _values.TryGetValue(name, out var value) ? value : ModelledProperties.Contains(name) ? "" : null;

    /// <summary>The files one <c>Directory.Build.*</c> file brings in, and whether one of its imports was not followed.</summary>
    private sealed class ImportChain
    {
        public HashSet<string> Read { get; } = new(StringComparer.Ordinal);
        public List<string> Files { get; } = [];
        public bool Skipped { get; set; }
    }

    private static bool ProjectImports(string projectFile)
    {
        try
        {
            return XDocument.Load(projectFile).Root?.Elements().Any(e => e.Name.LocalName == "Import") == true;
        }
        catch (System.Xml.XmlException)
        {
            return false;
        }
    }

    /// <summary>
    /// Whether a property's condition holds. One not understood here counts only when it is a default for the
    /// property itself ('$(X)' == '') that nothing set yet; any other is left out.
    /// </summary>
    private static bool Holds(string condition, string name, Dictionary<string, string> values) =>
        Evaluate(condition, values) ?? (IsEmptyCheckOf(condition, name) && !values.ContainsKey(name));

    // The properties validation models are known even when unset (empty, as MSBuild reads them: Configuration in a
    // Directory.Build.props of a plain `dotnet build`); another property nothing set may be the environment's or the
    // SDK's, so a condition reading it is not understood.
    private static bool? Evaluate(string condition, Dictionary<string, string> values) =>
        MsBuildCondition.Evaluate(condition, name => values.TryGetValue(name, out var value) ? value : ModelledProperties.Contains(name) ? "" : null);

    /// <summary>
    /// What the SDK's props set between the <c>Directory.Build.props</c> files and the project: <c>Configuration</c>
    /// <c>Debug</c> and <c>Platform</c> <c>AnyCPU</c> unless given (<c>dotnet build</c> without <c>-c</c> builds Debug),
    /// and <c>TRACE</c> appended to <c>DefineConstants</c>, so a project that sets <c>DefineConstants</c> without
    /// <c>$(DefineConstants)</c> drops <c>TRACE</c>, as in MSBuild.
    /// </summary>
    private static void AddSdkProps(Dictionary<string, string> values)
    {
        if (!values.TryGetValue("Configuration", out var configuration) || configuration.Length == 0) values["Configuration"] = "Debug";
        if (!values.TryGetValue("Platform", out var platform) || platform.Length == 0) values["Platform"] = "AnyCPU";
        values["DefineConstants"] = values.TryGetValue("DefineConstants", out var set) && set.Length > 0 ? set + ";TRACE" : "TRACE";
    }

    /// <summary>
    /// What the SDK's targets add after the project: the configuration's own symbol (<c>DEBUG</c>, <c>RELEASE</c>; the
    /// name upper-cased, <c>-</c>, <c>.</c> and spaces made <c>_</c>) unless <c>DisableImplicitConfigurationDefines</c>,
    /// so a project cannot drop it by setting <c>DefineConstants</c>.
    /// </summary>
    private static void AddSdkTargets(Dictionary<string, string> values)
    {
        if (values.TryGetValue("DisableImplicitConfigurationDefines", out var disabled) && disabled.Equals("true", StringComparison.OrdinalIgnoreCase)) return;
        var symbol = values["Configuration"].ToUpperInvariant().Replace('-', '_').Replace('.', '_').Replace(' ', '_');
        values["DefineConstants"] = values["DefineConstants"] + ";" + symbol;
    }

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

    // $(MSBuildThisFileDirectory) and $(MSBuildProjectDirectory) are known from where the files are: an output folder
    // written with them (the usual form in a Directory.Build.props) was read as "/out/", and its files compiled.
    private static string Expand(string value, Dictionary<string, string> values, string file, string projectFile) =>
        Reference().Replace(value, match => MsBuildReservedProperties.Value(match.Groups[1].Value, Path.GetFullPath(file), Path.GetFullPath(projectFile))
            ?? (values.TryGetValue(match.Groups[1].Value, out var known) ? known : ""));

    /// <summary>
    /// Reads the property groups of one file in document order. In a <c>Directory.Build.props</c> or <c>.targets</c>
    /// (a <paramref name="chain"/> to record them in) an <c>Import</c> of another <c>.props</c> file is read where it stands: the
    /// usual chain to the one above (<c>$([MSBuild]::GetPathOfFileAbove('Directory.Build.props', '$(MSBuildThisFileDirectory)../'))</c>)
    /// or <c>$([MSBuild]::GetDirectoryNameOfFileAbove(...))/Directory.Build.props</c>,
    /// or a path relative to the file. An import not resolved here is skipped, as before.
    /// </summary>
    private static void ReadFile(string file, string projectFile, Dictionary<string, string> values, IReadOnlyDictionary<string, string> globalProperties, ImportChain? chain)
    {
        var followImports = chain is not null;
        if (chain is not null)
        {
            if (!chain.Read.Add(Path.GetFullPath(file))) return;
            chain.Files.Add(Path.GetFullPath(file));
        }

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
        foreach (var element in document.Root?.Elements() ?? [])
        {
            if (followImports && element.Name.LocalName == "Import")
            {
                if (element.Attribute("Condition")?.Value is { } importCondition && Evaluate(importCondition, values) == false) continue;
                if (ImportedProps(file, element.Attribute("Project")?.Value, out var understood) is { } imported)
                    ReadFile(imported, projectFile, values, globalProperties, chain);
                else if (!understood)
                    chain!.Skipped = true;
                continue;
            }

            if (element.Name.LocalName != "PropertyGroup") continue;
            // A group under a condition understood here ('$(Configuration)' == 'Release') counts only when it holds;
            // one not understood is read, as before conditions were evaluated.
            if (element.Attribute("Condition")?.Value is { } groupCondition && Evaluate(groupCondition, values) == false) continue;
            foreach (var property in element.Elements())
            {
                if (globalProperties.ContainsKey(property.Name.LocalName)) continue;
                if (property.Attribute("Condition")?.Value is { } condition && !Holds(condition, property.Name.LocalName, values)) continue;
                values[property.Name.LocalName] = Expand(property.Value.Trim(), values, file, projectFile);
            }
        }
    }

    /// <summary>The <c>.props</c> file an <c>Import</c> in <paramref name="importingFile"/> names, when it can be told without MSBuild.</summary>
    /// <param name="importingFile">The file holding the <c>Import</c>.</param>
    /// <param name="project">Its <c>Project</c> attribute.</param>
    /// <param name="understood">False when the import is in a form not followed here (so it may well bring in a file).</param>
    private static string? ImportedProps(string importingFile, string? project, out bool understood)
    {
        understood = true;
        if (string.IsNullOrWhiteSpace(project)) return null;
        var directory = Path.GetDirectoryName(Path.GetFullPath(importingFile))!;
        var withThisFile = project.Trim()
            .Replace("$(MSBuildThisFileDirectory)", directory + Path.DirectorySeparatorChar, StringComparison.OrdinalIgnoreCase);
        if (GetPathOfFileAbove().Match(withThisFile) is { Success: true } above)
        {
            return FileAbove(Path.GetFullPath(Path.Combine(directory, above.Groups["start"].Value.Replace('\\', Path.DirectorySeparatorChar))), above.Groups["file"].Value);
        }
        if (GetDirectoryNameOfFileAbove().Match(withThisFile) is { Success: true } directoryAbove)
        {
            // The other common chain: the folder holding the file above, then the file's name joined to it.
            var start = Path.GetFullPath(Path.Combine(directory, directoryAbove.Groups["start"].Value.Replace('\\', Path.DirectorySeparatorChar)));
            var found = FileAbove(start, directoryAbove.Groups["file"].Value);
            if (found is null) return null;
            var joined = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(found)!, directoryAbove.Groups["rest"].Value.TrimStart('/', '\\').Replace('\\', Path.DirectorySeparatorChar)));
            return File.Exists(joined) ? joined : null;
        }
        if (withThisFile.Contains("$(", StringComparison.Ordinal) || withThisFile.Contains('*', StringComparison.Ordinal)
            || !withThisFile.EndsWith(".props", StringComparison.OrdinalIgnoreCase))
        {
            understood = false;
            return null;
        }
        var path = Path.GetFullPath(Path.Combine(directory, withThisFile.Replace('\\', Path.DirectorySeparatorChar)));
        return File.Exists(path) ? path : null;
    }

    // GetPathOfFileAbove and GetDirectoryNameOfFileAbove look in the starting folder first, then in each one above it.
    private static string? FileAbove(string start, string fileName)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, fileName.Trim());
            if (File.Exists(candidate)) return candidate;
        }

        return null;
    }

    // MSBuild imports the nearest Directory.Build.props (and .targets) only; the ones above count when it imports them.
    private static string? NearestAbove(string projectDirectory, string fileName)
    {
        for (var directory = new DirectoryInfo(projectDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, fileName);
            if (File.Exists(path)) return path;
        }

        return null;
    }

    [GeneratedRegex(@"^\$\(\[MSBuild\]::GetPathOfFileAbove\(\s*'?(?<file>[^',()$]+?)'?\s*,\s*'?(?<start>[^',()$]*?)'?\s*\)\)$", RegexOptions.IgnoreCase)]
    private static partial Regex GetPathOfFileAbove();

    // $([MSBuild]::GetDirectoryNameOfFileAbove($(MSBuildThisFileDirectory).., Directory.Build.props))/Directory.Build.props,
    // with $(MSBuildThisFileDirectory) already replaced by the importing file's folder; arguments quoted or not.
    [GeneratedRegex(@"^\$\(\[MSBuild\]::GetDirectoryNameOfFileAbove\(\s*'?(?<start>[^',()$]*?)'?\s*,\s*'?(?<file>[^',()$]+?)'?\s*\)\)(?<rest>[/\\][^$*]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex GetDirectoryNameOfFileAbove();

    [GeneratedRegex(@"^\s*'\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)'\s*==\s*''\s*$")]
    private static partial Regex EmptyCheck();

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)")]
    private static partial Regex Reference();
}
