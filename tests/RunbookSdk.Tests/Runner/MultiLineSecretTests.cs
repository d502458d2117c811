namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A secret of several lines (a PEM key, a service account's JSON key) reaches the console and the journal a line at a
/// time, as the command or code that prints it writes them. The masker matched only the whole value, which no single
/// line holds, so a failing command that printed the key showed and journaled it line by line in clear.
/// </summary>
public sealed class MultiLineSecretTests
{
    private const string Body = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC";
    private const string Tail = "YXNkZmFzZGZhc2RmYXNkZmFzZGY=";
    private const string Key = "-----BEGIN PRIVATE KEY-----\n" + Body + "\n" + Tail + "\n-----END PRIVATE KEY-----";

    [Fact]
    public async Task A_key_printed_by_a_command_and_by_code_is_masked_in_every_line_on_the_console_and_in_the_journal()
    {
        using var run = new TestRun((rb, p) => rb
                .Phase("Act", ph => ph
                    .Step("Print", s => s.Run($"printf 'failing with %s\\n' {p["Key"]}"))
                    .Step("Code", s => s.Execute("prints the key", _ =>
                    {
                        Console.WriteLine("got " + p["Key"]);
                        return Task.CompletedTask;
                    })))
                .NoRollback("test"))
            .Parameter("Key", Key, secret: true);

        var result = await run.RunAsync();

        Assert.Equal(0, result.ExitCode);
        var journal = File.ReadAllText(run.JournalPath);
        foreach (var line in new[] { Body, Tail, "BEGIN PRIVATE KEY" })
        {
            Assert.DoesNotContain(line, journal, StringComparison.Ordinal);
            Assert.DoesNotContain(line, result.Output, StringComparison.Ordinal);
        }
        var tails = result.Events("action").Select(a => a.Fields.GetProperty("outputTail").EnumerateArray().Select(l => l.GetString()!).ToArray()).ToArray();
        Assert.Equal(["failing with ***", "***", "***", "***"], tails[0]);
        Assert.Equal(["got ***", "***", "***", "***"], tails[1]);
    }
}
