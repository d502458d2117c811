using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RunbookSdk.Analyzers.Dsl;

namespace RunbookSdk.Analyzers.Notifications;

/// <summary>
/// RB0023: <c>Notify("custmer-update")</c> names a communication template that neither the runbook nor its handbook
/// defines. The runner finds templates by name when the step is reached, so a typo or a template renamed in the
/// handbook surfaced only at 3 a.m., as a notification that was never sent.
/// </summary>
/// <remarks>
/// Judged only when every template name is known: the runbook's and its handbook's <c>Define</c> read completely,
/// each <c>Communication(name, …)</c> named by a constant; a handbook seen as metadata by the templates its generated
/// part lists, when it says they are all of them. Names compare case-insensitively, as the runner finds them.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NotifyTemplateAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: the defined template the name most likely meant, for the code fix; absent when none is close.</summary>
    public const string SuggestionProperty = "Suggestion";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.UnknownCommunicationTemplate);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (RunbookCompilation.For(start.Compilation) is not { } runbooks) return;
            start.RegisterSymbolAction(symbol => Analyze(symbol, runbooks), SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, RunbookCompilation runbooks)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (SentTemplates.Of(type, runbooks) is not { } sent) return;

        var defined = sent.Templates.Select(c => c.Name).ToList();
        var known = new HashSet<string>(defined, StringComparer.OrdinalIgnoreCase);
        var names = defined.Distinct(StringComparer.OrdinalIgnoreCase).Select(n => $"'{n}'").ToArray();
        var listed = names.Length == 0 ? " (they define none)" : $" (they define {string.Join(", ", names)})";
        foreach (var notification in sent.Notifications)
        {
            // A Notify of an intermediate base class is reported once, on that class's own code, not for each runbook.
            if (known.Contains(notification.Template) || !notification.IsDeclaredIn(type)) continue;
            var properties = ImmutableDictionary<string, string?>.Empty;
            if (notification.IsLiteral && NearestName.Of(notification.Template, defined) is { } suggestion)
                properties = properties.Add(SuggestionProperty, suggestion);
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnknownCommunicationTemplate, notification.Location, properties, notification.Template, listed));
        }
    }
}
