using RunbookSdk.Validation.Reports;

namespace RunbookSdk.Validation.Tests;

public sealed class ReportFilesTests
{
    [Fact]
    public void WritesEachReportAskedForAndReplacesAnOrdinaryMarkdownFile()
    {
        var directory = Path.Combine(Path.GetTempPath(), "runbook-reports-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var result = new ValidationResult("/repo", []);
            var markdown = Path.Combine(directory, "out", "report.md");
            Directory.CreateDirectory(Path.GetDirectoryName(markdown)!);
            File.WriteAllText(markdown, "old");

            ReportFiles.Write(result, Path.Combine(directory, "r.sarif"), markdown, Path.Combine(directory, "r.json"));

            Assert.Contains("\"version\": \"2.1.0\"", File.ReadAllText(Path.Combine(directory, "r.sarif")), StringComparison.Ordinal);
            Assert.Contains("\"passed\": false", File.ReadAllText(Path.Combine(directory, "r.json")), StringComparison.Ordinal);
            Assert.StartsWith("## Runbook validation: failed", File.ReadAllText(markdown), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void AReportThatCannotBeWrittenDoesNotStopTheOthersAndIsNamed()
    {
        var directory = Path.Combine(Path.GetTempPath(), "runbook-reports-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            Directory.CreateDirectory(directory);
            // A file where the SARIF report's folder should be: it cannot be created.
            File.WriteAllText(Path.Combine(directory, "reports"), "not a folder");
            var sarif = Path.Combine(directory, "reports", "runbooks.sarif");
            var markdown = Path.Combine(directory, "summary.md");
            var json = Path.Combine(directory, "report.json");

            var failure = Assert.ThrowsAny<IOException>(() => ReportFiles.Write(new ValidationResult("/repo", []), sarif, markdown, json));

            Assert.Contains(sarif, failure.Message, StringComparison.Ordinal);
            Assert.StartsWith("## Runbook validation: failed", File.ReadAllText(markdown), StringComparison.Ordinal);
            Assert.Contains("\"passed\": false", File.ReadAllText(json), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
