namespace RunbookSdk.Analyzers.Dsl;

/// <summary>The sections RB0001-RB0003 require, as a set: which ones code the rules cannot read may still declare.</summary>
[System.Flags]
internal enum SectionKinds
{
    None = 0,

    /// <summary><c>Escalation(...)</c> and its levels (RB0001).</summary>
    Escalation = 1,

    /// <summary><c>Rollback(...)</c> or its waiver <c>NoRollback(reason)</c> (RB0002).</summary>
    Rollback = 2,

    /// <summary><c>Verification(...)</c> (RB0003).</summary>
    Verification = 4,

    All = Escalation | Rollback | Verification,
}
