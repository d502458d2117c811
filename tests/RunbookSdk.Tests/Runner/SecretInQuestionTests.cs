namespace RunbookSdk.Tests.Runner;

/// <summary>
/// Every question the run asks reaches the prompts with its secrets masked, as <c>IOperatorPrompts</c> promises: a
/// destructive step's confirmation and a monitor's question were asked with the secret in clear — on the terminal, on
/// <c>/dev/tty</c> when the output goes to a log — while the console and the journal masked the same words.
/// </summary>
public sealed class SecretInQuestionTests
{
    private const string Password = "postgres";

    [Fact]
    public async Task A_destructive_steps_confirmation_masks_a_secret_in_its_title()
    {
        using var run = new TestRun((rb, p) => rb
                .Phase("Fix", ph => ph.Step($"Restart {p["Password"]}", s => s.Execute("restart", _ => Task.CompletedTask).RequiresConfirmation()))
                .NoRollback("test"))
            .Parameter("Password", Password, secret: true);
        run.Prompts.Answer(true);

        var result = await run.RunAsync(TestRun.Interactive);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal(["'Restart ***' is destructive. Run it now?"], run.Prompts.Questions);
    }

    [Fact]
    public async Task A_monitors_question_masks_a_secret_in_what_it_watches()
    {
        using var run = new TestRun((rb, p) => rb
                .Phase("Watch", ph => ph.Step("Watch the token's calls", s => s.Monitor($"calls made with {p["ApiToken"]}", TimeSpan.FromMinutes(1))))
                .NoRollback("test"))
            .Parameter("ApiToken", "tok-s3cr3t", secret: true);
        run.Prompts.Answer(true);

        var result = await run.RunAsync(TestRun.Interactive);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal(["Did calls made with *** look healthy?"], run.Prompts.Questions);
    }

    [Fact]
    public async Task A_decisions_question_and_options_are_masked_once()
    {
        // A secret "*" would turn a mask masked twice into "*********": each question passes the masker once.
        using var run = new TestRun((rb, p) => rb
                .Phase("Fix", ph => ph.OneOf($"Remedy for {p["Token"]}", o => o
                    .Step($"Rotate {p["Token"]}", s => s.Execute("rotate", _ => Task.CompletedTask))
                    .Step("Scale out", s => s.Execute("scale", _ => Task.CompletedTask))))
                .NoRollback("test"))
            .Parameter("Token", "tok-s3cr3t", secret: true)
            .Parameter("Star", "*", secret: true);
        run.Prompts.Choose(1);

        var result = await run.RunAsync(TestRun.Interactive);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal(["Choose one: Remedy for ***"], run.Prompts.Questions);
        Assert.Equal(["Rotate ***", "Scale out"], run.Prompts.Offered.Single());
    }
}
