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
        TypeNames.Nested(type),
        TypeNames.FileName(type),
        TypeNames.Global(type));

    /// <summary>The id: the attribute's first argument; a constant's declaration is recorded in <paramref name="dependencies"/>.</summary>
    public static string? AttributeId(AttributeTarget target, Dependencies? dependencies = null)
    {
        if (target.Attributes.FirstOrDefault() is not { } attribute) return null;
        // Recorded first: an argument that does not bind yet (a constant not declared, of the wrong type) makes no id
        // now, and one later.
        if (dependencies is not null
            && attribute.ApplicationSyntaxReference?.GetSyntax() is AttributeSyntax { ArgumentList.Arguments: [var first, ..] }
            && first.Expression is not LiteralExpressionSyntax)
        {
            dependencies.AddNamesIn(first.Expression, ModelFor(first, target.SemanticModel));
        }

        return attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;
    }

    /// <summary>
    /// Why generated code cannot name the class, so the runner cannot create it (RB0105); null when it can. Generated
    /// code names it in an assembly attribute in a file of its own: a file-local class is not visible there, a private
    /// or protected one (or one inside such a class) is not accessible — and a <c>private protected</c> one made the
    /// compiler itself overflow its stack — and a generic one (or one inside a generic class) has no type arguments
    /// the runner could create it with.
    /// </summary>
    public static string? Unreachable(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            var what = SymbolEqualityComparer.Default.Equals(current, type) ? "it is" : "it is inside '" + current.Name + "', which is";
            if (current.IsFileLocal) return what + " file-local";
            if (current.Arity > 0) return what + " generic";
            switch (current.DeclaredAccessibility)
            {
                case Accessibility.Private: return what + " private";
                case Accessibility.Protected: return what + " protected";
                case Accessibility.ProtectedAndInternal: return what + " private protected";
            }
        }

        return null;
    }

    /// <summary>
    /// Whether every name generated code spells the class with is typed. A namespace deleted to be retyped
    /// (<c>namespace ;</c>) or half written (<c>namespace Ops.;</c>), or a class's own name, is empty while the
    /// developer types it: the part named the class <c>global::.A</c>, which added an error in a generated file to the
    /// compiler's own. Such a class gets no part and no finding until the name is typed again.
    /// </summary>
    public static bool IsNamed(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            if (current.Name.Length == 0) return false;
        }

        for (var ns = type.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            if (ns.Name.Length == 0) return false;
        }

        return true;
    }

    /// <summary>
    /// Why RB0105 refuses an abstract class marked <c>[Runbook]</c> or <c>[Handbook]</c>: the runner cannot create it, and
    /// the attribute is not inherited, so the classes that derive from it are not marked either. Such a class got no
    /// page, no runner and no finding: the runbook the author meant was silently missing.
    /// </summary>
    public const string AbstractReason = "it is abstract, so it cannot be created";

    /// <summary>What RB0105 advises for an abstract class marked with <paramref name="attribute"/>.</summary>
    public static string AbstractAdvice(string attribute) =>
        "put " + attribute + " on each class that derives from it (the attribute is not inherited), or remove 'abstract'";

    /// <summary>What RB0105 advises for a class <see cref="Unreachable"/> names a reason for.</summary>
    public const string ReachableAdvice =
        "make it a public or internal, non-generic class that is not file-local and not inside a private, protected or generic class";

    /// <summary>
    /// Why the runner cannot use the class as a runbook (handbook) although it is marked as one: it does not derive
    /// from <paramref name="sdkBase"/> (<c>RunbookSdk.Runbook</c> or <c>RunbookSdk.Handbook</c>), which the runner casts
    /// it to; null when it does. A class marked before its base class is typed, or copied from a handbook, got a page
    /// and a catalog entry, no rule judged it (they judge runbooks), and running it failed on the cast.
    /// </summary>
    public static string? NotDerivedFrom(INamedTypeSymbol type, string sdkBase)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.Arity == 0 && current.ToDisplayString() == sdkBase) return null;
            // A base class the compiler cannot bind (a namespace Acme.Platform.Handbook hiding Handbook, CS0118; a
            // misspelt name, CS0246) is its error to report: the class may well derive from sdkBase as written.
            if (current.TypeKind == TypeKind.Error) return null;
        }

        return "it does not derive from " + sdkBase;
    }

    /// <summary>Finds the <c>Define</c> override in any part of the class.</summary>
    public static MethodDeclarationSyntax? FindDefine(INamedTypeSymbol type, CancellationToken cancellationToken) =>
        type.DeclaringSyntaxReferences
            .Select(r => r.GetSyntax(cancellationToken))
            .OfType<TypeDeclarationSyntax>()
            .SelectMany(t => t.Members.OfType<MethodDeclarationSyntax>())
            .FirstOrDefault(m => m.Identifier.ValueText == "Define");

    /// <summary>
    /// Whether the runner can create the class: it declares no constructor (so gets a public parameterless one) or
    /// declares a public one without parameters. Read from the declarations: asking the symbol builds every member
    /// of the class, which was a fifth of the time spent reading a runbook. A primary constructor or a record
    /// goes to the symbol.
    /// </summary>
    public static bool HasPublicParameterlessConstructor(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var declared = new List<ConstructorDeclarationSyntax>();
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not ClassDeclarationSyntax { ParameterList: null } declaration)
                return type.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility == Accessibility.Public);
            declared.AddRange(declaration.Members.OfType<ConstructorDeclarationSyntax>().Where(c => !c.Modifiers.Any(m => m.IsKind(SyntaxKind.StaticKeyword))));
        }

        return declared.Count == 0
            || declared.Any(c => c.ParameterList.Parameters.Count == 0 && c.Modifiers.Any(m => m.IsKind(SyntaxKind.PublicKeyword)));
    }

    /// <summary>
    /// Whether <paramref name="symbol"/> is declared in <paramref name="compilation"/>'s own trees: false for metadata,
    /// and for another project's code referenced as a compilation (the IDE, <c>runbook validate</c>), whose syntax
    /// comes with the symbol but has no semantic model here.
    /// </summary>
    public static bool IsDeclaredIn(ISymbol symbol, Compilation compilation) =>
        symbol.DeclaringSyntaxReferences is { Length: > 0 } references && compilation.ContainsSyntaxTree(references[0].SyntaxTree);

    public static SemanticModel ModelFor(SyntaxNode node, SemanticModel targetModel) =>
        node.SyntaxTree == targetModel.SyntaxTree ? targetModel : targetModel.Compilation.GetSemanticModel(node.SyntaxTree);

    public static void AddDiagnostic(List<DiagnosticInfo> diagnostics, DiagnosticDescriptor descriptor, SyntaxNode node, params string[] args) =>
        diagnostics.Add(DiagnosticInfo.Create(descriptor, node.GetLocation(), args));
}
