using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RunbookSdk.Analyzers.Dsl;
using RunbookSdk.Execution;

namespace RunbookSdk.Analyzers.Notifications;

/// <summary>
/// RB0026: <c>Notify("Investigating")</c> sends a template with a <c>{placeholder}</c> that neither a parameter of
/// the runbook nor a fact of the run fills (<c>{Servce}</c>, or a handbook's <c>{Service}</c> in a runbook without
/// that parameter). The runner leaves such a placeholder as written, so customers read "issues with {Servce}".
/// </summary>
/// <remarks>
/// Reported on the <c>Notify</c>, for the runbook that sends it: a handbook's template may name a parameter some of
/// its runbooks have and others lack. Judged only when the template's text is a constant and the runbook's and its
/// handbook's templates are all known (see RB0023, which reports a template that is not defined at all).
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnfilledPlaceholderAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: the placeholder's name as the template writes it.</summary>
    public const string PlaceholderProperty = "Placeholder";

    /// <summary>Diagnostic property: the parameter or run fact it most likely misspells; the template's literal is the additional location.</summary>
    public const string SuggestionProperty = "Suggestion";

    private static readonly Regex s_placeholder = new(TemplatePlaceholders.Pattern, RegexOptions.CultureInvariant);

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.UnfilledPlaceholder);

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

        var fillers = ParameterNames(type, runbooks).Concat(TemplatePlaceholders.RunFacts).ToList();
        var filled = new HashSet<string>(fillers, StringComparer.OrdinalIgnoreCase);
        foreach (var notification in sent.Notifications)
        {
            if (!notification.IsDeclaredIn(type)) continue;
            // The runner takes the runbook's own template first, then its handbook's: the first of that name is sent.
            var template = sent.Templates.FirstOrDefault(t => string.Equals(t.Name, notification.Template, StringComparison.OrdinalIgnoreCase));
            if (template?.Template is not { } text) continue;
            var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (Match placeholder in s_placeholder.Matches(text))
            {
                var name = placeholder.Groups[1].Value;
                if (filled.Contains(name) || !reported.Add(name)) continue;
                var nearest = NearestName.Of(name, fillers);
                var hint = nearest is not null ? $"; did you mean {{{nearest}}}?" : "";
                // The fix writes the name the hint suggests into the template's literal, wherever the template is written.
                var (properties, literal) = nearest is not null && template.TemplateLiteral is { } written
                    ? (ImmutableDictionary<string, string?>.Empty.Add(PlaceholderProperty, name).Add(SuggestionProperty, nearest), new[] { written })
                    : (ImmutableDictionary<string, string?>.Empty, Array.Empty<Location>());
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnfilledPlaceholder, notification.Location, literal, properties,
                    template.Name, name, type.Name, hint));
            }
        }
    }

    /// <summary>The runbook's parameters, its base classes' included: the runner fills a placeholder of each name.</summary>
    private static IEnumerable<string> ParameterNames(INamedTypeSymbol type, RunbookCompilation runbooks)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is IPropertySymbol property && runbooks.Symbols.IsParameter(property)) yield return property.Name;
            }
        }
    }
}
