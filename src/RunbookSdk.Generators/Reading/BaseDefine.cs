using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunbookSdk.Generators.Model;

namespace RunbookSdk.Generators.Reading;

/// <summary>
/// The <c>Define</c> of a team's base class that runs for a runbook (<c>class ApiDown : PaymentsRunbook</c>): the one
/// <c>base.Define(rb)</c> calls, read where the call is, once per call (<see cref="ChainReader"/>), or the one the
/// runbook inherits when it declares none (<see cref="InheritedBy"/>), read as its own. The analyzers count the base's
/// sections in both places. Only a <c>Define</c> whose body is the code that runs is read: one with its source in the
/// compilation (a base of another project is metadata here, as in a build), not abstract, with a body, handed the
/// builder as it is and alone. Anything else is the caller's to report (RB0101).
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
        return bound.Symbol is IMethodSymbol define ? Readable(define, model.Compilation, out _) : null;
    }

    /// <summary>
    /// The <c>Define</c> the runner calls on a runbook that declares none: the nearest override up from
    /// <paramref name="firstBase"/> (the class the runbook derives from), past a class that declares none, as virtual
    /// dispatch finds it; null when no team class declares one (RunbookSdk's own is abstract, and the compiler reports a
    /// runbook that does not override it, CS0534). Every class up the chain is in the runbook's scope already
    /// (<see cref="Dependencies.AddScopeOf(INamedTypeSymbol, SemanticModel)"/>), so an edit of the base's body reads the
    /// runbook again. Asked only of a runbook without a <c>Define</c>, so a runbook with one builds no base's members.
    /// </summary>
    public static IMethodSymbol? InheritedBy(INamedTypeSymbol? firstBase)
    {
        for (var current = firstBase; current is not null && current.ContainingNamespace?.ToDisplayString() != "RunbookSdk"; current = current.BaseType)
        {
            foreach (var member in current.GetMembers("Define"))
            {
                if (member is IMethodSymbol { IsStatic: false, IsOverride: true, Parameters.Length: 1 } define) return define;
            }
        }

        return null;
    }

    /// <summary>
    /// RB0101 on the name of <paramref name="type"/> (a runbook or handbook that declares no <c>Define</c>) for the
    /// inherited <paramref name="define"/> the page cannot read, saying <paramref name="whyNot"/>: a page that says nothing
    /// is defined while the runner runs the base's is what it replaces. The message starts with the class's name, so the
    /// advice says "the class"; a handbook's <c>Define</c> has no steps, and the runner uses its levels rather than runs it.
    /// </summary>
    /// <param name="ofHandbook">True for a handbook, whose page lacks severity levels, escalation and contacts.</param>
    public static DiagnosticInfo Unreadable(TypeDeclarationSyntax declaration, INamedTypeSymbol type, IMethodSymbol define, string whyNot, bool ofHandbook)
    {
        var baseClass = define.ContainingType.Name;
        var (uses, lacks) = ofHandbook ? ("uses", "its severity levels, escalation or contacts") : ("runs", "its steps");
        return DiagnosticInfo.Create(
            GeneratorDiagnostics.UnreadableDefinition, declaration.Identifier.GetLocation(), type.Name, baseClass + ".Define",
            $"the class declares no Define, so the runner {uses} the one it inherits from '{baseClass}', but {whyNot}, and the page shows none of {lacks}: " +
            "override Define in the class and write them with the DSL's own calls");
    }

    /// <summary>
    /// <paramref name="define"/>'s body to read, or null with <paramref name="whyNot"/> saying why the page cannot read
    /// it (for RB0101's words): abstract, without its source in <paramref name="compilation"/>, or without one body.
    /// </summary>
    public static BaseDefine? Readable(IMethodSymbol define, Compilation compilation, out string? whyNot)
    {
        whyNot = null;
        if (define.IsAbstract) whyNot = "it is abstract";
        else if (!TypeReader.IsDeclaredIn(define, compilation))
            whyNot = "its source is not in this compilation (it is compiled in '" + define.ContainingAssembly?.Name + "')";
        else if (define.Parameters.Length != 1 || define.DeclaringSyntaxReferences is not [var reference] ||
                 reference.GetSyntax() is not MethodDeclarationSyntax { ParameterList.Parameters.Count: 1 } declaration ||
                 declaration.Body is null && declaration.ExpressionBody is null)
            whyNot = "it has no one body to read";
        else
            return new BaseDefine(declaration, define.ContainingType.DeclaringSyntaxReferences);
        return null;
    }
}
