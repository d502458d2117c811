using RunbookSdk.Generators.Model;

namespace RunbookSdk.Generators;

/// <summary>A project's own template text (AdditionalFiles), compared by value.</summary>
internal sealed record TemplateText(string Name, string Path, string Text);

/// <summary>Build options the generator reads from MSBuild.</summary>
/// <param name="EmitEntryPoint">RunbookSdkGenerateEntryPoint: emit <c>Main</c> for a runbook app.</param>
/// <param name="EmbedOutline">
/// RunbookSdkEmbedOutline: embed each runbook's documented outline, so a test can compare it with the plan the runner
/// executes. Off by default: nothing at run time reads it, and it was a third of the text a build compiled per runbook.
/// </param>
internal sealed record GeneratorOptions(bool EmitEntryPoint, bool EmbedOutline);

/// <summary>A generated file, compared by value so unchanged outputs are not re-added.</summary>
internal sealed record GeneratedSource(string HintName, string Source, EquatableArray<DiagnosticInfo> Diagnostics);
