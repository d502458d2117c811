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
        // "Choose one: " with nothing after it, and --choose "=Restart", would be a question nobody can answer.
        if (string.IsNullOrWhiteSpace(title))
            throw new ArgumentException("OneOf(title, options) needs what is decided, e.g. OneOf(\"Mitigation strategy\", o => o.Step(\"Restart\", …).Step(\"Clear the cache\", …)); it is empty.", nameof(title));
        var recorder = new ChoiceRecorder();
        options(recorder);
        var steps = recorder._options;
        if (steps.Count < 2)
            throw new ArgumentException($"OneOf(\"{title}\") has {steps.Count} option(s); a choice needs at least two. For one step that applies only sometimes write .Step(\"…\", s => s.OnlyIf(\"…\")…) instead.", nameof(options));
        // The operator answers with a title (--choose "Mitigation strategy=Restart"): two of one title cannot be told apart.
        if (steps.GroupBy(s => s.Title, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"OneOf(\"{title}\") has two options titled '{twice.Key}'; give each option a title of its own, by which the operator chooses it.", nameof(options));
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
