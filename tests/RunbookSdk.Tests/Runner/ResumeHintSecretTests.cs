namespace RunbookSdk.Tests.Runner;

/// <summary>
/// The resume hint quotes the journal's path for the shell it is pasted into. A secret in that path is masked in the
/// hint as everywhere else, also when quoting changes how it reads (<c>$</c>, <c>"</c>, <c>\</c>, a backtick).
/// </summary>
public sealed class ResumeHintSecretTests
{
    [Theory]
    [InlineData("p$ss-2026")]
    [InlineData("p\"ss-2026")]
    [InlineData("p\\ss-2026")]
    [InlineData("p`ss-2026")]
    public async Task A_secret_in_the_journals_path_is_masked_in_the_resume_hint(string secret)
    {
        // Before, the path was quoted first (p\$ss-2026) and the masker, which knows p$ss-2026, left the quoted form alone.
        if (OperatingSystem.IsWindows()) return;
        using var run = new TestRun(rb => rb.Phase("P", p => p.Step("Fails", s => s.Run("exit 1"))).NoRollback("test"))
            .Parameter("Token", secret, secret: true);
        var journal = Path.Combine(run.Temp.File($"incident-{secret}"), "run.jsonl");

        var result = await run.RunAsync(TestRun.NonInteractive with { JournalPath = journal });

        Assert.Equal(1, result.ExitCode);
        var hint = Assert.Single(result.Output.Split('\n'), l => l.Contains("--resume", StringComparison.Ordinal));
        Assert.DoesNotContain("ss-2026", hint);
        Assert.Contains("incident-***", hint);
    }
}
