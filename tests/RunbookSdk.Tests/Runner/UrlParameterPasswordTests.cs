using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A parameter that is not a <c>[Secret]</c> but holds a URL with a password (<c>DbUrl=postgres://app:pw@db:5432/x</c>,
/// a connection string handed over whole) was shown whole: in the console's commands, the dry run's parameters, the
/// journal's <c>run-started</c> and so <c>runs</c>. The password part is masked wherever secrets are, the rest of the URL
/// kept readable; a resume does not run with the masked text, and asks for the value again.
/// </summary>
public sealed class UrlParameterPasswordTests
{
    private const string Password = DbUrlMigrationRunbook.Password;
    private const string DbUrl = DbUrlMigrationRunbook.DbUrl;
    private const string Masked = DbUrlMigrationRunbook.Masked;

    [Fact]
    public async Task The_password_of_a_url_parameter_is_masked_in_the_dry_run_the_console_the_journal_and_runs()
    {
        using var migration = new DbUrlMigrationRunbook();
        var (run, urls) = (migration.Run, migration.Urls);
        var folder = run.Temp.File("journals");
        Directory.CreateDirectory(folder);
        var journal = Path.Combine(folder, "run.jsonl");

        var dry = await Host.RunAsync(run.Catalog(), "run", run.Id, $"DbUrl={DbUrl}", "--dry-run");
        var first = await Host.RunAsync(run.Catalog(), "run", run.Id, $"DbUrl={DbUrl}", "--non-interactive", "--journal", journal);
        var runs = await Host.RunAsync(run.Catalog(), "runs", folder);

        Assert.Equal(0, dry.ExitCode);
        Assert.Equal(1, first.ExitCode);
        Assert.DoesNotContain(Password, dry.Output + first.Output + runs.Output + File.ReadAllText(journal));
        Assert.Contains($"DbUrl = {Masked}", dry.Output);
        Assert.Contains($"| migrating {Masked}", first.Output);
        var started = Journal.Read(journal).First(e => e.Name == "run-started");
        Assert.Equal(Masked, started.Fields.GetProperty("parameters").GetProperty("DbUrl").GetString());
        // The code was handed the value itself.
        Assert.Equal([DbUrl], urls);

        migration.Heal();
        // The journal's value is masked: the resume does not run with it, and names the parameter to give again.
        var refused = await Host.RunAsync(run.Catalog(), "run", run.Id, "--non-interactive", "--resume", journal);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("parameter 'DbUrl': the journal holds its value masked", refused.Output);
        Assert.Single(urls);

        var resumed = await Host.RunAsync(run.Catalog(), "run", run.Id, $"DbUrl={DbUrl}", "--non-interactive", "--resume", journal);
        Assert.Equal(0, resumed.ExitCode);
        Assert.Equal([DbUrl, DbUrl], urls);
        Assert.DoesNotContain(Password, resumed.Output + File.ReadAllText(journal));
    }
}
