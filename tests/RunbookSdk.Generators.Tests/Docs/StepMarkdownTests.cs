using RunbookSdk.Generators.Docs;
using RunbookSdk.Generators.Model;

namespace RunbookSdk.Generators.Tests.Docs;

/// <summary>
/// A step's body as the on-call engineer copies it: consecutive shell commands in one fence that no backtick in
/// them can close early, Windows line endings gone, blocks separated by one blank line and no trailing break.
/// </summary>
public sealed class StepMarkdownTests
{
    private static ActionModel Shell(string text, string? comment = null) => new("shell", TextValue.Literal(text)) { Comment = comment };

    private static StepModel Step(bool destructive, params ActionModel[] actions) => new("Step", destructive, new EquatableArray<ActionModel>(actions));

    [Fact]
    public void Consecutive_commands_share_a_fence_longer_than_any_backtick_run_in_them()
    {
        var body = StepMarkdown.Render(Step(false,
            Shell("kubectl get pods", comment: "List `pods`"),
            Shell("echo ```done```\n\n"),
            new ActionModel("manual", TextValue.Literal("Tell the channel"))));

        Assert.Equal(
            "````bash\n# List `pods`\nkubectl get pods\n\necho ```done```\n````\n\n- [ ] Tell the channel",
            body);
    }

    [Fact]
    public void Windows_line_endings_become_line_feeds_even_where_a_comment_ends_in_a_carriage_return()
    {
        var body = StepMarkdown.Render(Step(true, Shell("line one\r\nline two", comment: "restart\r")));

        Assert.Equal(
            "> **Destructive:** the runner asks for confirmation before this step, and `--dry-run` never runs it.\n\n" +
            "```bash\n# restart\nline one\nline two\n```",
            body);
    }

    [Fact]
    public void A_render_that_follows_another_starts_from_an_empty_body()
    {
        StepMarkdown.Render(Step(false, Shell("first")));

        Assert.Equal("```bash\nsecond\n```", StepMarkdown.Render(Step(false, Shell("second"))));
    }

    [Fact]
    public void Inline_code_is_fenced_by_more_backticks_than_the_longest_run_in_it()
    {
        // A run of two backticks closed a "``" code span early: the rest of the text fell out of the code.
        var body = StepMarkdown.Render(Step(false, new ActionModel("http", TextValue.Literal("https://search.example.com/q"))
        {
            Method = "POST",
            Body = "{\"query\": \"``x``\"}",
        }));

        Assert.Equal("**POST** `https://search.example.com/q`\n- body ```{\"query\": \"``x``\"}```", body);
        Assert.Equal("``` `` ```", Markdown.Code("``"));
    }

    [Fact]
    public void A_multi_line_command_with_Windows_line_endings_is_named_without_a_carriage_return()
    {
        // A verbatim string in a source file checked out with CRLF: the page must not depend on how git checked it out.
        var command = new ActionModel("shell", TextValue.Literal("kubectl rollout restart \\\r\n  deployment/api"))
        {
            Timeout = new DurationModel(TimeSpan.FromMinutes(2), "TimeSpan.FromMinutes(2)"),
        };

        var body = StepMarkdown.Render(Step(false, command));

        Assert.DoesNotContain("\r", body, StringComparison.Ordinal);
        Assert.EndsWith("\n- `kubectl rollout restart`: the runner stops it after 2 minutes", body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_command_is_named_without_cutting_a_parameter_in_half()
    {
        // The template's own runbook: cut at 57 characters, the name ended in "{Namesp...", a brace the page calls a
        // parameter but that names none.
        var command = new ActionModel("shell", TextValue.Literal("kubectl rollout status deployment/{Deployment} -n {Namespace} --timeout=5m"))
        {
            Timeout = new DurationModel(TimeSpan.FromMinutes(6), "TimeSpan.FromMinutes(6)"),
        };

        var body = StepMarkdown.Render(Step(false, command));

        Assert.EndsWith("\n- `kubectl rollout status deployment/{Deployment} -n ...`: the runner stops it after 6 minutes", body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_multi_line_request_body_is_a_fenced_block_inside_its_list_item_that_no_backtick_run_in_it_closes()
    {
        // As a code span, the blank line ended the paragraph: the page showed "- body `a" and "b`" with stray backticks.
        var body = StepMarkdown.Render(Step(false, new ActionModel("http", TextValue.Literal("https://search.example.com/q"))
        {
            Method = "POST",
            Body = "{\r\n  \"query\": \"x\",\r\n\r\n  \"note\": \"```\"\r\n}",
            ExpectedStatus = 200,
            BodyContains = new EquatableArray<string>(new[] { "ok\n\ndone" }),
        }));

        Assert.Equal(
            "**POST** `https://search.example.com/q`\n" +
            "- body:\n  ````\n  {\n    \"query\": \"x\",\n\n    \"note\": \"```\"\n  }\n  ````\n" +
            "- expect status 200\n" +
            "- expect body to contain:\n  ```\n  ok\n\n  done\n  ```",
            body);
    }
}
