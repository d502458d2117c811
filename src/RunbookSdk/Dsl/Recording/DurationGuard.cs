namespace RunbookSdk.Dsl.Recording;

/// <summary>
/// Refuses a duration that cannot mean what the runbook says — a negative wait, a limit of no time at all — when the
/// runbook is recorded: the run stops before anything ran ("could not be prepared"), rather than fail a step half-way
/// through an incident with a timer's exception, after earlier steps changed things. The reasons are
/// <see cref="ArgumentRefusals"/>', which RB0021 quotes at build time.
/// </summary>
internal static class DurationGuard
{
    /// <summary>Returns <paramref name="value"/>, or throws with <paramref name="reason"/> when there is one.</summary>
    /// <param name="value">The duration.</param>
    /// <param name="reason">Why it is refused (an <see cref="ArgumentRefusals"/> answer); null when it is not.</param>
    /// <param name="parameter">The argument's name, for the exception.</param>
    public static TimeSpan Accepted(TimeSpan value, string? reason, string parameter) =>
        reason is null ? value : throw new ArgumentOutOfRangeException(parameter, value, reason);
}
