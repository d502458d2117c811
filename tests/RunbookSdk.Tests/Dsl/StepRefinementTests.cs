using RunbookSdk.Dsl.Recording;
using RunbookSdk.Model;
using RunbookSdk.Tests.Fixtures;

namespace RunbookSdk.Tests.Dsl;

/// <summary>Refinements (<c>ExpectStatus</c>, <c>Timeout</c>, <c>Retry</c>, ...) land on the action written just before them.</summary>
public sealed class StepRefinementTests
{
    private static StepPlan Step(Action<IStepBuilder> step) => StepRecorder.Record("step", step);

    [Fact]
    public void Timeout_lands_on_the_command_before_it_and_not_on_the_next_one()
    {
        var actions = RunbookRecorder.Record("x", new DeployRollback { Service = "api" }).Phases[0].Steps[0].Actions;

        Assert.Equal(TimeSpan.FromMinutes(2), ((ShellCommandAction)actions[0]).Timeout);
        Assert.Null(((ShellCommandAction)actions[1]).Timeout);
    }

    [Fact]
    public void Http_expectations_and_headers_land_on_the_request()
    {
        var http = (HttpRequestAction)RunbookRecorder.Record("x", new DeployRollback { Service = "api", ApiToken = "t" }).Phases[0].Steps[0].Actions[2];

        Assert.Equal("GET", http.Method);
        Assert.Equal("https://api.example.com/health?token=t", http.Url);
        Assert.Equal("Health with auth", http.Comment);
        Assert.Equal([new KeyValuePair<string, string>("Authorization", "Bearer t")], http.Headers);
        Assert.Equal(200, http.ExpectedStatus);
        Assert.Equal(["ok"], http.BodyContains);
    }

    [Fact]
    public void Retry_and_expected_exit_codes_land_on_the_command_and_confirmation_on_the_step()
    {
        var plan = RunbookRecorder.Record("x", new DeployRollback { Service = "api" });
        var rollBack = plan.Phases[1].Steps[0];
        var command = (ShellCommandAction)Assert.Single(rollBack.Actions);

        Assert.Equal(3, command.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(5), command.RetryBackoff);
        Assert.Equal([0, 3], command.ExpectedExitCodes);
        Assert.True(rollBack.RequiresConfirmation);
        Assert.True(plan.Rollback!.Steps[0].RequiresConfirmation);
        Assert.False(plan.Phases[0].Steps[0].RequiresConfirmation);
        Assert.False(plan.Phases[1].Steps[1].RequiresConfirmation);
    }

    [Fact]
    public void A_time_limit_lands_on_the_code_before_it_and_must_be_positive()
    {
        var actions = Step(s => s.Execute("first", _ => Task.CompletedTask).Timeout(TimeSpan.FromSeconds(20)).Execute("second", _ => Task.CompletedTask)).Actions;

        Assert.Equal(TimeSpan.FromSeconds(20), ((DelegateAction)actions[0]).Timeout);
        Assert.Null(((DelegateAction)actions[1]).Timeout);
        Assert.Throws<ArgumentOutOfRangeException>(() => Step(s => s.Execute("x", _ => Task.CompletedTask).Timeout(TimeSpan.Zero)));
    }

    [Fact]
    public void A_command_without_refinements_keeps_the_defaults()
    {
        var command = (ShellCommandAction)Assert.Single(Step(s => s.Run("uptime")).Actions);

        Assert.Equal([0], command.ExpectedExitCodes);
        Assert.Null(command.Timeout);
        Assert.Equal(1, command.Attempts);
        Assert.Null(command.Comment);
    }

    [Fact]
    public void Each_refinement_applies_to_the_most_recent_action_of_its_kind_only()
    {
        var step = Step(s => s
            .Run("first").Timeout(TimeSpan.FromSeconds(1))
            .Http("post", "https://a.example.com").ExpectStatus(201).Body("{}").Timeout(TimeSpan.FromSeconds(2))
            .Run("second").Retry(2, TimeSpan.FromSeconds(3))
            .Http("GET", "https://b.example.com").ExpectJson("status", "ok").ExpectJson("db", "up"));

        var first = (ShellCommandAction)step.Actions[0];
        var post = (HttpRequestAction)step.Actions[1];
        var second = (ShellCommandAction)step.Actions[2];
        var get = (HttpRequestAction)step.Actions[3];

        Assert.Equal((TimeSpan.FromSeconds(1), 1), (first.Timeout!.Value, first.Attempts));
        Assert.Equal(("POST", 201, "{}", TimeSpan.FromSeconds(2)), (post.Method, post.ExpectedStatus!.Value, post.Body!, post.Timeout!.Value));
        Assert.Empty(post.JsonEquals);
        Assert.Equal((null, 2), (second.Timeout, second.Attempts));
        Assert.Null(get.ExpectedStatus);
        Assert.Equal([new("status", "ok"), new KeyValuePair<string, string>("db", "up")], get.JsonEquals);
    }

    [Fact]
    public void Repeated_body_expectations_and_headers_accumulate()
    {
        var http = (HttpRequestAction)Assert.Single(Step(s => s
            .Http("GET", "https://a.example.com")
            .Header("Accept", "application/json").Header("X-Trace", "1")
            .ExpectBodyContains("ok").ExpectBodyContains("db")).Actions);

        Assert.Equal(["Accept", "X-Trace"], http.Headers.Select(h => h.Key));
        Assert.Equal(["ok", "db"], http.BodyContains);
    }

    [Fact]
    public void RequiresConfirmation_anywhere_in_the_step_marks_the_whole_step()
    {
        var step = Step(s => s.RequiresConfirmation().Run("rm -rf /tmp/cache").Note("clears the cache"));
        Assert.True(step.RequiresConfirmation);
    }

    [Fact]
    public void Retry_with_fewer_than_one_attempt_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Step(s => s.Run("x").Retry(0, TimeSpan.FromSeconds(1))));

    [Fact]
    public void Retry_lands_on_the_request_before_it_and_is_refused_as_a_commands_is()
    {
        var actions = Step(s => s.Http("GET", "https://api.example.com/health").ExpectStatus(200).Retry(6, TimeSpan.FromSeconds(10)).Run("kubectl get pods")).Actions;

        var http = (HttpRequestAction)actions[0];
        Assert.Equal((6, TimeSpan.FromSeconds(10)), (http.Attempts, http.RetryBackoff));
        Assert.Equal(1, ((ShellCommandAction)actions[1]).Attempts);
        Assert.Throws<ArgumentOutOfRangeException>(() => Step(s => s.Http("GET", "https://x.example").Retry(0, TimeSpan.FromSeconds(1))));
        Assert.Throws<ArgumentOutOfRangeException>(() => Step(s => s.Http("GET", "https://x.example").Retry(3, TimeSpan.FromSeconds(-1))));
    }

    [Fact]
    public void Expected_exit_codes_need_at_least_one_code()
    {
        // With none, no exit code counted as success: the command ran and failed with "exit code 0, expected ".
        var refused = Assert.Throws<ArgumentException>(() => Step(s => s.Run("true").ExpectExitCode()));

        Assert.Equal("codes", refused.ParamName);
        Assert.StartsWith("ExpectExitCode(codes) needs at least one exit code that counts as success", refused.Message);
        Assert.Throws<ArgumentNullException>(() => Step(s => s.Run("true").ExpectExitCode(null!)));
    }

    [Fact]
    public void A_refinement_lands_on_the_action_its_builder_was_returned_for_whatever_the_step_added_since()
    {
        // A team's helper that keeps the builder of its command and adds more to the step before returning it.
        var actions = Step(s =>
        {
            var first = s.Run("./drain.sh");
            var request = s.Http("GET", "https://status.example.com/health");
            s.Run("./restart.sh");
            s.Note("added by the helper");
            first.Timeout(TimeSpan.FromMinutes(2)).Retry(3, TimeSpan.FromSeconds(5));
            request.ExpectStatus(200);
        }).Actions;

        var drain = (ShellCommandAction)actions[0];
        Assert.Equal((TimeSpan.FromMinutes(2), 3), (drain.Timeout, drain.Attempts));
        Assert.Equal(200, ((HttpRequestAction)actions[1]).ExpectedStatus);
        var restart = (ShellCommandAction)actions[2];
        Assert.Equal((null, 1), (restart.Timeout, restart.Attempts));
        Assert.IsType<NoteAction>(actions[3]);
    }

    [Fact]
    public void What_a_refined_builder_adds_goes_after_every_action_of_the_step()
    {
        var actions = Step(s =>
        {
            var first = s.Run("a");
            s.Run("b");
            first.Run("c").Timeout(TimeSpan.FromSeconds(9));
        }).Actions;

        Assert.Equal(["a", "b", "c"], actions.Cast<ShellCommandAction>().Select(c => c.Command.Render()));
        Assert.Equal([null, null, TimeSpan.FromSeconds(9)], actions.Cast<ShellCommandAction>().Select(c => c.Timeout));
    }

    [Theory]
    [InlineData("X-Api Key", "cannot send a header named 'X-Api Key'")]
    [InlineData("Authorization:", "cannot send a header named 'Authorization:'")]
    [InlineData("", "needs the header's name")]
    public void A_header_name_http_cannot_carry_is_refused(string name, string reason)
    {
        // The HTTP client dropped such a header without a word: the request went without its key.
        var refused = Assert.Throws<ArgumentException>(() => Step(s => s.Http("GET", "https://x.example").Header(name, "t0k3n")));

        Assert.Contains(reason, refused.Message);
        Assert.DoesNotContain("t0k3n", refused.Message);
    }

    [Fact]
    public void Header_names_http_carries_are_kept()
    {
        var http = (HttpRequestAction)Assert.Single(Step(s => s.Http("GET", "https://x.example").Header("X-Api-Key", "t0k3n").Header("Accept", "*/*")).Actions);

        Assert.Equal(["X-Api-Key", "Accept"], http.Headers.Select(h => h.Key));
    }
}
