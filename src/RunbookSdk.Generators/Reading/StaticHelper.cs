using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunbookSdk.Analyzers.Dsl;

namespace RunbookSdk.Generators.Reading;

/// <summary>
/// A static method of another class of the team's that <c>Define</c> hands the builder to (<c>Helpers.AddStandardChecks(rb);</c>,
/// <c>p =&gt; Steps.Pods(p)</c>): the runner runs it there, and the analyzers read it (<see cref="SourceCallees"/>), so the
/// page reads it where it is called, as it reads a method of the runbook's own class (<see cref="ChainReader"/>), with the
/// methods its body names looked up in its own class (<see cref="Parts"/>). Only a method whose body is the code that
/// runs is read, under the own class's limits (<see cref="BuilderMethodSyntax.HandedTo"/>): its source in the compilation,
/// one body that parses, not generic, not overloaded, not virtual or abstract, one parameter written as a builder and
/// handed the builder as it is (or by that parameter's name). Anything else is the caller's to report (RB0101).
/// </summary>
internal readonly struct StaticHelper(MethodDeclarationSyntax declaration, ImmutableArray<SyntaxReference> parts)
{
    /// <summary>The helper's declaration, whose one parameter is the builder.</summary>
    public MethodDeclarationSyntax Declaration { get; } = declaration;

    /// <summary>The declarations of the class that declares it: the methods its body names are that class's.</summary>
    public ImmutableArray<SyntaxReference> Parts { get; } = parts;

    /// <summary>
    /// True when <paramref name="call"/> is written as a hand-off of <paramref name="receiver"/> to a member of something
    /// else (<c>Helpers.Add(rb)</c>, <c>Ops.Helpers.Add(b: rb)</c>), or to a name alone that <c>using static</c> may
    /// import (<c>Add(rb)</c>): syntax only, so that only such a call is bound.
    /// </summary>
    public static bool MayBe(InvocationExpressionSyntax call, string receiver) =>
        call.Expression is IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: not (ThisExpressionSyntax or BaseExpressionSyntax), Name: IdentifierNameSyntax } &&
        call.ArgumentList.Arguments is [{ RefKindKeyword.RawKind: 0, Expression: IdentifierNameSyntax handed }] && handed.Identifier.ValueText == receiver;

    /// <summary>
    /// True when <paramref name="argument"/> is written as a method group of something else (<c>Checks.Verify</c>,
    /// <c>Ops.Checks.Verify</c>) given in place of a lambda: syntax only, so that only such an argument is bound.
    /// </summary>
    public static bool MayBeGroup(ExpressionSyntax argument) =>
        argument is MemberAccessExpressionSyntax { Expression: not (ThisExpressionSyntax or BaseExpressionSyntax), Name: IdentifierNameSyntax };

    /// <summary>
    /// The static method of the team's that <paramref name="call"/> hands <paramref name="receiver"/> to; null when it is
    /// no such call or the page cannot read the method. Binds the one call (only a call <see cref="MayBe"/> one) and
    /// records what its reading depends on, readable or not: the names it is written with (a class of that name declared
    /// nearer would bind it elsewhere), the method's file, and every part, base class and usings of the class that declares
    /// it (its calls are looked up there). So an edit of the helper reads every runbook that calls it again, and an edit
    /// elsewhere none.
    /// </summary>
    public static StaticHelper? HandedTo(InvocationExpressionSyntax call, string receiver, SemanticModel semanticModel, Dependencies? dependencies)
    {
        if (!MayBe(call, receiver)) return null;
        return Bound(call, call.Expression, semanticModel, dependencies);
    }

    /// <summary>
    /// The static method of the team's that the method group <paramref name="argument"/> (<c>p.Step("Ask", Elsewhere.Ask)</c>,
    /// <c>rb.Verification(Checks.Verify)</c>) names, which the runner calls there with the builder; null when it is no such
    /// group or the page cannot read the method. Bound and recorded as <see cref="HandedTo"/> binds a call, under the same limits.
    /// </summary>
    public static StaticHelper? GroupOf(ExpressionSyntax argument, SemanticModel semanticModel, Dependencies? dependencies) =>
        MayBeGroup(argument) ? Bound(argument, argument, semanticModel, dependencies) : null;

    private static StaticHelper? Bound(ExpressionSyntax use, ExpressionSyntax written, SemanticModel semanticModel, Dependencies? dependencies)
    {
        var model = TypeReader.ModelFor(use, semanticModel);
        var bound = model.GetSymbolInfo(use);
        if (dependencies is not null)
        {
            dependencies.AddBinding(bound, model);
            dependencies.AddNamesIn(written, model);
        }

        if (bound.Symbol is not IMethodSymbol { IsStatic: true, MethodKind: MethodKind.Ordinary, IsGenericMethod: false, IsVirtual: false, IsAbstract: false, Parameters.Length: 1 } method ||
            !TypeReader.IsDeclaredIn(method, model.Compilation))
            return null;
        var type = method.ContainingType;
        dependencies?.AddScopeOf(type, model);
        // An overloaded name is the compiler's to resolve, as it is in the runbook's own class (one declared twice across
        // a class's parts is overloaded alike).
        if (type.GetMembers(method.Name).Length != 1 || method.DeclaringSyntaxReferences is not [var reference] ||
            reference.GetSyntax() is not MethodDeclarationSyntax { ParameterList.Parameters: [var parameter] } declaration ||
            declaration.Body is null && declaration.ExpressionBody is null || declaration.ContainsDiagnostics ||
            !BuilderMethodSyntax.IsWrittenAsBuilder(parameter.Type, BuilderMethodSyntax.SdkBuilderNames))
            return null;
        return new StaticHelper(declaration, type.DeclaringSyntaxReferences);
    }
}
