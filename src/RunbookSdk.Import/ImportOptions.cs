namespace RunbookSdk.Import;

/// <summary>How <see cref="RunbookImporter"/> imports a markdown document.</summary>
public sealed record ImportOptions
{
    /// <summary>The folder the runbook project is written to (created; must be empty or hold an earlier import).</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>The C# namespace; by default derived from the output folder's name.</summary>
    public string? Namespace { get; init; }

    /// <summary>
    /// Write waivers for what the document lacks (<c>NoRollback("imported without rollback: …")</c>, and
    /// <c>#pragma warning disable RB0001/RB0003</c> with the reason) so the project builds. Without it the
    /// analyzers report the gaps as build errors, which is the point of importing.
    /// </summary>
    public bool AllowIncomplete { get; init; }

    /// <summary>
    /// Replace files of an earlier import whose content differs from what this import writes, and delete earlier
    /// imported sources it no longer writes. Without it such files make the import stop with
    /// <see cref="ImportWouldReplaceException"/> before anything is written: they may hold edits made since.
    /// </summary>
    public bool ReplaceChangedFiles { get; init; }

    /// <summary>
    /// The RunbookSdk repository to reference from source; null to find it above <see cref="OutputDirectory"/>.
    /// Outside a repository the project references the <c>RunbookSdk</c> package.
    /// </summary>
    public string? RepositoryRoot { get; init; }
}
