using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>
/// What the rules read from a DSL call's syntax: its method name, its arguments by parameter name (from the builder
/// interfaces' overloads), the calls chained onto it, and whether a type is written as a builder. Which calls are DSL
/// calls — made on a builder variable or on a DSL call — is worked out once per tree by <see cref="DslCallIndex"/>.
/// No binding: binding a call inside the DSL's nested lambdas binds all of them (docs/performance.md).
/// </summary>
internal sealed class DslSyntax(DslSymbols symbols)
{
    public DslSymbols Symbols => symbols;

    public DslVocabulary Vocabulary => symbols.Vocabulary;

    /// <summary>Where a chain starts: <c>s</c> of <c>s.Run(…).Retry(2, …)</c>, <c>v</c> of <c>v?.Step(…).Step(…)</c>.</summary>
    public static ExpressionSyntax ChainRoot(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case InvocationExpressionSyntax invocation: expression = invocation.Expression; break;
                case MemberAccessExpressionSyntax member: expression = member.Expression; break;
                case ConditionalAccessExpressionSyntax conditional: expression = conditional.Expression; break;
                case ParenthesizedExpressionSyntax parenthesized: expression = parenthesized.Expression; break;
                default: return expression;
            }
        }
    }

    /// <summary>The method name of <c>x.Name(...)</c>; null for other call shapes.</summary>
    public static string? CalledName(InvocationExpressionSyntax invocation) =>
        invocation.Expression is MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Name: IdentifierNameSyntax name } ? name.Identifier.ValueText : null;

    /// <summary>The argument for parameter <paramref name="parameterName"/>: by name when named, else at its position in the matching overload.</summary>
    public ExpressionSyntax? Argument(InvocationExpressionSyntax invocation, string parameterName)
    {
        var arguments = invocation.ArgumentList;
        foreach (var argument in arguments.Arguments)
        {
            if (argument.NameColon?.Name.Identifier.ValueText == parameterName) return argument.Expression;
        }

        if (CalledName(invocation) is not { } name) return null;
        // The overloads that accept the arguments as written; when none does (code being typed), any overload.
        var anyCandidate = false;
        foreach (var shape in Vocabulary.Shapes(name))
        {
            if (!shape.Accepts(arguments)) continue;
            anyCandidate = true;
            if (Positional(shape.Method, arguments, parameterName) is { } candidateArgument) return candidateArgument;
        }

        if (anyCandidate) return null;
        foreach (var overload in Vocabulary.Overloads(name))
        {
            if (Positional(overload, arguments, parameterName) is { } anyArgument) return anyArgument;
        }

        return null;
    }

    private static ExpressionSyntax? Positional(IMethodSymbol overload, ArgumentListSyntax arguments, string parameterName)
    {
        var position = -1;
        for (var i = 0; i < overload.Parameters.Length; i++)
        {
            if (overload.Parameters[i].Name == parameterName) position = i;
        }

        return position >= 0 && position < arguments.Arguments.Count && arguments.Arguments[position].NameColon is null
            ? arguments.Arguments[position].Expression
            : null;
    }

    /// <summary>
    /// Whether a call chained onto <paramref name="invocation"/> (<c>.Run(...).Timeout(...).Retry(...)</c>) has a
    /// name <paramref name="isName"/> accepts. A loop rather than an iterator over the chain: the command rules ask
    /// it of every command, and a static lambda allocates nothing.
    /// </summary>
    /// <param name="invocation">The call the chain starts from.</param>
    /// <param name="isName">The call looked for.</param>
    /// <param name="ownAction">
    /// Only up to the step's next action: <c>Timeout</c> and <c>Expect…</c> belong to the action they follow, so in
    /// <c>s.Run("tail -f x").Run("ls").Timeout(…)</c> the timeout is the second command's, not the first's.
    /// </param>
    public static bool HasChainedCall(InvocationExpressionSyntax invocation, System.Func<string, bool> isName, bool ownAction = false)
    {
        SyntaxNode current = invocation;
        while (current.Parent is ParenthesizedExpressionSyntax) current = current.Parent;
        while (current.Parent is MemberAccessExpressionSyntax access && access.Expression == current && access.Parent is InvocationExpressionSyntax next && next.Expression == access)
        {
            if (CalledName(next) is { } name)
            {
                if (isName(name)) return true;
                if (ownAction && s_actions.Contains(name)) return false;
            }

            current = next;
        }

        return false;
    }

    /// <summary>True for a call that adds an action to a step (<c>Run</c>, <c>Http</c>…): what follows it configures that action.</summary>
    public static bool IsAction(string name) => s_actions.Contains(name);

    // The calls that add an action to a step; what follows one configures that action.
    private static readonly System.Collections.Generic.HashSet<string> s_actions =
        new(System.StringComparer.Ordinal) { "Run", "Http", "Instruction", "Wait", "Monitor", "Execute", "Notify", "Snippet" };

    /// <summary>From the method name to the closing parenthesis: <c>ReviewDate(2020, 1, 1)</c> in <c>rb.ReviewDate(2020, 1, 1)</c>.</summary>
    public static Location NameAndArguments(InvocationExpressionSyntax invocation)
    {
        if (invocation.Expression is MemberAccessExpressionSyntax access)
            return Location.Create(invocation.SyntaxTree, TextSpan.FromBounds(access.Name.SpanStart, invocation.Span.End));
        return invocation.GetLocation();
    }

    /// <summary>The class name of the declaration holding Define (or the first declaration).</summary>
    public static Location? TypeNameLocation(INamedTypeSymbol type)
    {
        var declarations = type.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<TypeDeclarationSyntax>().ToList();
        var withDefine = declarations.FirstOrDefault(d => d.Members.OfType<MethodDeclarationSyntax>().Any(m => m.Identifier.ValueText == "Define"));
        return (withDefine ?? declarations.FirstOrDefault())?.Identifier.GetLocation();
    }

    /// <summary>True when the type is written as one of the builder interfaces (by name, as everything here).</summary>
    public bool IsBuilderType(TypeSyntax? type) => BuilderMethodSyntax.IsWrittenAsBuilder(type, symbols.BuilderNames);

}
