namespace RunbookSdk.Tests.Runner;

/// <summary>
/// The runbook the tests of where a secret comes from run: one step prints the secret in a header (so a test can see
/// it reached the command, masked on screen and in the journal), one step's code records the value it was given.
/// </summary>
internal static class SecretUsingRunbook
{
    /// <summary>A runbook with the secret parameter <c>ApiToken</c>; each value its code is given is added to <paramref name="seen"/>.</summary>
    public static TestRun Create(List<string> seen) => new TestRun((rb, p) => rb
            .Phase("Act", ph => ph
                .Step("Show the header", s => s.Run($"echo \"Authorization: Bearer {p["ApiToken"]}\""))
                .Step("Call the API", s => s.Execute("call", ctx =>
                {
                    seen.Add(ctx.Parameters["ApiToken"]);
                    return Task.CompletedTask;
                })))
            .NoRollback("test"))
        .Parameter("ApiToken", "", secret: true);
}
