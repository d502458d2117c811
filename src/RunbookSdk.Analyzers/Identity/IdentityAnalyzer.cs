using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using RunbookSdk.Analyzers.Dsl;

namespace RunbookSdk.Analyzers.Identity;

/// <summary>
/// RB0011: runbook and handbook ids are kebab-case and unique in the compilation (they name files and CLI arguments):
/// no two runbooks, no two handbooks, and no runbook and handbook share one, as their pages would share a file.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class IdentityAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: the id in kebab-case, for the code fix.</summary>
    public const string SuggestedIdProperty = "SuggestedId";

    private const string IndexPageId = "index";

    private static readonly Regex s_kebabCase = new("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant);

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.InvalidId);

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
        Check(context, runbooks, type, runbooks.Symbols.RunbookAttribute, handbook: false);
        Check(context, runbooks, type, runbooks.Symbols.HandbookAttribute, handbook: true);
    }

    private static void Check(SymbolAnalysisContext context, RunbookCompilation runbooks, INamedTypeSymbol type, INamedTypeSymbol? attributeType, bool handbook)
    {
        var (id, attribute) = RunbookCompilation.IdOf(type, attributeType);
        if (attribute?.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is not AttributeSyntax syntax) return;
        var location = syntax.ArgumentList?.Arguments.FirstOrDefault()?.GetLocation() ?? syntax.GetLocation();
        if (id is null)
        {
            // [Runbook(null!)], or a constant that is null: the generator writes nothing for a class without an id, so
            // without this the runbook had no page, no runner and no finding. A half-typed argument (an error) is the
            // compiler's to report.
            if (attribute.ConstructorArguments is [{ Kind: TypedConstantKind.Primitive, IsNull: true }])
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidId, location, "null",
                    "is no id: the generator writes no runner and no page for the class; give it a kebab-case id, e.g. 'api-lambda-failure'"));
            return;
        }

        if (!s_kebabCase.IsMatch(id))
        {
            // The code fix offers the kebab-case spelling; worked out here, where the id's value is already known. Not
            // when another runbook or handbook already has that id, or it is 'index': the fix would only trade this finding
            // for another.
            var properties = KebabCase.From(id) is { } suggestion && suggestion != IndexPageId && !runbooks.TypesWithId(suggestion, handbook).Any() && !runbooks.TypesWithId(suggestion, !handbook).Any()
                ? ImmutableDictionary<string, string?>.Empty.Add(SuggestedIdProperty, suggestion)
                : ImmutableDictionary<string, string?>.Empty;
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidId, location, properties, id,
                "is not kebab-case (lower-case letters and digits in words joined by '-', e.g. 'api-lambda-failure')"));
            return;
        }

        // index.md is the docs folder's index page (RunbookCatalog.IndexFileName): a page of that name would replace it.
        if (id == IndexPageId)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidId, location, id,
                "names the docs folder's index page ('index.md'), which this page would be written over; choose another id"));
            return;
        }

        var other = runbooks.TypesWithId(id, handbook).FirstOrDefault(t => !SymbolEqualityComparer.Default.Equals(t, type));
        if (other is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidId, location, id, $"is also the id of '{other.ToDisplayString()}'; ids must be unique"));
            return;
        }

        // A runbook's page and a handbook's are both named after the id: with one id, the build's docs step stops
        // ("would all be written to 'security.md'") after a compilation that reported nothing.
        var page = runbooks.TypesWithId(id, !handbook).FirstOrDefault();
        if (page is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidId, location, id,
                $"is also the id of {(handbook ? "runbook" : "handbook")} '{page.ToDisplayString()}'; both pages would be written to '{id}.md', so a runbook and a handbook need different ids"));
            return;
        }

        // The app's catalog lists the runbooks of the libraries it references: `run <id>` would run this one, and the
        // library's, whose page the on-call engineer may be reading, could not be run from this app.
        if (!handbook && runbooks.ReferencedRunbookWithId(id) is { } library)
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidId, location, id,
                $"is also the id of '{library.ToDisplayString()}' in the referenced runbook library '{library.ContainingAssembly.Name}'; ids must be unique among the runbooks an app can run"));
    }
}
