using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RunbookSdk.Analyzers.Dsl;

namespace RunbookSdk.Analyzers.Parameters;

/// <summary>
/// RB0031: a <c>[Parameter]</c> nothing of the runbook reads. The page still lists it and the run still binds it, so a
/// <c>[Secret]</c> (or required) one nobody uses still refuses a <c>--non-interactive</c> run that lacks it, and an
/// interactive one asks for a token no step sends. Judged by name from syntax, generously — a false finding would ask
/// to remove a parameter that is used: the files of the runbook and of the runbooks deriving from it read it when
/// they name it (<c>{Region}</c>, <c>this.Region</c>, <c>nameof(Region)</c>, an <c>OnlyIf</c> or helper call given it);
/// a file the runbook uses (its handbook's, one naming the runbook, one declaring a type the runbook names) reads it as
/// another object's member (<c>rb.Region</c>, <c>rb is QueueStuck { Region: "eu" }</c>), as a placeholder in text (a
/// communication template, also the handbook's) or as a string that is its name (<c>ctx.Parameters["Region"]</c>);
/// the runner reads <c>WebhookUrl</c> itself.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnreadParameterAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The parameter the runner reads itself: where notifications are posted when <c>--webhook</c> is not given.</summary>
    private const string RunnerReadParameter = "WebhookUrl";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.UnreadParameter);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (RunbookCompilation.For(start.Compilation) is not { } runbooks || runbooks.Symbols.ParameterAttribute is null) return;
            var derived = new DerivedClasses(start.Compilation);
            var secret = start.Compilation.GetTypeByMetadataName("RunbookSdk.SecretAttribute");
            start.RegisterSymbolAction(symbol => Analyze(symbol, runbooks, derived, secret), SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, RunbookCompilation runbooks, DerivedClasses derived, INamedTypeSymbol? secret)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.TypeKind != TypeKind.Class || !runbooks.Symbols.IsRunbookType(type)) return;
        var parameters = type.GetMembers().OfType<IPropertySymbol>().Where(p => Judged(p, runbooks)).ToList();
        if (parameters.Count == 0 || MayBeDerivedElsewhere(type, context.Compilation, runbooks)) return;

        var cancellationToken = context.CancellationToken;
        var readers = new List<INamedTypeSymbol> { type };
        if (!type.IsSealed) readers.AddRange(derived.Of(type, cancellationToken));
        if (!HandbookTemplates(readers, runbooks, out var handbookPlaceholders)) return;

        var ownTrees = new HashSet<SyntaxTree>(readers.SelectMany(r => r.DeclaringSyntaxReferences).Select(r => r.SyntaxTree));
        // A name written in the runbook's own files outside its declaration (attributes and doc comment included) is
        // taken as read without reading their tokens: the text is in memory, and nearly every parameter is read where
        // it is declared. Only a parameter written nowhere else there is judged from the tokens, and only then are the
        // project's other files read: a pass over every file for every runbook was a pass over the whole 1,000-runbook
        // corpus (docs/performance.md).
        var ownTexts = ownTrees.ToDictionary(tree => tree, tree => tree.GetText(cancellationToken).ToString());
        List<ParameterMentions>? own = null, project = null;
        foreach (var parameter in parameters)
        {
            var name = parameter.Name;
            if (WrittenOutsideItsDeclaration(parameter, ownTexts, cancellationToken) || handbookPlaceholders.Contains(name)) continue;
            own ??= ownTrees.Select(tree => ParameterMentions.Of(tree, cancellationToken)).ToList();
            if (own.Any(m => m.Identifiers.Contains(name))) continue;
            project ??= RelatedFiles(type, readers, ownTrees, runbooks, context.Compilation, cancellationToken);
            if (project.Any(m => m.MemberReads.Contains(name) || m.Placeholders.Contains(name) || m.NameLiterals.Contains(name))) continue;
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnreadParameter, parameter.Locations[0],
                parameter.Name, Readers(type), Consequence(parameter, secret)));
        }
    }

    /// <summary>
    /// What the project's files that may read the runbook's parameters mention: its own files and its handbook's, a file
    /// that names the runbook, a runbook deriving from it or an interface of theirs (a helper given the runbook), and a
    /// file declaring a type those files name (the <c>Templates</c> class whose constant is the runbook's template, the
    /// <c>Checks</c> class whose method reads <c>ctx.Parameters["DbPassword"]</c>). Another runbook's template
    /// <c>{Region}</c>, a log message's <c>{Region}</c> or a settings class's <c>settings.Region</c> in a file that has
    /// nothing to do with the runbook is no read of it. Judged by name as the rest of the rule, so still generous: a
    /// file that names the runbook counts whole.
    /// </summary>
    private static List<ParameterMentions> RelatedFiles(INamedTypeSymbol type, List<INamedTypeSymbol> readers, HashSet<SyntaxTree> ownTrees,
        RunbookCompilation runbooks, Compilation compilation, CancellationToken cancellationToken)
    {
        var usedTrees = new HashSet<SyntaxTree>(ownTrees);
        foreach (var handbook in readers.Select(runbooks.Symbols.HandbookOf).Where(h => h is not null).Cast<INamedTypeSymbol>())
            usedTrees.UnionWith(handbook.DeclaringSyntaxReferences.Select(r => r.SyntaxTree));
        var namedThere = new HashSet<string>(usedTrees.SelectMany(tree => ParameterMentions.Of(tree, cancellationToken).Identifiers), System.StringComparer.Ordinal);
        var runbookNames = new HashSet<string>(readers.Select(r => r.Name)
            .Concat(type.AllInterfaces.Where(i => i.Locations.Any(l => l.IsInSource)).Select(i => i.Name)), System.StringComparer.Ordinal);

        var related = new List<ParameterMentions>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var mentions = ParameterMentions.Of(tree, cancellationToken);
            if (usedTrees.Contains(tree) || mentions.Identifiers.Overlaps(runbookNames) || mentions.DeclaredTypes.Overlaps(namedThere)) related.Add(mentions);
        }

        return related;
    }

    private static bool WrittenOutsideItsDeclaration(IPropertySymbol parameter, Dictionary<SyntaxTree, string> texts, CancellationToken cancellationToken)
    {
        var declaration = parameter.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).FirstOrDefault();
        foreach (var pair in texts)
        {
            var skipped = declaration is not null && declaration.SyntaxTree == pair.Key ? declaration.FullSpan : default;
            if (ParameterMentions.WrittenOutside(pair.Value, parameter.Name, skipped.Start, skipped.End)) return true;
        }

        return false;
    }

    /// <summary>A parameter the runner binds (RB0024 reports one it cannot set), declared in this source.</summary>
    private static bool Judged(IPropertySymbol property, RunbookCompilation runbooks) =>
        !property.IsStatic && property.SetMethod is not null && property.Name.Length > 0 &&
        property.Name != RunnerReadParameter && property.Locations.Length > 0 && property.Locations[0].IsInSource &&
        runbooks.Symbols.IsParameter(property);

    /// <summary>
    /// A base runbook (not marked <c>[Runbook]</c>, not sealed) that a library exports: the runbooks that read its
    /// parameters may be in the projects that reference it.
    /// </summary>
    private static bool MayBeDerivedElsewhere(INamedTypeSymbol type, Compilation compilation, RunbookCompilation runbooks)
    {
        if (type.IsSealed || compilation.Options.OutputKind != OutputKind.DynamicallyLinkedLibrary) return false;
        if (RunbookCompilation.IdOf(type, runbooks.Symbols.RunbookAttribute).Attribute is not null) return false;
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal)) return false;
        }

        return true;
    }

    /// <summary>
    /// The placeholders of the communication templates of a handbook compiled in another project (one in this project is
    /// read with its files); false when they are not known, and nothing is judged then.
    /// </summary>
    private static bool HandbookTemplates(List<INamedTypeSymbol> runbookTypes, RunbookCompilation runbooks, out HashSet<string> placeholders)
    {
        placeholders = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
        if (runbookTypes.Any(runbooks.Symbols.HasUnresolvedHandbook)) return false;
        foreach (var handbook in runbookTypes.Select(runbooks.Symbols.HandbookOf).Where(h => h is not null).Distinct(SymbolEqualityComparer.Default).Cast<INamedTypeSymbol>())
        {
            if (handbook.DeclaringSyntaxReferences.Length > 0) continue;
            var facts = runbooks.FactsOf(handbook);
            if (!facts.CommunicationsKnown) return false;
            foreach (var communication in facts.Communications)
            {
                if (communication.Template is null) return false;
                placeholders.UnionWith(ParameterMentions.PlaceholdersIn(communication.Template));
            }
        }

        return true;
    }

    private static string Readers(INamedTypeSymbol type) =>
        type.IsSealed ? "'" + type.Name + "'" : "'" + type.Name + "' or the runbooks deriving from it";

    private static string Consequence(IPropertySymbol parameter, INamedTypeSymbol? secret)
    {
        var required = parameter.IsRequired || parameter.GetAttributes().Any(a =>
            a.NamedArguments.Any(n => n.Key == "Required" && n.Value.Value is true));
        if (secret is not null && DslSymbols.HasAttribute(parameter, secret))
            return ", yet a run without it asks for it, and a --non-interactive one refuses to start";
        return required ? ", yet a run without it refuses to start" : "";
    }
}
