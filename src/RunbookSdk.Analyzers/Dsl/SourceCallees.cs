using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>
/// The declarations in source a call outside the runbook's own methods may run, found from syntax without binding: a
/// local function in scope (<c>Confirm(s)</c> with <c>static IStepBuilder Confirm(IStepBuilder s) =&gt; …</c> in
/// Define), or a static method of another type named before it (<c>Safety.Confirm(s)</c>), the type resolved as C#
/// looks it up (<see cref="TypeNames"/>), or imported with <c>using static</c> and called by its name alone
/// (<c>AddChecks(rb)</c>). A method of a referenced assembly has no source and is not found.
/// </summary>
/// <remarks>
/// Asked only off the corpus's path of lambdas: by RB0005 for a destructive command nothing else confirms, by RB0015 and
/// RB0014 for a command that never ends or a request without expectation handed to code
/// (<c>Limits.Bounded(s.Run(…))</c>, see <see cref="Commands.ConfiguringCallers.WrappedBy"/>), and by the
/// section reader for a Define that hands the runbook's builder to code it does not follow (<c>Helpers.AddAll(rb)</c>, and
/// <c>AddAll(rb)</c> of the runbook's own class or a local function of Define). Every declaration of the name the arguments as written fit is returned (<see cref="WrittenArguments"/>: a parameter
/// left unwritten has a default or is <c>params</c>, as in <c>Limits.Bounded(s.Run(…))</c> with <c>Bounded(ICommandStepBuilder c,
/// TimeSpan? limit = null)</c>): an overloaded name is judged by
/// all of its candidates, as <see cref="ConfiguringExtensions"/> judges extension methods.
/// </remarks>
internal static class SourceCallees
{
    /// <summary>
    /// The local function or the static methods <paramref name="call"/> may run, each with its parameters and the type it
    /// is declared in; empty when it names anything else. A method of the class the call is written in
    /// (<c>AddAll(rb)</c>, <c>this.AddAll(rb)</c>) is found only when <paramref name="ownType"/>: the rules that follow a
    /// builder into it ask <see cref="OwnMethods"/> themselves (<see cref="Commands.ConfiguringCallers.HandedTo"/>).
    /// </summary>
    public static IReadOnlyList<(SyntaxNode Declaration, ParameterListSyntax Parameters, INamedTypeSymbol? Type)> Of(
        InvocationExpressionSyntax call, RunbookCompilation runbooks, INamedTypeSymbol? containingType, bool ownType = false)
    {
        var found = new List<((SyntaxNode, ParameterListSyntax, INamedTypeSymbol?), bool)>();
        switch (call.Expression)
        {
            case IdentifierNameSyntax { Identifier.ValueText: var name }:
                // A local function in scope hides a method of the same name, as C# binds it.
                if (LocalFunction(call, name) is { } local)
                {
                    if (WrittenArguments.Fit(call.ArgumentList, local.ParameterList, out var whole)) found.Add(((local, local.ParameterList, containingType), whole));
                }
                else
                {
                    if (ownType) AddOwnMethods(found, call, name, containingType);
                    // A helper imported with using static (AddChecks(rb) under `using static Team.Checks;`), which C#
                    // calls only when the class and its bases declare no member of that name.
                    if (found.Count == 0 && !DeclaredInClassOrBase(containingType, name))
                    {
                        foreach (var imported in runbooks.TypeNames.StaticallyImported(call)) AddStaticMethods(found, call, imported, name, nameAlone: true);
                    }
                }

                break;
            case MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax { Identifier.ValueText: var name } } when ownType:
                AddOwnMethods(found, call, name, containingType);
                break;
            case MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Expression: var owner, Name: IdentifierNameSyntax { Identifier.ValueText: var name } }
                when owner is IdentifierNameSyntax or MemberAccessExpressionSyntax or QualifiedNameSyntax or AliasQualifiedNameSyntax:
                if (runbooks.TypeNames.Resolve(owner, containingType, call) is { } type) AddStaticMethods(found, call, type, name, nameAlone: false);
                break;
        }

        return WrittenArguments.Whole(found);
    }

    /// <summary>The static methods <paramref name="name"/> of <paramref name="type"/>, in source, that the arguments as written fit.</summary>
    private static void AddStaticMethods(List<((SyntaxNode, ParameterListSyntax, INamedTypeSymbol?), bool)> found, InvocationExpressionSyntax call,
        INamedTypeSymbol type, string name, bool nameAlone)
    {
        foreach (var member in type.GetMembers(name))
        {
            // An extension method is not called by its name alone, though using static imports its class.
            if (member is not IMethodSymbol { IsStatic: true } method || nameAlone && method.IsExtensionMethod) continue;
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is MethodDeclarationSyntax declaration && WrittenArguments.Fit(call.ArgumentList, declaration.ParameterList, out var whole))
                    found.Add(((declaration, declaration.ParameterList, type), whole));
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="type"/>, a class it is nested in, or a class one of them derives from declares a member
    /// <paramref name="name"/>: C# finds that one first, and a using static's is hidden.
    /// </summary>
    private static bool DeclaredInClassOrBase(INamedTypeSymbol? type, string name)
    {
        for (var outer = type; outer is not null; outer = outer.ContainingType)
        {
            for (var current = outer; current is not null; current = current.BaseType)
            {
                if (!current.GetMembers(name).IsEmpty) return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The methods of the class <paramref name="call"/> is written in that it may run, called by its name or
    /// <c>this.Name</c>: found by name in every part of a <c>partial</c> class (<see cref="ClassParts"/>), those the
    /// arguments as written fit, narrowed as C# narrows them (<see cref="WrittenArguments.Whole{T}"/>). Empty for any
    /// other call. <paramref name="containingType"/> is the class's symbol, asked for its parts.
    /// </summary>
    public static List<MethodDeclarationSyntax> OwnMethods(InvocationExpressionSyntax call, INamedTypeSymbol? containingType)
    {
        var name = call.Expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax identifier } => identifier.Identifier.ValueText,
            _ => null,
        };
        var found = new List<((SyntaxNode, ParameterListSyntax, INamedTypeSymbol?), bool)>();
        if (name is not null) AddOwnMethods(found, call, name, containingType);
        var methods = new List<MethodDeclarationSyntax>(found.Count);
        foreach (var (declaration, _, _) in WrittenArguments.Whole(found)) methods.Add((MethodDeclarationSyntax)declaration);
        return methods;
    }

    private static void AddOwnMethods(List<((SyntaxNode, ParameterListSyntax, INamedTypeSymbol?), bool)> found, InvocationExpressionSyntax call, string name,
        INamedTypeSymbol? containingType)
    {
        if (call.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } type) return;
        foreach (var part in ClassParts.Of(type, ClassParts.Declared(containingType, type)))
        {
            foreach (var member in part.Members)
            {
                if (member is MethodDeclarationSyntax method && method.Identifier.ValueText == name && WrittenArguments.Fit(call.ArgumentList, method.ParameterList, out var whole))
                    found.Add(((method, method.ParameterList, containingType), whole));
            }
        }
    }

    /// <summary>The local function <paramref name="name"/> declared in a block around <paramref name="call"/>, innermost first.</summary>
    public static LocalFunctionStatementSyntax? LocalFunction(SyntaxNode call, string name)
    {
        for (var current = call.Parent; current is not null && current is not MemberDeclarationSyntax; current = current.Parent)
        {
            if (current is not BlockSyntax block) continue;
            foreach (var statement in block.Statements)
            {
                if (statement is LocalFunctionStatementSyntax local && local.Identifier.ValueText == name) return local;
            }
        }

        return null;
    }
}
