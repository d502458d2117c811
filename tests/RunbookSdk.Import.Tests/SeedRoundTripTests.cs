using System.Diagnostics;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using RunbookSdk.Import.Source;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// Imports every seed into a project under artifacts/ (inside the repository, so it references the SDK's sources),
/// builds it with <c>dotnet build</c> once, in sequence, and keeps the docs the build wrote.
/// </summary>
public sealed class SeedBuildFixture
{
    internal Dictionary<string, (string Docs, RunbookImporter.GeneratedProject Project, string BuildLog)> Results { get; } = [];

    public SeedBuildFixture()
    {
        var root = Path.Combine(Seeds.RepositoryRoot, "artifacts", "import-round-trip");
        foreach (var seed in Seeds.Files)
        {
            var name = "Seed" + Path.GetFileName(seed)[..3];
            var dir = Path.Combine(root, name);
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
            RunbookImporter.Import(seed, new ImportOptions { OutputDirectory = dir, AllowIncomplete = true });
            var project = RunbookImporter.Generate(MarkdownSource.Load(seed), name, true, dir, Seeds.RepositoryRoot);
            var log = Build(dir);
            var docsDir = Path.Combine(dir, "docs");
            var docs = Directory.Exists(docsDir)
                ? string.Join("\n", Directory.GetFiles(docsDir, "*.md").Order(StringComparer.Ordinal).Select(File.ReadAllText))
                : "";
            Results[Path.GetFileName(seed)] = (docs, project, log);
        }
    }

    private static string Build(string dir)
    {
        string log = "";
        // Other builds in this tree may hold files under obj/ for a moment: retry once.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir };
            // The outline too, so SeedRunsAsDocumentedTests can compare the pages with what the runner runs.
            foreach (var arg in new[] { "build", "-nologo", "-v:q", "-p:CI=false", "-p:RunbookSdkWriteDocs=true", "-p:RunbookSdkEmbedOutline=true" }) start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(300_000))
            {
                // A hung build must fail its seed's tests, not hold the run until CI's limit: its output ends only with it.
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return $"dotnet build in {dir} did not end within 5 minutes and was stopped.\n{output.Result}{error.Result}";
            }

            log = output.Result + error.Result;
            if (process.ExitCode == 0) return "";
        }
        return log;
    }
}

/// <summary>
/// The test classes that read the seed builds share one <see cref="SeedBuildFixture"/>: a class fixture is made once
/// per class, and two of them deleted and rebuilt the same folders at the same time (a build whose folder another
/// deleted hung, one found no docs).
/// </summary>
[CollectionDefinition(Name)]
public sealed class SeedBuilds : ICollectionFixture<SeedBuildFixture>
{
    public const string Name = "Seed builds";
}

/// <summary>Round trip: for each seed, the built docs carry every command line, list item, table cell and heading of the original.</summary>
[Collection(SeedBuilds.Name)]
public sealed partial class SeedRoundTripTests(SeedBuildFixture fixture)
{
    [Theory]
    [MemberData(nameof(Seeds.Names), MemberType = typeof(Seeds))]
    public void Seed_project_builds_and_writes_docs(string seed)
    {
        var (docs, _, log) = fixture.Results[seed];

        Assert.True(log.Length == 0, log);
        Assert.NotEmpty(docs);
    }

    [Theory]
    [MemberData(nameof(Seeds.Names), MemberType = typeof(Seeds))]
    public void Docs_carry_every_command_line_list_item_table_cell_and_heading(string seed)
    {
        var (docs, project, _) = fixture.Results[seed];
        // Relative links lead from the pages' docs/ folder (RelativeLinks): the docs carry them so.
        var pages = Path.Combine(Seeds.RepositoryRoot, "artifacts", "import-round-trip", "Seed" + seed[..3], "docs");
        var missing = RoundTrip.Missing(RelativeLinks.Rebase(MarkdownSource.Load(Seeds.Path_(seed)), pages).Source.Text, docs, project.Document.Handbook);

        Assert.True(missing.Count == 0, $"{missing.Count} elements missing from the docs:\n" + string.Join("\n", missing.Take(40)));
    }
}

/// <summary>Extracts a markdown document's elements with Markdig and finds those the docs do not carry.</summary>
internal static partial class RoundTrip
{
    private static readonly MarkdownPipeline s_pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseGridTables().Build();

    public static List<string> Missing(string markdown, string docs, Model.ImportedHandbook handbook)
    {
        var structuredHeadings = handbook.StructuredHeadings;
        var restructuredHeadings = handbook.RestructuredHeadings.Concat(structuredHeadings).Select(Normalise).ToHashSet();
        var carried = Normalise(Substitute(docs.Replace("\\|", "|").Replace("<br>", " ")));
        var words = Words(carried).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var structured = structuredHeadings.Select(Normalise).ToHashSet();
        var missing = new List<string>();
        var document = Markdown.Parse(markdown, s_pipeline);
        string heading = "";

        void Check(string kind, string text, bool restructured)
        {
            var normal = Normalise(text);
            if (normal.Length == 0 || carried.Contains(normal, StringComparison.Ordinal)) return;
            // "Emergency Rollback (if recent deployment)" is carried as the step's title and its condition ("Only if recent deployment").
            if (Recognition.ConditionalTitle.Split(normal) is (var title, { } condition)
                && carried.Contains(title, StringComparison.Ordinal) && carried.Contains("Only if " + condition, StringComparison.Ordinal)) return;
            // Read into structure (contacts, escalation, severities): the words are all there, the layout is the handbook's.
            if (restructured && Words(normal).All(words.Contains)) return;
            missing.Add($"{kind} under '{heading}': {text}");
        }

        foreach (var block in document.Descendants())
        {
            var restructured = restructuredHeadings.Contains(Normalise(heading));
            switch (block)
            {
                case HeadingBlock h:
                    // A trailing status ("✅ IMPLEMENTED") is the document's state, not the part's name: the import drops it.
                    heading = RunbookSdk.Import.Outline.StatusMarker.Split(Text(markdown, h).TrimStart('#').Trim()).Heading;
                    // A trailing colon is punctuation, not words: a step title drops it ("#### Quick Checks:"), as it does for bold titles.
                    var title = Normalise(TimeBox().Replace(Numbering().Replace(heading, ""), "")).TrimEnd(':').TrimEnd();
                    if (!structured.Contains(Normalise(heading))) Check("heading", title, restructured: false);
                    break;
                case ListItemBlock item when item.FirstOrDefault() is ParagraphBlock first:
                    Check("list item", Checkbox().Replace(Text(markdown, first), ""), restructured);
                    break;
                case TableCell cell:
                    Check("table cell", string.Join(" ", cell.OfType<LeafBlock>().Select(b => Text(markdown, b))), restructured);
                    break;
                case CodeBlock code:
                    foreach (var line in code.Lines.ToString().Split('\n'))
                    {
                        if (line.TrimStart().StartsWith("#!", StringComparison.Ordinal)) continue; // shebangs: each command runs in its own shell
                        // A comment is carried as the comment of its command, or as a note when no command follows it.
                        Check("code line", Checkbox().Replace(ListMarker().Replace(line.Trim().TrimStart('#'), ""), ""), restructured);
                    }
                    break;
            }
        }
        return missing;
    }

    /// <summary>Puts parameter defaults back where the docs show <c>{Name}</c>, from each page's parameters table.</summary>
    private static string Substitute(string docs)
    {
        var values = ParameterRow().Matches(docs).GroupBy(m => m.Groups["name"].Value).ToDictionary(g => g.Key, g => g.First().Groups["value"].Value.Replace("\\\"", "\"").Replace("\\\\", "\\"));
        return values.Aggregate(docs, (text, p) => text.Replace("{" + p.Key + "}", p.Value));
    }

    private static string Text(string markdown, Block block) => markdown.Substring(block.Span.Start, block.Span.Length);

    public static string Normalise(string text)
    {
        var plain = RunbookSdk.Import.Outline.Text.Plain(text.Replace("\\", "")).Replace("[ ]", "").Replace("[x]", "");
        return Space().Replace(plain, " ").Trim();
    }

    private static IEnumerable<string> Words(string text) =>
        WordPattern().Matches(text).Select(m => m.Value).Where(w => !TimeWords().IsMatch(w));

    [GeneratedRegex(@"\| `(?<name>[A-Za-z_][A-Za-z0-9_]*)` \| [^|]+ \| `""(?<value>(?:[^""\\]|\\.)*)""` \|")]
    private static partial Regex ParameterRow();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9@.+-]{2,}")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"(?i)^(level|minutes?|mins?|min|hours?)$")]
    private static partial Regex TimeWords();

    [GeneratedRegex(@"^\s*(step\s+)?\d+[.):]\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Numbering();

    [GeneratedRegex(@"\(\s*(<\s*)?(\d+\s*[-–]\s*)?\d+\s*(min|mins|minutes?|m|hours?|hrs?|h)\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex TimeBox();

    [GeneratedRegex(@"^\[[ xX]\]\s*")]
    private static partial Regex Checkbox();

    [GeneratedRegex(@"^(\d+[.)]|[-*+])\s+(?=\[[ xX]\])")]
    private static partial Regex ListMarker();
}
