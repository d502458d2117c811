namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A runbook that shows its <c>DbUrl</c> (a URL with a password, not a <c>[Secret]</c>) in a command, then migrates
/// and shows it again in its verification,
/// the migration failing until <see cref="Heal"/>: a first run stops there and a resume goes on. It records the
/// <c>DbUrl</c> the migration was handed, for the tests of how such a value is masked and given again on resume.
/// </summary>
internal sealed class DbUrlMigrationRunbook : IDisposable
{
    public const string Password = "hunter2-db-pass";
    public const string DbUrl = $"postgres://app:{Password}@db:5432/orders";
    public const string Masked = "postgres://app:***@db:5432/orders";

    private bool _fails = true;

    public DbUrlMigrationRunbook(bool required = false) =>
        Run = new TestRun((rb, values) => rb
                .Phase("Migrate", ph => ph
                    .Step("Show the target", s => s.Run($"echo migrating {values["DbUrl"]}"))
                    .Step("Migrate", s => s.Execute("migrate", ctx =>
                    {
                        Urls.Add(ctx.Parameters["DbUrl"]);
                        return _fails ? throw new InvalidOperationException("not yet") : Task.CompletedTask;
                    })))
                .NoRollback("test")
                // Run on every run, resumes too: where a resume's dry run shows the value used.
                .Verification(v => v.Step("Check the target", s => s.Run($"echo checking {values["DbUrl"]}"))))
            .Parameter("DbUrl", "", required: required);

    public TestRun Run { get; }

    /// <summary>The <c>DbUrl</c> each migration was handed, in order, across runs.</summary>
    public List<string> Urls { get; } = [];

    /// <summary>Lets the migration succeed from now on: the resume after the failed run.</summary>
    public void Heal() => _fails = false;

    public void Dispose() => Run.Dispose();
}
