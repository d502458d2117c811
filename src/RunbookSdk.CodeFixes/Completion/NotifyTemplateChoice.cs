namespace RunbookSdk.CodeFixes.Completion;

/// <summary>A communication template a <c>Notify(...)</c> may name, with what the completion list says of it.</summary>
/// <param name="Name">The template's name, as <c>Communication(name, …)</c> defines it.</param>
/// <param name="Template">Its text, when a constant.</param>
/// <param name="Channel">Its channel, when given as a constant.</param>
/// <param name="DefinedIn">The runbook or handbook class that defines it.</param>
internal sealed record NotifyTemplateChoice(string Name, string? Template, string? Channel, string DefinedIn);
