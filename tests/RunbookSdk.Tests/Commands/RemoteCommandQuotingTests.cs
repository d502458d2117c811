using RunbookSdk.Commands;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Commands;

/// <summary>
/// <c>gcloud compute ssh VM --command '…'</c> and <c>ansible HOSTS -a '…'</c> hand a command line to a shell on the other
/// side, as <c>ssh HOST '…'</c> does: a hole in it is quoted for that shell too, so each hostile value reaches the remote
/// command as one argument and nothing it holds runs. It was quoted for the local shell only, and the remote one split
/// and ran it. Through the real bash; gcloud and ansible are stand-in scripts on PATH that do what they do with the
/// command line: gcloud hands <c>--command</c> (or the words after <c>--</c>) to ssh, whose remote side runs it with
/// <c>bash -c</c>; ansible's shell module runs <c>-a</c> with a shell, its command module (the default) splits it with
/// Python's <c>shlex</c> and runs it without one. <c>scp host:{Path}</c> refuses a value that is not a plain word.
/// </summary>
public sealed class RemoteCommandQuotingTests : StandInShellTests
{

    public RemoteCommandQuotingTests()
    {
        StandIn("gcloud", """
            #!/bin/bash
            # Stands in for gcloud compute ssh: the remote side runs --command, or the words after -- and ssh's options.
            while [ $# -gt 0 ] && [ "$1" != ssh ]; do shift; done; shift
            command=
            while [ $# -gt 0 ]; do
              case "$1" in
                --command=*) command="${1#--command=}"; shift;;
                --command) command="$2"; shift 2;;
                --) shift
                    while :; do case "$1" in -p|-o|-i|-l|-J|-L) shift 2;; -*) shift;; *) break;; esac; done
                    command="$*"; break;;
                *) shift;;
              esac
            done
            exec bash -c "$command"
            """);
        StandIn("ansible", """
            #!/bin/bash
            # Stands in for an ad-hoc ansible run: the shell module hands -a to a shell, the command module splits it.
            module=command
            args=
            shift # the host pattern
            while [ $# -gt 0 ]; do
              case "$1" in
                -m) module="$2"; shift 2;;
                -a|--args) args="$2"; shift 2;;
                --args=*) args="${1#--args=}"; shift;;
                *) shift;;
              esac
            done
            if [ "$module" = shell ]; then exec bash -c "$args"; fi
            exec python3 -c 'import shlex, subprocess, sys; sys.exit(subprocess.call(shlex.split(sys.argv[1])))' "$args"
            """);
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void A_value_in_the_command_of_gcloud_compute_ssh_reaches_the_remote_command_as_one_argument(string value)
    {
        value = Hostile(value);
        Assert.Equal($"[{value}]", Run(Command($"gcloud compute ssh vm-1 --zone europe-west1-b --command 'printf \"[%s]\" {value}'")));
        Assert.Equal($"[{value}]", Run(Command($"gcloud --project ops compute ssh vm-1 --command=\"printf '[%s]' {value}\"")));
        Assert.Equal($"[{value}]", Run(Command($"gcloud compute ssh vm-1 --command=printf\\ '[%s]'\\ {value}")));
        Assert.Equal($"{value}.", Run(Command($"gcloud compute ssh vm-1 --zone europe-west1-b -- -t printf %s. {value}")));
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void A_value_in_the_arguments_of_an_ansible_shell_or_command_module_reaches_the_command_as_one_argument(string value)
    {
        value = Hostile(value);
        Assert.Equal($"[{value}]", Run(Command($"ansible web -i hosts -m shell -a 'printf \"[%s]\" {value}'")));
        Assert.Equal($"[{value}]", Run(Command($"ansible web -m shell --args=\"printf '[%s]' {value}\"")));
        Assert.Equal($"[{value}]", Run(Command($"ansible web -b -a 'printf [%s] {value}'")));
    }

    [Fact]
    public void A_plain_value_renders_as_written()
    {
        var unit = "nginx";
        Assert.Equal("gcloud compute ssh vm-1 --command 'sudo systemctl restart nginx'",
            Command($"gcloud compute ssh vm-1 --command 'sudo systemctl restart {unit}'").Render());
        Assert.Equal("ansible web -m shell -a 'systemctl restart nginx'", Command($"ansible web -m shell -a 'systemctl restart {unit}'").Render());
    }

    [Theory]
    [InlineData("x; touch PWNED")]
    [InlineData("my file.log")]
    [InlineData("$(id)")]
    public void A_value_in_a_remote_path_of_scp_must_be_a_plain_word(string value)
    {
        var refused = Assert.Throws<CommandQuotingException>(() => Command($"scp db-1:/var/log/{value} .").Render());
        Assert.Contains("scp", refused.Message, StringComparison.Ordinal);
        Assert.Throws<CommandQuotingException>(() => Command($"scp -P 2222 ops@db-1:{value} /tmp/").Render());
    }

    [Fact]
    public void A_plain_remote_path_and_a_local_path_of_scp_are_quoted_as_usual()
    {
        var file = "app.log";
        var local = "/tmp/my copy";
        Assert.Equal("scp db-1:/var/log/app.log '/tmp/my copy'", Command($"scp db-1:/var/log/{file} {local}").Render());
    }
}
