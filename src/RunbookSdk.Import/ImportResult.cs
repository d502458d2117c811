namespace RunbookSdk.Import;

/// <summary>What an import wrote.</summary>
/// <param name="ProjectFile">The .csproj written.</param>
/// <param name="Files">Every file written, full paths.</param>
/// <param name="Runbooks">Ids of the runbooks, in document order.</param>
/// <param name="Warnings">Repairs and gaps worth a look (mojibake repaired, missing rollback, ...).</param>
public sealed record ImportResult(string ProjectFile, IReadOnlyList<string> Files, IReadOnlyList<string> Runbooks, IReadOnlyList<string> Warnings);
