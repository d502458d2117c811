using RunbookSdk.Model;

namespace RunbookSdk.Execution;

/// <summary>
/// The communication templates a <c>Notify(template)</c> step can name: the runbook's own, then its handbook's, by name
/// (case-insensitive), as the runner, the dry run and the generated page resolve them.
/// </summary>
/// <remarks>
/// A name neither defines (a typo, a template renamed in the handbook) is told at the start of the run, and its step
/// is skipped with the reason when reached, for the operator to tell the channel by hand. It used to fail the step:
/// the run stopped going forward and offered the rollback of a mitigation that had worked, for a notification.
/// </remarks>
internal static class CommunicationTemplates
{
    /// <summary>The template <paramref name="name"/> names, or null when neither the runbook nor its handbook defines it.</summary>
    public static CommunicationPlan? Find(RunContext context, string name) =>
        All(context).FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Why <paramref name="name"/> cannot be sent: no template of that name, and the names there are.</summary>
    public static string Unknown(RunContext context, string name)
    {
        var names = All(context).Select(c => $"'{c.Name}'").Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        return $"no communication template '{name}' in the runbook or its handbook"
            + (names.Length == 0 ? " (they define none)" : $" (they define {string.Join(", ", names)})");
    }

    /// <summary>The <c>Notify</c> steps whose template is not defined, as "step 2.1 'Tell customers': why", in plan order.</summary>
    public static IReadOnlyList<string> Missing(RunContext context)
    {
        var missing = new List<string>();
        foreach (var (_, steps, number) in StepNumbers.Sections(context.Plan))
        {
            for (var j = 0; j < steps.Count; j++)
            {
                foreach (var notify in steps[j].Actions.OfType<NotificationAction>())
                {
                    if (Find(context, notify.Template) is null) missing.Add($"step {number(j)} '{steps[j].Title}' notifies with {Unknown(context, notify.Template)}");
                }
            }
        }
        return missing;
    }

    private static IEnumerable<CommunicationPlan> All(RunContext context) =>
        context.Plan.Document.Communications.Concat(context.Handbook?.Document.Communications ?? []);
}
