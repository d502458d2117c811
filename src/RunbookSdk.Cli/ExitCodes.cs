namespace RunbookSdk.Cli;

/// <summary>Exit codes of the <c>runbook</c> tool, the same as a runbook project's own command line.</summary>
public static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Success = 0;

    /// <summary>The command found a problem (an input it cannot import, a failed check).</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong (unknown command or option, missing argument).</summary>
    public const int Usage = 2;
}
