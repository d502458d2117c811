using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// An answer the console cannot take — Enter alone, a word it does not know — is met with the answers it takes, and the
/// question is asked again. Before, Enter alone did nothing on the screen (the engineer at a destructive step's
/// confirmation saw no reaction at all), and any other answer got Spectre's "Please select one of the available
/// options", of options the prompt does not list.
/// </summary>
public sealed class ConsolePromptAnswerTests
{
    [Theory]
    [InlineData("\rn\r")]
    [InlineData("maybe\rn\r")]
    public async Task A_confirmation_answered_with_neither_y_nor_n_says_which_answers_it_takes(string keys)
    {
        var console = new KeyedConsole(keys);

        var confirmed = await new ConsoleOperatorPrompts(console).ConfirmAsync("'Deploy' is destructive. Run it now?", CancellationToken.None);

        Assert.False(confirmed);
        Assert.Contains("Answer y (yes) or n (no).", console.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("available options", console.Output, StringComparison.Ordinal);
        Assert.Equal(2, Occurrences(console.Output, "'Deploy' is destructive. Run it now? [y/n]"));
    }

    [Theory]
    [InlineData("\rd\r")]
    [InlineData("ok\rd\r")]
    public async Task A_manual_instruction_answered_with_no_known_answer_says_which_answers_it_takes(string keys)
    {
        var console = new KeyedConsole(keys);

        var acknowledgement = await new ConsoleOperatorPrompts(console).AcknowledgeAsync("Point api.example.com at the standby", CancellationToken.None);

        Assert.Equal(ManualChoice.Done, acknowledgement.Choice);
        Assert.Contains("Answer d (done), s (skip) or a (abort).", console.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("available options", console.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\r2\r")]
    [InlineData("9\r2\r")]
    public async Task A_decision_answered_with_no_options_number_says_which_numbers_it_takes(string keys)
    {
        var console = new KeyedConsole(keys);

        var chosen = await new ConsoleOperatorPrompts(console).ChooseAsync("Choose one: Mitigation strategy", ["Restart", "Cache clear"], CancellationToken.None);

        Assert.Equal(1, chosen);
        Assert.Contains("Answer with an option's number, 1 to 2, or 0 for none of these.", console.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("available options", console.Output, StringComparison.Ordinal);
    }

    private static int Occurrences(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
