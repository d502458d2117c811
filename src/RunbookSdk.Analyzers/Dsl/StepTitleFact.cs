using Microsoft.CodeAnalysis;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>A <c>Step(title, …)</c> whose title is a constant, and where the title is written.</summary>
internal sealed record StepTitleFact(string Title, Location Location);
