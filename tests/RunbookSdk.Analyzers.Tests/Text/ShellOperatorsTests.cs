using RunbookSdk.Analyzers.Text;

namespace RunbookSdk.Analyzers.Tests.Text;

/// <summary>
/// The one reading of shell quoting the command rules share: which operators are text. Shown with <c>_</c> for an
/// operator the reader turned into text, so each case reads as the shell sees it.
/// </summary>
public sealed class ShellOperatorsTests
{
    private static string Read(string command) => ShellOperators.Read(command).Replace(ShellOperators.Quoted, '_');

    [Theory]
    [InlineData("echo \"done; now tail -f\"", "echo \"done_ now tail -f\"")]
    [InlineData("grep -E 'ok|up' x | wc -l", "grep -E 'ok_up' x | wc -l")]
    [InlineData("echo $'it\\'s; done' ; ls", "echo $'it\\'s_ done' ; ls")] // $'...' escapes its quote
    [InlineData("echo 'it\\'; ls", "echo 'it\\'; ls")] // '...' does not: the backslash is text and the quote closes
    [InlineData("echo \"a \\\" b; c\" | wc", "echo \"a \\\" b_ c\" | wc")] // \" does not close "..."
    [InlineData("find . -exec rm {} \\; && ls", "find . -exec rm {} \\_ && ls")]
    [InlineData("kubectl logs api \\\n -f", "kubectl logs api \\  -f")] // a continued line is one command
    [InlineData("echo \"pods: $(kubectl get pods | wc -l); ok\"", "echo \"pods: $(kubectl get pods | wc -l)_ ok\"")] // $(...) runs a command
    [InlineData("echo \"`date | tr a b`; ok\"", "echo \"`date | tr a b`_ ok\"")]
    [InlineData("echo don't; tail -f x", "echo don't; tail -f x")] // never closed: a plain character
    [InlineData("ls # it's fine\necho 'a;b'", "ls # it's fine\necho 'a_b'")] // an apostrophe in a comment opens nothing
    public void QuotedOperatorsAreText(string command, string expected) => Assert.Equal(expected, Read(command));

    [Theory]
    [InlineData("kubectl get pods -n api | grep -c Running")]
    [InlineData("curl -fsS https://api/health; echo done")]
    public void TextWithoutQuotesIsReturnedAsItIs(string command) => Assert.Same(command, ShellOperators.Read(command));

    [Fact]
    public void HostileTextEndsAndKeepsItsLength()
    {
        var hostile = string.Concat(Enumerable.Repeat("\"$(`'$'\\", 20_000));
        Assert.Equal(hostile.Length, ShellOperators.Read(hostile).Length);
    }
}
