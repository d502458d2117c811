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

    /// <summary>The method <paramref name="argument"/> stands for, or null when it is anything else (<see cref="BuilderMethodSyntax.Find"/>).</summary>
    public static BuilderMethodArgument? Of(ExpressionSyntax argument, DslSyntax dsl) =>
        BuilderMethodSyntax.Find(argument, dsl.Symbols.BuilderNames, out var forwarding) is { } method ? new BuilderMethodArgument(method, forwarding) : null;

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
}
