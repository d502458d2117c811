namespace RunbookSdk;

/// <summary>
/// The time window a phase should fit in, measured from the start of the incident,
/// e.g. "Immediate actions (0-5 minutes)" or "Investigation (5-15 minutes)".
/// </summary>
/// <param name="From">When the phase starts, relative to the start of the incident.</param>
/// <param name="To">When the phase should be done.</param>
public readonly record struct TimeBox(TimeSpan From, TimeSpan To)
{
    /// <summary>A window from the start of the incident to <paramref name="to"/> minutes.</summary>
    /// <param name="to">Minutes from the start of the incident.</param>
    public static TimeBox Minutes(int to) => new(TimeSpan.Zero, TimeSpan.FromMinutes(to));

    /// <summary>A window from <paramref name="from"/> to <paramref name="to"/> minutes.</summary>
    /// <param name="from">Start, minutes from the start of the incident.</param>
    /// <param name="to">End, minutes from the start of the incident.</param>
    public static TimeBox Minutes(int from, int to) => new(TimeSpan.FromMinutes(from), TimeSpan.FromMinutes(to));

    /// <summary>A window from the start of the incident to <paramref name="to"/> hours.</summary>
    /// <param name="to">Hours from the start of the incident.</param>
    public static TimeBox Hours(int to) => new(TimeSpan.Zero, TimeSpan.FromHours(to));

    /// <summary>A window from <paramref name="from"/> to <paramref name="to"/> hours.</summary>
    /// <param name="from">Start, hours from the start of the incident.</param>
    /// <param name="to">End, hours from the start of the incident.</param>
    public static TimeBox Hours(int from, int to) => new(TimeSpan.FromHours(from), TimeSpan.FromHours(to));

    /// <summary>How long the phase may take.</summary>
    public TimeSpan Length => To - From;

    /// <summary>A window from the start of the incident to <paramref name="to"/>.</summary>
    /// <param name="to">The end of the window.</param>
    public static implicit operator TimeBox(TimeSpan to) => new(TimeSpan.Zero, to);

    /// <inheritdoc />
    public override string ToString() => Durations.FormatRange(From, To);
}
