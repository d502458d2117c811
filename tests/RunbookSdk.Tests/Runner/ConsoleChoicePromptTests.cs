using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>The console asks a decision by number, as the runner listed the options; 0 or "none" takes none.</summary>
public sealed class ConsoleChoicePromptTests
{
    [Theory]
    [InlineData("2\r", 1)]
    [InlineData("9\r1\r", 0)] // no such option: asked again
    [InlineData("0\r", null)]
    [InlineData("none\r", null)]
    public async Task The_operator_answers_with_the_options_number(string keys, int? expected)
    {
        var console = new KeyedConsole(keys);

        var chosen = await new ConsoleOperatorPrompts(console).ChooseAsync("Choose one: Mitigation strategy", ["Restart", "Cache clear"], CancellationToken.None);

        Assert.Equal(expected, chosen);
        Assert.Contains("Choose one: Mitigation strategy — which one? [1-2, or 0 for none of these]", console.Output);
    }

    [Fact]
    public async Task Asking_where_the_runs_output_is_not_seen_shows_the_options_and_the_instruction_with_the_question()
    {
        // On the terminal, with the output in a log (`> run.log 2>&1`), the options the run listed are not on the screen.
        var console = new KeyedConsole("2\rd\r");
        var prompts = new ConsoleOperatorPrompts(console) { ShowsWhatItAsksAbout = true };

        await prompts.ChooseAsync("Choose one: Mitigation strategy", ["Restart", "Cache clear"], CancellationToken.None);
        await prompts.AcknowledgeAsync("Point api.example.com at the standby", CancellationToken.None);

        Assert.Contains("1. Restart", console.Output);
        Assert.Contains("2. Cache clear", console.Output);
        Assert.Contains("0. none of these", console.Output);
        Assert.Contains("MANUAL: Point api.example.com at the standby", console.Output);
    }
}
