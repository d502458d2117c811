using System.Text.RegularExpressions;
using RunbookSdk.Commands;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Commands;

/// <summary>
/// A hole in a command line that the shell hands to another one (<c>ssh HOST '…'</c>, <c>sh -c "…"</c>, <c>eval</c>, a
/// script in <c>bash &lt;&lt;EOF</c>) is quoted once for every shell that reads it: each hostile value reaches the inner
/// command as exactly one argument, and nothing it holds runs. Through the real bash; the "remote" shell of ssh is a
/// stand-in script on PATH that does what ssh does with its arguments — joins the words after the host with spaces and
/// hands them to a shell (<c>bash -c</c>), or, with none, feeds it its input — since there is no ssh server here.
/// </summary>
public sealed class NestedShellQuotingTests : StandInShellTests
{
    public NestedShellQuotingTests()
    {
        StandIn("ssh", """
            #!/bin/sh
            # Stands in for ssh: skips its options, the host and the options after it (ssh reads those too, up to a --),
            # then runs the rest as the remote side does.
            for part in options host options; do
              if [ $part = host ]; then shift; continue; fi
              while :; do case "$1" in -p|-o|-i|-l|-J) shift 2;; --) shift; break;; -*) shift;; *) break;; esac; done
            done
            if [ $# -eq 0 ]; then exec bash -s; fi
            exec bash -c "$*"
            """);
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void A_value_in_the_quoted_command_line_of_ssh_reaches_the_remote_command_as_one_argument(string value)
    {
        value = Hostile(value);
        Assert.Equal($"[{value}]", Run(Command($"ssh db-1 'printf \"[%s]\" {value}'")));
        Assert.Equal($"[{value}]", Run(Command($"ssh -p 2222 -o 'ConnectTimeout=5' db-1 'printf \"[%s]\" {value}'")));
        Assert.Equal($"[{value}]", Run(Command($"ssh db-1 -t -- 'printf \"[%s]\" {value}'")));
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void A_value_in_double_quotes_inside_the_command_line_of_ssh_is_quoted_for_those_quotes_then_for_the_outer_ones(string value)
    {
        value = Hostile(value);
        Assert.Equal($"[pre {value} post]", Run(Command($"ssh db-1 'printf \"[%s]\" \"pre {value} post\"'")));
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void A_value_among_the_words_ssh_joins_for_the_remote_shell_stays_one_word(string value)
    {
        value = Hostile(value);
        Assert.Equal($"{value}.", Run(Command($"ssh db-1 printf %s. {value}")));
        Assert.Equal($"{value}.", Run(Command($"ssh -p 2222 -t db-1 printf %s. {value}")));
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void A_value_in_the_command_line_of_sh_c_bash_c_and_eval_reaches_the_command_as_one_argument(string value)
    {
        value = Hostile(value);
        Assert.Equal($"[{value}]", Run(Command($"sh -c 'printf \"[%s]\" {value}'")));
        Assert.Equal($"[{value}]", Run(Command($"timeout 10 bash -c \"printf '[%s]' {value}\"")));
        Assert.Equal($"[{value}]", Run(Command($"eval 'printf \"[%s]\" {value}'")));
        // After what the outer shell substitutes itself, in single quotes of the inner shell inside double quotes of the outer.
        Assert.Equal($"[x][{value}]", Run(Command($"sh -c \"printf '[%s]' $(printf x) '{value}'\"")));
        Assert.Equal($"{value}.", Run(Command($"eval printf %s. {value}")));
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void A_value_in_the_command_line_of_flock_c_and_script_c_reaches_the_command_as_one_argument(string value)
    {
        // flock -c and script -c hand their command line to sh -c: a value quoted for the local shell alone ran
        // `a; reboot` in that shell.
        value = Hostile(value);
        var lockFile = ShellQuoting.QuoteBare(Temp.File("deploy.lock"));
        Assert.Equal($"[{value}]", Run(Command($"flock {lockFile} -c 'printf \"[%s]\" {value}'")));
        Assert.Equal($"[{value}]", Run(Command($"flock -w 5 {lockFile} --command 'printf \"[%s]\" {value}'")));
        if (value.Contains('\n', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal)) return; // a terminal rewrites line ends
        Assert.Equal($"[{value}]", Run(Command($"script -q -c 'printf \"[%s]\" {value}' /dev/null")));
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void A_value_after_a_process_substitution_among_the_words_handed_on_is_quoted_for_the_inner_shell_too(string value)
    {
        value = Hostile(value);
        // This shell runs the <( ) and redirects ssh's input from it; the words after it are still ssh's command line.
        Assert.Equal(value, Run(Command($"ssh db-1 printf %s < <(true) {value}")));
        Assert.Equal(value, Run(Command($"ssh db-1 printf %s 0< <(true) {value}")));
        Assert.Equal(value, Run(Command($"ssh db-1 printf %s > >(cat) {value}")));
        Assert.Equal(value, Run(Command($"eval printf %s < <(true) {value}")));
        Assert.Equal(value, Run(Command($"ssh bastion 'ssh db-1 printf %s < <(true) {value}'")));
        // A <( ) among the words is one word for the inner shell, the path this shell gives it.
        Assert.Equal("/dev/fd/" + value, Regex.Replace(Run(Command($"ssh db-1 printf %s <(true) {value}")), "^/dev/fd/[0-9]+", "/dev/fd/"));
        // A command line handed on inside the substitution is quoted for its own shell.
        Assert.Equal(value, Run(Command($"ssh db-1 cat < <(ssh db-2 printf %s {value})")));
        Assert.Equal(value, Run(Command($"ssh db-1 cat < $(printf %s /dev/stdin) < <(ssh db-2 printf %s {value})")));
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void A_value_two_shells_deep_is_quoted_for_all_three(string value)
    {
        value = Hostile(value);
        Assert.Equal($"{value}.", Run(Command($"ssh bastion 'ssh db-1 \"printf %s. {value}\"'")));
        Assert.Equal($"[{value}]", Run(Command($"bash -c 'sh -c \"printf [%s] {value}\"'")));
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void A_value_in_a_script_fed_to_a_shell_is_a_word_of_that_shell(string value)
    {
        if (value.Contains('\n', StringComparison.Ordinal)) return; // refused in any here-document (UnquotableContextTests)
        value = Hostile(value);
        Assert.Equal($"[{value}]", Run(Command($"bash <<EOF\nprintf '[%s]' {value}\nEOF")));
        Assert.Equal($"[{value}]", Run(Command($"bash -s <<'EOF'\nprintf \"[%s]\" \"{value}\"\nEOF")));
        Assert.Equal($"[{value}]", Run(Command($"ssh db-1 <<EOF\nprintf '[%s]' {value}\nEOF")));
    }

    [Theory]
    [InlineData("x; touch PWNED")]
    [InlineData("$(touch PWNED)")]
    [InlineData("two words")]
    [InlineData("it's")]
    [InlineData("-x; touch PWNED")]
    public void A_value_that_is_the_whole_command_line_runs_as_one_command_name_and_nothing_else(string value)
    {
        // The inner shell looks for a command named exactly the value, and says so (a name without a slash: bash
        // calls the handler only for those, so the marker is relative to the folder the commands run in).
        var notFound = $"cd {ShellQuoting.QuoteBare(Temp.Path)}\ncommand_not_found_handle() {{ printf '[%s]' \"$1\"; }}; export -f command_not_found_handle\n";
        var expected = $"[{value}]";
        Assert.Equal(expected, Bash.Run(notFound + Command($"bash -c {value}").Render()));
        Assert.Equal(expected, Bash.Run(notFound + Command($"eval {value}").Render()));
        Assert.False(File.Exists(Marker));
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void Words_after_the_command_line_of_sh_c_are_its_arguments_and_quoted_for_the_outer_shell_only(string value)
    {
        value = Hostile(value);
        // The way around nested quoting that RB0020 used to recommend keeps working.
        Assert.Equal($"[{value}]", Run(Command($"sh -c 'printf \"[%s]\" \"$1\"' sh {value}")));
    }

    [Fact]
    public void A_redirection_of_the_ssh_command_is_the_outer_shells_and_its_target_is_quoted_for_it_alone()
    {
        var file = Temp.File("out file; touch PWNED");
        Run(Command($"ssh db-1 printf %s ok > {file} 2>&1"));
        Assert.Equal("ok", File.ReadAllText(file));
    }

    [Fact]
    public void A_plain_value_renders_as_written()
    {
        var unit = "nginx";
        var host = "db-1";
        Assert.Equal("ssh db-1 'systemctl restart nginx'", Command($"ssh {host} 'systemctl restart {unit}'").Render());
        Assert.Equal("sudo -u app sh -c \"systemctl restart nginx\"", Command($"sudo -u app sh -c \"systemctl restart {unit}\"").Render());
        Assert.Equal("ssh db-1 systemctl restart nginx", Command($"ssh {host} systemctl restart {unit}").Render());
    }

    [Fact]
    public void A_value_with_a_space_is_one_word_on_the_remote_side_too()
    {
        var dir = "/var/cache/my app";
        Assert.Equal(@"ssh db-1 'rm -rf '\''/var/cache/my app'\'''", Command($"ssh db-1 'rm -rf {dir}'").Render());
        Assert.Equal(@"ssh db-1 rm -rf ''\''/var/cache/my app'\'''", Command($"ssh db-1 rm -rf {dir}").Render());
    }

    [Fact]
    public void Watch_su_runuser_flock_and_script_hand_on_their_command_line_as_sh_c_does()
    {
        var value = "x; reboot";
        var shC = Command($"sh -c 'kubectl get pods -n {value}'").Render()["sh -c ".Length..];
        Assert.Equal(@"'kubectl get pods -n '\''x; reboot'\'''", shC);
        Assert.Equal("watch -n 5 " + shC, Command($"watch -n 5 'kubectl get pods -n {value}'").Render());
        Assert.Equal("su - postgres -c " + shC, Command($"su - postgres -c 'kubectl get pods -n {value}'").Render());
        Assert.Equal("su - postgres --command " + shC, Command($"su - postgres --command 'kubectl get pods -n {value}'").Render());
        Assert.Equal("runuser -l postgres -c " + shC, Command($"runuser -l postgres -c 'kubectl get pods -n {value}'").Render());
        Assert.Equal("flock /run/deploy.lock -c " + shC, Command($"flock /run/deploy.lock -c 'kubectl get pods -n {value}'").Render());
        Assert.Equal("script -q -c " + shC + " /dev/null", Command($"script -q -c 'kubectl get pods -n {value}' /dev/null").Render());
        Assert.Equal("flock /run/deploy.lock --command=" + shC, Command($"flock /run/deploy.lock --command='kubectl get pods -n {value}'").Render());
    }

    [Fact]
    public void A_value_where_the_inner_shell_cannot_keep_it_literal_is_refused_as_in_the_outer_one()
    {
        var value = "x; touch " + Marker;
        var template = Command($"ssh db-1 'echo `cat {value}`'");

        var refused = Assert.Throws<CommandQuotingException>(() => template.Render());
        Assert.Contains("backtick", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Marker, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_masked_value_in_a_nested_command_line_is_masked_in_every_shells_quoting()
    {
        var token = "s3cr3t value";
        var shown = Command($"ssh db-1 'curl -H \"Authorization: Bearer {token}\" https://api'").Render(_ => "***");
        Assert.DoesNotContain("s3cr3t", shown, StringComparison.Ordinal);
        Assert.Equal("ssh db-1 'curl -H \"Authorization: Bearer ***\" https://api'", shown);
    }
}
