using RunbookSdk.Commands;
using RunbookSdk.Dsl.Recording;
using RunbookSdk.Model;
using RunbookSdk.Tests.Fixtures;

namespace RunbookSdk.Tests.Dsl;

public sealed class RunbookRecorderTests
{
    private static RunbookPlan Record(Runbook runbook, string id = "test") => RunbookRecorder.Record(id, runbook);

    [Fact]
    public void The_plan_carries_the_id_title_severity_and_symptoms()
    {
        var plan = Record(new DeployRollback { Service = "api" }, "deploy-rollback");

        Assert.Equal("deploy-rollback", plan.Id);
        Assert.Equal("Roll back a bad deploy [prod]", plan.Document.Title);
        Assert.Equal("P1", plan.Severity);
        Assert.Equal(["5XX rate above 5%", "Alarm [api-errors] firing"], plan.Symptoms);
    }

    // A blank symptom says nothing: the page leaves it out, and the dry run and the incident report showed "- ".
    [Fact]
    public void Blank_symptoms_are_left_out_of_the_plan()
    {
        var plan = Record(new BlankSymptoms());

        Assert.Equal(["Checkout returns 503"], plan.Symptoms);
    }

    private sealed class BlankSymptoms : Runbook
    {
        public override void Define(IRunbookBuilder rb) => rb
            .Title("Checkout down")
            .Symptoms("", "Checkout returns 503", "   ", null!);
    }

    [Fact]
    public void Phases_keep_their_order_names_and_time_boxes()
    {
        var plan = Record(new DeployRollback { Service = "api" });

        Assert.Equal(["Assess", "Mitigate"], plan.Phases.Select(p => p.Name));
        Assert.Equal(new TimeBox(TimeSpan.Zero, TimeSpan.FromMinutes(5)), plan.Phases[0].TimeBox);
        Assert.Equal(new TimeBox(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15)), plan.Phases[1].TimeBox);
        Assert.Equal(["Check the deployment", "Tell the team"], plan.Phases[0].Steps.Select(s => s.Title));
        Assert.Equal(["Roll back", "Let it settle", "Record"], plan.Phases[1].Steps.Select(s => s.Title));
    }

    [Fact]
    public void A_phase_without_a_time_box_has_none()
    {
        var plan = Record(new DiagnoseLatency());
        Assert.Null(Assert.Single(plan.Phases).TimeBox);
    }

    [Fact]
    public void Actions_are_recorded_in_the_order_written_with_their_kind()
    {
        var plan = Record(new DeployRollback { Service = "api" });

        Assert.Equal(
            [typeof(ShellCommandAction), typeof(ShellCommandAction), typeof(HttpRequestAction)],
            plan.Phases[0].Steps[0].Actions.Select(a => a.GetType()));
        Assert.Equal([typeof(NotificationAction), typeof(ManualInstructionAction)], plan.Phases[0].Steps[1].Actions.Select(a => a.GetType()));
        Assert.Equal([typeof(WaitAction), typeof(MonitorAction)], plan.Phases[1].Steps[1].Actions.Select(a => a.GetType()));
        Assert.Equal([typeof(DelegateAction), typeof(SnippetAction), typeof(NoteAction)], plan.Phases[1].Steps[2].Actions.Select(a => a.GetType()));
    }

    [Fact]
    public void Parameter_values_land_in_command_holes_and_literals_stay_as_written()
    {
        var plan = Record(new DeployRollback { Service = "api gateway", Region = "us-east-1" });
        var command = (ShellCommandAction)plan.Phases[0].Steps[0].Actions[0];

        Assert.Equal(
            [
                new LiteralSegment("kubectl rollout status deployment/"),
                new HoleSegment(["api gateway"]),
                new LiteralSegment(" --namespace "),
                new HoleSegment(["web", "jobs workers"]),
                new LiteralSegment(" --region "),
                new HoleSegment(["us-east-1"]),
            ],
            command.Command.Segments);
        Assert.Equal("Is the rollout stuck?", command.Comment);
    }

    [Fact]
    public void Every_simple_step_kind_keeps_its_texts()
    {
        var plan = Record(new DeployRollback { Service = "api" });
        var tell = plan.Phases[0].Steps[1].Actions;
        var settle = plan.Phases[1].Steps[1].Actions;
        var record = plan.Phases[1].Steps[2].Actions;

        Assert.Equal(new NotificationAction("Status update", null), tell[0]);
        Assert.Equal(new ManualInstructionAction("Post in #incidents [now]"), tell[1]);
        Assert.Equal(new WaitAction(TimeSpan.FromMinutes(2), "pods restart"), settle[0]);
        Assert.Equal(new MonitorAction("error rate dashboard", TimeSpan.FromMinutes(10)), settle[1]);
        Assert.Equal("Records the rollback in the change log", ((DelegateAction)record[0]).Description);
        Assert.Equal(TimeSpan.FromSeconds(90), ((DelegateAction)record[0]).Timeout);
        Assert.Equal(new SnippetAction("promql", "sum(rate(http_requests_total{code=~\"5..\"}[5m]))", "Error rate"), record[1]);
        Assert.Equal(new NoteAction("Check the dashboard too"), record[2]);
    }

    [Fact]
    public void Rollback_and_verification_are_recorded_as_their_own_phases()
    {
        var plan = Record(new DeployRollback { Service = "api" });

        Assert.Equal("Rollback", plan.Rollback?.Name);
        Assert.Equal("Redeploy", Assert.Single(plan.Rollback!.Steps).Title);
        Assert.Equal("Verification", plan.Verification?.Name);
        Assert.Equal("Health is green", Assert.Single(plan.Verification!.Steps).Title);
        Assert.Null(plan.NoRollbackReason);
    }

    [Fact]
    public void NoRollback_records_the_reason_and_no_rollback_phase()
    {
        var plan = Record(new DiagnoseLatency());

        Assert.Null(plan.Rollback);
        Assert.Equal("read-only diagnostics", plan.NoRollbackReason);
        Assert.Null(plan.Verification);
    }

    [Fact]
    public void A_runbook_in_a_handbook_has_no_escalation_of_its_own()
    {
        Assert.Empty(Record(new DeployRollback { Service = "api" }).Document.Escalation);
        Assert.Equal(typeof(PlatformHandbook), new DeployRollback().HandbookType);
        Assert.Null(new DiagnoseLatency().HandbookType);
    }

    [Fact]
    public void Document_sections_are_recorded()
    {
        var document = Record(new Documented()).Document;

        Assert.Equal("Documented", document.Title);
        Assert.Equal("What it is for.", document.Summary);
        Assert.Equal("SRE", document.Owner);
        Assert.Equal([new ContactPlan("DBA", "dba@example.com")], document.Contacts);
        Assert.Equal([new EscalationLevelPlan("SRE", TimeSpan.Zero, null), new EscalationLevelPlan("CTO", TimeSpan.FromHours(1), "cto@example.com")], document.Escalation);
        Assert.Equal([new CommunicationPlan("Customer notice", "We are down.", null)], document.Communications);
        var stage = Assert.Single(document.PostIncident);
        Assert.Equal("Within a week", stage.Stage);
        Assert.Equal(["Post-mortem", "Action items"], stage.Items);
        Assert.Equal([new ReferencePlan("Console", "https://console.example.com")], document.References);
        Assert.Equal(new DateOnly(2026, 1, 31), document.ReviewDate);
        Assert.Equal(new DateOnly(2025, 6, 1), document.LastUpdated);
        Assert.Equal("Production (eu-central-1)", document.Environment);
        Assert.Equal(["database", "postgres"], document.Tags);
    }

    [Fact]
    public void Free_form_sections_keep_every_block_and_nesting()
    {
        var section = Assert.Single(Record(new Documented()).Document.Sections);

        Assert.Equal("Background", section.Heading);
        Assert.Equal(new ParagraphBlock("Some *text*."), section.Blocks[0]);
        var bullets = Assert.IsType<ListBlock>(section.Blocks[1]);
        Assert.False(bullets.Numbered);
        Assert.Equal(["a", "b"], bullets.Items);
        Assert.True(Assert.IsType<ListBlock>(section.Blocks[2]).Numbered);
        var table = Assert.IsType<TableBlock>(section.Blocks[3]);
        Assert.Equal(["Name", "Value"], table.Headers);
        Assert.Equal(["x", "1"], table.Rows[1]);
        Assert.Equal(new SnippetBlock("sql", "SELECT 1;"), section.Blocks[4]);
        var nested = Assert.IsType<SubsectionBlock>(section.Blocks[5]).Section;
        Assert.Equal("Details", nested.Heading);
        Assert.Equal(new ParagraphBlock("Nested."), Assert.Single(nested.Blocks));
    }

    private sealed class Documented : Runbook
    {
        public override void Define(IRunbookBuilder rb) => rb
            .Title("Documented")
            .Summary("What it is for.")
            .Owner("SRE")
            .Contact("DBA", "dba@example.com")
            .Escalation(e => e.Level("SRE", TimeSpan.Zero).Level("CTO", TimeSpan.FromHours(1), "cto@example.com"))
            .Communication("Customer notice", "We are down.")
            .PostIncident("Within a week", "Post-mortem", "Action items")
            .Reference("Console", "https://console.example.com")
            .ReviewDate(2026, 1, 31)
            .LastUpdated(2025, 6, 1)
            .Environment("Production (eu-central-1)")
            .Tags("database", "postgres")
            .Section("Background", s => s
                .Paragraph("Some *text*.")
                .Bullets("a", "b")
                .Numbered("first", "second")
                .Table(["Name", "Value"], ["w", "0"], ["x", "1"])
                .Snippet("sql", "SELECT 1;")
                .Subsection("Details", d => d.Paragraph("Nested.")));
    }
}
