using RunbookSdk.Commands;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Commands;

/// <summary>
/// Two ways what this shell substitutes reaches a second shell unquoted for it: a process substitution that a shell
/// reads as its script (<c>bash &lt; &lt;(echo "rm {X}")</c>, <c>source &lt;(…)</c>), and a command substitution in a
/// command line handed to another shell (<c>ssh HOST "rm $(echo {X})"</c>), whose output lands in that shell's text.
/// A value there must be a plain word, or the command is refused before anything runs. Through the real bash, with an
/// ssh stand-in on PATH; the marker file must not appear.
/// </summary>
public sealed class SubstitutedShellQuotingTests : StandInShellTests
{
    public SubstitutedShellQuotingTests()
    {
        StandIn("ssh", """
            #!/bin/sh
            # Stands in for ssh: skips the host, then runs the rest as the remote side does, or, with nothing, its input.
            shift
            if [ $# -eq 0 ]; then exec bash -s; fi
            exec bash -c "$*"
            """);
    }

    /// <summary>
    /// The command is refused, naming no value; had it rendered, running it must still not have run the value
    /// (so a failure here says whether the value was merely let through or actually ran).
    /// </summary>
    private void AssertRefused(CommandTemplate command, string expectedInMessage)
    {
        string rendered;
        try
        {
            rendered = command.Render();
        }
        catch (CommandQuotingException refused)
        {
            Assert.Contains(expectedInMessage, refused.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Marker, refused.Message, StringComparison.Ordinal);
            return;
        }
        Run(command);
        Assert.Fail("the command was not refused: " + rendered);
    }

    [Theory]
    [InlineData("x; touch MARKER")]
    [InlineData("$(touch MARKER)")]
    [InlineData("`touch MARKER`")]
    [InlineData("a' ; touch MARKER ; '")]
    [InlineData("a\" ; touch MARKER ; \"")]
    [InlineData("x\ntouch MARKER")]
    public void A_value_in_a_process_substitution_a_shell_reads_as_its_script_is_refused(string value)
    {
        value = Hostile(value);
        AssertRefused(Command($"bash < <(echo \"printf %s {value}\")"), "process substitution");
        AssertRefused(Command($"source <(echo \"printf %s '{value}'\")"), "process substitution");
        AssertRefused(Command($". <(printf '%s\\n' \"printf %s {value}\")"), "process substitution");
        AssertRefused(Command($"bash <(echo printf %s {value})"), "process substitution");
        AssertRefused(Command($"ssh db-1 < <(echo \"printf %s {value}\")"), "process substitution");
        AssertRefused(Command($"ssh db-1 'bash < <(echo \"printf %s {value}\")'"), "process substitution");
        AssertRefused(Command($"bash <(cat <<< \"printf %s {value}\")"), "process substitution");
        // Among the words of a command line handed on, the substitution is still this shell's, and still that shell's script.
        AssertRefused(Command($"ssh db-1 bash -s < <(echo \"printf %s {value}\")"), "process substitution");
        AssertRefused(Command($"ssh db-1 bash -s < <(echo \"printf %s {value}\") x"), "process substitution");
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void A_value_a_command_prints_into_an_output_process_substitution_that_is_a_shell_reaches_it_as_one_word(string value)
    {
        value = Hostile(value);
        // What echo prints goes through >(…) into bash, as through a pipe: quoted for bash too, or refused.
        foreach (var command in new[]
                 {
                     Command($"echo \"printf '[%s]' {value}\" > >(bash)"),
                     Command($"echo \"printf '[%s]' {value}\" | tee >(bash) >/dev/null"),
                 })
        {
            string rendered;
            try
            {
                rendered = command.Render();
            }
            catch (CommandQuotingException refused)
            {
                Assert.DoesNotContain(Marker, refused.Message, StringComparison.Ordinal);
                continue;
            }
            Assert.Equal($"[{value}]", Run(command));
        }
    }

    [Fact]
    public void A_plain_word_in_a_process_substitution_a_shell_reads_still_runs()
    {
        var plain = "plain-value_1.2";
        Assert.Equal(plain, Run(Command($"bash < <(echo \"printf %s {plain}\")")));
        Assert.Equal(plain, Run(Command($"source <(echo printf %s {plain})")));
        Assert.Equal(plain, Run(Command($"ssh db-1 < <(echo \"printf %s {plain}\")")));
    }

    [Fact]
    public void A_process_substitution_no_shell_reads_as_a_script_still_quotes_its_values()
    {
        var value = Hostile("x; touch MARKER");
        Assert.Equal(value, Run(Command($"cat <(printf %s {value})")));
        Assert.Equal(value, Run(Command($"while read -r line; do printf %s \"$line\"; done < <(echo {value})")));
    }

    [Theory]
    [InlineData("x; touch MARKER")]
    [InlineData("$(touch MARKER)")]
    [InlineData("a' ; touch MARKER ; '")]
    [InlineData("a\" ; touch MARKER ; \"")]
    public void A_value_in_a_command_substitution_inside_a_command_line_handed_on_is_refused(string value)
    {
        value = Hostile(value);
        AssertRefused(Command($"ssh db-1 \"printf %s $(echo {value})\""), "handed to another shell");
        AssertRefused(Command($"ssh db-1 printf %s $(printf %s {value})"), "handed to another shell");
        AssertRefused(Command($"bash -c \"printf %s $(echo '{value}')\""), "handed to another shell");
        AssertRefused(Command($"eval \"printf %s $(echo {value})\""), "handed to another shell");
        AssertRefused(Command($"ssh db-1 \"printf %s $(echo $(echo {value}))\""), "handed to another shell");
        AssertRefused(Command($"ssh bastion 'ssh db-1 \"printf %s $(echo {value})\"'"), "handed to another shell");
    }

    [Fact]
    public void A_plain_word_in_a_command_substitution_inside_a_command_line_handed_on_still_runs()
    {
        var plain = "plain-value_1.2";
        Assert.Equal(plain, Run(Command($"ssh db-1 \"printf %s $(echo {plain})\"")));
        Assert.Equal(plain, Run(Command($"bash -c \"printf %s $(echo {plain})\"")));
        // A substitution that is not part of a handed-on command line still quotes any value.
        var value = Hostile("x; touch MARKER");
        Assert.Equal(value, Run(Command($"printf %s \"$(echo {value})\"")));
    }

    [Theory]
    [InlineData("x; touch MARKER")]
    [InlineData("$(touch MARKER)")]
    [InlineData("a' ; touch MARKER ; '")]
    [InlineData("a[$(touch MARKER)]")]
    public void A_value_inside_a_substitution_in_an_expanded_here_document_body_is_refused(string value)
    {
        value = Hostile(value);
        // With an unquoted delimiter this shell runs $( ) and backticks while it reads the body: the value is a command's text there.
        AssertRefused(Command($"cat <<EOF\n$(printf %s {value})\nEOF"), "here-document");
        AssertRefused(Command($"cat <<EOF\n`printf %s {value}`\nEOF"), "here-document");
        AssertRefused(Command($"cat <<EOF\n$((1 + {value}))\nEOF"), "here-document");
        AssertRefused(Command($"cat <<EOF | bash\nprintf %s $(echo {value})\nEOF"), "here-document");
        AssertRefused(Command($"bash <<EOF\nprintf %s \"$(\n printf %s {value}\n)\"\nEOF"), "here-document");
    }

    [Fact]
    public void A_value_in_an_expanded_here_document_body_outside_a_substitution_is_still_quoted()
    {
        var value = Hostile("x; $(touch MARKER) `touch MARKER`");
        Assert.Equal($"1 {value}\n", Run(Command($"cat <<EOF\n$(printf %s 1) {value}\nEOF")));
        // An escaped \$( is body text, no substitution.
        Assert.Equal($"$(printf %s {value}\n", Run(Command($"cat <<EOF\n\\$(printf %s {value}\nEOF")));
        // A quoted delimiter expands nothing: the text is printed as written.
        Assert.Equal($"$(printf %s {value})\n", Run(Command($"cat <<'EOF'\n$(printf %s {value})\nEOF")));
        var plain = "plain-value_1.2";
        Assert.Equal(plain + "\n", Run(Command($"cat <<EOF\n$(printf %s {plain})\nEOF")));
    }

    [Theory]
    [InlineData("(touch MARKER)")]
    [InlineData("((1+a[$(touch MARKER)]))")]
    [InlineData("{x:-$(touch MARKER)}")]
    [InlineData("a\\' ; touch MARKER ; '")]
    public void A_value_right_after_a_dollar_sign_is_printed_as_it_is_or_refused(string value)
    {
        value = Hostile(value);
        // In double quotes an empty "" parts the $ from the value: a dollar sign and the value, printed as they are.
        Assert.Equal($"cost ${value}", Run(Command($"printf %s \"cost ${value}\"")));
        Assert.Equal($"cost ${value}", Run(Command($"ssh db-1 'printf %s \"cost ${value}\"'")));
        // Outside quotes and in a here-document body no quoting keeps them apart.
        AssertRefused(Command($"printf %s cost ${value}"), "right after a $");
        AssertRefused(Command($"cat <<EOF\ncost ${value}\nEOF"), "right after a $");
        AssertRefused(Command($"ssh db-1 printf %s cost ${value}"), "right after a $");
    }

    [Theory]
    [InlineData("$(touch MARKER)")]
    [InlineData("x; touch MARKER; '")]
    [InlineData("a\" ; touch MARKER ; \"")]
    [InlineData("`touch MARKER`")]
    public void A_value_right_after_a_backslash_is_refused(string value)
    {
        value = Hostile(value);
        // The backslash would escape the quoting's first character ('x; …' becomes \'x; …), and the value would be read as text of the command.
        AssertRefused(Command($"printf %s \\{value}"), "right after a backslash");
        AssertRefused(Command($"printf %s \"\\{value}\""), "right after a backslash");
        AssertRefused(Command($"cat <<EOF\n\\{value}\nEOF"), "right after a backslash");
        AssertRefused(Command($"ssh db-1 'printf %s \\{value}'"), "right after a backslash");
        AssertRefused(Command($"ssh db-1 printf %s \\{value}"), "right after a backslash");
    }

    [Fact]
    public void A_value_after_an_escaped_backslash_or_a_backslash_in_single_quotes_is_quoted_as_usual()
    {
        var value = Hostile("x; touch MARKER; '");
        Assert.Equal("\\" + value, Run(Command($"printf %s \\\\{value}")));
        Assert.Equal("\\" + value, Run(Command($"printf %s \"\\\\{value}\"")));
        Assert.Equal("\\" + value, Run(Command($"printf %s '\\{value}'")));
        Assert.Equal("\\" + value + "\n", Run(Command($"cat <<EOF\n\\\\{value}\nEOF")));
        // A plain word after a backslash is read as written: the backslash escapes a letter.
        Assert.Equal("plain", Run(Command($"printf %s \\{"plain"}")));
    }

    [Theory]
    [InlineData("\\' ; touch MARKER ; #")]
    [InlineData("x; touch MARKER")]
    public void A_value_inside_ansi_c_quotes_or_after_an_escape_in_them_handed_on_is_refused(string value)
    {
        value = Hostile(value);
        // In $'…' bash reads \' as a quote that does not end them: quoting for '…' would let the value out.
        AssertRefused(Command($"printf %s $'a{value}'"), "$'");
        AssertRefused(Command($"ssh db-1 \"printf %s $'a{value}'\""), "$'");
        // This shell decodes \x27 into a quote, which opens quotes in the command line ssh hands on.
        AssertRefused(Command($"ssh db-1 printf %s $'\\x27' {value}"), "$'");
    }

    [Fact]
    public void A_value_after_ansi_c_quotes_with_an_escaped_quote_is_quoted_for_where_it_stands()
    {
        var value = Hostile("x; touch MARKER");
        Assert.Equal("it's" + value, Run(Command($"printf %s $'it\\'s' {value}")));
        Assert.Equal("it's" + value, Run(Command($"printf %s $'it\\'s' \"{value}\"")));
        Assert.Equal("plain", Run(Command($"printf %s $'{"plain"}'")));
    }

    [Fact]
    public void A_plain_word_right_after_a_dollar_sign_still_names_a_variable()
    {
        Assert.Equal("/root-ish", Run(Command($"HOME=/root-ish; printf %s \"${"HOME"}\"")));
        // An escaped dollar sign is text: the value after it is quoted as usual.
        var value = Hostile("(touch MARKER)");
        Assert.Equal($"${value}", Run(Command($"printf %s \\${value}")));
    }
}
