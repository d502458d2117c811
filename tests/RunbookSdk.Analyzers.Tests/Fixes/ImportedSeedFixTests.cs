using RunbookSdk.Analyzers.Tests.Infrastructure;
using RunbookSdk.Import;

namespace RunbookSdk.Analyzers.Tests.Fixes;

/// <summary>
/// The path a team takes from its wiki: <c>runbook import</c> a markdown runbook, then let the light bulb fix what the
/// rules find. Each seed document is imported as the tool imports it, and every fix offered for every finding in what
/// the importer wrote (scripts over several lines as raw strings, parameters, waivers) is applied on its own: the
/// project still compiles, the finding is gone, and no finding of another rule appears.
/// </summary>
public sealed class ImportedSeedFixTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "runbook-import-fixes-" + Guid.NewGuid().ToString("N"));

    // What ImplicitUsings gives the console project the importer writes.
    private const string ImplicitUsings = "global using System; global using System.IO; global using System.Linq; global using System.Collections.Generic; " +
                                          "global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;";

    public static TheoryData<string> Seeds()
    {
        var data = new TheoryData<string>();
        var directory = Path.GetFullPath(Path.Combine(Shipped.RepositoryRoot, "..", "shared", "seeds"));
        foreach (var file in Directory.Exists(directory) ? Directory.GetFiles(directory, "*.txt").Order(StringComparer.Ordinal) : Enumerable.Empty<string>())
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Every_fix_for_an_imported_seed_compiles_removes_its_finding_and_adds_none(string seed)
    {
        var project = Imported(seed, _root);
        // The fixes that edit the text at the finding: the importer writes scripts as raw strings over several lines,
        // where a finding covered the whole script and these were not offered.
        var applied = await AppliedFixes.CheckEachFixAsync(project, mustHaveFix: finding => finding.Diagnostic.Id is "RB0006" or "RB0007" or "RB0012" or "RB0018");
        // A seed whose import has nothing a fix is for checks nothing here, and says so: the importer writes what some
        // fixes would (RequiresConfirmation() on a destructive step), so some seeds import without such a finding.
        Assert.True(applied > 0 || await AppliedFixes.FixableFindingsAsync(project) is [],
            $"No fix was offered for any finding in {seed}, though it has findings a fix is for: {string.Join(", ", await AppliedFixes.FixableFindingsAsync(project))}");
    }

    /// <summary>
    /// The project <c>runbook import</c> writes for <paramref name="seed"/> (into a folder under <paramref name="root"/>),
    /// as a workspace project with the console project's implicit usings.
    /// </summary>
    internal static Microsoft.CodeAnalysis.Project Imported(string seed, string root)
    {
        var output = Path.Combine(root, Path.GetFileNameWithoutExtension(seed));
        var imported = RunbookImporter.Import(Path.GetFullPath(Path.Combine(Shipped.RepositoryRoot, "..", "shared", "seeds", seed)),
            new ImportOptions { OutputDirectory = output, AllowIncomplete = true });

        var project = AppliedFixes.Document(ImplicitUsings).Project;
        foreach (var file in imported.Files.Where(f => f.EndsWith(".cs", StringComparison.Ordinal)))
            project = project.AddDocument(Path.GetFileName(file), File.ReadAllText(Path.Combine(output, file)), filePath: Path.Combine(output, file)).Project;
        return project;
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
