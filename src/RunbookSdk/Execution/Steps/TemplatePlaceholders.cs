namespace RunbookSdk.Execution;

/// <summary>
/// What a communication template's <c>{placeholder}</c> is, and the run facts the runner fills besides the runbook's
/// parameters: one source for the runner that fills them (<c>CommunicationRenderer</c>) and for rule RB0026,
/// which reports a placeholder nothing fills (linked into the analyzers).
/// </summary>
internal static class TemplatePlaceholders
{
    /// <summary>
    /// A name as C# spells a parameter's, in any script (Bölge, Süre, Şifre), not ASCII alone: a template naming a
    /// Turkish or German parameter was posted to the channel with "{Bölge}" in it. Group 1 is the name.
    /// </summary>
    public const string Pattern = @"\{([\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}.\-]*)\}";

    /// <summary>The facts of the run a template may name besides parameters; names compare case-insensitively.</summary>
    public static readonly string[] RunFacts =
        ["runbook", "title", "severity", "severity_name", "status", "started", "now", "elapsed", "phase", "step", "journal"];
}
