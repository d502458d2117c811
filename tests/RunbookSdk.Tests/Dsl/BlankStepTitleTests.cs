using RunbookSdk.Dsl.Recording;

namespace RunbookSdk.Tests.Dsl;

/// <summary>
/// A step with a blank title — of a phase, the rollback, the verification or a decision — is refused when the runbook
/// is recorded, naming the section it stands in. Before, it ran as "1.2" and nothing, was confirmed as "'' is
/// destructive. Run it now?", and the journal, the incident issue and the page named it by nothing.
/// </summary>
public sealed class BlankStepTitleTests
{
    private const string Reason = "Step(title, step) needs the step's title, what the operator sees and the page lists, e.g. Step(\"Restart the API\", …); it is empty.";

    public static TheoryData<string, Action<IRunbookBuilder>> Blanks => new()
    {
        { "phase 'Mitigate'", rb => rb.Phase("Mitigate", p => p.Step("Drain", s => s.Run("true")).Step("", s => s.Run("true"))) },
        { "phase 'Mitigate'", rb => rb.Phase("Mitigate", p => p.Step(" \t", s => s.Run("true"))) },
        { "the rollback", rb => rb.Rollback(r => r.Step("  ", s => s.Run("true"))) },
        { "the verification", rb => rb.Verification(v => v.Step("\n", s => s.Run("true"))) },
        { "phase 'Mitigate', decision 'Fix'", rb => rb.Phase("Mitigate", p => p.OneOf("Fix", o => o.Step(" ", s => s.Run("a")).Step("Restart", s => s.Run("b")))) },
    };

    [Theory]
    [MemberData(nameof(Blanks))]
    public void A_blank_step_title_is_refused_naming_where_it_stands(string where, Action<IRunbookBuilder> define)
    {
        var refused = Assert.Throws<ArgumentException>(() => RunbookRecorder.Record("x", new Inline(define)));

        Assert.StartsWith(Reason, refused.Message);
        Assert.Equal("title", refused.ParamName);
        Assert.Equal(where, DefinitionSite.Of(refused));
    }

    private sealed class Inline(Action<IRunbookBuilder> define) : Runbook
    {
        public override void Define(IRunbookBuilder rb) => define(rb);
    }
}
