namespace RunbookSdk.Execution;

/// <summary>A request that is not idempotent (POST, PATCH), as an earlier run's journal recorded sending it.</summary>
/// <param name="Request">Method and URL, masked: <c>POST https://api.example.com/deploy</c>.</param>
/// <param name="Status">The status it was answered with; null when no answer was recorded (it was in flight).</param>
public sealed record SentRequest(string Request, int? Status)
{
    /// <summary>As the engineer reads it: <c>POST … (answered 200)</c> or <c>POST … (no answer recorded)</c>.</summary>
    public override string ToString() => Status is { } status ? $"{Request} (answered {status})" : $"{Request} (no answer recorded)";
}
