namespace RunbookSdk.Execution;

/// <summary>Where a run's <c>[Secret]</c> parameter value came from; journaled (never the value) in <c>run-started</c>.</summary>
public enum SecretSource
{
    /// <summary>Given as <c>Name=VALUE</c> on the command line (journaled <c>cli</c>).</summary>
    CommandLine,

    /// <summary>Read from the environment variable <c>RUNBOOK_SECRET_&lt;NAME&gt;</c> (journaled <c>environment</c>).</summary>
    Environment,

    /// <summary>Typed by the operator at the interactive run's prompt, without echo (journaled <c>prompt</c>).</summary>
    Prompt,
}
