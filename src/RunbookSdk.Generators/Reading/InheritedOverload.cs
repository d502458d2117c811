using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Generators.Reading;

/// <summary>
/// A method of the class being read, found by its name from syntax (<see cref="RunbookSdk.Analyzers.Dsl.BuilderMethodSyntax"/>),
/// is the one that runs only when no class it derives from declares a method of that name too: C# drops a base class's
/// methods only when one of the derived class's fits the call, so <c>Add(rb)</c> with the class's own
/// <c>Add(IPhaseBuilder p)</c> and a base's <c>Add(IRunbookBuilder rb)</c> runs the base's, and the page read the other
/// body. Only then is the use bound, so a runbook whose base classes declare no such name binds nothing more.
/// </summary>
internal static class InheritedOverload
{
    /// <summary>
    /// The method <paramref name="use"/> (the call, or the method group) runs when it is not <paramref name="method"/>,
    /// or null when it is that one or no base class declares the name. What it bound to is recorded.
    /// </summary>
    public static IMethodSymbol? InsteadOf(MethodDeclarationSyntax method, ExpressionSyntax use, SemanticModel semanticModel, Dependencies? dependencies)
    {
        if (method.Parent is not TypeDeclarationSyntax type) return null;
        var model = TypeReader.ModelFor(type, semanticModel);
        if (model.GetDeclaredSymbol(type) is not INamedTypeSymbol declared || !BaseDeclares(declared, method.Identifier.ValueText)) return null;

        var useModel = TypeReader.ModelFor(use, semanticModel);
        var bound = useModel.GetSymbolInfo(use);
        dependencies?.AddBinding(bound, useModel);
        var symbol = bound.Symbol as IMethodSymbol ?? (bound.CandidateSymbols is [IMethodSymbol only] ? only : null);
        if (symbol is null) return null; // the compiler reports a call that binds to nothing
        foreach (var reference in symbol.OriginalDefinition.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == method.SyntaxTree && reference.Span == method.Span) return null;
        }

        return symbol;
    }

    private static bool BaseDeclares(INamedTypeSymbol type, string name)
    {
        for (var current = type.BaseType; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            if (!current.GetMembers(name).IsEmpty) return true;
        }

        return false;
    }
}
