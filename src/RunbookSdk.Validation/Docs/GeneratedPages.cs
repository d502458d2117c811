using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunbookSdk.Hosting;

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
/// Reads the pages the generator embedded from its own output: every <c>[assembly: GeneratedRunbook(…)]</c> and
/// <c>GeneratedHandbook(…)</c> attribute — the class, the identity record and the page — and the index page from the
/// catalog. Those texts are what the build writes to <c>docs/</c>, byte for byte; reading them from syntax works
/// even when the project does not compile.
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
            foreach (var attribute in tree.GetRoot().DescendantNodes().OfType<AttributeSyntax>())
            {
                var kind = attribute.Name.ToString() switch
                {
                    var name when name.EndsWith("GeneratedRunbook", StringComparison.Ordinal) => "runbook",
                    var name when name.EndsWith("GeneratedHandbook", StringComparison.Ordinal) => "handbook",
                    _ => null,
                };
                if (kind is null || attribute.ArgumentList?.Arguments is not [{ Expression: TypeOfExpressionSyntax typeOf }, { Expression: var header }, .., { Expression: var page }])
                    continue;

                model ??= compilation.GetSemanticModel(tree);
                var type = model.GetSymbolInfo(typeOf.Type).Symbol as INamedTypeSymbol;
                var values = DescriptorEncoding.Values(Text(header) ?? "");
                descriptors.Add(new GeneratedDescriptor(
                    kind,
                    values.GetValueOrDefault(DescriptorEncoding.IdRecord) ?? "",
                    values.GetValueOrDefault(DescriptorEncoding.TitleRecord) ?? "",
                    values.GetValueOrDefault(DescriptorEncoding.SeverityRecord),
                    values.GetValueOrDefault(DescriptorEncoding.HandbookRecord),
                    type,
                    values.GetValueOrDefault(DescriptorEncoding.FileRecord) ?? "",
                    Text(page) ?? ""));
            }
        }

        return descriptors.OrderBy(d => d.Id, StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// The index page: the one text literal of the catalog (<c>Encoding.UTF8.GetString(@"..."u8)</c>, or <c>@"..."</c>
    /// in a project whose language version predates UTF-8 literals).
    /// </summary>
    /// <param name="generated">The generated trees.</param>
    public static string? Index(IEnumerable<SyntaxTree> generated) =>
        generated
            .Where(tree => Path.GetFileName(tree.FilePath).EndsWith("RunbookCatalog.g.cs", StringComparison.Ordinal))
            .SelectMany(tree => tree.GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>())
            .Where(literal => literal.IsKind(SyntaxKind.Utf8StringLiteralExpression) || literal.IsKind(SyntaxKind.StringLiteralExpression))
            .Select(literal => literal.Token.ValueText)
            .FirstOrDefault();

    /// <summary>A string literal's value (the attributes' texts are verbatim literals).</summary>
    private static string? Text(ExpressionSyntax? expression) =>
        expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal.Token.ValueText : null;
}
