using RunbookSdk.Dsl.Recording;
using RunbookSdk.Tests.Runner;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Dsl;

/// <summary>
/// A null where the DSL takes none — from helper code the compiler's nullable warnings did not catch — is refused when
/// the runbook is recorded, naming the call, the argument and where it stands. Before, a null step title ran the step's
/// commands and then failed it with "Value cannot be null. (Parameter 'key')"; null code failed its step only when
/// the run reached it; a null method or steps was a NullReferenceException naming nothing.
/// </summary>
public sealed class NullArgumentTests
{
    private static ArgumentNullException Refused(Action<IRunbookBuilder> define) =>
        Assert.Throws<ArgumentNullException>(() => RunbookRecorder.Record("x", new Inline(define)));

    public static TheoryData<string, string, Action<IRunbookBuilder>> Nulls => new()
    {
        { "title", "Step(title, step) in phase 'Mitigate' was given null for 'title'.", rb => rb.Phase("Mitigate", p => p.Step(null!, s => s.Run("echo"))) },
        { "step", "Step(title, step) in phase 'Mitigate', step 'Restart' was given null for 'step'.", rb => rb.Phase("Mitigate", p => p.Step("Restart", null!)) },
        { "body", "Execute(description, body) in phase 'Mitigate', step 'Fail over' was given null for 'body'.", rb => rb.Phase("Mitigate", p => p.Step("Fail over", s => s.Execute("fails over", null!))) },
        { "method", "Http(method, url) in the verification, step 'Health' was given null for 'method'.", rb => rb.Verification(v => v.Step("Health", s => s.Http(null!, "https://example.com/health"))) },
        { "command", "Run(command) in the rollback, step 'Undo' was given null for 'command'.", rb => rb.Rollback(r => r.Step("Undo", s => s.Run((string)null!))) },
        { "template", "Notify(template) in phase 'Tell', step 'Status' was given null for 'template'.", rb => rb.Phase("Tell", p => p.Step("Status", s => s.Notify(null!))) },
        { "title", "Step(title, step) in phase 'Mitigate', decision 'Fix' was given null for 'title'.", rb => rb.Phase("Mitigate", p => p.OneOf("Fix", o => o.Step("Restart", s => s.Run("a")).Step(null!, s => s.Run("b")))) },
        { "name", "Phase(name, steps) in the runbook was given null for 'name'.", rb => rb.Phase(null!, p => p.Step("S", s => s.Run("echo"))) },
        { "steps", "Rollback(steps) in the rollback was given null for 'steps'.", rb => rb.Rollback(null!) },
        // Checked only after the request was sent: "Value cannot be null. (Parameter 'value')", or a NullReferenceException.
        { "text", "ExpectBodyContains(text) in phase 'Check', step 'Health' was given null for 'text'.", rb => rb.Phase("Check", p => p.Step("Health", s => s.Http("POST", "https://example.com/purge").ExpectBodyContains(null!))) },
        { "path", "ExpectJson(path, value) in phase 'Check', step 'Health' was given null for 'path'.", rb => rb.Phase("Check", p => p.Step("Health", s => s.Http("GET", "https://example.com/health").ExpectJson(null!, "ok"))) },
        { "value", "ExpectJson(path, value) in phase 'Check', step 'Health' was given null for 'value'.", rb => rb.Phase("Check", p => p.Step("Health", s => s.Http("GET", "https://example.com/health").ExpectJson("status", null!))) },
        // Sent the header empty, or the request without a body, without a word.
        { "value", "Header(name, value) in phase 'Check', step 'Health' was given null for 'value'.", rb => rb.Phase("Check", p => p.Step("Health", s => s.Http("GET", "https://example.com/health").Header("Authorization", null!))) },
        { "body", "Body(body) in phase 'Check', step 'Purge' was given null for 'body'.", rb => rb.Phase("Check", p => p.Step("Purge", s => s.Http("POST", "https://example.com/purge").Body((string)null!))) },
        // Tags(null) was "Value cannot be null. (Parameter 'collection')", naming nothing the runbook wrote, while
        // Symptoms(null) was taken for no symptoms: both are refused alike now.
        { "tags", "Tags(tags) in the runbook was given null for 'tags'.", rb => rb.Tags(null!) },
        { "symptoms", "Symptoms(symptoms) in the runbook was given null for 'symptoms'.", rb => rb.Symptoms(null!) },
    };

    [Theory]
    [MemberData(nameof(Nulls))]
    public void A_null_is_refused_naming_the_call_the_argument_and_where_it_stands(string parameter, string message, Action<IRunbookBuilder> define)
    {
        var refused = Refused(define);

        Assert.Equal(parameter, refused.ParamName);
        Assert.StartsWith(message, refused.Message);
    }

    [Fact]
    public async Task A_step_without_a_title_runs_nothing_of_the_runbook()
    {
        using var temp = new TempDirectory();
        using var run = new TestRun(rb => rb
            .Phase("Mitigate", p => p
                .Step("Drain", s => s.Run($"touch {temp.File("drained")}"))
                .Step(null!, s => s.Run($"touch {temp.File("restarted")}")))
            .NoRollback("test"));

        Assert.Throws<ArgumentNullException>(() => run.Bind());
        Assert.False(File.Exists(temp.File("drained")));
        Assert.False(File.Exists(temp.File("restarted")));
    }

    [Fact]
    public void A_handbook_s_null_tags_are_refused_naming_the_handbook()
    {
        var refused = Assert.Throws<ArgumentNullException>(() => HandbookRecorder.Record("platform", new InlineHandbook(hb => hb.Tags(null!))));

        Assert.StartsWith("Tags(tags) in the handbook was given null for 'tags'.", refused.Message);
    }

    [Fact]
    public void Blank_tags_are_left_out_as_blank_symptoms_are() =>
        Assert.Equal(["payments", "p1"], RunbookRecorder.Record("x", new Inline(rb => rb.Tags("payments", "", null!, "  ").Tags("p1"))).Document.Tags);

    private sealed class InlineHandbook(Action<IHandbookBuilder> define) : Handbook
    {
        public override void Define(IHandbookBuilder hb) => define(hb);
    }

    private sealed class Inline(Action<IRunbookBuilder> define) : Runbook
    {
        public override void Define(IRunbookBuilder rb) => define(rb);
    }
}
