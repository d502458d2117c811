namespace RunbookSdk.Dsl.Recording;

/// <summary>
/// Refuses a duration that cannot mean what the runbook says — a negative wait, a limit of no time at all — when the
/// runbook is recorded: the run stops before anything ran ("could not be prepared"), rather than fail a step half-way
/// through an incident with a timer's exception, after earlier steps changed things.
/// </summary>
internal static class DurationGuard
{
    /// <summary>Throws unless <paramref name="value"/> is zero or more.</summary>
    /// <param name="value">The duration.</param>
    /// <param name="call">The DSL call and argument, as written: <c>Wait(duration)</c>.</param>
    /// <param name="parameter">The argument's name, for the exception.</param>
    public static TimeSpan NotNegative(TimeSpan value, string call, string parameter) =>
        value >= TimeSpan.Zero ? value : throw Refused(value, parameter, $"{call} must not be negative; it is {Durations.Format(value)}.");

    /// <summary>Throws unless <paramref name="value"/> is more than zero.</summary>
    /// <param name="value">The duration.</param>
    /// <param name="call">The DSL call and argument, as written: <c>Timeout(timeout)</c>.</param>
    /// <param name="parameter">The argument's name, for the exception.</param>
    /// <param name="instead">What to write for what was probably meant.</param>
    public static TimeSpan Positive(TimeSpan value, string call, string parameter, string instead) =>
        value > TimeSpan.Zero ? value : throw Refused(value, parameter, $"{call} must be more than zero; it is {Durations.Format(value)}. {instead}");

    private static ArgumentOutOfRangeException Refused(TimeSpan value, string parameter, string message) => new(parameter, value, message);
}
