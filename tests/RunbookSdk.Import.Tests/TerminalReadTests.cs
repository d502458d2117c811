using RunbookSdk.Import.Recognition;
using RunbookSdk.Import.Source;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// A document's command asks the engineer with <c>read</c> (<c>read -r -p "Replica? " REPLICA &amp;&amp; ssh $REPLICA …</c>,
/// a "press enter" pause). The runner closes a command's standard input, so imported as it is the read got nothing at
/// once: the value empty, the step failed or ran with it empty, and nobody was asked; the import said nothing. It now
/// names the read and what to make of it. A read of a pipe, a redirection, a file descriptor or a loop's input is not one.
/// </summary>
public sealed class TerminalReadTests
{
    [Theory]
    [InlineData("read -r -p \"Replica? \" REPLICA && ssh $REPLICA sudo pg_ctl promote", "read -r -p \"Replica? \" REPLICA")]
    [InlineData("read -p 'Press enter when the DNS change is live'", "read -p 'Press enter when the DNS change is live'")]
    [InlineData("kubectl get pods; IFS= read -r POD; kubectl delete pod $POD", "IFS= read -r POD")]
    [InlineData("read -r -p \"Host <name>? \" HOST; ssh $HOST", "read -r -p \"Host <name>? \" HOST")]
    [InlineData("ssh db-1 'read -r X; echo $X'", "read -r X")]
    [InlineData("X=`read -r ANSWER; echo $ANSWER`", "read -r ANSWER")]
    [InlineData("echo db-1 | read -r HOST", "")]
    [InlineData("read -r HOST < hosts.txt", "")]
    [InlineData("read -r HOST <<< \"$HOSTS\"", "")]
    [InlineData("read -ru 3 HOST", "")]
    [InlineData("while read -r pod; do kubectl delete $pod; done < pods.txt", "")]
    [InlineData("kubectl get pods -o name | while IFS= read -r pod; do echo $pod; done", "")]
    [InlineData("echo read HOST", "")]
    [InlineData("cat <<EOF > note.txt\nread the logs first\nEOF", "")]
    [InlineData("grep -c read /var/log/app.log", "")]
    public void A_read_that_waits_for_the_terminal_is_named(string command, string expected)
    {
        Assert.Equal(expected.Length == 0 ? [] : [expected], TerminalReads.Of(command));
    }

    [Fact]
    public void A_block_that_asks_the_engineer_with_read_is_warned_about()
    {
        var project = RunbookImporter.Generate(MarkdownSource.FromText("db.md", """
            # Database

            ## Playbook: Failover

            ### 1. Promote the replica (0-5 minutes)

            ```bash
            read -r -p "Replica? " REPLICA && ssh $REPLICA sudo pg_ctl promote
            ```
            """), "Database", allowIncomplete: true, Path.Combine(Seeds.RepositoryRoot, "artifacts", "terminal-read"), Seeds.RepositoryRoot);

        Assert.Contains(project.Warnings, w => w.Contains(
            "line 7: this shell block waits for the engineer to answer `read -r -p \"Replica? \" REPLICA`, but the runner closes a command's standard input",
            StringComparison.Ordinal));
    }
}
