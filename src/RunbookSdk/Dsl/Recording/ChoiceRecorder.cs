using RunbookSdk.Model;

namespace RunbookSdk.Dsl.Recording;

/// <summary>
/// Records a <c>OneOf</c> decision as its option steps, each marked with the group it belongs to; refuses a decision
/// nobody can make (no title, fewer than two options, two options of one title).
/// </summary>
internal sealed class ChoiceRecorder : IChoiceBuilder
{
    private readonly List<StepPlan> _options = [];
    private readonly List<string> _notes = [];
    // Where a refused argument stands, for the message: "phase 'Mitigate', decision 'Fix'".
    private readonly string _where;

    private ChoiceRecorder(string where) => _where = where;

    /// <param name="title">What is decided.</param>
    /// <param name="options">Adds the options.</param>
    /// <param name="where">The section the decision stands in, for a refusal: <c>phase 'Mitigate'</c>.</param>
    public static IReadOnlyList<StepPlan> Record(string title, Action<IChoiceBuilder> options, string where)
    {
        // Refused with the reasons RB0021 reports at build for constant arguments (ArgumentRefusals).
        if (ArgumentRefusals.ChoiceTitle(title) is { } noTitle) throw new ArgumentException(noTitle, nameof(title));
        NullGuard.Required(options, "OneOf(title, options)", nameof(options), $"{where}, decision '{title}'");
        var recorder = new ChoiceRecorder($"{where}, decision '{title}'");
        options(recorder);
        var steps = recorder._options;
        if (ArgumentRefusals.ChoiceOptionCount(title, steps.Count) is { } tooFew) throw new ArgumentException(tooFew, nameof(options));
        if (steps.GroupBy(s => s.Title, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException(ArgumentRefusals.ChoiceOptionTwice(title, twice.Key), nameof(options));
        var note = recorder._notes.Count == 0 ? null : string.Join("\n\n", recorder._notes);
        return steps.Select((step, i) => step with { Choice = new StepChoice(title, i + 1, steps.Count, note) }).ToArray();
    }

    public IChoiceBuilder Step(string title, Action<IStepBuilder> step)
    {
        NullGuard.Required(title, "Step(title, step)", nameof(title), _where);
        if (ArgumentRefusals.StepTitle(title) is { } noTitle) throw BlankTitle.Refused(noTitle, _where);
        NullGuard.Required(step, "Step(title, step)", nameof(step), $"{_where}, option '{title}'");
        _options.Add(StepRecorder.Record(title, step, _where));
        return this;
    }

    public IChoiceBuilder Note(string text)
    {
        _notes.Add(NullGuard.Required(text, "Note(text)", nameof(text), _where));
        return this;
    }
}
