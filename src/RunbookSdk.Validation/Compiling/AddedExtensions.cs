using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RunbookSdk.Validation.Compiling;

/// <summary>Rules and generators a validation runs besides RunbookSdk's own (<see cref="ValidationOptions.Added"/>).</summary>
/// <param name="Rules">Analyzers run with RunbookSdk's rules over the validated project.</param>
/// <param name="Generators">Generators run after RunbookSdk's generator over the validated project (not its references).</param>
internal sealed record AddedExtensions(IReadOnlyList<DiagnosticAnalyzer> Rules, IReadOnlyList<IIncrementalGenerator> Generators)
{
    /// <summary>RunbookSdk's own alone, as every real validation runs.</summary>
    public static AddedExtensions None { get; } = new([], []);
}
