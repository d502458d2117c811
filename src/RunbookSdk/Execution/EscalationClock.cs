using RunbookSdk.Model;

namespace RunbookSdk.Execution;

/// <summary>
/// Knows when each escalation level of a run is due, measured from the start of the incident, and the severity's
/// response time. The runner asks it at every step boundary and every tick of a wait or monitor; each level is
/// announced once, as soon as elapsed time has passed it.
/// </summary>
internal sealed class EscalationClock(EffectiveEscalation escalation, SeverityPlan? severity, DateTimeOffset incidentStart)
{
    private int _announcedLevels;
    private bool _responseAnnounced;

    /// <summary>When the incident started.</summary>
    public DateTimeOffset IncidentStart => incidentStart;

    /// <summary>Levels (and the response deadline) that became due by <paramref name="now"/> and were not announced yet, in order.</summary>
    public IReadOnlyList<EscalationNotice> Due(DateTimeOffset now)
    {
        var elapsed = now - incidentStart;
        var notices = new List<EscalationNotice>();
        if (!_responseAnnounced && severity?.ResponseTime is { } response && response > TimeSpan.Zero && elapsed >= response)
        {
            _responseAnnounced = true;
            notices.Add(new EscalationNotice(null, $"The {severity.Key} ({severity.Name}) response time of {Durations.Format(response)} has passed."));
        }
        while (_announcedLevels < escalation.Levels.Count && escalation.Levels[_announcedLevels].After <= elapsed)
        {
            var level = escalation.Levels[_announcedLevels++];
            var contact = level.Contact is null ? "" : $": {level.Contact}";
            notices.Add(new EscalationNotice(level, $"ESCALATE ({EscalationTiming.Describe(level.After)}): {level.Who}{contact}"));
        }
        return notices;
    }
}

/// <summary>An escalation announcement.</summary>
/// <param name="Level">The level now due, or null for the severity's response deadline.</param>
/// <param name="Message">What the operator is told.</param>
internal sealed record EscalationNotice(EscalationLevelPlan? Level, string Message);
