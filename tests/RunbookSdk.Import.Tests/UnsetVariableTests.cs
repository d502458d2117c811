using RunbookSdk.Import.Recognition;
using RunbookSdk.Import.Source;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// A document's command reads a variable the author set by hand beforehand (<c>curl -H "Authorization: Bearer $TOKEN"</c>
/// in the AuraConnect seed, <c>npm run deploy:rollback production $PREVIOUS_VERSION</c> in seed 004). Imported, each
/// command runs in a fresh shell, where it is empty; the import said nothing. It now names the block's line and the
/// variables.
/// </summary>
public sealed class UnsetVariableTests
{
    [Theory]
    [InlineData("redis-cli DEL $BIG_KEY", "BIG_KEY")]
    [InlineData("rm -rf \"${DIR}/\"", "DIR")]
    [InlineData("curl -H \"Authorization: Bearer $TOKEN\" $URL/health", "TOKEN,URL")]
    [InlineData("echo $pod", "pod")]
    [InlineData("kubectl scale deploy/api --replicas=${REPLICAS:-3}", "")]
    [InlineData("test -n \"${TOKEN:?set TOKEN first}\"", "")]
    [InlineData("awk '{print $1, $NF}' access.log", "")]
    [InlineData("ssh db-1 'echo $HOSTNAME_OF_DB'", "")]
    [InlineData("echo \\$LITERAL", "")]
    [InlineData("ls $HOME $PATH $KUBECONFIG $AWS_PROFILE $BASH_VERSION $XDG_CONFIG_HOME $1 $? $@", "")]
    [InlineData("for pod in $(kubectl get pods -o name); do kubectl delete $pod; done", "")]
    [InlineData("read -r ANSWER; echo $ANSWER", "")]
    [InlineData("export NAMESPACE=bridge && kubectl get pods -n $NAMESPACE", "")]
    [InlineData("N=$(nproc); make -j$N", "")]
    [InlineData("echo \"it's $WHO\"", "WHO")]
    public void A_variable_read_and_not_set_is_named(string command, string expected)
    {
        Assert.Equal(expected.Length == 0 ? [] : expected.Split(','), UnsetVariables.ReadButNotSet(command));
    }

    [Fact]
    public void The_import_names_the_block_line_and_the_variables_it_reads_unset()
    {
        var project = RunbookImporter.Generate(MarkdownSource.FromText("cache.md", """
            # Cache

            ## Playbook: Big keys

            ### 1. Drop the big key (0-5 minutes)

            ```bash
            redis-cli --bigkeys
            redis-cli DEL $BIG_KEY
            ```

            ### 2. Check (5-10 minutes)

            ```bash
            redis-cli INFO memory | grep used_memory_human
            ```
            """), "Cache", allowIncomplete: true, Path.Combine(Seeds.RepositoryRoot, "artifacts", "unset-variables"), Seeds.RepositoryRoot);

        Assert.Contains("cache.md: line 7: this shell block reads $BIG_KEY, which nothing in it sets: each Run(...) starts a fresh shell, so it runs with it empty unless the engineer's environment has it (`rm -rf $DIR/` would be `rm -rf /`): make it a parameter, or set it in the command", project.Warnings);
        Assert.DoesNotContain(project.Warnings, w => w.Contains("line 14:", StringComparison.Ordinal));
    }
}
