using RunbookSdk.Commands;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Commands;

/// <summary>Rendered commands run through the real <c>/bin/bash -c</c>: every hostile value arrives as exactly itself.</summary>
public sealed class ShellRoundTripTests
{
    public static TheoryData<string> Values => HostileValues.Theory();

    private static CommandTemplate Command(CommandInterpolationHandler handler) => handler.ToTemplate();

    [Theory]
    [MemberData(nameof(Values))]
    public void A_value_in_a_bare_hole_reaches_the_program_unchanged(string value) =>
        Assert.Equal(value, Bash.Run(Command($"printf '%s' {value}").Render()));

    [Theory]
    [MemberData(nameof(Values))]
    public void A_value_inside_single_quotes_reaches_the_program_unchanged(string value) =>
        Assert.Equal($"pre-{value}-post", Bash.Run(Command($"printf '%s' 'pre-{value}-post'").Render()));

    [Theory]
    [MemberData(nameof(Values))]
    public void A_value_inside_double_quotes_reaches_the_program_unchanged(string value) =>
        Assert.Equal($"pre-{value}-post", Bash.Run(Command($"printf '%s' \"pre-{value}-post\"").Render()));

    [Fact]
    public void A_sequence_hole_arrives_as_separate_words()
    {
        string[] values = ["plain", "two words", "", "$(id)", "it's", "line\nbreak"];
        Assert.Equal("[plain][two words][][$(id)][it's][line\nbreak]", Bash.Run(Command($"printf '[%s]' {values}").Render()));
    }

    [Fact]
    public void Format_strings_apply_before_quoting()
    {
        var count = 7;
        Assert.Equal("[007]", Bash.Run(Command($"printf '[%s]' {count:D3}").Render()));
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void An_apostrophe_in_a_comment_does_not_change_how_later_holes_are_quoted(string value) =>
        Assert.Equal($"ready\n{value}", Bash.Run(Command($"echo ready # don't panic\nprintf '%s' {value}").Render()));

    [Theory]
    [MemberData(nameof(Values))]
    public void A_hole_inside_a_command_substitution_inside_double_quotes_is_quoted_for_the_substitution(string value) =>
        Assert.Equal($"<{value}>", Bash.Run(Command($"printf '<%s>' \"$(printf '%s' {value})\"").Render()));

    [Theory]
    [MemberData(nameof(Values))]
    public void A_hole_after_a_command_substitution_is_quoted_for_the_context_it_returns_to(string value) =>
        Assert.Equal($"x-{value}", Bash.Run(Command($"printf '%s' \"$(printf x)-{value}\"").Render()));

    [Theory]
    [MemberData(nameof(Values))]
    public void A_hole_in_a_comment_cannot_end_the_comment(string value) =>
        Assert.Equal("ok", Bash.Run(Command($"printf ok # {value}").Render()));

    [Theory]
    [MemberData(nameof(Values))]
    public void A_hash_inside_a_word_does_not_start_a_comment(string value)
    {
        var prefix = "tag";
        Assert.Equal($"tag#{value}|x#{value}|", Bash.Run(Command($"printf '%s|' {prefix}#{value} x#{value}").Render()));
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void A_hole_inside_nested_parentheses_in_a_substitution_stays_quoted(string value) =>
        Assert.Equal($"<{value}>", Bash.Run(Command($"printf '<%s>' \"$( (printf '%s' {value}) )\"").Render()));
}
