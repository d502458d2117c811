using RunbookSdk.GitHub.PullRequests;
using RunbookSdk.Validation;

namespace RunbookSdk.GitHub.Tests;

/// <summary>
/// What the Checks tab shows: a finding without a file (a generator that crashed, CS8785) was counted in the summary
/// and shown nowhere; an annotation message over GitHub's 64 KB (an analyzer's stack trace) had its whole batch of 50
/// refused. The real Octokit client against the fake GitHub API.
/// </summary>
public sealed class CheckRunContentTests : IDisposable
{
    private readonly FakeGitHub _github = new();

    private PullRequestReporter Reporter() => new(new GitHubConnection("octo/ops", "ghs_test", _github.ApiUrl));

    private static ValidationResult With(params Finding[] findings)
    {
        var row = new RunbookRow("Payments", "payments-queue-stuck", "Payments queue stuck", "P2", true, true, false, false, true,
            new Dictionary<string, int>(), FindingLevel.Error);
        return new ValidationResult("/repo", [new ProjectResult("Payments", "runbooks/Payments/Payments.csproj", [row], findings, new DocsDrift("runbooks/Payments/docs", true, [], [], []))]);
    }

    private string CompletedSummary(long? run) =>
        _github.Writes.Last(r => r.Method == "PATCH" && r.Path == $"/repos/octo/ops/check-runs/{run}").Body!["output"]!["summary"]!.GetValue<string>();

    [Fact]
    public async Task A_finding_without_a_file_is_listed_under_the_summary_the_Checks_tab_shows()
    {
        var result = With(
            new Finding("CS8785", FindingLevel.Error, "Generator 'RunbookGenerator' failed to generate source.\nException was of type 'InvalidOperationException'", null, 0, 0, "Payments", null),
            new Finding("RB0002", FindingLevel.Error, "Runbook 'QueueStuck' has no rollback", "runbooks/Payments/QueueStuck.cs", 12, 5, "Payments", null));

        var report = await Reporter().ReportAsync(result, 7);

        Assert.True(report.Succeeded, string.Join("\n", report.Problems));
        Assert.Equal(1, report.Annotations);
        var summary = CompletedSummary(report.CheckRunId);
        Assert.Contains("Findings without a file:\n- **CS8785** (error, Payments): Generator 'RunbookGenerator' failed to generate source. Exception was of type 'InvalidOperationException'", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("QueueStuck' has no rollback", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_over_GitHubs_annotation_limit_is_cut_and_its_batch_is_accepted()
    {
        // An analyzer's exception text with its stack, of emoji (four bytes of UTF-8 each): 70,000 characters.
        var huge = "AD0001 RunbookSdk analyzer threw: " + string.Concat(Enumerable.Repeat("😱", 35_000));
        var result = With(
            new Finding("AD0001", FindingLevel.Warning, huge, "runbooks/Payments/QueueStuck.cs", 3, 1, "Payments", null),
            new Finding("RB0002", FindingLevel.Error, "Runbook 'QueueStuck' has no rollback", "runbooks/Payments/QueueStuck.cs", 12, 5, "Payments", null));

        var report = await Reporter().ReportAsync(result, 7);

        Assert.True(report.Succeeded, string.Join("\n", report.Problems));
        Assert.Equal(2, report.Annotations);
        var message = _github.Writes.Where(r => r.Method == "PATCH").SelectMany(r => r.Body!["output"]!["annotations"]!.AsArray())
            .Select(a => a!["message"]!.GetValue<string>()).First(m => m.StartsWith("AD0001", StringComparison.Ordinal));
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(message) <= 64 * 1024, $"{System.Text.Encoding.UTF8.GetByteCount(message)} bytes");
        Assert.EndsWith("… (cut; the whole message is in the job log)", message, StringComparison.Ordinal);
        Assert.DoesNotContain('\uFFFD', message);
    }

    [Fact]
    public async Task An_annotation_carries_the_findings_column_as_the_job_logs_annotation_does()
    {
        // The "::error …,col=5" line carried the column, the check run's annotation did not. A finding is on one line
        // (start_line = end_line), where GitHub takes a column; when its end is not known, only the start is sent.
        var result = With(
            new Finding("RB0002", FindingLevel.Error, "Runbook 'QueueStuck' has no rollback", "runbooks/Payments/QueueStuck.cs", 12, 5, "Payments", null),
            new Finding(Finding.StaleDocsRule, FindingLevel.Error, "Generated page 'queue-stuck.md' is missing", "runbooks/Payments/docs/queue-stuck.md", 0, 0, "Payments", null));

        var report = await Reporter().ReportAsync(result, 7);

        Assert.True(report.Succeeded, string.Join("\n", report.Problems));
        var annotations = _github.Writes.Where(r => r.Method == "PATCH" && r.Path == $"/repos/octo/ops/check-runs/{report.CheckRunId}")
            .SelectMany(r => r.Body!["output"]!["annotations"]!.AsArray()).ToArray();
        var located = Assert.Single(annotations, a => a!["title"]!.GetValue<string>() == "RB0002")!;
        Assert.Equal((12, 12, 5), (located["start_line"]!.GetValue<int>(), located["end_line"]!.GetValue<int>(), located["start_column"]!.GetValue<int>()));
        Assert.Null(located["end_column"]);
        // A finding without a column (a missing page) has none: GitHub numbers columns from 1.
        var page = Assert.Single(annotations, a => a!["title"]!.GetValue<string>() == Finding.StaleDocsRule)!;
        Assert.Null(page["start_column"]);
    }

    [Fact]
    public async Task An_annotation_ends_where_the_analyzers_span_ends_on_its_line()
    {
        // A finding had no end, so the annotation underlined one character of 'omnix-ai-products-dev'. The span's end is
        // exclusive (SARIF's form); GitHub's end_column is the last character's. A span over several lines keeps its
        // start column alone: GitHub takes columns only on one line.
        var result = With(
            new Finding("RB0012", FindingLevel.Warning, "names a dev resource", "runbooks/Payments/Api.cs", 13, 51, "Payments", null) { EndLine = 13, EndColumn = 74 },
            new Finding("RB0005", FindingLevel.Error, "dangerous command", "runbooks/Payments/Api.cs", 20, 9, "Payments", null) { EndLine = 23, EndColumn = 10 });

        var report = await Reporter().ReportAsync(result, 7);

        Assert.True(report.Succeeded, string.Join("\n", report.Problems));
        var annotations = _github.Writes.Where(r => r.Method == "PATCH" && r.Path == $"/repos/octo/ops/check-runs/{report.CheckRunId}")
            .SelectMany(r => r.Body!["output"]!["annotations"]!.AsArray()).ToArray();
        var oneLine = Assert.Single(annotations, a => a!["title"]!.GetValue<string>() == "RB0012")!;
        Assert.Equal((13, 13, 51, 73), (oneLine["start_line"]!.GetValue<int>(), oneLine["end_line"]!.GetValue<int>(), oneLine["start_column"]!.GetValue<int>(), oneLine["end_column"]!.GetValue<int>()));
        var lines = Assert.Single(annotations, a => a!["title"]!.GetValue<string>() == "RB0005")!;
        Assert.Equal((20, 20, 9), (lines["start_line"]!.GetValue<int>(), lines["end_line"]!.GetValue<int>(), lines["start_column"]!.GetValue<int>()));
        Assert.Null(lines["end_column"]);
    }

    public void Dispose() => _github.Dispose();
}
