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
/// Reads the pages the generator embedded from its own output: every <c>GeneratedDescriptors.Runbook(…)</c> and
/// <c>Handbook(…)</c> call — the class, the identity record and the page literal — and the index page from the
/// catalog. Those literals are what the build writes to <c>docs/</c>, byte for byte; reading them from syntax works
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
            foreach (var call in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (call.Expression is not MemberAccessExpressionSyntax { Expression: var factory, Name.Identifier.ValueText: var kindName }
                    || kindName is not ("Runbook" or "Handbook")
                    || !factory.ToString().EndsWith("GeneratedDescriptors", StringComparison.Ordinal)
                    || call.ArgumentList.Arguments is not [{ Expression: TypeOfExpressionSyntax typeOf }, { Expression: var header }, .., { Expression: var page }])
                    continue;

                model ??= compilation.GetSemanticModel(tree);
                var type = model.GetSymbolInfo(typeOf.Type).Symbol as INamedTypeSymbol;
                var values = DescriptorEncoding.Values(Text(header) ?? "");
                descriptors.Add(new GeneratedDescriptor(
                    kindName == "Runbook" ? "runbook" : "handbook",
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

    /// <summary>The index page: the catalog's third constructor argument.</summary>
    /// <param name="generated">The generated trees.</param>
    public static string? Index(IEnumerable<SyntaxTree> generated) =>
        generated
            .Where(tree => Path.GetFileName(tree.FilePath).EndsWith("RunbookCatalog.g.cs", StringComparison.Ordinal))
            .SelectMany(tree => tree.GetRoot().DescendantNodes().OfType<ImplicitObjectCreationExpressionSyntax>())
            .Where(creation => creation.ArgumentList.Arguments.Count == 3)
            .Select(creation => Text(creation.ArgumentList.Arguments[2].Expression))
            .FirstOrDefault(text => text is not null);

    /// <summary>A UTF-8 literal (<c>@"..."u8</c>), or one decoded as <c>Encoding.UTF8.GetString(@"..."u8)</c> (the index page).</summary>
    private static string? Text(ExpressionSyntax? expression) => expression switch
    {
        LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.Utf8StringLiteralExpression) => literal.Token.ValueText,
        InvocationExpressionSyntax { ArgumentList.Arguments: [{ Expression: LiteralExpressionSyntax utf8 }] } when utf8.IsKind(SyntaxKind.Utf8StringLiteralExpression) =>
            utf8.Token.ValueText,
        _ => null,
    };
}
