using System.Text;
using System.Xml.Linq;

namespace RunbookSdk.Validation.Projects;

/// <summary>
/// The items of a project, read from the files MSBuild reads in its order — the <c>Directory.Build.props</c> chain,
/// the project file, the <c>Directory.Build.targets</c> chain — from the top-level <c>ItemGroup</c>s (items inside
/// targets are made while building, not evaluated). Item and item-group conditions are evaluated with the properties'
/// final values, as MSBuild evaluates items after every property: an item whose condition is false is left out, and so
/// is one whose condition is not a form understood here (<see cref="MsBuildCondition"/>), as before conditions were
/// evaluated; such an item, one whose value names a property not known here, and a <c>Choose</c> make the reading <see cref="Incomplete"/>.
/// </summary>
internal sealed class ProjectItems
{
    private ProjectItems(IReadOnlyList<ProjectItem> items, IReadOnlySet<string> incompleteTypes)
    {
        Items = items;
        _incompleteTypes = incompleteTypes;
    }

    private readonly IReadOnlySet<string> _incompleteTypes;

    /// <summary>The items whose conditions hold, in evaluation order.</summary>
    public IReadOnlyList<ProjectItem> Items { get; }

    /// <summary>The items of one type, in evaluation order.</summary>
    /// <param name="itemType">Item type, such as <c>Compile</c>.</param>
    public IEnumerable<ProjectItem> OfType(string itemType) => Items.Where(i => i.ItemType.Equals(itemType, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether an item of <paramref name="itemType"/> may be missing: its condition or value was not understood.</summary>
    /// <param name="itemType">Item type.</param>
    public bool Incomplete(string itemType) => _incompleteTypes.Contains(itemType) || _incompleteTypes.Contains(AnyType);

    // A <Choose> may hold items of any type under conditions of its own: not read here.
    private const string AnyType = "*";

    /// <summary>Reads the items of the project <paramref name="properties"/> were read for.</summary>
    /// <param name="properties">The project's properties (final values).</param>
    public static ProjectItems Read(ProjectProperties properties)
    {
        var items = new List<ProjectItem>();
        var incomplete = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in properties.PropsFiles) ReadFile(file, properties, beforeDefaultItems: true, items, incomplete);
        ReadFile(properties.ProjectFile, properties, beforeDefaultItems: false, items, incomplete);
        foreach (var file in properties.TargetsFiles) ReadFile(file, properties, beforeDefaultItems: false, items, incomplete);
        return new ProjectItems(items, incomplete);
    }

    private static void ReadFile(string file, ProjectProperties properties, bool beforeDefaultItems, List<ProjectItem> items, HashSet<string> incomplete)
    {
        // Each file was loaded (and found valid) when its properties were read.
        var document = XDocument.Load(file, LoadOptions.SetLineInfo);
        if (document.Root?.Elements().Any(e => e.Name.LocalName == "Choose") == true) incomplete.Add(AnyType);
        foreach (var group in document.Root?.Elements().Where(e => e.Name.LocalName == "ItemGroup") ?? [])
        {
            var groupHolds = group.Attribute("Condition")?.Value is { } groupCondition ? properties.Evaluate(groupCondition) : true;
            foreach (var element in group.Elements())
            {
                var type = element.Name.LocalName;
                var holds = element.Attribute("Condition")?.Value is { } condition ? properties.Evaluate(condition) : true;
                if (groupHolds == false || holds == false) continue;
                if (groupHolds is null || holds is null)
                {
                    incomplete.Add(type);
                    continue;
                }

                foreach (var operation in new[] { "Include", "Remove", "Update" })
                {
                    if (element.Attribute(operation)?.Value is not { } written || written.Trim().Length == 0) continue;
                    var value = Expand(written, file, properties);
                    var exclude = element.Attribute("Exclude")?.Value is { } excluded ? Expand(excluded, file, properties) : null;
                    if (value is null || (element.Attribute("Exclude") is not null && exclude is null))
                    {
                        incomplete.Add(type);
                        continue;
                    }

                    items.Add(new ProjectItem(type, operation, value, written.Trim(), exclude, element, file, beforeDefaultItems));
                }
            }
        }
    }

    /// <summary>
    /// <paramref name="value"/> with <c>$(Name)</c> expanded (<c>$(MSBuildThisFileDirectory)</c> is the folder of the
    /// file it is written in), or null when it names a property not known here or uses an item list or a function.
    /// </summary>
    private static string? Expand(string value, string file, ProjectProperties properties)
    {
        if (value.Contains("$([", StringComparison.Ordinal) || value.Contains("@(", StringComparison.Ordinal) || value.Contains("%(", StringComparison.Ordinal)) return null;
        var result = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '$' && i + 1 < value.Length && value[i + 1] == '(')
            {
                var end = value.IndexOf(')', i);
                if (end < 0) return null;
                var expansion = MsBuildReservedProperties.Value(value[(i + 2)..end].Trim(), file, properties.ProjectFile) ?? properties.Expansion(value[(i + 2)..end].Trim());
                if (expansion is null) return null;
                result.Append(expansion);
                i = end;
            }
            else
            {
                result.Append(value[i]);
            }
        }

        return result.ToString().Trim();
    }
}
