using System.Text;
using RunbookSdk.Execution;
using static RunbookSdk.Tests.Runner.NonShellStepFailureTests;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A URL that serves a download or a log dump instead of a health answer, and output without line breaks: the runner
/// reads a bounded part of a body, prints and journals bounded lines, and says what it left out.
/// </summary>
public sealed class LargeOutputTests
{
    [Fact]
    public async Task A_body_longer_than_the_cap_is_read_in_part_and_the_step_says_so()
    {
        // One line of 20 MiB: more than the runner reads, and far more than a terminal line should hold.
        var size = LiveRun.MaxBodyBytes + 4 * 1024 * 1024;
        using var server = new TestHttpServer(async context =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = size;
            var chunk = Encoding.ASCII.GetBytes(new string('a', 64 * 1024));
            try
            {
                for (var sent = 0; sent < size; sent += chunk.Length) await context.Response.OutputStream.WriteAsync(chunk);
            }
            catch (Exception e) when (e is System.Net.HttpListenerException or IOException)
            {
                // The runner stopped reading at its cap and closed the connection.
            }
            context.Response.Close();
        });
        using var run = new TestRun(rb => rb
            .Phase("Check", ph => ph
                .Step("Status", s => s.Http("GET", server.Url).ExpectStatus(200))
                .Step("Contains", s => s.Http("GET", server.Url).ExpectBodyContains("\"status\":\"ok\"")))
            .NoRollback("test"));

        var result = await run.RunAsync();

        var actions = result.Events("action").ToArray();
        Assert.All(actions, a => Assert.Equal("true", a["bodyTruncated"]));
        Assert.Contains("the first 16 MiB of a longer body; the rest was not read", result.Output);
        var tail = actions[0].Fields.GetProperty("outputTail").EnumerateArray().Single().GetString()!;
        Assert.Equal(OutputLine.MaxLength + $" … ({LiveRun.MaxBodyBytes - OutputLine.MaxLength} more characters)".Length, tail.Length);
        Assert.DoesNotContain(new string('a', OutputLine.MaxLength + 1), result.Output);

        Assert.Equal(["Status: succeeded", "Contains: failed"], result.StepResults);
        var reason = result.Events("step-finished").Last()["reason"];
        Assert.Contains("only the first 16 MiB of the body were read and checked", reason);
    }

    [Fact]
    public async Task A_shell_line_without_breaks_is_cut_on_screen_and_in_the_journal_but_counted_whole()
    {
        using var run = new TestRun(rb => rb
            .Phase("Dump", ph => ph.Step("Minified", s => s.Run("head -c 100000 /dev/zero | tr '\\0' x; echo")))
            .NoRollback("test"));

        var result = await run.RunAsync();

        var action = result.Events("action").Single();
        var tail = action.Fields.GetProperty("outputTail").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.EndsWith($" … ({100000 - OutputLine.MaxLength} more characters)", Assert.Single(tail, l => l.Length > 0));
        // The digest is over the whole line, as printed: what was cut is still accounted for.
        var whole = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(new string('x', 100000))));
        Assert.Equal(whole, action["outputSha256"]);
        Assert.Contains($"more characters)", result.Output);
    }

    [Fact]
    public async Task A_command_that_prints_more_than_the_cap_is_kept_in_part_and_journaled_whole()
    {
        // 1.1 million lines of 17 characters: more than the runner keeps of a command's output in memory. Kept whole,
        // 400 MB of output (a chatty pod's logs) held 4 GB in the runner.
        const int lines = 1_100_000;
        string? seen = null;
        using var run = new TestRun(rb => rb
            .Phase("Dump", ph => ph
                .Step("Logs", s => s.Run($"yes 0123456789abcdef 2>/dev/null | head -n {lines}"))
                .Step("Read them", s => s.Execute("read the logs", ctx => { seen = ctx.Outputs["Logs"]; return Task.CompletedTask; })))
            .NoRollback("test"));

        var result = await run.RunAsync();

        Assert.Equal(0, result.ExitCode);
        Assert.NotNull(seen);
        Assert.True(seen.Length <= ShellProcess.MaxKeptOutputChars, $"kept {seen.Length} characters");
        Assert.StartsWith("0123456789abcdef\n0123456789abcdef", seen);
        // The journal's digest still covers every line the command printed.
        var action = result.Events("action").First(e => e["kind"] == "shell");
        Assert.Equal(lines.ToString(System.Globalization.CultureInfo.InvariantCulture), action["outputLines"]);
        var whole = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            Encoding.UTF8.GetBytes(string.Join('\n', Enumerable.Repeat("0123456789abcdef", lines)))));
        Assert.Equal(whole, action["outputSha256"]);
    }

    [Fact]
    public async Task A_shell_line_longer_than_the_runner_keeps_is_cut_as_it_is_read_and_the_cut_is_reported()
    {
        // 40 million characters without a line break: more than the 16 Mi characters the runner keeps. The line
        // reader used to build the whole line before it was cut (a gigabyte of it held two gigabytes of characters), and
        // then kept none of it: a later step read an empty output, and nothing said a line was dropped.
        const int printed = 40_000_000;
        string? seen = null;
        using var run = new TestRun(rb => rb
            .Phase("Dump", ph => ph
                .Step("Minified", s => s.Run($"head -c {printed} /dev/zero | tr '\\0' x"))
                .Step("Read it", s => s.Execute("read the dump", ctx => { seen = ctx.Outputs["Minified"]; return Task.CompletedTask; })))
            .NoRollback("test"));

        var result = await run.RunAsync();

        Assert.Equal(0, result.ExitCode);
        Assert.NotNull(seen);
        // What is kept is the line's first part, exactly as much as the runner keeps.
        Assert.Equal(ShellProcess.MaxKeptOutputChars, seen.Length);
        Assert.True(seen.All(c => c == 'x'));
        var dropped = printed - ShellProcess.MaxKeptOutputChars;
        var action = result.Events("action").First(e => e["kind"] == "shell");
        Assert.Equal("1", action["outputLines"]);
        Assert.Equal("1", action["outputLinesCut"]);
        Assert.Equal(dropped.ToString(System.Globalization.CultureInfo.InvariantCulture), action["outputCharsDropped"]);
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"only its first {ShellProcess.MaxKeptOutputChars:N0} of {printed:N0} characters were kept"), result.Output);
    }

    [Fact]
    public async Task Output_read_in_chunks_breaks_lines_as_before_at_lf_cr_and_crlf()
    {
        // The bounded reader must split lines exactly as ReadLineAsync did: a CRLF is one break, a lone CR is one, an
        // empty line is a line, and a last line without a break is kept.
        string? seen = null;
        using var run = new TestRun(rb => rb
            .Phase("Print", ph => ph
                .Step("Mixed", s => s.Run("printf 'one\\r\\ntwo\\rthree\\n\\nfour'"))
                .Step("Read it", s => s.Execute("read", ctx => { seen = ctx.Outputs["Mixed"]; return Task.CompletedTask; })))
            .NoRollback("test"));

        var result = await run.RunAsync();

        Assert.Equal("one\ntwo\nthree\n\nfour", seen);
        Assert.Equal("5", result.Events("action").First(e => e["kind"] == "shell")["outputLines"]);
    }
}
