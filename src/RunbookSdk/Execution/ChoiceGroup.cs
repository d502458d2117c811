using RunbookSdk.Model;

namespace RunbookSdk.Execution;

/// <summary>
/// The options of one <c>OneOf</c> decision, found in the flat list of a section's steps: the consecutive steps that
/// carry its <see cref="StepChoice"/>, numbered from 1.
/// </summary>
/// <param name="Choice">The decision (title and note), as the first option carries it.</param>
/// <param name="Start">The index of its first option in the section.</param>
/// <param name="Options">The option steps in order.</param>
internal sealed record ChoiceGroup(StepChoice Choice, int Start, IReadOnlyList<StepPlan> Options)
{
    public string Title => Choice.Title;

    /// <summary>The group the step at <paramref name="index"/> belongs to, or null when it is no option.</summary>
    public static ChoiceGroup? At(IReadOnlyList<StepPlan> steps, int index)
    {
        if (steps[index].Choice is not { } choice) return null;
        // A plan built by hand may number its options loosely: the group is the run of steps of this decision around it.
        var start = index;
        while (start > 0 && steps[start - 1].Choice is { } before && SameGroup(before, steps[start]!.Choice!)) start--;
        var end = index + 1;
        while (end < steps.Count && steps[end].Choice is { } after && SameGroup(steps[end - 1].Choice!, after)) end++;
        return new ChoiceGroup(steps[start].Choice!, start, steps.Skip(start).Take(end - start).ToArray());
    }

    /// <summary>Every group of a section, in order.</summary>
    public static IEnumerable<ChoiceGroup> All(IReadOnlyList<StepPlan> steps)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            if (At(steps, i) is not { } group) continue;
            yield return group;
            i = group.Start + group.Options.Count - 1;
        }
    }

    /// <summary>"1 'Restart', 2 'Clear the cache'": the options as the operator answers them.</summary>
    public string Numbered => string.Join(", ", Options.Select((o, i) => $"{i + 1} '{o.Title}'"));

    // Consecutive steps belong to one decision when the second continues the first's numbering under the same title.
    private static bool SameGroup(StepChoice earlier, StepChoice later) =>
        later.Title == earlier.Title && later.Option == earlier.Option + 1;
}
