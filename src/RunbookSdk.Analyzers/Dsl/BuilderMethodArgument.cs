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
/// Read from syntax only: the one method of that name in the class declaration the call is written in (not an
/// overloaded name, a method of another class or of another part of a <c>partial</c> class, nor an override), taking
/// one parameter typed as a builder, with a body that parses.
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

    /// <summary>The method <paramref name="argument"/> stands for, or null when it is anything else.</summary>
    public static BuilderMethodArgument? Of(ExpressionSyntax argument, DslSyntax dsl)
    {
        InvocationExpressionSyntax? forwarding = null;
        var named = SyntaxValues.Unwrap(argument);
        if (named is AnonymousFunctionExpressionSyntax lambda)
        {
            if (ForwardedCall(lambda) is not { } call) return null;
            forwarding = call;
            named = call.Expression;
        }

        var name = named switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax identifier } => identifier.Identifier.ValueText,
            _ => null,
        };
        if (name is null || argument.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } type) return null;
        MethodDeclarationSyntax? found = null;
        foreach (var member in type.Members)
        {
            if (member is not MethodDeclarationSyntax method || method.Identifier.ValueText != name) continue;
            if (found is not null) return null; // overloaded: which one is bound is the compiler's to say
            found = method;
        }

        if (found is not { ParameterList.Parameters: [var parameter] } || found.Modifiers.Any(SyntaxKind.OverrideKeyword) ||
            found.TypeParameterList is not null || !dsl.IsBuilderType(parameter.Type) || found.Body is null && found.ExpressionBody is null)
            return null;
        // A method still being typed is read once it parses, as a Define is.
        if (found.ContainsDiagnostics) return null;
        return new BuilderMethodArgument(found, forwarding);
    }

    /// <summary>
    /// Where the actions given as <paramref name="argument"/> are written: a lambda's body, or the body of the method
    /// read in its place; null for anything else (a method group of another class, a variable), which is not read.
    /// </summary>
    public static Microsoft.CodeAnalysis.Text.TextSpan? ActionsSpan(ExpressionSyntax? argument, DslSyntax dsl)
    {
        if (argument is null) return null;
        if (Of(argument, dsl) is { } method) return method.Body.Span;
        return SyntaxValues.Unwrap(argument) is AnonymousFunctionExpressionSyntax lambda ? lambda.Body.Span : null;
    }

    /// <summary><c>AskSomeone(s)</c> when the lambda's one statement hands its one parameter, as it is, to a call.</summary>
    private static InvocationExpressionSyntax? ForwardedCall(AnonymousFunctionExpressionSyntax lambda)
    {
        var parameter = lambda switch
        {
            SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.ValueText,
            ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters: [var only] } => only.Identifier.ValueText,
            _ => null,
        };
        var expression = lambda switch
        {
            { ExpressionBody: { } body } => body,
            { Block.Statements: [ExpressionStatementSyntax { Expression: var only }] } => only,
            _ => null,
        };
        return parameter is not null && expression is InvocationExpressionSyntax { ArgumentList.Arguments: [{ NameColon: null, RefKindKeyword.RawKind: 0, Expression: IdentifierNameSyntax handed }] } call &&
               handed.Identifier.ValueText == parameter
            ? call
            : null;
    }
}
