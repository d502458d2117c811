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
    public async Task What_the_prompts_show_of_the_runbook_shows_its_hidden_characters_as_the_console_does()
    {
        // Raw, a right-to-left override made the terminal show the step's title reversed ('Drop table test' read as
        // another step): on /dev/tty, with the run's output in a log, the question and what it is about are all the
        // engineer sees, and the console's lines and the page showed the same text with its marker. (The instruction
        // and options said beside the question are the run's own lines: WhatTheQuestionIsAboutTests.)
        var console = new KeyedConsole("y\r1\r");
        var prompts = new ConsoleOperatorPrompts(console);

        await prompts.ConfirmAsync("'Drop \u202Eelbat tset\u202C' is destructive. Run it now?", CancellationToken.None);
        await prompts.ChooseAsync("Choose one: \u202Eydemer", ["Keep \u2066prod\u2069", "Cache clear"], CancellationToken.None);

        Assert.Contains("'Drop \u27E8U+202E\u27E9elbat tset\u27E8U+202C\u27E9' is destructive", console.Output, StringComparison.Ordinal);
        Assert.Contains("Choose one: \u27E8U+202E\u27E9ydemer", console.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202E", console.Output, StringComparison.Ordinal);
    }
}
