using System.Reflection;
using System.Xml.Linq;

namespace RunbookSdk.Validation.Projects;

/// <summary>A version of the RunbookSdk package a project names, and where it names it.</summary>
/// <param name="Version">The version as written (properties expanded), e.g. <c>0.2.0</c>.</param>
/// <param name="File">The file it is written in: the project, a <c>Directory.Build.*</c> or <c>Directory.Packages.props</c>.</param>
/// <param name="Line">The line of the element that names it.</param>
/// <param name="Column">The column of that element.</param>
internal sealed record RunbookSdkPackageVersion(string Version, string File, int Line, int Column)
{
    private const string PackageId = "RunbookSdk";

    /// <summary>
    /// The exact version of the RunbookSdk package <paramref name="project"/> references itself: its
    /// <c>PackageReference</c>'s <c>Version</c> (or <c>VersionOverride</c>), else the <c>PackageVersion</c> of the
    /// nearest <c>Directory.Packages.props</c>. Null when it names none, or one not read here for sure (a floating
    /// <c>0.1.*</c>, a range, a property not known, a conditional <c>PackageVersion</c>): nothing is guessed.
    /// </summary>
    /// <param name="project">A project as validated.</param>
    public static RunbookSdkPackageVersion? Of(RunbookProject project)
    {
        if (project.Items is not { } items) return null;
        var references = items.OfType("PackageReference")
            .Where(i => i.Operation == "Include" && i.Value.Split(';').Any(n => n.Trim().Equals(PackageId, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        if (references.Count != 1) return null;
        var reference = references[0];
        if ((reference.Metadata("VersionOverride") ?? reference.Metadata("Version")) is { } written)
            return Exact(written, project.Properties) is { } version ? new(version, reference.File, reference.Line, reference.Column) : null;
        return Central(project.ProjectFile, project.Properties);
    }

    /// <summary>
    /// The version of RunbookSdk this validation compiles against and whose generator and analyzers it runs: the
    /// package version of the tool (<c>0.1.0</c>, without the commit after <c>+</c>).
    /// </summary>
    public static string Running { get; } =
        (typeof(Runbook).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(Runbook).Assembly.GetName().Version?.ToString(3) ?? "0.0.0").Split('+')[0];

    /// <summary>
    /// Whether two package versions are the same as NuGet reads them: <c>0.2</c> is <c>0.2.0</c>, a prerelease label is
    /// compared without case, build metadata is ignored.
    /// </summary>
    /// <param name="a">One version.</param>
    /// <param name="b">The other.</param>
    public static bool Same(string a, string b) => Normal(a) == Normal(b);

    private static string Normal(string version)
    {
        var plain = version.Split('+')[0];
        var dash = plain.IndexOf('-', StringComparison.Ordinal);
        var (numbers, label) = dash < 0 ? (plain, "") : (plain[..dash], plain[dash..].ToLowerInvariant());
        if (!System.Version.TryParse(numbers.Contains('.', StringComparison.Ordinal) ? numbers : numbers + ".0", out var parsed)) return plain.ToLowerInvariant();
        var revision = parsed.Revision > 0 ? "." + parsed.Revision : "";
        return $"{parsed.Major}.{parsed.Minor}.{Math.Max(0, parsed.Build)}{revision}{label}";
    }

    // A version NuGet resolves to exactly that version: 0.2.0 or [0.2.0]; a range or a floating version is left out.
    private static string? Exact(string written, ProjectProperties properties)
    {
        var value = written.Trim();
        if (value.StartsWith("$(", StringComparison.Ordinal) && value.EndsWith(')') && value.IndexOf(')', StringComparison.Ordinal) == value.Length - 1)
            value = properties[value[2..^1].Trim()]?.Trim() ?? "";
        if (value.StartsWith('[') && value.EndsWith(']')) value = value[1..^1].Trim();
        return value.Length == 0 || value.IndexOfAny(['*', ',', '(', ')', '[', ']', '$', ' ']) >= 0 || !char.IsAsciiDigit(value[0]) ? null : value;
    }

    // Central package management: the PackageVersion of the nearest Directory.Packages.props (MSBuild imports only that one).
    private static RunbookSdkPackageVersion? Central(string projectFile, ProjectProperties properties)
    {
        for (var directory = new DirectoryInfo(Path.GetDirectoryName(projectFile)!); directory is not null; directory = directory.Parent)
        {
            var file = Path.Combine(directory.FullName, "Directory.Packages.props");
            if (!System.IO.File.Exists(file)) continue;
            try
            {
                var versions = XDocument.Load(file, LoadOptions.SetLineInfo).Descendants()
                    .Where(e => e.Name.LocalName == "PackageVersion" && string.Equals(e.Attribute("Include")?.Value.Trim(), PackageId, StringComparison.OrdinalIgnoreCase))
                    .ToList();
                // One unconditional PackageVersion only: which of several a build takes depends on conditions not read here.
                if (versions is not [var element] || element.AncestorsAndSelf().Any(e => e.Attribute("Condition") is not null)) return null;
                var written = element.Attribute("Version")?.Value ?? element.Elements().FirstOrDefault(e => e.Name.LocalName == "Version")?.Value;
                var info = (System.Xml.IXmlLineInfo)element;
                return written is not null && Exact(written, properties) is { } version ? new(version, file, info.LineNumber, info.LinePosition) : null;
            }
            catch (System.Xml.XmlException)
            {
                return null;
            }
        }

        return null;
    }
}
