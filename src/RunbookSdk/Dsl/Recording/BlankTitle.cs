namespace RunbookSdk.Dsl.Recording;

/// <summary>
/// The refusal of a step with a blank title, marked with where it stands (<c>phase 'Mitigate'</c>): the step has no
/// title to be named by, so its site is the section's.
/// </summary>
internal static class BlankTitle
{
    /// <summary>An <see cref="ArgumentException"/> with <paramref name="reason"/>, its site <paramref name="where"/>.</summary>
    /// <param name="reason">The reason (<see cref="ArgumentRefusals.StepTitle"/>).</param>
    /// <param name="where">The section the step stands in.</param>
    public static ArgumentException Refused(string reason, string where)
    {
        var refused = new ArgumentException(reason, "title");
        DefinitionSite.Mark(refused, where);
        return refused;
    }
}
