namespace RunbookSdk.Execution;

/// <summary>Notifications the webhook did not take, repeated when the run ends.</summary>
/// <remarks>
/// A webhook that failed (an error status, refused, timed out, a WebhookUrl that is no URL) was one warning under its
/// step, and the run closed with "Run succeeded: every step done": the warning had scrolled away, and the customers
/// waiting on the status channel were never told. The end of the run names each one, for the engineer to post by hand.
/// </remarks>
internal sealed partial class LiveRun
{
    private readonly List<string> _undelivered = [];

    /// <summary>Remembers that the notification of the current step, from <paramref name="template"/>, did not reach the webhook, and why.</summary>
    private void NotDelivered(string template, string? channel, string why) =>
        _undelivered.Add($"{_currentNumber} '{_currentStep}': '{template}'{(channel is null ? "" : $" for {channel}")} ({why})");

    /// <summary>Names, at the end of the run, every notification the webhook did not take.</summary>
    private void WarnUndelivered()
    {
        if (_undelivered.Count == 0) return;
        _console.Warn($"NOT POSTED: the webhook did not take {_undelivered.Count} notification(s): {string.Join("; ", _undelivered.Select(_context.Secrets.Mask))}. "
            + "Post them by hand: each one's text is printed above under its step, and in the journal.");
    }
}
