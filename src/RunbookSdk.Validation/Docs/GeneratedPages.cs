using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Validation.Docs;

/// <summary>A descriptor the generator emitted, read back from the generated source.</summary>
/// <param name="Kind">runbook or handbook.</param>
/// <param name="Id">Id.</param>
/// <param name="Title">Title.</param>
/// <param name="Severity">Severity key (runbooks), or null.</param>
/// <param name="HandbookId">The handbook a runbook belongs to, or null.</param>
/// <param name="Type">The runbook or handbook class.</param>
/// <param name="FileName">Page file name.</param>
/// <param name="Documentation">The page.</param>
internal sealed record GeneratedDescriptor(string Kind, string Id, string Title, string? Severity, string? HandbookId, INamedTypeSymbol? Type, string FileName, string Documentation);

/// <summary>
/// Reads the pages the generator embedded from its own output: every descriptor's <c>DocumentFileName</c> and
/// <c>Documentation</c> literals, and the index page from the catalog. Those literals are what the build writes to
/// <c>docs/</c>, byte for byte; reading them from syntax works even when the project does not compile.
/// </summary>
internal static class GeneratedPages
{
    /// <summary>File name of the index page.</summary>
    public const string IndexFileName = "index.md";

    /// <summary>The runbook and handbook descriptors found in the generated trees.</summary>
    /// <param name="compilation">The compilation after the generator ran.</param>
    /// <param name="generated">The generated trees.</param>
    public static IReadOnlyList<GeneratedDescriptor> Descriptors(Compilation compilation, IEnumerable<SyntaxTree> generated)
    {
        var descriptors = new List<GeneratedDescriptor>();
        foreach (var tree in generated)
        {
            SemanticModel? model = null;
            foreach (var initializer in tree.GetRoot().DescendantNodes().OfType<InitializerExpressionSyntax>().Where(i => i.IsKind(SyntaxKind.ObjectInitializerExpression)))
            {
                var values = initializer.Expressions.OfType<AssignmentExpressionSyntax>()
                    .Where(a => a.Left is IdentifierNameSyntax)
                    .ToDictionary(a => ((IdentifierNameSyntax)a.Left).Identifier.ValueText, a => a.Right, StringComparer.Ordinal);
                if (!values.ContainsKey("DocumentFileName") || !values.ContainsKey("Documentation")) continue;

                var kind = values.ContainsKey("RunbookType") ? "runbook" : "handbook";
                INamedTypeSymbol? type = null;
                if (values.GetValueOrDefault(kind == "runbook" ? "RunbookType" : "HandbookType") is TypeOfExpressionSyntax typeOf)
                {
                    model ??= compilation.GetSemanticModel(tree);
                    type = model.GetSymbolInfo(typeOf.Type).Symbol as INamedTypeSymbol;
                }

                descriptors.Add(new GeneratedDescriptor(
                    kind,
                    Text(values.GetValueOrDefault("Id")) ?? "",
                    Text(values.GetValueOrDefault("Title")) ?? "",
                    Text(values.GetValueOrDefault("Severity")),
                    Text(values.GetValueOrDefault("HandbookId")),
                    type,
                    Text(values["DocumentFileName"]) ?? "",
                    Text(values["Documentation"]) ?? ""));
            }
        }

        return descriptors.OrderBy(d => d.Id, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The index page: the catalog's third constructor argument.</summary>
    /// <param name="generated">The generated trees.</param>
    public static string? Index(IEnumerable<SyntaxTree> generated) =>
        generated
            .Where(tree => Path.GetFileName(tree.FilePath).EndsWith("RunbookCatalog.g.cs", StringComparison.Ordinal))
            .SelectMany(tree => tree.GetRoot().DescendantNodes().OfType<ImplicitObjectCreationExpressionSyntax>())
            .Where(creation => creation.ArgumentList.Arguments.Count == 3)
            .Select(creation => Text(creation.ArgumentList.Arguments[2].Expression))
            .FirstOrDefault(text => text is not null);

    /// <summary>A string literal, or a page the generator embeds as UTF-8: <c>Encoding.UTF8.GetString(@"..."u8)</c>.</summary>
    private static string? Text(ExpressionSyntax? expression) => expression switch
    {
        LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => literal.Token.ValueText,
        InvocationExpressionSyntax { ArgumentList.Arguments: [{ Expression: LiteralExpressionSyntax utf8 }] } when utf8.IsKind(SyntaxKind.Utf8StringLiteralExpression) =>
            utf8.Token.ValueText,
        _ => null,
    };
}
