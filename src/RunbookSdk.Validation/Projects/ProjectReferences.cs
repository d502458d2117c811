using System.Xml.Linq;

namespace RunbookSdk.Validation.Projects;

/// <summary>
/// The projects a project references for their code — <c>&lt;ProjectReference Include="..."/&gt;</c> in the project
/// file, such as a handbook project shared by several runbook apps. Like the rest of validation, MSBuild is not
/// evaluated: unconditional items with a literal path (or one starting with <c>$(MSBuildThisFileDirectory)</c> or
/// <c>$(MSBuildProjectDirectory)</c>) are read; references that bring no code (<c>OutputItemType="Analyzer"</c>,
/// <c>ReferenceOutputAssembly="false"</c>) and RunbookSdk's own projects (validation compiles against RunbookSdk as
/// shipped) are left out.
/// </summary>
internal static class ProjectReferences
{
    /// <summary>Full paths of the projects <paramref name="projectFile"/> references, in the order written.</summary>
    /// <param name="projectFile">Full path of a <c>.csproj</c>.</param>
    /// <exception cref="ValidationInputException">A referenced project does not exist.</exception>
    public static IReadOnlyList<string> Read(string projectFile)
    {
        var directory = Path.GetDirectoryName(projectFile)!;
        var document = XDocument.Load(projectFile, LoadOptions.SetLineInfo);
        var references = new List<string>();
        foreach (var item in document.Descendants().Where(e => e.Name.LocalName == "ProjectReference"))
        {
            if (item.Parent?.Attribute("Condition") is not null || item.Attribute("Condition") is not null) continue;
            if (Metadata(item, "OutputItemType") is { } kind && kind.Equals("Analyzer", StringComparison.OrdinalIgnoreCase)) continue;
            if (Metadata(item, "ReferenceOutputAssembly") is { } output && output.Equals("false", StringComparison.OrdinalIgnoreCase)) continue;
            if (item.Attribute("Include")?.Value.Trim() is not { Length: > 0 } include) continue;

            var path = include
                .Replace("$(MSBuildThisFileDirectory)", directory + Path.DirectorySeparatorChar, StringComparison.OrdinalIgnoreCase)
                .Replace("$(MSBuildProjectDirectory)", directory, StringComparison.OrdinalIgnoreCase)
                .Replace('\\', Path.DirectorySeparatorChar);
            if (path.Contains("$(", StringComparison.Ordinal) || path.Contains('*')) continue;
            var full = Path.GetFullPath(path, directory);
            if (IsRunbookSdk(full)) continue;
            if (!File.Exists(full))
            {
                var line = ((System.Xml.IXmlLineInfo)item).LineNumber;
                throw new ValidationInputException($"{projectFile}({line}): references '{include}', which does not exist.");
            }

            references.Add(full);
        }

        return references;
    }

    private static string? Metadata(XElement item, string name) =>
        item.Attribute(name)?.Value.Trim() ?? item.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();

    private static bool IsRunbookSdk(string projectFile)
    {
        var name = Path.GetFileNameWithoutExtension(projectFile);
        return name.Equals("RunbookSdk", StringComparison.OrdinalIgnoreCase) || name.StartsWith("RunbookSdk.", StringComparison.OrdinalIgnoreCase);
    }
}
