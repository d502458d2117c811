using RunbookSdk.GitHub.PullRequests;
using RunbookSdk.Validation;

namespace RunbookSdk.GitHub.Tests;

/// <summary>
/// Findings as GitHub Actions workflow commands, which the runner turns into annotations with no token: how a pull
/// request from a fork, whose token may not create a check run, still gets them on its files.
/// </summary>
public sealed class WorkflowAnnotationsTests
{
    [Fact]
    public void Each_finding_is_one_command_errors_first_with_its_file_line_column_and_rule()
    {
        var result = new ValidationResult("/repo", [new ProjectResult("Payments", "runbooks/Payments/Payments.csproj", [],
        [
            new Finding("RB0010", FindingLevel.Warning, "The review date 2025-10-05 has passed", "runbooks/Payments/PaymentsHandbook.cs", 15, 9, "Payments", null),
            new Finding("RB0002", FindingLevel.Error, "Runbook 'QueueStuck' has no rollback", "runbooks\\Payments\\QueueStuck.cs", 12, 5, "Payments", null),
            new Finding("CS8785", FindingLevel.Error, "Generator failed", null, 0, 0, "Payments", null),
            new Finding("RBINFO", FindingLevel.Info, "note", "a.cs", 0, 0, "Payments", null),
        ], new DocsDrift("runbooks/Payments/docs", true, [], [], []))]);

        Assert.Equal(
        [
            "::error file=runbooks/Payments/QueueStuck.cs,line=12,col=5,title=RB0002::Runbook 'QueueStuck' has no rollback",
            "::error title=CS8785::Generator failed",
            "::warning file=runbooks/Payments/PaymentsHandbook.cs,line=15,col=9,title=RB0010::The review date 2025-10-05 has passed",
            "::notice file=a.cs,line=1,title=RBINFO::note",
        ], WorkflowAnnotations.Lines(result));
    }

    [Fact]
    public void A_finding_whose_span_ends_on_its_line_carries_the_end_column()
    {
        var result = new ValidationResult("/repo", [new ProjectResult("P", "P.csproj", [],
        [
            new Finding("RB0012", FindingLevel.Warning, "names a dev resource", "P/Api.cs", 13, 51, "P", null) { EndLine = 13, EndColumn = 74 },
            new Finding("RB0005", FindingLevel.Error, "dangerous", "P/Api.cs", 20, 9, "P", null) { EndLine = 23, EndColumn = 10 },
        ], new DocsDrift("docs", true, [], [], []))]);

        Assert.Equal(
        [
            "::error file=P/Api.cs,line=20,col=9,title=RB0005::dangerous",
            "::warning file=P/Api.cs,line=13,col=51,endColumn=73,title=RB0012::names a dev resource",
        ], WorkflowAnnotations.Lines(result));
    }

    [Fact]
    public void A_message_or_path_that_would_end_the_command_is_escaped_as_the_runner_reads_it()
    {
        var result = new ValidationResult("/repo", [new ProjectResult("P", "P.csproj", [],
        [
            new Finding("RB0006", FindingLevel.Error, "50% of\r\nlines: ::error::fake", "dir,with:odd/X.cs", 2, 0, "P", null),
        ], new DocsDrift("docs", true, [], [], []))]);

        Assert.Equal("::error file=dir%2Cwith%3Aodd/X.cs,line=2,title=RB0006::50%25 of%0D%0Alines: ::error::fake", Assert.Single(WorkflowAnnotations.Lines(result)));
    }
}
