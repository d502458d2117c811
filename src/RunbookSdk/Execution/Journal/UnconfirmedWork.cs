namespace RunbookSdk.Execution;

/// <summary>
/// What an earlier run may have done in a step it recorded no result for (it died during the step, or Ctrl+C
/// interrupted it): requests that are not idempotent it sent, shell commands it started, and C# code it started and did
/// not see finish. Any may have taken effect — a second deploy, a second failover — so a resume runs the step again
/// only with the engineer's decision.
/// </summary>
/// <param name="Requests">POST, PATCH and other requests that are not idempotent, as the journal recorded sending them: the attempts of a retried one together.</param>
/// <param name="Commands">Shell commands, as the journal recorded starting them: the attempts of a retried one together.</param>
/// <param name="Code">C# code (<c>Execute(...)</c>) by its description, as the journal recorded starting it, with no finish recorded.</param>
internal sealed record UnconfirmedWork(IReadOnlyList<RetriedAttempts<SentRequest>> Requests, IReadOnlyList<RetriedAttempts<StartedCommand>> Commands, IReadOnlyList<string> Code)
{
    /// <summary>True when only requests were sent: the wording stays that of sending again.</summary>
    private bool RequestsOnly => Commands.Count == 0 && Code.Count == 0;

    /// <summary>What the earlier run did: <c>sent POST … (no answer recorded) and ran `./deploy.sh` (no result recorded)</c>.</summary>
    public string Done
    {
        get
        {
            var parts = new List<string>();
            if (Requests.Count > 0) parts.Add("sent " + string.Join("; ", Requests));
            if (Commands.Count > 0) parts.Add("ran " + string.Join("; ", Commands));
            if (Code.Count > 0) parts.Add("ran the code " + string.Join("; ", Code.Select(c => $"'{c}' (it did not finish)")));
            return string.Join(" and ", parts);
        }
    }

    /// <summary>Why that needs a decision.</summary>
    public string Risk => RequestsOnly
        ? "it may have reached the server, and running the step again sends it again"
        : "it may have taken effect (in part or whole), and running the step again does it again";

    /// <summary>What <c>--resend-requests</c> does for this step.</summary>
    public string Again => RequestsOnly ? "send it again" : "run it again";

    /// <summary>The question an interactive resume asks.</summary>
    public string Question => RequestsOnly
        ? "Run the step again and send it again? Check first whether it took effect; no stops the run here."
        : "Run the step again? Check first whether what it started took effect; no stops the run here.";

    /// <summary>Why a step stops when the operator says no.</summary>
    public string Declined => RequestsOnly
        ? "the operator chose not to send again a request the earlier run sent"
        : "the operator chose not to run again what the earlier run started in this step";
}
