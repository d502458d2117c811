using System;
using Microsoft.CodeAnalysis;
using RunbookSdk.Generators.Model;

namespace RunbookSdk.Generators;

/// <summary>
/// What the generator says when it fails on one output (RB0104): which output, and what the project lacks without it.
/// The message names the runbook because a render failure has no place in source to point at, and an error in a
/// project of a thousand runbooks that does not say which one is a hunt.
/// </summary>
internal static class GeneratorFailure
{
    /// <summary>An output the generator failed to produce.</summary>
    /// <param name="Name">The output, as the message names it.</param>
    /// <param name="Consequence">What the project lacks without it.</param>
    internal sealed record Output(string Name, string Consequence);

    /// <summary>The catalog: without it the runner lists none of the project's runbooks.</summary>
    public static readonly Output OfCatalog = new("catalog", "the runner finds none of the project's runbooks and there is no index page");

    /// <summary>A runbook or handbook class whose model could not be read.</summary>
    /// <param name="name">The class's name as declared.</param>
    public static Output OfClass(string name) => new($"class '{name}'", "nothing is generated for it");

    /// <summary>A runbook whose runner part and page could not be rendered.</summary>
    /// <param name="runbook">The runbook's model.</param>
    public static Output OfRunbook(RunbookModel runbook) => new($"runbook '{runbook.Id}' ({runbook.Type.FullName})", "it has no runner and no page");

    /// <summary>A handbook whose page could not be rendered.</summary>
    /// <param name="handbook">The handbook's model.</param>
    public static Output OfHandbook(HandbookModel handbook) => new($"handbook '{handbook.Id}' ({handbook.Type.FullName})", "it has no page");

    /// <summary>The RB0104 diagnostic for <paramref name="output"/>.</summary>
    /// <param name="output">What failed.</param>
    /// <param name="exception">Why: its type and message go into the report a user files.</param>
    /// <param name="location">The class, when the failure is in reading one; none for a render.</param>
    public static DiagnosticInfo Diagnostic(Output output, Exception exception, Location? location) =>
        DiagnosticInfo.Create(GeneratorDiagnostics.InternalError, location, output.Name, output.Consequence, exception.GetType().Name + ": " + exception.Message);
}
