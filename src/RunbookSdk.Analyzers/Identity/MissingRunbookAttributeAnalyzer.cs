using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using RunbookSdk.Analyzers.Dsl;

namespace RunbookSdk.Analyzers.Identity;

/// <summary>
/// RB0030: a class that derives from <c>Runbook</c> without <c>[Runbook("id")]</c>. The generator documents and
/// registers only the classes with the attribute, so such a class built without a finding, got no page, was not in
/// <c>list</c> and could not be run: it disappeared silently (RB0105 is the reverse, an attribute on a class that is no
/// runbook). Not reported: an abstract class, a class another class of the compilation derives from (a base runbook),
/// a generic or file-local one, and a nested class that is a test's double or that the runner could not create
/// (<see cref="NestedRunbookClass"/>); a runbook nested in a class that groups a team's runbooks is reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MissingRunbookAttributeAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.RunbookWithoutAttribute);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (RunbookCompilation.For(start.Compilation) is not { } runbooks) return;
            // Which classes are bases is asked only when a class without the attribute is found: rare, so a keystroke
            // in a project whose runbooks all have their attribute walks no types.
            var bases = new BaseClasses(start.Compilation);
            start.RegisterSymbolAction(symbol => Analyze(symbol, runbooks, bases), SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, RunbookCompilation runbooks, BaseClasses bases)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.TypeKind != TypeKind.Class || type.IsAbstract || type.IsStatic || type.IsGenericType) return;
        if (type.ContainingType is not null && !NestedRunbookClass.MayBeRunbook(type)) return;
        if (!runbooks.Symbols.IsRunbookType(type)) return;
        if (RunbookCompilation.IdOf(type, runbooks.Symbols.RunbookAttribute).Attribute is not null) return;
        // An attribute that does not bind ([Runbok("x")], or one still being typed) is the compiler's to report.
        if (type.GetAttributes().Any(a => a.AttributeClass is null or { TypeKind: TypeKind.Error })) return;
        if (type.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(context.CancellationToken) is not ClassDeclarationSyntax declaration) return;
        if (declaration.Modifiers.Any(SyntaxKind.FileKeyword)) return;
        // A class still being named (`public sealed class : Runbook`) was reported as '' with the id 'kebab-case-id'.
        if (declaration.Identifier.IsMissing) return;
        if (!type.IsSealed && bases.IsBase(type, context.CancellationToken)) return;

        // The id the runbook item template gives a class of that name (RunbookItem → runbook-item); offered by the
        // fix only when no other runbook or handbook has it, nor a runbook of a referenced runbook library (the app
        // runs those beside its own), as RB0011 would refuse it.
        var id = KebabCase.From(type.Name);
        var properties = id is not null && id != "index" && !runbooks.TypesWithId(id, handbook: false).Any() && !runbooks.TypesWithId(id, handbook: true).Any()
            && runbooks.ReferencedRunbookWithId(id) is null
            ? ImmutableDictionary<string, string?>.Empty.Add(IdentityAnalyzer.SuggestedIdProperty, id)
            : ImmutableDictionary<string, string?>.Empty;
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RunbookWithoutAttribute, declaration.Identifier.GetLocation(), properties,
            type.Name, id ?? "kebab-case-id"));
    }

}
