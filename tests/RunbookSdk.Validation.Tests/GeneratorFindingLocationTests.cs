namespace RunbookSdk.Validation.Tests;

/// <summary>
/// The generator's findings (RB0101–RB0105) are reported at a file and line, as a build prints them. Validation took
/// only findings inside a syntax tree, and the generator's are not: they had no path and no line (no SARIF location,
/// no check-run annotation), and the runbook's row counted nothing and said "ok".
/// </summary>
public sealed class GeneratorFindingLocationTests
{
    private const string WithHelper = """
        using RunbookSdk;

        namespace Payments;

        public static class StepTags
        {
            public static IStepBuilder Tagged(this IStepBuilder s, string tag) => s;
        }

        [Runbook("payments-api-down")]
        public sealed class ApiDown : Runbook<PaymentsHandbook>
        {
            public override void Define(IRunbookBuilder rb) => rb
                .Title("Payments API down")
                .Severity(Severity.P1)
                .Phase("Assess", TimeBox.Minutes(0, 5), p => p
                    .Step("Check health", s => s.Run("curl -f https://payments.example.com/health").Tagged("db")))
                .Rollback(r => r.Step("Roll back", s => s.Run("./rollback.sh").RequiresConfirmation()))
                .Verification(v => v.Step("Health is green", s => s.Http("GET", "https://payments.example.com/health").ExpectStatus(200)));
        }
        """;

    [Fact]
    public async Task A_generator_finding_has_its_file_and_line_and_counts_against_its_runbook()
    {
        using var project = new TempProject().With("PaymentsHandbook.cs", Runbooks.Handbook).With("ApiDown.cs", WithHelper);
        await project.WriteCurrentDocsAsync();

        var result = await RunbookValidator.ValidateAsync(project.ProjectFile);

        var finding = Assert.Single(result.Findings, f => f.RuleId == "RB0101");
        // Relative to the validated folder (the project's: it is in no git work tree).
        Assert.Equal("ApiDown.cs", finding.Path);
        // At the call the generator cannot read: line 17, where .Tagged("db") is.
        Assert.Equal(17, finding.Line);
        Assert.True(finding.Column > 1);
        var row = Assert.Single(result.Projects.Single().Runbooks);
        Assert.Equal(1, row.FindingsByRule["RB0101"]);
        Assert.NotEqual("ok", row.Status);
    }
}
