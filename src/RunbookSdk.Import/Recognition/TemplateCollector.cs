using System.Text.RegularExpressions;
using RunbookSdk.Import.Model;

namespace RunbookSdk.Import.Recognition;

/// <summary>Collects communication and report templates into the handbook, each under a unique name.</summary>
internal sealed partial class TemplateCollector(ImportedHandbook handbook)
{
    /// <summary>A plain-text block is a template when its heading or the sentence before it says so.</summary>
    public bool IsTemplate(string? heading, string? intro, string text) =>
        TemplateWords().IsMatch(heading ?? "") || TemplateWords().IsMatch(intro ?? "");

    /// <summary>Adds a template; returns the name it was stored under.</summary>
    public string Add(string name, string template, string? channel)
    {
        var unique = name;
        for (var n = 2; handbook.Communications.Any(c => c.Name == unique); n++) unique = $"{name} ({n})";
        handbook.Communications.Add(new ImportedCommunication(unique, template, channel));
        return unique;
    }

    [GeneratedRegex(@"(?i)template|notification|notice|status update|update status|announcement|communication|message|report\b")]
    private static partial Regex TemplateWords();
}
