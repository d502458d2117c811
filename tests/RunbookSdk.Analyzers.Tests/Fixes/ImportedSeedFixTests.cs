using Microsoft.CodeAnalysis;
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
        var output = Path.Combine(_root, Path.GetFileNameWithoutExtension(seed));
        var imported = RunbookImporter.Import(Path.GetFullPath(Path.Combine(Shipped.RepositoryRoot, "..", "shared", "seeds", seed)),
            new ImportOptions { OutputDirectory = output, AllowIncomplete = true });

        var project = AppliedFixes.Document(ImplicitUsings).Project;
        foreach (var file in imported.Files.Where(f => f.EndsWith(".cs", StringComparison.Ordinal)))
            project = project.AddDocument(Path.GetFileName(file), File.ReadAllText(Path.Combine(output, file)), filePath: Path.Combine(output, file)).Project;
        var errors = (await project.GetCompilationAsync())!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        var findings = await AppliedFixes.FindingsAsync(project.Documents.First());
        var applied = 0;
        foreach (var finding in findings)
        {
            var document = project.GetDocument(finding.Diagnostic.Location.SourceTree)!;
            var fixes = await AppliedFixes.ApplyEachAsync(document, finding.Diagnostic);
            // The fixes that edit the text at the finding: the importer writes scripts as raw strings over several
            // lines, where a finding covered the whole script and these were not offered.
            if (finding.Diagnostic.Id is "RB0006" or "RB0007" or "RB0012" or "RB0018")
                Assert.True(!fixes.IsEmpty, $"No fix for {finding.Diagnostic.Id} on '{finding.Text}' in {document.Name}");
            foreach (var fix in fixes)
            {
                var what = $"'{fix.Title}' for {finding.Diagnostic.Id} on '{finding.Text}' in {document.Name}";
                Assert.True(fix.Errors.IsEmpty, $"{what} wrote code that does not compile: {string.Join("; ", fix.Errors)}");
                Assert.True(fix.Findings.Count(d => d.Id == finding.Diagnostic.Id) < findings.Count(f => f.Diagnostic.Id == finding.Diagnostic.Id), $"{what} left the finding in place");
                var added = fix.Findings.Select(d => d.Id).Except(findings.Select(f => f.Diagnostic.Id)).ToList();
                Assert.True(added.Count == 0, $"{what} brought {string.Join(", ", added)}");
                applied++;
            }
        }

        Assert.True(findings.IsEmpty || applied > 0, $"No fix was offered for {string.Join(", ", findings.Select(f => f.Diagnostic.Id))}");
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
