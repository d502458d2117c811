using RunbookSdk.Dsl.Recording;
using RunbookSdk.Hosting;
using RunbookSdk.Model;
using RunbookSdk.Tests.Fixtures;

namespace RunbookSdk.Tests.Hosting;

public sealed class PlanOutlinesTests
{
    private static readonly PlanOutline Outline =
        PlanOutlines.FromPlan(RunbookRecorder.Record("deploy-rollback", new DeployRollback { Service = "api", ApiToken = "tok" }));

    [Fact]
    public void Phases_come_first_then_rollback_then_verification() =>
        Assert.Equal(["Assess", "Mitigate", "Rollback", "Verification"], Outline.Phases.Select(p => p.Name));

    [Fact]
    public void A_time_box_is_written_as_the_docs_write_it()
    {
        Assert.Equal(["0-5 minutes", "5-15 minutes", null, null], Outline.Phases.Select(p => p.TimeBox));
    }

    [Fact]
    public void A_plan_without_rollback_or_verification_has_only_its_phases()
    {
        var outline = PlanOutlines.FromPlan(RunbookRecorder.Record("diagnose-latency", new DiagnoseLatency()));
        Assert.Equal(["Look"], outline.Phases.Select(p => p.Name));
    }

    [Fact]
    public void Steps_keep_titles_and_confirmation()
    {
        Assert.Equal(
            [("Roll back", true), ("Let it settle", false), ("Record", false)],
            Outline.Phases[1].Steps.Select(s => (s.Title, s.RequiresConfirmation)));
        Assert.True(Outline.Phases[2].Steps[0].RequiresConfirmation);
    }

    [Fact]
    public void A_shell_action_keeps_literals_and_holes_apart_with_sequence_values_joined()
    {
        var action = Outline.Phases[0].Steps[0].Actions[0];

        Assert.Equal("shell", action.Kind);
        Assert.Equal(
            [
                new OutlineSegment("kubectl rollout status deployment/", false),
                new OutlineSegment("api", true),
                new OutlineSegment(" --namespace ", false),
                new OutlineSegment("web jobs workers", true),
                new OutlineSegment(" --region ", false),
                new OutlineSegment("eu-central-1", true),
            ],
            action.Text);
        Assert.Equal(["comment=Is the rollout stuck?", "timeout=00:02:00"], action.Details);
    }

    [Fact]
    public void Shell_details_list_exit_codes_and_retry_in_a_fixed_order()
    {
        var action = Assert.Single(Outline.Phases[1].Steps[0].Actions);
        Assert.Equal(["expect-exit=0,3", "retry=3x00:00:05"], action.Details);
    }

    [Fact]
    public void Http_details_list_method_comment_headers_and_expectations_in_a_fixed_order()
    {
        var action = Outline.Phases[0].Steps[0].Actions[2];

        Assert.Equal("http", action.Kind);
        Assert.Equal([new OutlineSegment("https://api.example.com/health?token=tok", false)], action.Text);
        Assert.Equal(["method=GET", "comment=Health with auth", "header=Authorization: Bearer tok", "expect-status=200", "expect-body=ok"], action.Details);

        var verification = Assert.Single(Outline.Phases[3].Steps[0].Actions);
        Assert.Equal(["method=GET", "expect-status=200", "expect-json=status=ok", "timeout=00:00:30"], verification.Details);
    }

    [Fact]
    public void Every_other_kind_has_its_name_text_and_details()
    {
        var settle = Outline.Phases[1].Steps[1].Actions;
        var record = Outline.Phases[1].Steps[2].Actions;
        var tell = Outline.Phases[0].Steps[1].Actions;

        Assert.Equal(("notify", "Status update"), (tell[0].Kind, tell[0].Text[0].Text));
        Assert.Empty(tell[0].Details);
        Assert.Equal(("manual", "Post in #incidents [now]"), (tell[1].Kind, tell[1].Text[0].Text));
        Assert.Equal(("wait", "pods restart", "duration=00:02:00"), (settle[0].Kind, settle[0].Text[0].Text, Assert.Single(settle[0].Details)));
        Assert.Equal(("monitor", "error rate dashboard", "duration=00:10:00"), (settle[1].Kind, settle[1].Text[0].Text, Assert.Single(settle[1].Details)));
        Assert.Equal(("delegate", "Records the rollback in the change log", "timeout=00:01:30"), (record[0].Kind, record[0].Text[0].Text, Assert.Single(record[0].Details)));
        Assert.Equal("snippet", record[1].Kind);
        Assert.Equal(["language=promql", "caption=Error rate"], record[1].Details);
        Assert.Equal(("note", "Check the dashboard too"), (record[2].Kind, record[2].Text[0].Text));
    }

    [Fact]
    public void A_notification_channel_and_a_wait_without_reason_are_written_too()
    {
        var step = StepRecorder.Record("s", s => s.Notify("Status update", "#ops").Wait(TimeSpan.FromSeconds(90)).Snippet("yaml", "a: 1"));
        var outline = PlanOutlines.FromPlan(new RunbookPlan
        {
            Id = "x",
            Document = new DocumentSections(),
            Phases = [new PhasePlan("P", null, [step])],
        });
        var actions = outline.Phases[0].Steps[0].Actions;

        Assert.Equal(["channel=#ops"], actions[0].Details);
        Assert.Equal(("", "duration=00:01:30"), (actions[1].Text[0].Text, Assert.Single(actions[1].Details)));
        Assert.Equal(["language=yaml"], actions[2].Details);
    }

    [Fact]
    public void Durations_use_the_invariant_constant_format() =>
        Assert.Equal("1.02:03:04", PlanOutlines.FormatDuration(new TimeSpan(1, 2, 3, 4)));

    [Fact]
    public void The_outline_is_the_same_whenever_the_same_plan_is_recorded()
    {
        var again = PlanOutlines.FromPlan(RunbookRecorder.Record("deploy-rollback", new DeployRollback { Service = "api", ApiToken = "tok" }));
        Assert.Equal(Flatten(Outline), Flatten(again));
    }

    private static IEnumerable<string> Flatten(PlanOutline outline) =>
        outline.Phases.SelectMany(p => p.Steps.SelectMany(s => s.Actions.Select(a =>
            $"{p.Name}|{p.TimeBox}|{s.Title}|{s.RequiresConfirmation}|{a.Kind}|{string.Join("", a.Text.Select(t => (t.IsHole ? "{" : "") + t.Text))}|{string.Join(";", a.Details)}")));
}
