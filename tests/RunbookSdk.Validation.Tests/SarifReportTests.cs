using System.Text.Json;
using RunbookSdk.Validation.Reports;

namespace RunbookSdk.Validation.Tests;

/// <summary>What the SARIF report says beyond its results: why there are none, where a SARIF reader looks for that.</summary>
public sealed class SarifReportTests
{
    [Fact]
    public void NoRunbookProjectIsAnErrorNotificationOfAnUnsuccessfulInvocation()
    {
        using var sarif = JsonDocument.Parse(SarifReport.Render(new ValidationResult("/repo", [])));

        var run = sarif.RootElement.GetProperty("runs")[0];
        Assert.Equal(0, run.GetProperty("results").GetArrayLength());
        var invocation = Assert.Single(run.GetProperty("invocations").EnumerateArray());
        Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());
        var notification = Assert.Single(invocation.GetProperty("toolExecutionNotifications").EnumerateArray());
        Assert.Equal("error", notification.GetProperty("level").GetString());
        Assert.Equal("No runbook project found (no project whose sources declare [Runbook] or [Handbook]).", notification.GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public void AValidatedProjectGivesASuccessfulInvocationWithoutNotifications()
    {
        var result = new ValidationResult("/repo", [new ProjectResult("Payments", "Payments/Payments.csproj", [], [], new DocsDrift("Payments/docs", true, [], [], []))]);

        using var sarif = JsonDocument.Parse(SarifReport.Render(result));

        var invocation = Assert.Single(sarif.RootElement.GetProperty("runs")[0].GetProperty("invocations").EnumerateArray());
        Assert.True(invocation.GetProperty("executionSuccessful").GetBoolean());
        Assert.False(invocation.TryGetProperty("toolExecutionNotifications", out _));
    }

    [Fact]
    public void AFindingsRegionEndsWhereTheAnalyzersSpanEnds()
    {
        // Only the start was written: code scanning underlined one character of the flagged name.
        var finding = new Finding("RB0012", FindingLevel.Warning, "names a dev resource", "Payments/Api.cs", 13, 51, "Payments", null) { EndLine = 13, EndColumn = 72 };
        var result = new ValidationResult("/repo", [new ProjectResult("Payments", "Payments/Payments.csproj", [], [finding], new DocsDrift("Payments/docs", true, [], [], []))]);

        using var sarif = JsonDocument.Parse(SarifReport.Render(result));

        var region = sarif.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal((13, 51, 13, 72), (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(), region.GetProperty("endLine").GetInt32(), region.GetProperty("endColumn").GetInt32()));
    }
}
