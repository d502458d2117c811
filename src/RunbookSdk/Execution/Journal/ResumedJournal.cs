namespace RunbookSdk.Execution;

/// <summary>A journal a resume continued into another one, as the resume's <c>run-started</c> records it.</summary>
/// <param name="Path">Its path as the resume was given it, full (<c>resumedFrom</c>, masked as the journal masks).</param>
/// <param name="File">Its file's identity (<see cref="FileIdentity"/>, <c>resumedFromFile</c>); null in a journal written before it was recorded, or off Linux.</param>
/// <param name="At">When the resume started: a file made after it (an inode used again) cannot be the one it continued.</param>
internal sealed record ResumedJournal(string Path, string? File, DateTimeOffset? At);
