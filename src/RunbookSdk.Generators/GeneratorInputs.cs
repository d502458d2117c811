using RunbookSdk.Generators.Emitting;
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

/// <summary>What every runbook's part is rendered with besides its own model: when one changes, every page is rendered again.</summary>
internal sealed record RenderInputs(EquatableArray<HandbookModel> Handbooks, EquatableArray<TemplateText> Templates, bool EmbedOutline);

/// <summary>A generated file (none when <paramref name="Text"/> is null), compared by value so unchanged outputs are not re-added.</summary>
internal sealed record GeneratedSource(string HintName, GeneratedText? Text, EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>The file <paramref name="hintName"/> with <paramref name="source"/>; no file when it is empty.</summary>
    public static GeneratedSource Of(string hintName, string source, EquatableArray<DiagnosticInfo> diagnostics) =>
        new(hintName, source.Length == 0 ? null : new GeneratedText(source), diagnostics);
}
