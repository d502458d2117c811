namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A multi-line command written as a verbatim string in a file checked out with CRLF line endings (git's autocrlf on
/// Windows) runs as the same command built from an LF checkout, and as its page shows it. Bash read the <c>\r</c> as
/// part of the line: the continuation backslash escaped it, so the next line ran as a command of its own (and the
/// step passed), and a here-document whose terminator line read <c>EOF\r</c> never ended.
/// </summary>
public sealed class CrlfCommandTests
{
    [Fact]
    public async Task A_command_with_CRLF_line_breaks_runs_as_with_LF_ones()
    {
        using var run = new TestRun((rb, p) => rb
            .Phase("Act", ph => ph
                .Step("Continued", s => s.Run("printf '%s|' one \\\r\n  two; echo"))
                .Step("Here-document", s => s.Run($"cat <<EOF\r\nhello {p["Name"]}\r\nEOF\r\necho after")))
            .NoRollback("test"))
            .Parameter("Name", "world");

        var result = await run.RunAsync();

        Assert.True(result.ExitCode == 0, result.Output);
        var tails = result.Events("action").Select(a => a.Fields.GetProperty("outputTail").EnumerateArray().Select(l => l.GetString()!).ToArray()).ToArray();
        Assert.Equal(["one|two|"], tails[0]);
        Assert.Equal(["hello world", "after"], tails[1]);
        Assert.DoesNotContain("command not found", result.Output, StringComparison.Ordinal);
    }
}
