using System.Diagnostics;
using System.Globalization;
using RunbookSdk.Commands;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Commands;

/// <summary>
/// Text that echo, printf or a here-document prints into a pipe that ends in a shell (<c>echo "rm {X}" | ssh HOST</c>,
/// <c>printf '%s\n' "…" | sh</c>, <c>cat &lt;&lt;EOF | bash</c>) is a script: that shell reads a hole in it again, so the
/// hole is quoted for it as well. Through the real bash, with an ssh stand-in on PATH that feeds its input to a shell
/// when it is given no command; the marker file must not appear.
/// </summary>
public sealed class PipedShellQuotingTests : StandInShellTests
{
    public PipedShellQuotingTests()
    {
        StandIn("ssh", """
            #!/bin/sh
            # Stands in for ssh: skips the host, then runs the rest as the remote side does, or, with nothing, its input.
            shift
            if [ $# -eq 0 ]; then exec bash -s; fi
            exec bash -c "$*"
            """);
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void A_value_echoed_into_a_shell_reaches_its_command_as_one_argument(string value)
    {
        value = Hostile(value);
        Assert.Equal($"[{value}]", Run(Command($"echo \"printf '[%s]' {value}\" | ssh db-1")));
        Assert.Equal($"[{value}]", Run(Command($"echo \"printf '[%s]' {value}\" | bash")));
        Assert.Equal($"[{value}]", Run(Command($"echo \"printf '[%s]' {value}\" |& bash -s")));
        Assert.Equal($"[{value}]", Run(Command($"echo -n \"printf '[%s]' {value}\" | timeout 5 sh")));
        Assert.Equal($"[{value}]", Run(Command($"echo printf \\'[%s]\\' {value} | bash 2>&1")));
        Assert.Equal($"[{value}]", Run(Command($"true && echo \"printf '[%s]' '{value}'\" | sh")));
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void A_value_printed_by_printf_into_a_shell_reaches_its_command_as_one_argument(string value)
    {
        value = Hostile(value);
        Assert.Equal($"[{value}]", Run(Command($"printf '%s\\n' \"printf '[%s]' {value}\" | sh")));
        Assert.Equal($"[{value}]", Run(Command($"printf '%s %s %s\\n' printf \\'[%s]\\' \"{value}\" | ssh db-1")));
        Assert.Equal($"[{value}]", Run(Command($"printf 'printf \"[%%s]\" %s\\n' \"{value}\" | bash")));
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void A_value_in_a_here_document_piped_into_a_shell_is_a_word_of_that_shell(string value)
    {
        if (value.Contains('\n', StringComparison.Ordinal)) return; // refused in any here-document (UnquotableContextTests)
        value = Hostile(value);
        Assert.Equal($"[{value}]", Run(Command($"cat <<EOF | ssh db-1\nprintf '[%s]' {value}\nEOF")));
        Assert.Equal($"[{value}]", Run(Command($"cat <<'EOF' | bash\nprintf \"[%s]\" \"{value}\"\nEOF")));
        Assert.Equal($"[{value}]", Run(Command($"ssh db-1 'cat <<EOF | bash\nprintf \"[%s]\" {value}\nEOF\n'")));
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void A_value_in_a_here_string_fed_to_a_shell_is_a_word_of_that_shell(string value)
    {
        value = Hostile(value);
        Assert.Equal($"[{value}]", Run(Command($"bash <<< \"printf '[%s]' {value}\"")));
        Assert.Equal($"[{value}]", Run(Command($"ssh db-1 <<<'printf \"[%s]\" {value}'")));
        Assert.Equal($"[{value}]", Run(Command($"cat <<< \"printf '[%s]' {value}\" | bash")));
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void A_command_line_echoed_into_a_shell_is_quoted_for_that_shell_and_the_one_it_hands_on_to(string value)
    {
        value = Hostile(value);
        // bash reads what echo prints and runs ssh, which hands its words to the remote shell: three shells read the value.
        Assert.Equal($"[{value}]", Run(Command($"echo ssh db-2 printf \\'[%s]\\' {value} | bash")));
        Assert.Equal($"[{value}]", Run(Command($"echo \"ssh db-2 'printf \\\"[%s]\\\" {value}'\" | ssh db-1")));
    }

    [Theory]
    [InlineData("x; touch MARKER")]
    [InlineData("$(touch MARKER)")]
    [InlineData("a' ; touch MARKER ; '")]
    public void A_value_echoed_into_a_shell_inside_a_command_line_handed_on_is_refused_unless_it_is_a_plain_word(string value)
    {
        value = Hostile(value);
        // Inside ssh's command line the pipe is seen only after the value: it cannot be quoted for the shell after it.
        var refused = Assert.Throws<CommandQuotingException>(() => Command($"ssh db-1 'echo \"printf %s {value}\" | bash'").Render());
        Assert.Contains("piped", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Marker, refused.Message, StringComparison.Ordinal);
        Assert.Throws<CommandQuotingException>(() => Command($"ssh db-1 'echo sh -c \"printf %s {value}\" | bash'").Render());
        Assert.Throws<CommandQuotingException>(() => Command($"ssh db-1 'cat <<< \"printf %s {value}\" | bash'").Render());
        // bash: line 1: `touch …`: command not found — an error message repeats the value, and |& hands it to the shell.
        var errors = Assert.Throws<CommandQuotingException>(() => Command($"bash <<< {value} |& bash").Render());
        Assert.Contains("error message", errors.Message, StringComparison.Ordinal);
        Assert.Throws<CommandQuotingException>(() => Command($"ls {value} 2>&1 | ssh db-1").Render());

        var plain = "plain-value_1.2";
        Assert.Equal(plain, Run(Command($"ssh db-1 'echo \"printf %s {plain}\" | bash'")));
    }

    [Theory]
    [InlineData("x; touch MARKER")]
    [InlineData(@"\0047; touch MARKER; \0047")]
    public void A_value_echoed_with_escapes_into_a_shell_must_be_a_plain_word(string value)
    {
        value = Hostile(value);
        // echo -e turns \0047 into a quote the receiving shell would read: no quoting survives it.
        var refused = Assert.Throws<CommandQuotingException>(() => Command($"echo -e \"printf %s {value}\" | bash").Render());
        Assert.Contains("escape", refused.Message, StringComparison.Ordinal);
        var format = Assert.Throws<CommandQuotingException>(() => Command($"printf \"printf %s {value}\" | bash").Render());
        Assert.Contains("format", format.Message, StringComparison.Ordinal);

        var plain = "plain-value_1.2";
        Assert.Equal(plain, Run(Command($"echo -e \"printf %s {plain}\" | bash")));
    }

    [Fact]
    public void Text_that_is_not_piped_into_a_shell_is_quoted_once()
    {
        var value = "x; y";
        Assert.Equal("echo \"rm x; y\" | grep rm", Command($"echo \"rm {value}\" | grep rm").Render());
        Assert.Equal("echo rm 'x; y'; bash -c true", Command($"echo rm {value}; bash -c true").Render());
        Assert.Equal("[x; y]", Run(Command($"echo \"[{value}]\" | cat")).TrimEnd('\n'));
    }

    [Fact]
    public void A_plain_value_echoed_into_a_shell_renders_as_written()
    {
        var unit = "nginx";
        Assert.Equal("echo \"systemctl restart nginx\" | ssh db-1", Command($"echo \"systemctl restart {unit}\" | ssh db-1").Render());
        Assert.Equal("echo 'x; y' | ssh db-1", Command($"echo 'x; y' | ssh db-1").Render());
    }

    [Fact]
    public void A_value_with_a_space_echoed_into_ssh_is_one_word_on_the_remote_side()
    {
        var dir = "/var/cache/my app";
        Assert.Equal("echo \"rm -rf '/var/cache/my app'\" | ssh db-1", Command($"echo \"rm -rf {dir}\" | ssh db-1").Render());
    }

    [Theory]
    [InlineData("x; touch MARKER")]
    [InlineData("$(touch MARKER)")]
    [InlineData("a' ; touch MARKER ; '")]
    public void A_value_whose_pipe_into_a_shell_comes_after_a_group_is_quoted_for_it_or_refused(string value)
    {
        value = Hostile(value);
        CommandTemplate[] forms =
        [
            Command($"(echo \"printf %s {value}\"; true) | bash"),
            Command($"{{ echo \"printf %s {value}\"; }} | bash"),
            Command($"for i in 1; do echo \"printf %s {value}\"; done | bash"),
            Command($"if true; then echo \"printf %s {value}\"; fi | ssh db-1"),
            Command($"show() {{ echo \"printf %s {value}\"; }}; show | bash"),
            Command($"echo \"$(echo \"printf %s {value}\")\" | bash"),
            // After a case command, a function definition or a subshell, a group still counts as one.
            Command($"case a in a) true;; esac; {{ echo \"printf %s {value}\"; }} | bash"),
            Command($"show() {{ true; }}; {{ echo \"printf %s {value}\"; }} | bash"),
            Command($"function show {{ true; }}; {{ echo \"printf %s {value}\"; }} | bash"),
            Command($"(true); {{ echo \"printf %s {value}\"; }} | bash"),
            Command($"echo \"printf %s {value}\" | tee /dev/null | bash"),
            Command($"echo \"printf %s {value}\" |\nbash"),
            Command($"echo \"printf %s {value}\" 2>&1 | bash"),
            // A shell the value was quoted for prints it, and its output is piped into another one.
            Command($"ssh db-1 'echo \"printf %s {value}\"' | bash"),
            Command($"bash <<< \"echo 'printf %s {value}'\" | cat | bash"),
            Command($"bash <<EOF | bash\necho \"printf %s {value}\"\nEOF"),
            Command($"cat <<EOF | bash | bash\necho \"printf %s {value}\"\nEOF"),
            Command($"echo \"echo 'printf %s {value}'\" | bash | ssh db-1"),
        ];
        foreach (var form in forms)
        {
            string rendered;
            try
            {
                rendered = form.Render();
            }
            catch (CommandQuotingException refused)
            {
                Assert.Contains("piped", refused.Message, StringComparison.Ordinal);
                continue;
            }
            Assert.Equal(value, Run(form));
            Assert.NotNull(rendered);
        }
    }

    [Fact]
    public void A_value_that_ends_a_here_document_inside_a_command_line_handed_on_is_refused_when_that_line_is_read()
    {
        // The inner shell's text after the last value is read when its command line ends: the check that the value does
        // not end the here-document early applies there too.
        var value = "EOF";
        var refused = Assert.Throws<CommandQuotingException>(() => Command($"ssh db-1 'cat <<EOF | bash\n{value}\ntouch {Marker}\nEOF\n'").Render());
        Assert.Contains("delimiter", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x; touch MARKER")]
    [InlineData("$(touch MARKER)")]
    [InlineData("a' ; touch MARKER ; '")]
    public void A_value_echoed_outside_a_function_is_not_refused_for_a_later_pipe_into_a_shell(string value)
    {
        value = Hostile(value);
        // The function prints no value: what echo printed before or after its definition went to the output, not into bash.
        Assert.Equal($"note {value}\nok", Run(Command($"show() {{ echo 'printf %s ok'; }}; echo \"note {value}\"; show | bash")));
        Assert.Equal($"note {value}\nok", Run(Command($"function show {{ echo 'printf %s ok'; }}\necho \"note {value}\"\nshow | bash")));
        Assert.Equal(value, Run(Command($"show() {{ date; }}; echo \"printf %s {value}\" | bash")));
    }

    [Theory]
    [InlineData("x; touch MARKER")]
    [InlineData("$(touch MARKER)")]
    [InlineData("a' ; touch MARKER ; '")]
    public void A_value_a_function_prints_is_refused_when_a_later_pipe_into_a_shell_may_call_it(string value)
    {
        value = Hostile(value);
        foreach (var command in new[]
                 {
                     Command($"show() {{ echo \"printf %s {value}\"; }}; show | bash"),
                     Command($"show() {{ date >/dev/null; echo \"printf %s {value}\"; }}; true; show | bash"),
                     Command($"function show {{ date >/dev/null; echo \"printf %s {value}\"; }}; show | bash"),
                     Command($"function show() {{ date >/dev/null\n  echo \"printf %s {value}\"\n}}\nshow | bash"),
                     Command($"show() ( echo \"printf %s {value}\" ); show | bash"),
                     Command($"show() {{ if true; then echo \"printf %s {value}\"; fi; }}; echo 'printf %s x' | bash; show | bash"),
                 })
        {
            var refused = Assert.Throws<CommandQuotingException>(() => Run(command));
            Assert.Contains("piped", refused.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_value_echoed_before_an_unrelated_pipe_into_a_shell_is_not_refused()
    {
        var value = "x; y";
        Assert.Equal("echo \"start x; y\"; echo 'printf %s ok' | bash", Command($"echo \"start {value}\"; echo 'printf %s ok' | bash").Render());
        Assert.Equal("echo rm 'x; y' || bash", Command($"echo rm {value} || bash").Render());
    }

    /// <summary>
    /// Commands built from pieces of the piped forms around one hostile value, in a fixed pseudo-random order: each is
    /// either refused before it runs or runs without the value starting a command.
    /// </summary>
    [Fact]
    public void Random_piped_commands_never_let_a_value_start_a_command()
    {
        string[] producers = ["echo {H}{P}", "echo -n {H}{P}", "printf '%s\\n' {H}{P}", "printf 'printf %%s %s\\n' {H}{P}", "cat <<EOF{P}\n{H}\nEOF", "cat <<'EOF'{P}\n{H}\nEOF", "cat <<< {H}{P}", "bash <<< {H}{P}"];
        string[] holes = ["{X}", "\"{X}\"", "'{X}'", "\"printf %s {X}\"", "printf %s {X}", "\"printf '%s' '{X}'\""];
        string[] pipes = [" | ", " |& ", " | tee /dev/null | ", " || ", "; ", " | cat | "];
        string[] targets = ["bash", "sh", "ssh db-1", "bash -s", "cat", "timeout 5 bash", "ssh db-1 bash -s", "bash 2>&1"];
        string[] wraps = ["{0}", "({0})", "{{ {0}\n}}", "true && {0}", "ssh db-1 '{0}'", "bash -c \"{0}\""];
        string[] values = ["x; touch MARKER", "$(touch MARKER)", "`touch MARKER`", "a' ; touch MARKER ; '", "a\" ; touch MARKER ; \"", "\\0047; touch MARKER", "-e", "x\ntouch MARKER"];
        var random = new Random(20261202);
        for (var n = 0; n < 250; n++)
        {
            var value = Hostile(values[random.Next(values.Length)]);
            var command = string.Format(CultureInfo.InvariantCulture, wraps[random.Next(wraps.Length)], producers[random.Next(producers.Length)]
                .Replace("{H}", holes[random.Next(holes.Length)], StringComparison.Ordinal)
                .Replace("{P}", pipes[random.Next(pipes.Length)] + targets[random.Next(targets.Length)], StringComparison.Ordinal));
            var hole = command.IndexOf("{X}", StringComparison.Ordinal);
            var template = new CommandTemplate([new LiteralSegment(command[..hole]), new HoleSegment([value]), new LiteralSegment(command[(hole + 3)..])]);
            string rendered;
            try
            {
                rendered = template.Render();
            }
            catch (CommandQuotingException)
            {
                continue;
            }
            RunAnyOutcome(rendered);
            Assert.False(File.Exists(Marker), $"a value ran a command: {command}\nvalue: {value}\nrendered: {rendered}");
        }
    }

    /// <summary>Runs a command that may well fail (the random ones are not all valid), with no input, for its side effects.</summary>
    private void RunAnyOutcome(string rendered)
    {
        var start = new ProcessStartInfo("/bin/bash") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(InFolder(rendered));
        start.Environment.Remove("BASH_ENV");
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(10_000)) process.Kill(entireProcessTree: true);
        _ = stderr.Result;
    }
}
