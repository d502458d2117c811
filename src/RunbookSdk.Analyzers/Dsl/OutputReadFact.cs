using Microsoft.CodeAnalysis;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>
/// A step's code reading an earlier step's output by a constant name (<c>ctx.Outputs["Check status"]</c>,
/// <c>ctx.Outputs.TryGetValue("Check status", out var status)</c>), and where the name is written.
/// </summary>
/// <param name="Name">The name read.</param>
/// <param name="Location">Where the name is written.</param>
/// <param name="Throws">True for the indexer, which throws when nothing has the name; <c>TryGetValue</c> does not.</param>
/// <param name="Reader">Where the reading step stands in the run's order; null when that is not certain from the text.</param>
/// <param name="Action">Where the reading <c>Execute</c> is written, to order it among its own step's actions.</param>
internal sealed record OutputReadFact(string Name, Location Location, bool Throws, StepPlace? Reader = null, int Action = 0)
{
    /// <summary>Whether the read is written in <paramref name="type"/>'s own code.</summary>
    public bool IsDeclaredIn(INamedTypeSymbol type) => DeclaredIn.Type(type, Location);
}
