using System.Text.Json;
using RunbookSdk.Validation.Reports;

namespace RunbookSdk.Validation.Tests;

/// <summary>What a script reading <c>--json</c> learns of a finding's place.</summary>
public sealed class JsonReportTests
{
    [Fact]
    public void AFindingCarriesWhereTheAnalyzersSpanEndsAsSarifDoes()
    {
        // Only the start was written: a script annotating the pull request itself underlined one character.
        var finding = new Finding("RB0012", FindingLevel.Warning, "names a dev resource", "Payments/Api.cs", 13, 51, "Payments", null) { EndLine = 14, EndColumn = 9 };
        var result = new ValidationResult("/repo", [new ProjectResult("Payments", "Payments/Payments.csproj", [], [finding], new DocsDrift("Payments/docs", true, [], [], []))]);

        using var json = JsonDocument.Parse(JsonReport.Render(result));

        var written = json.RootElement.GetProperty("projects")[0].GetProperty("findings")[0];
        Assert.Equal((13, 51, 14, 9), (written.GetProperty("line").GetInt32(), written.GetProperty("column").GetInt32(), written.GetProperty("endLine").GetInt32(), written.GetProperty("endColumn").GetInt32()));
    }

    [Fact]
    public void AFindingWithoutAKnownEndSaysZero()
    {
        var finding = new Finding(Finding.MissingRunbookSdkRule, FindingLevel.Error, "no RunbookSdk reference", "Payments/Payments.csproj", 0, 0, "Payments", null);
        var result = new ValidationResult("/repo", [new ProjectResult("Payments", "Payments/Payments.csproj", [], [finding], new DocsDrift("Payments/docs", true, [], [], []))]);

        using var json = JsonDocument.Parse(JsonReport.Render(result));

        var written = json.RootElement.GetProperty("projects")[0].GetProperty("findings")[0];
        Assert.Equal((0, 0), (written.GetProperty("endLine").GetInt32(), written.GetProperty("endColumn").GetInt32()));
    }
}
