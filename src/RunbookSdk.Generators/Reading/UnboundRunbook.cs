using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Generators.Reading;

/// <summary>
/// A runbook class whose declaration says by itself what binding its attributes and base class would:
/// <c>[Runbook("id")] public sealed class ApiDown : Runbook&lt;OpsHandbook&gt;</c> (or <c>: Runbook</c>, or
/// <c>: OpsRunbook</c>, a team's class that derives from one of them), in one file, where no name of the team's can
/// stand for RunbookSdk's (<see cref="SdkNameScopes"/>). The class is read without binding its attributes, its base
/// list or its properties' attributes; a team's base class is bound once for all the runbooks that derive from it. In
/// a CI job's build the generator is the first to bind the compilation, and that binding is not the compile's, which
/// binds a new compilation with the generated parts. Reading this way, a CI job's build of 1,000 runbooks took 0.97 of
/// the one that binds them, round by round over 36 rounds (docs/performance-history.md, "A team's base class read the
/// same way"). Anything else goes to <see cref="RunbookDeclarations.Bind"/>: a partial or nested class, a generic base
/// class or one written with a qualifier, an id that is not a string literal, a using alias or <c>using static</c> in
/// scope, a second <c>[Runbook]</c>. Those are what binding is there to answer.
/// </summary>
/// <param name="Declaration">The class's only declaration.</param>
/// <param name="Symbol">The class: its name bound, not its attributes or base list.</param>
/// <param name="SemanticModel">The semantic model of the declaration's tree.</param>
/// <param name="Id">The id, the attribute's string literal.</param>
/// <param name="Handbook">The class the type argument of <c>Runbook&lt;THandbook&gt;</c> names; null for a runbook without one.</param>
/// <param name="TeamBase">The team's class the runbook derives from, when it does not derive from RunbookSdk's directly.</param>
internal sealed record UnboundRunbook(
    ClassDeclarationSyntax Declaration, INamedTypeSymbol Symbol, SemanticModel SemanticModel, string Id, INamedTypeSymbol? Handbook, INamedTypeSymbol? TeamBase)
{
    /// <summary>The runbook, when <paramref name="declaration"/> is of that shape; null when binding must decide.</summary>
    public static UnboundRunbook? Match(
        ClassDeclarationSyntax declaration, SemanticModel semanticModel, CompilationVersion version, SdkNameScopes scopes, CancellationToken cancellationToken)
    {
        // A global alias or `using static` applies in every file: what it imports is what binding is for.
        if (!version.RunbookAliases.IsEmpty || !version.GlobalTypeUsings.IsEmpty) return null;
        if (declaration.TypeParameterList is not null || declaration.ParameterList is not null) return null;
        // A nested type of the class is in scope of its attributes and its properties' attributes.
        if (declaration.Members.Any(static m => m is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax)) return null;
        if (declaration.Parent is not (BaseNamespaceDeclarationSyntax or CompilationUnitSyntax)) return null;
        if (RunbookId(declaration) is not { } id) return null;
        if (BaseClassWritten(declaration) is not { } written) return null;
        if (ScopeKey(declaration) is not { } scope) return null;

        // The class's attributes are bound where they are written, in a scope that also holds the types the class
        // inherits (its base classes' nested types); its base list in the namespaces' scope alone.
        if (!scopes.SdkNamesAreOurs(scope, semanticModel, declaration.SpanStart)) return null;
        var baseList = declaration.BaseList!.SpanStart;
        INamedTypeSymbol? handbook = null, teamBase = null;
        if (written.Handbook is { } handbookName)
        {
            if ((handbook = scopes.ClassNamed(scope, handbookName, semanticModel, baseList)) is null) return null;
        }
        else if (written.Name == "Runbook")
        {
            if (!scopes.NonGenericRunbookIsOurs(scope, semanticModel, baseList)) return null;
        }
        else
        {
            // A team's class: what it derives from is bound once (its own base list may be written any way at all).
            if ((teamBase = scopes.ClassNamed(scope, written.Name, semanticModel, baseList)) is null || !scopes.IsSettledBase(teamBase)) return null;
            handbook = RunbookReader.HandbookOfChain(teamBase);
        }

        // The class's own name, bound: one declaration (a partial class, or a file copied before its class was
        // renamed, is one class of several), reachable and creatable; otherwise binding reports why not.
        if (semanticModel.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol { IsAbstract: false, DeclaringSyntaxReferences.Length: 1 } symbol) return null;
        if (!TypeReader.IsNamed(symbol) || TypeReader.Unreachable(symbol) is not null || !TypeReader.HasPublicParameterlessConstructor(symbol, cancellationToken)) return null;
        return new UnboundRunbook(declaration, symbol, semanticModel, id, handbook, teamBase);
    }

    /// <summary>
    /// The id of the class's one <c>[Runbook("id")]</c>, written with its simple name and a string literal; null for
    /// anything else (a constant, named arguments, a second one, a qualified name, an attribute target).
    /// </summary>
    private static string? RunbookId(ClassDeclarationSyntax declaration)
    {
        AttributeSyntax? runbook = null;
        foreach (var list in declaration.AttributeLists)
        {
            foreach (var attribute in list.Attributes)
            {
                if (AttributeNames.WrittenName(attribute) is not { } written || !AttributeNames.Matches(written, "Runbook")) continue;
                if (runbook is not null || list.Target is not null || attribute.Name is not IdentifierNameSyntax) return null;
                runbook = attribute;
            }
        }

        return runbook?.ArgumentList?.Arguments is [{ NameEquals: null, NameColon: null, Expression: LiteralExpressionSyntax literal }]
            && literal.IsKind(SyntaxKind.StringLiteralExpression)
            && !string.IsNullOrWhiteSpace(literal.Token.ValueText)
                ? literal.Token.ValueText
                : null;
    }

    /// <summary>
    /// The class a base list starts with, as written: <c>Runbook&lt;THandbook&gt;</c> (its name and the handbook's),
    /// or a simple name without type arguments (<c>Runbook</c>, or a team's class); null for anything else. Names
    /// written through a qualifier elsewhere in the list would be bound to record what the model depends on
    /// (<see cref="Dependencies"/>), so they go to binding too.
    /// </summary>
    private static (string Name, string? Handbook)? BaseClassWritten(ClassDeclarationSyntax declaration)
    {
        if (declaration.BaseList is not { Types: [{ Type: var first }, ..] } baseList) return null;
        if (baseList.DescendantNodes().Any(static n => n is QualifiedNameSyntax or AliasQualifiedNameSyntax)) return null;
        return first switch
        {
            GenericNameSyntax { Identifier.ValueText: "Runbook", TypeArgumentList.Arguments: [IdentifierNameSyntax handbook] } => ("Runbook", handbook.Identifier.ValueText),
            IdentifierNameSyntax name => (name.Identifier.ValueText, null),
            _ => null,
        };
    }

    /// <summary>
    /// The class's scope as written: its namespaces, outermost first, each with its usings. Two classes with the same
    /// key see the same types under every name. Null when an alias, a <c>using static</c> or an extern alias is in
    /// scope.
    /// </summary>
    internal static string? ScopeKey(ClassDeclarationSyntax declaration)
    {
        var key = new StringBuilder();
        for (var node = declaration.Parent; node is not null; node = node.Parent)
        {
            var (name, usings, externs) = node switch
            {
                BaseNamespaceDeclarationSyntax ns => (ns.Name.ToString(), ns.Usings, ns.Externs),
                CompilationUnitSyntax unit => ("", unit.Usings, unit.Externs),
                _ => default,
            };
            if (name is null) continue;
            if (externs.Count > 0) return null;
            // A file-local type is in scope in its file only: two files of one key could then differ.
            if (node is CompilationUnitSyntax root && DeclaresFileLocalType(root)) return null;
            key.Append('|').Append(name);
            foreach (var directive in usings)
            {
                if (directive.Alias is not null || directive.StaticKeyword.RawKind != 0) return null;
                key.Append(directive.GlobalKeyword.RawKind != 0 ? ";global " : ";").Append(directive.NamespaceOrType);
            }
        }

        return key.ToString();
    }

    private static bool DeclaresFileLocalType(SyntaxNode node)
    {
        var members = node switch
        {
            CompilationUnitSyntax unit => unit.Members,
            BaseNamespaceDeclarationSyntax ns => ns.Members,
            _ => default,
        };
        foreach (var member in members)
        {
            if (member is BaseNamespaceDeclarationSyntax && DeclaresFileLocalType(member)) return true;
            if (member is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax && member.Modifiers.Any(SyntaxKind.FileKeyword)) return true;
        }

        return false;
    }
}
