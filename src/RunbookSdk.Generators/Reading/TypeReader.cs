using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunbookSdk.Generators.Model;

namespace RunbookSdk.Generators.Reading;

/// <summary>Shared pieces of reading a runbook or handbook class.</summary>
internal static class TypeReader
{
    public static TypeIdentity Identity(INamedTypeSymbol type) => new(
        type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString(),
        type.ContainingType is null ? type.Name : type.ContainingType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + "." + type.Name);

    public static string? AttributeId(GeneratorAttributeSyntaxContext context) =>
        context.Attributes.FirstOrDefault() is { ConstructorArguments.Length: > 0 } attribute ? attribute.ConstructorArguments[0].Value as string : null;

    /// <summary>Finds the <c>Define</c> override in any part of the class.</summary>
    public static MethodDeclarationSyntax? FindDefine(INamedTypeSymbol type, CancellationToken cancellationToken) =>
        type.DeclaringSyntaxReferences
            .Select(r => r.GetSyntax(cancellationToken))
            .OfType<TypeDeclarationSyntax>()
            .SelectMany(t => t.Members.OfType<MethodDeclarationSyntax>())
            .FirstOrDefault(m => m.Identifier.ValueText == "Define");

    public static SemanticModel ModelFor(SyntaxNode node, SemanticModel targetModel) =>
        node.SyntaxTree == targetModel.SyntaxTree ? targetModel : targetModel.Compilation.GetSemanticModel(node.SyntaxTree);

    public static void AddDiagnostic(List<DiagnosticInfo> diagnostics, DiagnosticDescriptor descriptor, SyntaxNode node, params string[] args) =>
        diagnostics.Add(DiagnosticInfo.Create(descriptor, node.GetLocation(), args));
}
