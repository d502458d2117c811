using Microsoft.CodeAnalysis;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>How much of a required section a document's <c>Define</c> gives the on-call engineer.</summary>
internal enum SectionState
{
    /// <summary>Never declared.</summary>
    Absent,

    /// <summary>
    /// Declared, and adds nothing the runner records: <c>Rollback(r =&gt; { })</c>, an escalation without a level,
    /// <c>NoRollback("")</c>.
    /// </summary>
    Empty,

    /// <summary>Declared with content, or handed something we cannot see into (a method group), which gets the benefit of the doubt.</summary>
    Filled,
}

/// <summary>One required section as a document declares it, and where it was declared empty.</summary>
/// <param name="State">How much it gives.</param>
/// <param name="EmptyAt">The call that declared it empty, when <paramref name="State"/> is <see cref="SectionState.Empty"/>.</param>
internal readonly record struct SectionFact(SectionState State, Location? EmptyAt)
{
    public static SectionFact Filled => new(SectionState.Filled, null);

    public static SectionFact Empty(Location at) => new(SectionState.Empty, at);

    public bool IsFilled => State == SectionState.Filled;

    /// <summary>
    /// The section after <paramref name="later"/> ran: the runner keeps the last <c>Rollback</c>, <c>Verification</c>
    /// and <c>NoRollback</c> a <c>Define</c> calls, so a later declaration replaces this one.
    /// </summary>
    public SectionFact ReplacedBy(SectionFact later) => later.State == SectionState.Absent ? this : later;

    /// <summary>The section after <paramref name="later"/> ran, for escalation, whose levels every call adds to.</summary>
    public SectionFact AddedTo(SectionFact later) => State >= later.State ? this : later;
}
