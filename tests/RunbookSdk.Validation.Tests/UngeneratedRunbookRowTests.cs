namespace RunbookSdk.Validation.Tests;

/// <summary>
/// A runbook class the generator refuses (RB0103: no public parameterless constructor) has no runner and no page.
/// The validation table was built from the pages, so it had no row for it: a reader of the table saw only the
/// runbooks that were fine. It now has a row, named by its id and class, that says error and counts RB0103.
/// </summary>
public sealed class UngeneratedRunbookRowTests
{
    private const string Refused = """
        using RunbookSdk;

        namespace Payments;

        [Runbook("payments-db-slow")]
        public sealed class DbSlow : Runbook<PaymentsHandbook>
        {
            private readonly string _cluster;

            public DbSlow(string cluster) => _cluster = cluster;

            public override void Define(IRunbookBuilder rb) => rb
                .Title("Payments DB slow")
                .Severity(Severity.P2)
                .Phase("Assess", TimeBox.Minutes(0, 5), p => p
                    .Step("Check load", s => s.Run("pg_isready -h db.payments.internal")))
                .Rollback(r => r.Step("Roll back", s => s.Run("./rollback.sh").RequiresConfirmation()))
                .Verification(v => v.Step("Health is green", s => s.Http("GET", "https://payments.example.com/health").ExpectStatus(200)));
        }
        """;

    [Fact]
    public async Task A_runbook_the_generator_refuses_has_a_row_that_says_error()
    {
        using var project = new TempProject().With("PaymentsHandbook.cs", Runbooks.Handbook).With("DbSlow.cs", Refused);
        await project.WriteCurrentDocsAsync();

        var result = await RunbookValidator.ValidateAsync(project.ProjectFile);

        Assert.Contains(result.Findings, f => f.RuleId == "RB0103" && f.Path == "DbSlow.cs");
        var row = Assert.Single(result.Projects.Single().Runbooks);
        Assert.Equal("payments-db-slow", row.Id);
        Assert.Equal("DbSlow", row.Title);
        Assert.Equal("error", row.Status);
        Assert.Equal(1, row.FindingsByRule["RB0103"]);
        // The section rules still read it: the sections it has are shown as there.
        Assert.True(row.Rollback);
        Assert.True(row.Verification);
    }
}
