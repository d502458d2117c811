namespace RunbookSdk.Tests.Runner;

/// <summary>
/// What a command prints reaches the engineer's terminal, but not as instructions to it: raw, an escape sequence in
/// a response body or a binary file cleared the screen, moved the cursor back over the runner's lines, hid text or left
/// every later line red, and a line separator started a line without the <c>    | </c> prefix that reads as the
/// runner's own. Colour sequences are dropped, every other control character is shown as <c>⟨U+001B⟩</c>; the
/// journal keeps what was printed.
/// </summary>
public sealed class TerminalControlsInOutputTests
{
    [Fact]
    public async Task Control_characters_a_command_prints_are_shown_not_obeyed()
    {
        using var run = new TestRun(rb => rb
            .Phase("Act", p => p.Step("Print", s => s.Run(
                @"printf 'status \033[31mred\033[0m done\n'; printf 'a\000b\007c\016d\n'; printf 'wipe\033[2J\033[1Ahere\n'; printf 'one\342\200\250  ok (0.1 s) two\n'")))
            .NoRollback("test"));

        var result = await run.RunAsync();

        var shown = result.Output.Split('\n');
        Assert.Contains("    | status red done", shown);
        Assert.Contains("    | a⟨U+0000⟩b⟨U+0007⟩c⟨U+000E⟩d", shown);
        Assert.Contains("    | wipe⟨U+001B⟩[2J⟨U+001B⟩[1Ahere", shown);
        // A line separator in the output does not start a line of its own, which would read as the runner's result.
        Assert.Contains("    | one⟨U+2028⟩  ok (0.1 s) two", shown);
        Assert.DoesNotContain(result.Output, c => c < ' ' && c is not '\n' and not '\t');
        // The journal records what the command printed, as it printed it.
        var tail = result.Events("action").Single().Fields.GetProperty("outputTail").EnumerateArray().Select(l => l.GetString()).ToArray();
        Assert.Contains("wipe\u001B[2J\u001B[1Ahere", tail);
    }
}
