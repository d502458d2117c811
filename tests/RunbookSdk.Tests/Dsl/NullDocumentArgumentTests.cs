using RunbookSdk.Dsl.Recording;
using RunbookSdk.Tests.Runner;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Dsl;

/// <summary>
/// A null where a document call (<c>Title</c>, <c>Communication</c>, <c>Reference</c>, a section's blocks, a step's
/// <c>Note</c> and <c>Snippet</c>, a handbook's severities and SLOs …) takes none is refused when the runbook or handbook
/// is recorded, naming the call, the argument and where it stands, as the step calls' nulls are (NullGuard). Before,
/// they were recorded: a null <c>Communication</c> template failed only at the <c>Notify</c> that sent it, after the
/// steps before it had run, and the others printed nothing, or failed the page's rendering, naming nothing. A null entry
/// of a list argument (a checklist item, a bullet, a table cell, a severity's criterion) is refused too, by its position:
/// it was recorded and shown as an empty checkbox in the incident issue. A null symptom or tag is left out, as a blank
/// one is.
/// </summary>
public sealed class NullDocumentArgumentTests
{
    public static TheoryData<string, string, Action<IRunbookBuilder>> RunbookNulls => new()
    {
        { "title", "Title(title) in the runbook was given null for 'title'.", rb => rb.Title(null!) },
        { "summary", "Summary(summary) in the runbook was given null for 'summary'.", rb => rb.Summary(null!) },
        { "owner", "Owner(owner) in the runbook was given null for 'owner'.", rb => rb.Owner(null!) },
        { "role", "Contact(role, reach) in the runbook was given null for 'role'.", rb => rb.Contact(null!, "#ops") },
        { "reach", "Contact(role, reach) in the runbook was given null for 'reach'.", rb => rb.Contact("On-call", null!) },
        { "levels", "Escalation(levels) in the runbook was given null for 'levels'.", rb => rb.Escalation(null!) },
        { "who", "Level(who, after) in the runbook's escalation was given null for 'who'.", rb => rb.Escalation(e => e.Level(null!, TimeSpan.Zero)) },
        { "name", "Communication(name, template) in the runbook was given null for 'name'.", rb => rb.Communication(null!, "We are looking into it") },
        { "template", "Communication(name, template) in the runbook was given null for 'template'.", rb => rb.Communication("Investigating", null!) },
        { "stage", "PostIncident(stage, items) in the runbook was given null for 'stage'.", rb => rb.PostIncident(null!, "Write the timeline") },
        { "items", "PostIncident(stage, items) in the runbook was given null for 'items'.", rb => rb.PostIncident("Within a day", null!) },
        { "title", "Reference(title, url) in the runbook was given null for 'title'.", rb => rb.Reference(null!, "https://wiki.example.com") },
        { "url", "Reference(title, url) in the runbook was given null for 'url'.", rb => rb.Reference("Wiki", null!) },
        { "environment", "Environment(environment) in the runbook was given null for 'environment'.", rb => rb.Environment(null!) },
        { "heading", "Section(heading, content) in the runbook was given null for 'heading'.", rb => rb.Section(null!, s => s.Paragraph("x")) },
        { "content", "Section(heading, content) in the runbook was given null for 'content'.", rb => rb.Section("Background", null!) },
        { "text", "Paragraph(text) in section 'Background' was given null for 'text'.", rb => rb.Section("Background", s => s.Paragraph(null!)) },
        { "items", "Bullets(items) in section 'Background' was given null for 'items'.", rb => rb.Section("Background", s => s.Bullets(null!)) },
        { "items", "Numbered(items) in section 'Background' was given null for 'items'.", rb => rb.Section("Background", s => s.Numbered(null!)) },
        { "headers", "Table(headers, rows) in section 'Background' was given null for 'headers'.", rb => rb.Section("Background", s => s.Table(null!, ["a"])) },
        { "rows", "Table(headers, rows) in section 'Background' was given null for 'rows'.", rb => rb.Section("Background", s => s.Table(["A"], null!)) },
        { "language", "Snippet(language, code) in section 'Background' was given null for 'language'.", rb => rb.Section("Background", s => s.Snippet(null!, "ls")) },
        { "code", "Snippet(language, code) in section 'Background' was given null for 'code'.", rb => rb.Section("Background", s => s.Snippet("bash", null!)) },
        { "heading", "Subsection(heading, content) in section 'Background' was given null for 'heading'.", rb => rb.Section("Background", s => s.Subsection(null!, t => t.Paragraph("x"))) },
        { "content", "Subsection(heading, content) in section 'Background', subsection 'Why' was given null for 'content'.", rb => rb.Section("Background", s => s.Subsection("Why", null!)) },
        { "text", "Paragraph(text) in section 'Background', subsection 'Why' was given null for 'text'.", rb => rb.Section("Background", s => s.Subsection("Why", t => t.Paragraph(null!))) },
        { "text", "Note(text) in phase 'Mitigate', step 'Restart' was given null for 'text'.", rb => rb.Phase("Mitigate", p => p.Step("Restart", s => s.Note(null!))) },
        { "code", "Snippet(language, code) in phase 'Mitigate', step 'Restart' was given null for 'code'.", rb => rb.Phase("Mitigate", p => p.Step("Restart", s => s.Snippet("bash", null!))) },
        { "language", "Snippet(language, code) in phase 'Mitigate', step 'Restart' was given null for 'language'.", rb => rb.Phase("Mitigate", p => p.Step("Restart", s => s.Run("true").Snippet(null!, "ls"))) },
        { "items", "PostIncident(stage, items) in the runbook was given null as item 2 of 'items'.", rb => rb.PostIncident("Within a day", "Write the timeline", null!) },
        { "items", "Bullets(items) in section 'Background' was given null as item 2 of 'items'.", rb => rb.Section("Background", s => s.Bullets("a", null!)) },
        { "items", "Numbered(items) in section 'Background', subsection 'Why' was given null as item 1 of 'items'.", rb => rb.Section("Background", s => s.Subsection("Why", t => t.Numbered(null!, "b"))) },
        { "headers", "Table(headers, rows) in section 'Background' was given null as item 2 of 'headers'.", rb => rb.Section("Background", s => s.Table(["A", null!], ["a", "b"])) },
        { "rows", "Table(headers, rows) in section 'Background' was given null as row 2 of 'rows'.", rb => rb.Section("Background", s => s.Table(["A"], ["a"], null!)) },
        { "rows", "Table(headers, rows) in section 'Background' was given null as cell 2 of row 1 of 'rows'.", rb => rb.Section("Background", s => s.Table(["A", "B"], ["a", null!])) },
        { "text", "Note(text) in phase 'Mitigate', decision 'Fix' was given null for 'text'.", rb => rb.Phase("Mitigate", p => p.OneOf("Fix", o => o.Step("A", s => s.Run("a")).Note(null!).Step("B", s => s.Run("b")))) },
    };

    public static TheoryData<string, string, Action<IHandbookBuilder>> HandbookNulls => new()
    {
        { "title", "Title(title) in the handbook was given null for 'title'.", hb => hb.Title(null!) },
        { "key", "SeverityLevel(key, name, definition) in the handbook was given null for 'key'.", hb => hb.SeverityLevel(null!, "Critical", s => s.RespondWithin(TimeSpan.Zero)) },
        { "name", "SeverityLevel(key, name, definition) in the handbook was given null for 'name'.", hb => hb.SeverityLevel("P1", null!, s => s.RespondWithin(TimeSpan.Zero)) },
        { "definition", "SeverityLevel(key, name, definition) in the handbook was given null for 'definition'.", hb => hb.SeverityLevel("P1", "Critical", null!) },
        { "criteria", "Criteria(criteria) in severity 'P1' was given null for 'criteria'.", hb => hb.SeverityLevel("P1", "Critical", s => s.Criteria(null!)) },
        { "name", "Slo(name, target) in the handbook was given null for 'name'.", hb => hb.Slo(null!, "99.9%") },
        { "target", "Slo(name, target) in the handbook was given null for 'target'.", hb => hb.Slo("Availability", null!) },
        { "template", "Communication(name, template) in the handbook was given null for 'template'.", hb => hb.Communication("Investigating", null!) },
        { "criteria", "Criteria(criteria) in severity 'P1' was given null as item 1 of 'criteria'.", hb => hb.SeverityLevel("P1", "Critical", s => s.Criteria(null!, "Checkout is down")) },
        { "items", "PostIncident(stage, items) in the handbook was given null as item 1 of 'items'.", hb => hb.PostIncident("Within a day", [null!]) },
    };

    [Theory]
    [MemberData(nameof(RunbookNulls))]
    public void A_null_in_a_runbook_s_document_call_is_refused_naming_the_call_and_where(string parameter, string message, Action<IRunbookBuilder> define)
    {
        var refused = Assert.Throws<ArgumentNullException>(() => RunbookRecorder.Record("x", new InlineRunbook(define)));

        Assert.Equal(parameter, refused.ParamName);
        Assert.StartsWith(message, refused.Message);
    }

    [Theory]
    [MemberData(nameof(HandbookNulls))]
    public void A_null_in_a_handbook_s_call_is_refused_naming_the_call_and_where(string parameter, string message, Action<IHandbookBuilder> define)
    {
        var refused = Assert.Throws<ArgumentNullException>(() => HandbookRecorder.Record("x", new InlineHandbook(define)));

        Assert.Equal(parameter, refused.ParamName);
        Assert.StartsWith(message, refused.Message);
    }

    [Fact]
    public async Task A_null_communication_template_runs_nothing_of_the_runbook()
    {
        using var temp = new TempDirectory();
        using var run = new TestRun(rb => rb
            .Communication("Investigating", null!)
            .Phase("Mitigate", p => p
                .Step("Drain", s => s.Run($"touch {temp.File("drained")}"))
                .Step("Tell", s => s.Notify("Investigating")))
            .NoRollback("test"));

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => run.RunAsync());

        Assert.Contains("Communication(name, template) in the runbook was given null for 'template'.", refused.Message);
        Assert.False(File.Exists(temp.File("drained")));
    }

    [Fact]
    public void A_null_symptom_or_tag_is_left_out_as_a_blank_one_is()
    {
        var plan = RunbookRecorder.Record("x", new InlineRunbook(rb => rb.Symptoms("a", null!).Tags("b", null!)));

        Assert.Equal(["a"], plan.Symptoms);
        Assert.Equal(["b"], plan.Document.Tags);
    }

    private sealed class InlineRunbook(Action<IRunbookBuilder> define) : Runbook
    {
        public override void Define(IRunbookBuilder rb) => define(rb);
    }

    private sealed class InlineHandbook(Action<IHandbookBuilder> define) : Handbook
    {
        public override void Define(IHandbookBuilder hb) => define(hb);
    }
}
