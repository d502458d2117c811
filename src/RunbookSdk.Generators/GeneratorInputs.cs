using RunbookSdk.Generators.Model;

namespace RunbookSdk.Generators;

/// <summary>A project's own template text (AdditionalFiles), compared by value.</summary>
internal sealed record TemplateText(string Name, string Path, string Text);

/// <summary>Build options the generator reads from MSBuild.</summary>
internal sealed record GeneratorOptions(bool EmitEntryPoint);

/// <summary>A generated file, compared by value so unchanged outputs are not re-added.</summary>
internal sealed record GeneratedSource(string HintName, string Source, EquatableArray<DiagnosticInfo> Diagnostics);
