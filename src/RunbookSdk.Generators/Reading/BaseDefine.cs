using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Generators.Reading;

/// <summary>
/// The <c>Define</c> of a team's base class that <c>base.Define(rb)</c> calls (<c>class ApiDown : PaymentsRunbook</c>):
/// the runner runs that body where the call is, so the page reads it there, once per call (<see cref="ChainReader"/>),
/// as the analyzers count the base's sections there. Only a <c>Define</c> whose body is the code that runs is read: one
/// with its source in the compilation (a base of another project is metadata here, as in a build), not abstract, with a
/// body, handed the builder as it is and alone. Anything else is the caller's to report (RB0101).
/// </summary>
internal readonly struct BaseDefine(MethodDeclarationSyntax declaration, ImmutableArray<SyntaxReference> parts)
{
    /// <summary>The base's <c>Define</c>, whose one parameter is the builder.</summary>
    public MethodDeclarationSyntax Declaration { get; } = declaration;

    /// <summary>
    /// The declarations of the class that declares it: a method its body gives in place of a lambda or hands the builder
    /// to is that class's, looked up in all its parts (<see cref="Analyzers.Dsl.ClassParts"/>).
    /// </summary>
    public ImmutableArray<SyntaxReference> Parts { get; } = parts;

    /// <summary>True when <paramref name="call"/> is written <c>base.Define(…)</c>, readable or not.</summary>
    public static bool IsCall(InvocationExpressionSyntax call) =>
        call.Expression is MemberAccessExpressionSyntax { Expression: BaseExpressionSyntax, Name: IdentifierNameSyntax { Identifier.ValueText: "Define" } };

    /// <summary>
    /// The base's <c>Define</c> that <paramref name="call"/> (<c>base.Define(rb)</c>) hands <paramref name="receiver"/> to;
    /// null when the page cannot read it. Binds the one call — the compiler knows which class up the chain declares the
    /// <c>Define</c> it calls, an intermediate class may declare none — and records what it bound to, so an edit of the
    /// base's body reads the runbook again.
    /// </summary>
    public static BaseDefine? CalledBy(InvocationExpressionSyntax call, string receiver, SemanticModel semanticModel, Dependencies? dependencies)
    {
        if (!IsCall(call) || call.ArgumentList.Arguments is not [{ RefKindKeyword.RawKind: 0, Expression: IdentifierNameSyntax handed }] ||
            handed.Identifier.ValueText != receiver)
            return null;
        var model = TypeReader.ModelFor(call, semanticModel);
        var bound = model.GetSymbolInfo(call);
        dependencies?.AddBinding(bound, model);
        if (bound.Symbol is not IMethodSymbol { IsAbstract: false, Parameters.Length: 1 } define || !TypeReader.IsDeclaredIn(define, model.Compilation) ||
            define.DeclaringSyntaxReferences is not [var reference] ||
            reference.GetSyntax() is not MethodDeclarationSyntax { ParameterList.Parameters.Count: 1 } declaration ||
            declaration.Body is null && declaration.ExpressionBody is null)
            return null;
        return new BaseDefine(declaration, define.ContainingType.DeclaringSyntaxReferences);
    }
}
