namespace RunbookSdk.CodeFixes.Sections;

/// <summary>
/// What a fix writes into a required section it adds or fills: the least that reads as the section, with a
/// <c>TODO:</c> where only the author knows the text (RB0019 lists it until written). One place, so an added section
/// and a filled one read alike.
/// </summary>
internal static class SectionSkeletons
{
    /// <summary>The body of an escalation lambda whose builder is <paramref name="builder"/>: a first level.</summary>
    public static string Escalation(string builder) => builder + ".Level(\"On-call engineer\", TimeSpan.Zero)";

    /// <summary>The body of a rollback lambda whose builder is <paramref name="builder"/>: one step to write.</summary>
    public static string Rollback(string builder) =>
        builder + ".Step(\"Undo the change\", s => s.Instruction(\"TODO: how to undo what the phases changed\"))";

    /// <summary>The body of a verification lambda whose builder is <paramref name="builder"/>: one check to write.</summary>
    public static string Verification(string builder) =>
        builder + ".Step(\"Confirm recovery\", s => s.Instruction(\"TODO: the check that proves the system is healthy again\"))";

    /// <summary>The reason of a waiver, to write.</summary>
    public const string WaiverReason = "\"TODO: why nothing needs undoing, e.g. read-only diagnostics\"";
}
