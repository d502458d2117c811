namespace RunbookSdk.Execution;

/// <summary>
/// What a notification's <c>{status}</c> says: where the run is when the message is sent. A rollback's "we are rolling
/// back" message used to say "in progress", as every message did, whatever the run was doing.
/// </summary>
internal static class NotificationStatus
{
    /// <summary>The status of a run sending from <paramref name="section"/> (<c>phase-N</c>, <c>rollback</c>, <c>verification</c>).</summary>
    public static string Of(string section) => section switch
    {
        "rollback" => "rolling back",
        "verification" => "verifying",
        _ => "in progress",
    };
}
