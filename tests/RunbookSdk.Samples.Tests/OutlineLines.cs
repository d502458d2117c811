using RunbookSdk.Hosting;

namespace RunbookSdk.Testing;

/// <summary>
/// An outline flattened to lines, for comparing what a page documents with what the runner runs: phases, steps (with
/// confirmation, condition and option) and actions with their details. Holes are resolved to the parameters' values,
/// so a documented <c>{Region}</c> and the runner's <c>eu-central-1</c> compare equal only when the hole really is that
/// parameter. Linked into the import tests, which compare imported runbooks the same way.
/// </summary>
internal static class OutlineLines
{
    public static List<string> Describe(PlanOutline outline, IReadOnlyDictionary<string, string> parameters)
    {
        var lines = new List<string>();
        foreach (var phase in outline.Phases)
        {
            lines.Add($"phase {phase.Name} [{phase.TimeBox}]");
            foreach (var step in phase.Steps)
            {
                lines.Add($"  step {step.Title}{(step.RequiresConfirmation ? " (confirm)" : "")}{(step.Condition is { } condition ? $" (only if {condition})" : "")}{(step.Choice is { } choice ? $" (option {choice})" : "")}");
                foreach (var action in step.Actions)
                {
                    var text = string.Concat(action.Text.Select(s => s.IsHole && parameters.TryGetValue(s.Text, out var value) ? value : s.Text));
                    lines.Add($"    {action.Kind}: {text} | {string.Join(" | ", action.Details)}");
                }
            }
        }

        return lines;
    }
}
