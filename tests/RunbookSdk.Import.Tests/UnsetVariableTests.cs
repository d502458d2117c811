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

    /// <summary>
    /// <c>read</c>, <c>export</c>, <c>local</c>, <c>declare</c>, <c>mapfile</c> and <c>readarray</c> set the names among
    /// their own command's words. Read up to the first ';' or '|', a prompt holding one (<c>read -p "Host; port? " HOST</c>)
    /// or a command substitution holding one stopped the command before the name: "HOST is never set" where the block
    /// sets it; and a name in the prompt's text or a "read" that is another command's argument counted as set.
    /// </summary>
    [Theory]
    [InlineData("read -p \"Host; port? \" HOST; ssh $HOST uptime", "")]
    [InlineData("read -r -p \"$(date; echo) > \" ANSWER && echo $ANSWER", "")]
    [InlineData("read -r -p 'Restart api | worker? ' TARGET && kubectl rollout restart deploy/$TARGET", "")]
    [InlineData("declare -r LIMIT=\"a;b\" MODE; echo $LIMIT $MODE", "")]
    [InlineData("readarray -t PODS < <(kubectl get pods -o name); kubectl delete ${PODS[0]}", "")]
    [InlineData("while IFS=: read -r NAME UID_OF_USER; do echo $NAME $UID_OF_USER; done < /etc/passwd", "")]
    [InlineData("read -p \"Which HOST? \" ANSWER; ssh $HOST", "HOST")]
    [InlineData("echo read HOST; ssh $HOST", "HOST")]
    public void A_name_a_read_or_declaration_sets_in_its_own_command_is_set(string command, string expected)
    {
        Assert.Equal(expected.Length == 0 ? [] : expected.Split(','), UnsetVariables.ReadButNotSet(command));
    }

    /// <summary>
    /// Words are read in the positions bash reads them: an option's argument of <c>read</c> or <c>mapfile</c>
    /// (<c>read -p HOST X</c>'s prompt) is no name it sets, and <c>NAME=…</c> assigns only before its command's name
    /// (or as a declaration's argument): <c>curl --data X=1 …</c> and <c>docker run -e MODE=drain</c> set nothing in the
    /// shell. Both counted as set, so the import said nothing about <c>ssh $HOST</c> or <c>echo $X</c> after them.
    /// </summary>
    [Theory]
    [InlineData("read -p HOST X; ssh $HOST uptime", "HOST")]
    [InlineData("read -rp HOST X; ssh $HOST $X", "HOST")]
    [InlineData("read -t 5 -n 1 KEY; echo $KEY", "")]
    [InlineData("read -n1 KEY; echo $KEY", "")]
    [InlineData("read -ra HOSTS; ssh ${HOSTS[0]} uptime", "")]
    [InlineData("mapfile -t -u 3 LINES 3< hosts; echo ${LINES[0]}", "")]
    [InlineData("mapfile -C COUNT LINES < hosts; echo $COUNT", "COUNT")]
    [InlineData("curl --data X=1 https://api.internal/x; echo $X", "X")]
    [InlineData("docker run -e MODE=drain app && echo $MODE", "MODE")]
    [InlineData("LIMIT=5 MODE=drain; echo $LIMIT $MODE", "")]
    [InlineData("cd /srv && then_set=1; if true; then MODE=drain; fi; echo $then_set $MODE", "")]
    [InlineData("export NS=prod; local L=1; echo $NS $L", "")]
    public void A_word_sets_a_name_only_where_bash_reads_one(string command, string expected)
    {
        Assert.Equal(expected.Length == 0 ? [] : expected.Split(','), UnsetVariables.ReadButNotSet(command));
    }

    /// <summary>
    /// A subshell's variables die with it: bash runs <c>( … )</c>, <c>$( … )</c>, each command of a pipeline (unless
    /// <c>shopt -s lastpipe</c> keeps the last one in the shell) and a command sent to the background with <c>&amp;</c> in a
    /// shell of their own. A name one of them sets was taken as set everywhere, so <c>echo db-1 | read -r HOST; ssh $HOST</c>
    /// ran <c>ssh</c> with no host and the import said nothing. It is set where the subshell reads it, and in a
    /// <c>{ …; }</c> group, which the shell runs itself.
    /// </summary>
    [Theory]
    [InlineData("(read -r HOST); ssh $HOST uptime", "HOST")]
    [InlineData("X=$(read -r ANSWER; echo \"$ANSWER\"); echo $ANSWER $X", "ANSWER")]
    [InlineData("echo db-1 | read -r HOST; ssh $HOST uptime", "HOST")]
    [InlineData("(export NS=prod); kubectl get pods -n $NS", "NS")]
    [InlineData("read -r HOST & ssh $HOST uptime", "HOST")]
    [InlineData("(cd /srv && read -r HOST && ssh $HOST uptime)", "")]
    [InlineData("read -r HOST; (ssh $HOST uptime)", "")]
    [InlineData("echo db-1 | { read -r HOST; ssh $HOST uptime; }", "")]
    [InlineData("kubectl get pods -o name | while read -r pod; do kubectl delete $pod; done", "")]
    [InlineData("{ read -r HOST; } < hosts.txt; ssh $HOST uptime", "")]
    [InlineData("shopt -s lastpipe; echo db-1 | read -r HOST; ssh $HOST uptime", "")]
    [InlineData("N=$(( $(nproc) * 2 )); make -j$N", "")]
    [InlineData("for ((i=0; i<3; i++)); do echo $i; done", "")]
    public void A_name_set_in_a_subshell_is_set_only_there(string command, string expected)
    {
        Assert.Equal(expected.Length == 0 ? [] : expected.Split(','), UnsetVariables.ReadButNotSet(command));
    }

    /// <summary>
    /// A loop, <c>if</c> or group that is itself a pipeline's command runs in a shell of its own (bash without
    /// <c>shopt -s lastpipe</c>): <c>cat hosts | while read -r H; do …; done; ssh $H</c> runs the last <c>ssh</c> with no
    /// host. Such a compound command was taken as setting its names everywhere, so the import said nothing. Reads in its
    /// body are still not named.
    /// </summary>
    [Theory]
    [InlineData("cat hosts | while read -r H; do ssh $H uptime; done; ssh $H uptime", "H")]
    [InlineData("echo db-1 | { read -r HOST; }; ssh $HOST uptime", "HOST")]
    [InlineData("cat hosts | if read -r H; then ssh $H uptime; fi; ssh $H uptime", "H")]
    [InlineData("for H in db-1 db-2; do echo $H; done | sort; ssh $H uptime", "H")]
    [InlineData("kubectl get pods -o name | while read -r pod; do echo \"done; $pod\"; done; echo $pod", "pod")]
    [InlineData("cat hosts | while read -r H; do (ssh $H uptime); done", "")]
    [InlineData("while read -r H; do ssh $H uptime; done < hosts; ssh $H uptime", "")]
    [InlineData("shopt -s lastpipe; cat hosts | while read -r H; do echo $H; done; ssh $H uptime", "")]
    public void A_name_a_piped_loop_or_group_sets_is_set_only_in_it(string command, string expected)
    {
        Assert.Equal(expected.Length == 0 ? [] : expected.Split(','), UnsetVariables.ReadButNotSet(command));
    }

    /// <summary>
    /// A backtick substitution is a subshell, as <c>$( … )</c> is. Its commands were read as one word with the command
    /// around it: a <c>read</c> in it set nothing (its own <c>echo $ANSWER</c> was named) and an <c>export</c> in it set
    /// the name for the whole line (the <c>kubectl -n $NS</c> after it was not named).
    /// </summary>
    [Theory]
    [InlineData("X=`read -r ANSWER; echo`; echo $ANSWER $X", "ANSWER")]
    [InlineData("X=`read -r ANSWER; echo \"$ANSWER\"`; echo $X", "")]
    [InlineData("`export NS=prod`; kubectl get pods -n $NS", "NS")]
    [InlineData("echo \"`read -r HOST`\"; ssh $HOST uptime", "HOST")]
    [InlineData("N=`nproc`; make -j$N", "")]
    [InlineData("echo 'tick `'; export NS=prod; echo '` tock'; kubectl get pods -n $NS", "")]
    [InlineData("echo \\`; export NS=prod; echo \\`; kubectl get pods -n $NS", "")]
    public void A_name_set_in_a_backtick_substitution_is_set_only_there(string command, string expected)
    {
        Assert.Equal(expected.Length == 0 ? [] : expected.Split(','), UnsetVariables.ReadButNotSet(command));
    }

    [Fact]
    public void A_block_that_reads_a_name_a_pipeline_set_is_warned_about()
    {
        var project = RunbookImporter.Generate(MarkdownSource.FromText("db.md", """
            # Database

            ## Playbook: Failover

            ### 1. Promote the replica (0-5 minutes)

            ```bash
            cat replica.txt | read -r REPLICA && ssh $REPLICA sudo pg_ctl promote
            ```
            """), "Database", allowIncomplete: true, Path.Combine(Seeds.RepositoryRoot, "artifacts", "unset-variables-pipeline"), Seeds.RepositoryRoot);

        Assert.Contains(project.Warnings, w => w.Contains("line 7: this shell block reads $REPLICA, which nothing in it sets", StringComparison.Ordinal));
    }

    [Fact]
    public void A_block_that_reads_a_name_with_a_prompt_holding_a_separator_is_not_warned_about()
    {
        var project = RunbookImporter.Generate(MarkdownSource.FromText("db.md", """
            # Database

            ## Playbook: Failover

            ### 1. Promote the replica (0-5 minutes)

            ```bash
            read -r -p "Replica (host; port)? " REPLICA && ssh $REPLICA sudo pg_ctl promote
            ```
            """), "Database", allowIncomplete: true, Path.Combine(Seeds.RepositoryRoot, "artifacts", "unset-variables-prompt"), Seeds.RepositoryRoot);

        // The read itself is named for waiting on the closed input (TerminalReadTests), not for leaving REPLICA unset.
        Assert.DoesNotContain(project.Warnings, w => w.Contains("$REPLICA", StringComparison.Ordinal));
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

    /// <summary>
    /// An assignment in front of a command (<c>LIMIT=5 kubectl logs --tail=$LIMIT</c>) puts the value in that command's
    /// environment alone, after bash has expanded the command's own words: <c>$LIMIT</c> there, and in later commands, is
    /// empty. It counted as setting the name for the rest of the block, and the import said nothing.
    /// </summary>
    [Theory]
    [InlineData("LIMIT=5 kubectl logs deploy/api --tail=$LIMIT", "LIMIT")]
    [InlineData("NS=prod kubectl get pods; kubectl delete pod api-0 -n $NS", "NS")]
    [InlineData("DIR=\"/srv/app data\" rm -rf \"$DIR/cache\"", "DIR")]
    [InlineData("STAMP=\"$(date +%s; echo) now\" tar czf /tmp/$STAMP.tgz /etc", "STAMP")]
    [InlineData("NS=prod; kubectl get pods -n $NS", "")]
    [InlineData("A=1 B=2; echo $A $B", "")]
    [InlineData("X=1 Y=$X env", "")]
    [InlineData("X=$(cat a; echo b) && echo $X", "")]
    [InlineData("TOKEN=\"$(cat /run/token)\"\ncurl -H \"Authorization: Bearer $TOKEN\" https://api/health", "")]
    public void A_name_assigned_in_front_of_a_command_is_set_only_for_that_commands_environment(string command, string expected)
    {
        Assert.Equal(expected.Length == 0 ? [] : expected.Split(','), UnsetVariables.ReadButNotSet(command));
    }

    [Fact]
    public void A_block_that_reads_a_name_assigned_in_front_of_its_command_is_told_why_it_is_empty()
    {
        var project = RunbookImporter.Generate(MarkdownSource.FromText("api.md", """
            # API

            ## Playbook: Errors

            ### 1. Read the last log lines (0-5 minutes)

            ```bash
            LIMIT=200 kubectl logs deploy/api --tail=$LIMIT
            ```
            """), "Api", allowIncomplete: true, Path.Combine(Seeds.RepositoryRoot, "artifacts", "unset-variables-prefix"), Seeds.RepositoryRoot);

        Assert.Contains(project.Warnings, w => w.Contains("line 7: this shell block reads $LIMIT where an assignment in front of a command set it (`NAME=value command …`): bash puts such a value in that command's environment alone", StringComparison.Ordinal));
        Assert.DoesNotContain(project.Warnings, w => w.Contains("$LIMIT, which nothing in it sets", StringComparison.Ordinal));
    }
}
