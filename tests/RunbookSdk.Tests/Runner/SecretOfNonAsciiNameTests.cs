using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A secret parameter named in Turkish or German (<c>Şifre</c>, <c>Schlüssel</c>) was read from
/// <c>RUNBOOK_SECRET_ŞIFRE</c>: a name no shell can set — bash answers <c>export: not a valid identifier</c> — so the
/// engineer following the runner's own advice could only pass the secret on the command line, in everyone's <c>ps</c>.
/// The variable's name is spelt in ASCII (<c>RUNBOOK_SECRET_SIFRE</c>); the former spelling is still read.
/// </summary>
public sealed class SecretOfNonAsciiNameTests
{
    private const string Token = "gizli-Şifre-ß";

    private static TestRun Runbook(List<string> seen) => new TestRun((rb, p) => rb
            .Phase("Act", ph => ph
                .Step("Call the API", s => s.Execute("call", ctx =>
                {
                    seen.Add(ctx.Parameters["Şifre"]);
                    return Task.CompletedTask;
                })))
            .NoRollback("test"))
        .Parameter("Şifre", "", secret: true);

    [Fact]
    public async Task The_secret_is_read_from_a_variable_a_shell_can_set_and_the_refusal_names_that_variable()
    {
        var seen = new List<string>();
        using var run = Runbook(seen);

        var missing = await Host.RunAsync(run.Catalog(), new Dictionary<string, string>(), "run", run.Id, "--non-interactive", "--journal", run.Temp.File("a.jsonl"));
        var result = await Host.RunAsync(run.Catalog(), new Dictionary<string, string> { ["RUNBOOK_SECRET_SIFRE"] = Token }, "run", run.Id, "--non-interactive", "--journal", run.Temp.File("b.jsonl"));

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("set the environment variable RUNBOOK_SECRET_SIFRE ", missing.Output, StringComparison.Ordinal);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal([Token], seen);
    }

    [Fact]
    public async Task The_former_spelling_of_the_variable_is_still_read()
    {
        var seen = new List<string>();
        using var run = Runbook(seen);

        var result = await Host.RunAsync(run.Catalog(), new Dictionary<string, string> { ["RUNBOOK_SECRET_ŞIFRE"] = Token }, "run", run.Id, "--non-interactive", "--journal", run.Temp.File("run.jsonl"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([Token], seen);
    }

    [Theory]
    [InlineData("ApiToken", "RUNBOOK_SECRET_APITOKEN")]
    [InlineData("Şifre", "RUNBOOK_SECRET_SIFRE")]
    [InlineData("Süre", "RUNBOOK_SECRET_SURE")]
    [InlineData("Schlüssel", "RUNBOOK_SECRET_SCHLUSSEL")]
    [InlineData("Größe", "RUNBOOK_SECRET_GROSSE")]
    [InlineData("gizliAnahtarı", "RUNBOOK_SECRET_GIZLIANAHTARI")]
    [InlineData("S\u0327ifre", "RUNBOOK_SECRET_SIFRE")] // typed decomposed
    // Spelt from a table, not through Unicode normalization, which with invariant globalization (no ICU, as in many
    // containers) decomposes nothing: the bastion would read another variable than the laptop.
    public void The_variable_name_is_the_parameter_name_upper_cased_in_ascii(string parameter, string variable) =>
        Assert.Equal(variable, RunbookSdk.Hosting.SecretEnvironment.VariableName(parameter));
}
