using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>
/// A method of the runbook's class given to a DSL call in place of a lambda: a method group
/// (<c>Step("Ask", AskSomeone)</c>, <c>this.AskSomeone</c>) or a lambda that only hands its builder to it
/// (<c>s =&gt; AskSomeone(s)</c>), with <c>void AskSomeone(IStepBuilder s) { … }</c>. Its body is read where the
/// argument stands, as the lambda's would be: the runner calls it there with the builder, and nothing else can.
/// </summary>
/// <remarks>
/// Read from syntax only: the one method of that name in the class the call is written in, across all its parts when
/// it is <c>partial</c>, or, when the compilation's type names are given, a static method of another class named before
/// it (<see cref="OfAnotherClass"/>) (not an overloaded name, nor one a derived class may replace:
/// <c>virtual</c>, <c>abstract</c>, an <c>override</c>), taking one parameter
/// typed as a builder, with a body that parses.
/// </remarks>
internal readonly struct BuilderMethodArgument
{
    private BuilderMethodArgument(MethodDeclarationSyntax method, InvocationExpressionSyntax? forwarding)
    {
        Method = method;
        Forwarding = forwarding;
    }

    /// <summary>The method whose body stands for the argument.</summary>
    public MethodDeclarationSyntax Method { get; }

    /// <summary>The body read in the argument's place.</summary>
    public SyntaxNode Body => (SyntaxNode?)Method.Body ?? Method.ExpressionBody!;

    /// <summary>
    /// The call of a lambda that hands its builder on (<c>AskSomeone(s)</c> of <c>s =&gt; AskSomeone(s)</c>): a builder
    /// handed to code the index cannot follow by itself, which this reading follows. Null for a method group.
    /// </summary>
    public InvocationExpressionSyntax? Forwarding { get; }

    /// <summary>
    /// The method <paramref name="argument"/> stands for, or null when it is anything else (<see cref="BuilderMethodSyntax.Find"/>)
    /// or a method a class deriving from its own may replace (<see cref="BuilderMethodSyntax.MayBeReplaced"/>): the
    /// runner calls the body the runbook's instance has, so a base's <c>protected virtual void CheckHealth(IStepBuilder s)</c>
    /// is not read for a runbook that overrides it; what it adds waits, as a referenced assembly's method's does.
    /// </summary>
    /// <param name="argument">The argument as written.</param>
    /// <param name="dsl">The compilation's DSL.</param>
    /// <param name="type">The class the argument is written in, whose parts are searched when it is <c>partial</c>; null: only the declaration the argument is in.</param>
    /// <param name="typeNames">
    /// The compilation's type names, to find a static method of another class (<see cref="OfAnotherClass"/>); null reads
    /// only the class's own methods.
    /// </param>
    public static BuilderMethodArgument? Of(ExpressionSyntax argument, DslSyntax dsl, INamedTypeSymbol? type, TypeNames? typeNames = null)
    {
        if (BuilderMethodSyntax.Find(
                argument, dsl.Symbols.BuilderNames, type is not null && BuilderMethodSyntax.MayNameMethodOfAnotherPart(argument) ? type.DeclaringSyntaxReferences : default,
                out var forwarding) is { } method)
            return BuilderMethodSyntax.MayBeReplaced(method) ? null : new BuilderMethodArgument(method, forwarding);
        return typeNames is null ? null : OfAnotherClass(argument, dsl, typeNames, type);
    }

    /// <summary>
    /// A static method of another class in source given in place of a lambda, as the generator's page reads it: a method
    /// group (<c>p.Step("Ask", Elsewhere.Ask)</c>, <c>rb.Verification(Checks.Verify)</c>) or a lambda that hands its
    /// builder to one (<c>s =&gt; Elsewhere.Ask(s)</c>). Under the limits of a method of the runbook's class: the one
    /// member of that name (not overloaded, in one part), static, not generic, one parameter written as a builder, a
    /// body that parses. Anything else (a referenced assembly's method, an instance's) stays unread. The class is found
    /// from declarations (<see cref="TypeNames"/>), nothing bound, and only for an argument written as <c>Type.Name</c>.
    /// </summary>
    private static BuilderMethodArgument? OfAnotherClass(ExpressionSyntax argument, DslSyntax dsl, TypeNames typeNames, INamedTypeSymbol? type)
    {
        var named = SyntaxValues.Unwrap(argument);
        InvocationExpressionSyntax? forwarding = null;
        if (named is AnonymousFunctionExpressionSyntax lambda)
        {
            if (BuilderMethodSyntax.ForwardedCall(lambda) is not { } call) return null;
            forwarding = call;
            named = call.Expression;
        }

        if (named is not MemberAccessExpressionSyntax
            {
                RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Expression: not (ThisExpressionSyntax or BaseExpressionSyntax) and var owner,
                Name: IdentifierNameSyntax { Identifier.ValueText: var name },
            } || owner is not (IdentifierNameSyntax or MemberAccessExpressionSyntax or QualifiedNameSyntax or AliasQualifiedNameSyntax) ||
            typeNames.Resolve(owner, type, argument) is not { } declaring)
            return null;
        if (declaring.GetMembers(name) is not [IMethodSymbol { IsStatic: true, IsGenericMethod: false, MethodKind: MethodKind.Ordinary } method] ||
            method.DeclaringSyntaxReferences is not [var reference] ||
            reference.GetSyntax() is not MethodDeclarationSyntax { ParameterList.Parameters: [var parameter] } declaration ||
            declaration.Body is null && declaration.ExpressionBody is null || declaration.ContainsDiagnostics ||
            !BuilderMethodSyntax.IsWrittenAsBuilder(parameter.Type, dsl.Symbols.BuilderNames) ||
            forwarding?.ArgumentList.Arguments[0].NameColon is { } nameColon && nameColon.Name.Identifier.ValueText != parameter.Identifier.ValueText)
            return null;
        return new BuilderMethodArgument(declaration, forwarding);
    }

    /// <summary>
    /// The method <paramref name="argument"/> of <paramref name="call"/> stands for. The class's symbol, for its other
    /// parts, is asked for only when the argument may name a method of another part (a declaration, nothing bound).
    /// </summary>
    public static BuilderMethodArgument? Of(ExpressionSyntax argument, DslInvocation call) =>
        Of(argument, call.Dsl, BuilderMethodSyntax.MayNameMethodOfAnotherPart(argument) ? call.ContainingType : null, call.Runbooks.TypeNames);

    /// <summary>
    /// Where the actions given as <paramref name="argument"/> are written: a lambda's body, or the body of the method
    /// read in its place (in another part of the class too: ask that tree's index about it); null for anything else (a
    /// method group of another class, a variable), which is not read.
    /// </summary>
    public static SyntaxNode? Actions(ExpressionSyntax? argument, DslSyntax dsl, INamedTypeSymbol? type, TypeNames? typeNames = null)
    {
        if (argument is null) return null;
        if (Of(argument, dsl, type, typeNames) is { } method) return method.Body;
        return SyntaxValues.Unwrap(argument) is AnonymousFunctionExpressionSyntax lambda ? lambda.Body : null;
    }
}
