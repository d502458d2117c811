using RunbookSdk.Import.Source;

namespace RunbookSdk.Import.Tests;

/// <summary>Each seed imports to code that compiles, and the analyzers report exactly the gaps the seed has.</summary>
public sealed class SeedImportTests
{
    internal static RunbookImporter.GeneratedProject Generate(string file, bool allowIncomplete, string ns = "Imported") =>
        RunbookImporter.Generate(MarkdownSource.Load(file), ns, allowIncomplete, Path.Combine(Seeds.RepositoryRoot, "artifacts", "x"), Seeds.RepositoryRoot);

    [Theory]
    [MemberData(nameof(Seeds.Names), MemberType = typeof(Seeds))]
    public void Seed_imported_with_allow_incomplete_compiles_without_errors(string seed)
    {
        var project = Generate(Seeds.Path_(seed), allowIncomplete: true);

        var errors = InMemoryCompiler.Compile(project.Files).Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).ToList();

        Assert.True(errors.Count == 0, InMemoryCompiler.Describe(errors) + "\n\n" + string.Join("\n\n", project.Files.Values));
        Assert.NotEmpty(project.RunbookIds);
    }

    [Theory]
    [MemberData(nameof(Seeds.Names), MemberType = typeof(Seeds))]
    public void Seed_imported_without_allow_incomplete_reports_only_completeness_gaps(string seed)
    {
        var project = Generate(Seeds.Path_(seed), allowIncomplete: false);

        var errors = InMemoryCompiler.Compile(project.Files).Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).ToList();

        Assert.All(errors, e => Assert.Contains(e.Id, new[] { "RB0001", "RB0002", "RB0003" }));
        var expected = project.Document.Runbooks.Sum(r =>
            (project.Document.Handbook.Escalation.Count == 0 ? 1 : 0) + (r.Rollback is null ? 1 : 0) + (r.Verification is null ? 1 : 0));
        Assert.Equal(expected, errors.Count);
    }
}
