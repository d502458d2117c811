using RunbookSdk.Commands;

namespace RunbookSdk.Tests.Commands;

public sealed class ShellQuotingTests
{
    [Theory]
    [InlineData("eu-central-1", "eu-central-1")]
    [InlineData("/var/log/app.log", "/var/log/app.log")]
    [InlineData("user@host:8080", "user@host:8080")]
    [InlineData("", "''")]
    [InlineData("my function", "'my function'")]
    [InlineData("it's", @"'it'\''s'")]
    [InlineData("say \"hi\"", "'say \"hi\"'")]
    [InlineData("$(id)", "'$(id)'")]
    [InlineData("`id`", "'`id`'")]
    [InlineData("a\nb", "'a\nb'")]
    [InlineData("*", "'*'")]
    [InlineData("~", "'~'")]
    [InlineData("$HOME", "'$HOME'")]
    [InlineData("héllo", "'héllo'")]
    [InlineData("; rm -rf /", "'; rm -rf /'")]
    public void A_bare_value_is_left_alone_when_plain_and_single_quoted_otherwise(string value, string expected) =>
        Assert.Equal(expected, ShellQuoting.Quote(value, ShellQuoteState.Bare));

    [Theory]
    [InlineData("it's", @"it'\''s")]
    [InlineData("'", @"'\''")]
    [InlineData("$(id) `id` $HOME \\ \"", "$(id) `id` $HOME \\ \"")]
    [InlineData("a\nb", "a\nb")]
    [InlineData("", "")]
    [InlineData("日本語", "日本語")]
    public void Inside_single_quotes_only_the_single_quote_is_escaped(string value, string expected) =>
        Assert.Equal(expected, ShellQuoting.Quote(value, ShellQuoteState.SingleQuoted));

    [Theory]
    [InlineData("say \"hi\"", "say \\\"hi\\\"")]
    [InlineData("$HOME", "\\$HOME")]
    [InlineData("$(id)", "\\$(id)")]
    [InlineData("`id`", "\\`id\\`")]
    [InlineData("back\\slash", "back\\\\slash")]
    [InlineData("it's", "it's")]
    [InlineData("a\nb", "a\nb")]
    [InlineData("", "")]
    [InlineData("ünïcödé", "ünïcödé")]
    public void Inside_double_quotes_backslash_quote_dollar_and_backtick_are_escaped(string value, string expected) =>
        Assert.Equal(expected, ShellQuoting.Quote(value, ShellQuoteState.DoubleQuoted));

    [Fact]
    public void QuoteBare_is_the_same_as_quoting_for_the_bare_context() =>
        Assert.Equal(ShellQuoting.Quote("a b", ShellQuoteState.Bare), ShellQuoting.QuoteBare("a b"));
}
