using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RunbookSdk.Analyzers.Dsl;

namespace RunbookSdk.Analyzers.Parameters;

/// <summary>
/// RB0024: <c>[Parameter]</c> on a property the runner cannot set — static, or with no <c>set</c> or <c>init</c>
/// (<c>{ get; }</c>, <c>=> "eu-west-1"</c>). The generator leaves it out without a word: the page does not list it,
/// <c>run … Region=us-east-1</c> is refused as an unknown parameter, and the runbook runs with the value the code
/// gives, whatever the engineer meant to pass.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnsettableParameterAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: <c>static</c> or <c>read-only</c>, for the code fix.</summary>
    public const string ReasonProperty = "Reason";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.UnsettableParameter);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (RunbookCompilation.For(start.Compilation) is not { } runbooks || runbooks.Symbols.ParameterAttribute is null) return;
            // On runbook types, not on every property: the analyzers register symbol actions on named types only (docs/performance.md).
            start.RegisterSymbolAction(symbol => Analyze(symbol, runbooks), SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, RunbookCompilation runbooks)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (!runbooks.Symbols.IsRunbookType(type)) return;
        foreach (var member in type.GetMembers())
        {
            if (member is not IPropertySymbol property || !runbooks.Symbols.IsParameter(property)) continue;
            if (property.Locations.Length == 0 || !property.Locations[0].IsInSource) continue;
            var (reason, what, advice) = property.IsStatic
                ? ("static", "static", "make it an instance property")
                : property.SetMethod is null
                    ? ("read-only", "read-only (no set or init)", "give it an init accessor: { get; init; }")
                    : default;
            if (reason is null) continue;
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnsettableParameter, property.Locations[0],
                ImmutableDictionary<string, string?>.Empty.Add(ReasonProperty, reason), property.Name, what, advice));
        }
    }
}
