namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A command traced with <c>set -x</c> (a script's <c>set -euxo pipefail</c>) has bash print each command it runs, its
/// words quoted as bash quotes them: a secret with a <c>'</c> comes out as <c>'p'\''ss'</c>.
/// </summary>
public sealed class TracedSecretTests
{
    [Theory]
    [InlineData("s3cr'et-x")]
    [InlineData("s3cr'et x")]
    [InlineData("s3cr\"'et")]
    public async Task A_secret_in_a_traced_command_is_masked_as_bash_quotes_it(string secret)
    {
        if (OperatingSystem.IsWindows()) return;
        using var run = new TestRun((rb, p) => rb
            .Phase("P", ph => ph.Step("Traced", s => s.Run($"set -x; printf '%s\\n' {p["Token"]} > /dev/null")))
            .NoRollback("test"))
            .Parameter("Token", secret, secret: true);

        var result = await run.RunAsync();

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("+ printf", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr", File.ReadAllText(run.JournalPath), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s3cr$et-x")]
    [InlineData("s3cr`et-x")]
    [InlineData("s3cr\\et-x")]
    [InlineData("s3cr\"$et")]
    public async Task A_secret_in_a_double_quoted_hole_is_masked_where_bash_prints_the_command_as_written(string secret)
    {
        // set -v prints each command as bash reads it, before expanding it: the runner's text, in which a double-quoted
        // hole has its $, `, " and \ escaped (s3cr\$et-x), as does a syntax error quoting the line it stopped at.
        if (OperatingSystem.IsWindows()) return;
        using var run = new TestRun((rb, p) => rb
            .Phase("P", ph => ph.Step("Verbose", s => s.Run($"set -v\nprintf '%s\\n' \"Bearer {p["Token"]}\" > /dev/null")))
            .NoRollback("test"))
            .Parameter("Token", secret, secret: true);

        var result = await run.RunAsync();

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("| printf", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr", File.ReadAllText(run.JournalPath), StringComparison.Ordinal);
    }
}
