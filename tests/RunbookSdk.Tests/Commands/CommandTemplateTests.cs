using RunbookSdk.Commands;

namespace RunbookSdk.Tests.Commands;

public sealed class CommandTemplateTests
{
    private static CommandTemplate Command(CommandInterpolationHandler handler) => handler.ToTemplate();

    [Fact]
    public void A_hole_outside_quotes_is_quoted_as_a_word()
    {
        var name = "my function";
        Assert.Equal("aws lambda get-function --function-name 'my function'", Command($"aws lambda get-function --function-name {name}").Render());
    }

    [Fact]
    public void A_plain_hole_stays_readable()
    {
        var region = "eu-central-1";
        Assert.Equal("aws s3 ls --region eu-central-1", Command($"aws s3 ls --region {region}").Render());
    }

    [Fact]
    public void A_hole_inside_single_quotes_only_escapes_single_quotes()
    {
        var value = "it's $(id)";
        Assert.Equal(@"echo 'value: it'\''s $(id)'", Command($"echo 'value: {value}'").Render());
    }

    [Fact]
    public void A_hole_inside_double_quotes_escapes_what_double_quotes_expand()
    {
        var value = "\"$HOME\" `id` \\";
        Assert.Equal("echo \"value: \\\"\\$HOME\\\" \\`id\\` \\\\\"", Command($"echo \"value: {value}\"").Render());
    }

    [Fact]
    public void An_escaped_quote_in_the_literal_does_not_open_a_quoted_context()
    {
        var value = "a b";
        Assert.Equal(@"echo \' 'a b'", Command($"echo \\' {value}").Render());
    }

    [Fact]
    public void A_sequence_hole_expands_to_one_quoted_word_per_element()
    {
        string[] files = ["a.log", "b c.log", ""];
        Assert.Equal("rm -- a.log 'b c.log' ''", Command($"rm -- {files}").Render());
    }

    [Fact]
    public void An_empty_sequence_hole_renders_as_nothing()
    {
        string[] none = [];
        Assert.Equal("ls ", Command($"ls {none}").Render());
    }

    [Fact]
    public void The_hole_transform_runs_before_quoting()
    {
        var token = "s3cr'et";
        Assert.Equal("curl -H 'X-Token: ***'", Command($"curl -H {"X-Token: " + token}").Render(v => v.Replace(token, "***")));
    }

    [Fact]
    public void The_hole_transform_never_touches_literal_text()
    {
        var value = "x";
        Assert.Equal("echo secret x", Command($"echo secret {value}").Render(v => v.Replace("secret", "***")));
    }

    [Fact]
    public void A_literal_command_renders_verbatim()
    {
        Assert.Equal("./rollback-plan.sh --all 'quoted arg'", CommandTemplate.FromLiteral("./rollback-plan.sh --all 'quoted arg'").Render());
    }

    [Fact]
    public void Templates_with_the_same_segments_are_equal()
    {
        var region = "eu";
        var a = Command($"aws --region {region}");
        var b = Command($"aws --region {region}");
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, Command($"aws --region {"us"}"));
    }

    [Fact]
    public void ToString_is_the_rendered_command()
    {
        var value = "a b";
        Assert.Equal("echo 'a b'", Command($"echo {value}").ToString());
    }

    [Fact]
    public void An_apostrophe_in_a_comment_opens_no_quote()
    {
        var value = "; rm -rf /";
        Assert.Equal("echo ok # don't\nls '; rm -rf /'", Command($"echo ok # don't\nls {value}").Render());
    }

    [Fact]
    public void A_hole_in_a_comment_keeps_to_one_line()
    {
        var value = "a\nrm -rf /";
        Assert.Equal("echo ok # 'a rm -rf /'", Command($"echo ok # {value}").Render());
    }

    [Fact]
    public void A_command_substitution_inside_double_quotes_quotes_its_holes_as_bare_words()
    {
        var value = "$HOME; id";
        Assert.Equal("""echo "$(cat '$HOME; id')" "\$HOME; id" """.TrimEnd(), Command($"echo \"$(cat {value})\" \"{value}\"").Render());
    }
}
