using System.Text.RegularExpressions;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Docs;

/// <summary>
/// Reads the <c>### Before</c> and <c>### After</c> examples of docs/rules/RB*.md: the first <c>csharp</c> block under
/// each heading, the code a reader copies from the page.
/// </summary>
internal static class RuleExamples
{
    private static readonly Regex s_heading = new(@"^#{2,3} (?<name>.+)$");

    /// <summary>The repository's rule pages, by rule id.</summary>
    public static string PagePath(string id) => Path.Combine(Shipped.RepositoryRoot, "docs", "rules", id + ".md");

    /// <summary>The page's Before and After examples; empty when it has none.</summary>
    public static IReadOnlyList<RuleExample> Read(string id)
    {
        var lines = File.ReadAllText(PagePath(id)).ReplaceLineEndings("\n").Split('\n');
        var examples = new List<RuleExample>();
        string? heading = null;
        for (var i = 0; i < lines.Length; i++)
        {
            if (s_heading.Match(lines[i]) is { Success: true } match)
            {
                var name = match.Groups["name"].Value.Trim();
                heading = name is "Before" or "After" ? name : null;
                continue;
            }

            if (heading is null || lines[i].Trim() != "```csharp") continue;
            var end = Array.FindIndex(lines, i + 1, l => l.Trim() == "```");
            if (end < 0) throw new Xunit.Sdk.XunitException($"docs/rules/{id}.md: the csharp block at line {i + 1} is never closed.");
            examples.Add(new RuleExample(id, heading, i + 1, string.Join("\n", lines[(i + 1)..end])));
            heading = null;
            i = end;
        }

        return examples;
    }
}
