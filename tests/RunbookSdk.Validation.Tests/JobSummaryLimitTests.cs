using System.Text;
using RunbookSdk.Validation.Reports;

namespace RunbookSdk.Validation.Tests;

/// <summary>
/// The job summary stays within GitHub's 1 MiB per step (a larger one is dropped whole): complete runbooks' rows go
/// first, the failing rows stay.
/// </summary>
public sealed class JobSummaryLimitTests
{
    private const int OneMiB = 1024 * 1024;

    private static RunbookRow Complete(int i) => new("Payments", $"payments-runbook-{i:D5}", "Payments runbook " + new string('x', 120), "P2",
        true, false, true, false, true, new Dictionary<string, int>(), null);

    private static RunbookRow Failing(int i) => new("Payments", $"payments-failing-{i:D5}", "Payments failing runbook ✅ " + new string('y', 120), "P1",
        true, false, false, false, true, new Dictionary<string, int> { ["RB0002"] = 1 }, FindingLevel.Error);

    private static ValidationResult ResultWith(IEnumerable<RunbookRow> rows)
    {
        var runbooks = rows.OrderBy(r => r.Id, StringComparer.Ordinal).ToArray();
        var findings = runbooks.Where(r => r.Level is not null)
            .Select(r => new Finding("RB0002", FindingLevel.Error, $"Runbook '{r.Id}' has no rollback", "Payments/Runbooks.cs", 10, 9, "Payments", r.Id))
            .ToArray();
        return new ValidationResult("/repo", [new ProjectResult("Payments", "Payments/Payments.csproj", runbooks, findings, new DocsDrift("Payments/docs", false, [], [], []))]);
    }

    private static string WriteSummary(ValidationResult result, string existing = "")
    {
        var directory = Path.Combine(Path.GetTempPath(), "runbook-summary-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        var summary = Path.Combine(directory, "step_summary");
        File.WriteAllText(summary, existing);
        var before = Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY");
        try
        {
            Environment.SetEnvironmentVariable("GITHUB_STEP_SUMMARY", summary);
            ReportFiles.Write(result, null, summary, null);
            return File.ReadAllText(summary);
        }
        finally
        {
            Environment.SetEnvironmentVariable("GITHUB_STEP_SUMMARY", before);
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void AHugeReportLeavesOutCompleteRunbooksAndKeepsTheFailingOnes()
    {
        var result = ResultWith(Enumerable.Range(0, 20_000).Select(Complete).Append(Failing(1)));
        Assert.True(Encoding.UTF8.GetByteCount(MarkdownReport.Render(result)) > OneMiB);

        var summary = WriteSummary(result);

        Assert.True(Encoding.UTF8.GetByteCount(summary) <= OneMiB);
        Assert.Contains("payments-failing-00001", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("payments-runbook-00000", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void FailingRowsBeyondTheLimitAreCutWithANoticeAfterWhatTheStepAlreadyWrote()
    {
        var result = ResultWith(Enumerable.Range(0, 20_000).Select(Failing));
        var existing = "## Build\n\n" + new string('b', 100_000) + "\n";

        var summary = WriteSummary(result, existing);

        Assert.True(Encoding.UTF8.GetByteCount(summary) <= OneMiB);
        Assert.StartsWith(existing, summary, StringComparison.Ordinal);
        Assert.Contains("payments-failing-00000", summary, StringComparison.Ordinal);
        Assert.Contains("cut to fit the job summary", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOrdinaryMarkdownFileIsNotCut()
    {
        var result = ResultWith(Enumerable.Range(0, 20_000).Select(Complete));
        var path = Path.Combine(Path.GetTempPath(), "runbook-report-" + Guid.NewGuid().ToString("N")[..8] + ".md");
        try
        {
            ReportFiles.Write(result, null, path, null);

            Assert.Equal(MarkdownReport.Render(result), File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
