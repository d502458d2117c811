namespace RunbookSdk.Hosting;

/// <summary>The exit codes of a runbook entry point.</summary>
internal static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Success = 0;
    /// <summary>The command ran and found a problem (stale docs, a failed run).</summary>
    public const int Failure = 1;
    /// <summary>The command line was wrong: unknown runbook or parameter, bad value, unsupported mode.</summary>
    public const int Usage = 2;
}
