using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Docs;

/// <summary>
/// The rule pages are what a developer reads from the squiggle's help link and what CI's report links to: each must
/// exist and say what the analyzers and code fixes really do — title, severity, and whether a one-click fix exists.
/// </summary>
public sealed class RuleDocsTests
{
    private static readonly string s_docs = Path.Combine(Shipped.RepositoryRoot, "docs");

    private static readonly DiagnosticDescriptor[] s_rules = Shipped.Analyzers
        .SelectMany(a => a.SupportedDiagnostics)
        .DistinctBy(d => d.Id)
        .OrderBy(d => d.Id, StringComparer.Ordinal)
        .ToArray();

    private static readonly HashSet<string> s_fixable = Shipped.CodeFixes.SelectMany(f => f.FixableDiagnosticIds).ToHashSet(StringComparer.Ordinal);

    public static TheoryData<string> RuleIds => new(s_rules.Select(r => r.Id));

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void The_rule_page_states_the_rules_title_severity_and_whether_it_has_a_code_fix(string id)
    {
        var rule = s_rules.Single(r => r.Id == id);
        var page = Path.Combine(s_docs, "rules", id + ".md");
        Assert.True(File.Exists(page), $"{id} links to {page}, which does not exist.");
        var text = File.ReadAllText(page);

        Assert.StartsWith($"# {id}: {rule.Title}\n", text.ReplaceLineEndings("\n"));
        Assert.Equal(rule.HelpLinkUri, "https://github.com/runbooksdk/runbooksdk/blob/main/docs/rules/" + id + ".md");
        Assert.Equal(Severity(rule), Row(text, "Default severity"));
        Assert.Equal(s_fixable.Contains(id) ? "yes" : "no", Row(text, "Code fix"));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void The_catalog_lists_the_rule_as_its_page_does(string id)
    {
        var rule = s_rules.Single(r => r.Id == id);
        var catalog = File.ReadAllText(Path.Combine(s_docs, "analyzers.md"));
        var row = Regex.Match(catalog, $@"^\| \[{id}\]\(rules/{id}\.md\) \| (?<title>[^|]+) \| (?<category>[^|]+) \| (?<severity>[^|]+) \| (?<fix>[^|]*) \|$", RegexOptions.Multiline);

        Assert.True(row.Success, $"docs/analyzers.md has no catalog row for {id}.");
        Assert.Equal(rule.Category, row.Groups["category"].Value.Trim());
        Assert.Equal(Severity(rule), row.Groups["severity"].Value.Trim());
        Assert.Equal(s_fixable.Contains(id) ? "yes" : "", row.Groups["fix"].Value.Trim());
    }

    [Fact]
    public void A_retired_rule_keeps_its_page_saying_so_and_its_id_is_reported_by_no_analyzer()
    {
        var catalog = File.ReadAllText(Path.Combine(s_docs, "analyzers.md")).ReplaceLineEndings("\n");
        var retired = catalog[catalog.IndexOf("### Retired rules", StringComparison.Ordinal)..];
        var ids = Regex.Matches(retired, @"^\| \[(?<id>RB\d{4})\]\(rules/\k<id>\.md\) \|", RegexOptions.Multiline).Select(m => m.Groups["id"].Value).ToArray();

        Assert.Contains("RB0020", ids);
        Assert.All(ids, id =>
        {
            // An id is never given to another rule: a page and a squiggle with a different meaning would mislead.
            Assert.DoesNotContain(s_rules, r => r.Id == id);
            Assert.StartsWith($"# {id} (retired): ", File.ReadAllText(Path.Combine(s_docs, "rules", id + ".md")));
        });
    }

    // `dotnet_analyzer_diagnostic.category-NAME.severity` takes the descriptor's category as it is spelled: a name the
    // list gives that no rule has configures nothing, and a category it leaves out is one a reader cannot find.
    [Fact]
    public void The_categories_a_reader_can_configure_are_the_rules_categories()
    {
        var catalog = File.ReadAllText(Path.Combine(s_docs, "analyzers.md")).ReplaceLineEndings("\n");
        var listed = Regex.Match(catalog, @"\(categories: (?<names>[^)]+)\)");

        Assert.True(listed.Success, "docs/analyzers.md no longer lists the categories under 'Configure severities'.");
        Assert.Equal(
            s_rules.Select(r => r.Category).Distinct().Order(StringComparer.Ordinal),
            listed.Groups["names"].Value.Split(',').Select(n => n.Trim()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_fix_is_for_a_rule_of_the_catalog() =>
        Assert.All(s_fixable, id => Assert.Contains(s_rules, r => r.Id == id));

    private static string Severity(DiagnosticDescriptor rule) => rule.DefaultSeverity == DiagnosticSeverity.Info ? "Info" : rule.DefaultSeverity.ToString();

    private static string Row(string page, string name) =>
        Regex.Match(page, $@"^\| {name} \| (?<value>[^|]+) \|$", RegexOptions.Multiline) is { Success: true } match
            ? match.Groups["value"].Value.Trim()
            : throw new Xunit.Sdk.XunitException($"The rule page has no '| {name} | … |' row.");
}
