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

    // A quoted argument another shell runs is a command line: its operators stay, its quotes read « and ».
    [Theory]
    [InlineData("ssh ops@h 'cd /srv; tail -f x' | wc -l", "ssh ops@h «cd /srv; tail -f x» | wc -l")]
    [InlineData("ssh -i key.pem -p 2222 -t ops@h 'a; b'", "ssh -i key.pem -p 2222 -t ops@h «a; b»")]
    [InlineData("ssh -c aes128-ctr ops@h 'a | b'", "ssh -c aes128-ctr ops@h «a | b»")] // ssh's -c takes a cipher
    [InlineData("ssh -o 'ProxyCommand=ssh -W %h:%p b' h 'a; b'", "ssh -o 'ProxyCommand=ssh -W %h:%p b' h «a; b»")] // an option's quoted value is no command
    [InlineData("sudo -u app /bin/bash -lc 'a && b'", "sudo -u app /bin/bash -lc «a && b»")]
    [InlineData("bash -euo pipefail -c 'a | b'", "bash -euo pipefail -c «a | b»")]
    [InlineData("kubectl exec api-0 -- sh -c \"echo \\\"a; b\\\"; ls\"", "kubectl exec api-0 -- sh -c «echo \\\"a_ b\\\"; ls»")]
    [InlineData("ssh h \"bash -c 'a; b' | c\"", "ssh h «bash -c «a; b» | c»")]
    [InlineData("su - app -c 'a; b'", "su - app -c «a; b»")]
    [InlineData("watch -n 5 'a | b'", "watch -n 5 «a | b»")]
    [InlineData("eval 'a; b'", "eval «a; b»")]
    [InlineData("jq '.a | .b' f; echo 'a; b'", "jq '.a _ .b' f; echo 'a_ b'")] // quoted arguments of other commands stay text
    [InlineData("git push -c 'a; b'; ssh 'a; b'", "git push -c 'a_ b'; ssh 'a_ b'")] // not sh -c; ssh without a host
    [InlineData("terraform apply -var 'x=a; b' -auto-approve", "terraform apply -var 'x=a_ b' -auto-approve")]
    public void ACommandLineAnotherShellRunsIsReadAsCommands(string command, string expected) =>
        Assert.Equal(expected, Read(command).Replace(ShellOperators.NestedStart, '«').Replace(ShellOperators.NestedEnd, '»'));

    // A here-document fed to a shell is a script between « and »; any other one is data, read like a quoted word (¶: its line breaks).
    [Theory]
    [InlineData("bash <<'EOF'\na; b\nEOF\nls | wc", "bash <<'EOF'«a; b»EOF\nls | wc")]
    [InlineData("ssh -p 2222 ops@h <<EOF\na | b\nc\nEOF", "ssh -p 2222 ops@h <<EOF«a | b\nc»EOF")]
    [InlineData("sudo bash -s <<-EOF\n\ta && b\n\tEOF", "sudo bash -s <<-EOF«\ta && b»\tEOF")]
    [InlineData("cat <<EOF > f\na; b | c\nEOF\nls | wc", "cat <<EOF > f¶a_ b _ c¶EOF\nls | wc")]
    [InlineData("cat <<EOF\n$(date | tr a b); x\nEOF", "cat <<EOF¶$(date | tr a b)_ x¶EOF")] // an unquoted delimiter expands $(...)
    [InlineData("cat <<'EOF'\n$(date | tr a b)\nEOF", "cat <<'EOF'¶$_date _ tr a b_¶EOF")]
    [InlineData("ssh h 'bash -s' <<EOF\na; b\nEOF", "ssh h «bash -s» <<EOF«a; b»EOF")]
    [InlineData("ssh h cat <<EOF\na; b\nEOF", "ssh h cat <<EOF¶a_ b¶EOF")] // fed to the remote cat: data
    [InlineData("echo $((1 << 2)); ls | wc", "echo $((1 << 2)); ls | wc")] // a shift, not a here-document
    public void AHereDocumentIsAScriptOnlyWhenAShellReadsIt(string command, string expected) =>
        Assert.Equal(expected, Read(command).Replace(ShellOperators.NestedStart, '«').Replace(ShellOperators.NestedEnd, '»').Replace(ShellOperators.DataLineBreak, '¶'));

    [Theory]
    [InlineData("kubectl get pods -n api | grep -c Running")]
    [InlineData("curl -fsS https://api/health; echo done")]
    public void TextWithoutQuotesIsReturnedAsItIs(string command) => Assert.Same(command, ShellOperators.Read(command));

    [Fact]
    public void HostileTextEndsAndKeepsItsLength()
    {
        var hostile = string.Concat(Enumerable.Repeat("\"$(`'$'\\", 20_000));
        Assert.Equal(hostile.Length, ShellOperators.Read(hostile).Length);
        var nested = string.Concat(Enumerable.Repeat("ssh h \"bash -c 'sh <<A\ncat <<B\n$(", 20_000));
        Assert.Equal(nested.Length, ShellOperators.Read(nested).Length);
    }
}
