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

    /// <summary>
    /// The longest a .NET timer waits (<see cref="uint.MaxValue"/> − 1 milliseconds, about 49.7 days): a longer
    /// process or request time limit, or retry wait, is an <see cref="ArgumentOutOfRangeException"/> from the framework
    /// when the step runs, after earlier steps changed things.
    /// </summary>
    internal static readonly TimeSpan LongestTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    // Durations.Format writes it "4294967.294 seconds": said in days, with the exact figure for the curious.
    private const string LongestTimerText = "about 49.7 days (4,294,967,294 milliseconds, the longest a timer waits)";

    /// <summary>Throws when <paramref name="value"/> is longer than a timer can wait (<see cref="LongestTimer"/>).</summary>
    /// <param name="value">The duration.</param>
    /// <param name="call">The DSL call and argument, as written: <c>Timeout(timeout) of a command</c>.</param>
    /// <param name="parameter">The argument's name, for the exception.</param>
    /// <param name="instead">What to write for what was probably meant.</param>
    public static TimeSpan WithinTimer(TimeSpan value, string call, string parameter, string instead) =>
        value <= LongestTimer ? value : throw Refused(value, parameter, $"{call} can be at most {LongestTimerText}; it is {Durations.Format(value)}. {instead}");

    /// <summary>
    /// Throws when a retry would wait longer than a timer can before its last attempt: the wait doubles after each
    /// failed attempt (backoff, 2×backoff, 4×backoff, …), so many attempts overflow even a short backoff.
    /// </summary>
    /// <param name="attempts">Attempts in total.</param>
    /// <param name="backoff">The first wait.</param>
    public static void RetryWithinTimer(int attempts, TimeSpan backoff)
    {
        if (attempts < 2) return;
        var longest = backoff.TotalMilliseconds * Math.Pow(2, attempts - 2);
        if (longest <= LongestTimer.TotalMilliseconds) return;
        throw Refused(backoff, nameof(backoff),
            $"Retry(attempts, backoff) with {attempts} attempts and a backoff of {Durations.Format(backoff)} would wait more than {LongestTimerText} before its last attempt: the wait doubles after each attempt. Use fewer attempts or a shorter backoff.");
    }

    private static ArgumentOutOfRangeException Refused(TimeSpan value, string parameter, string message) => new(parameter, value, message);
}
