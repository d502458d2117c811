using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace RunbookSdk.Generators.Tests.Docs;

/// <summary>
/// The generator's diagnostics are documented twice: on their page (what the help link opens) and in README.md's
/// "Generator diagnostics" table. Both must give the descriptor's title and severity, as RuleDocsTests holds the
/// analyzers' pages and catalog to theirs.
/// </summary>
public sealed class GeneratorDiagnosticDocsTests
{
    private static readonly DiagnosticDescriptor[] s_descriptors = typeof(GeneratorDiagnostics)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToArray();

    private static readonly string s_root = FindRoot();

    public static TheoryData<string> Ids => new(s_descriptors.Select(d => d.Id).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_page_gives_the_descriptors_title_severity_and_help_link(string id)
    {
        var descriptor = s_descriptors.Single(d => d.Id == id);
        var page = File.ReadAllText(Path.Combine(s_root, "docs", "rules", id + ".md")).ReplaceLineEndings("\n");

        Assert.StartsWith($"# {id}: {descriptor.Title}\n", page);
        Assert.Contains($"**Severity:** {Severity(descriptor)} · **Reported by:** the source generator", page);
        Assert.Equal($"https://github.com/runbooksdk/runbooksdk/blob/main/docs/rules/{id}.md", descriptor.HelpLinkUri);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_READMEs_table_gives_the_descriptors_severity(string id)
    {
        var descriptor = s_descriptors.Single(d => d.Id == id);
        var readme = File.ReadAllText(Path.Combine(s_root, "README.md"));
        var row = Regex.Match(readme, $@"^\| \[{id}\]\(docs/rules/{id}\.md\) \| (?<severity>[^|]+) \|", RegexOptions.Multiline);

        Assert.True(row.Success, $"README.md's generator diagnostics table has no row for {id}.");
        Assert.Equal(Severity(descriptor), row.Groups["severity"].Value.Trim());
    }

    private static string Severity(DiagnosticDescriptor descriptor) => descriptor.DefaultSeverity.ToString().ToLowerInvariant();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RunbookSdk.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException($"No RunbookSdk.sln above {AppContext.BaseDirectory}.");
    }
}
