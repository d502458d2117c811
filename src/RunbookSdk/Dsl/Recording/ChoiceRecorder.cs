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

    public static IReadOnlyList<StepPlan> Record(string title, Action<IChoiceBuilder> options)
    {
        // Refused with the reasons RB0021 reports at build for constant arguments (ArgumentRefusals).
        if (ArgumentRefusals.ChoiceTitle(title) is { } noTitle) throw new ArgumentException(noTitle, nameof(title));
        var recorder = new ChoiceRecorder();
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
        _options.Add(StepRecorder.Record(title, step));
        return this;
    }

    public IChoiceBuilder Note(string text)
    {
        _notes.Add(text);
        return this;
    }
}
