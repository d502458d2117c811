using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Validation.Docs;

/// <summary>
/// The <c>[Runbook]</c> classes of a project the generator wrote nothing for: it refused them (RB0103, no public
/// parameterless constructor; RB0105, a class the runner cannot reach) or failed on them (RB0104). They have no
/// runner and no page, so no descriptor either; without these the validation table had no row for them, and a reader of
/// the table saw only the runbooks that were fine.
/// </summary>
internal static class UngeneratedRunbooks
{
    private const string RunbookAttribute = "RunbookSdk.RunbookAttribute";

    /// <summary>
    /// A stand-in descriptor (the attribute's id, the class's name as the title, no page) for every runbook class
    /// declared in <paramref name="sources"/> that no generated descriptor names.
    /// </summary>
    public static IReadOnlyList<GeneratedDescriptor> Find(Compilation compilation, IReadOnlyList<string> sources, IReadOnlyList<GeneratedDescriptor> generated)
    {
        var described = new HashSet<ISymbol>(generated.Where(d => d.Type is not null).Select(d => (ISymbol)d.Type!), SymbolEqualityComparer.Default);
        var ids = new HashSet<string>(generated.Where(d => d.Kind == "runbook").Select(d => d.Id), StringComparer.Ordinal);
        var found = new List<GeneratedDescriptor>();
        foreach (var tree in compilation.SyntaxTrees.Where(t => sources.Contains(t.FilePath, StringComparer.Ordinal)))
        {
            SemanticModel? model = null;
            foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>().Where(c => c.AttributeLists.Count > 0))
            {
                model ??= compilation.GetSemanticModel(tree);
                if (model.GetDeclaredSymbol(declaration) is not INamedTypeSymbol type || !described.Add(type)) continue;
                var id = type.GetAttributes()
                    .Where(a => a.AttributeClass?.ToDisplayString() == RunbookAttribute)
                    .Select(a => a.ConstructorArguments is [{ Value: string value }] ? value : null)
                    .FirstOrDefault(value => value is not null);
                if (id is null || !ids.Add(id)) continue;
                found.Add(new GeneratedDescriptor("runbook", id, type.Name, null, null, type, "", ""));
            }
        }

        return found;
    }
}
