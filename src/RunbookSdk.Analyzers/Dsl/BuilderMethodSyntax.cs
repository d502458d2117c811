using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>
/// Which method of the runbook's class a DSL call's argument stands for (<see cref="BuilderMethodArgument"/>), decided
/// from syntax alone. Linked into the generator too, so that the page reads in place of a lambda exactly the methods
/// the rules read: when the two decided apart, the IDE judged a step by actions the page did not show.
/// </summary>
internal static class BuilderMethodSyntax
{
    /// <summary>The builder interfaces of RunbookSdk, by metadata name.</summary>
    public static readonly string[] BuilderInterfaces =
    [
        "IDocumentBuilder`1", "IRunbookBuilder", "IHandbookBuilder", "ISeverityBuilder", "IEscalationBuilder",
        "IPhaseBuilder", "ISectionBuilder", "IStepBuilder", "ICommandStepBuilder", "IHttpStepBuilder",
        "IDelegateStepBuilder", "IChoiceBuilder",
    ];

    /// <summary>
    /// The names a builder type is written with (<c>IDocumentBuilder</c> for <c>IDocumentBuilder`1</c>), for a reader
    /// without the compilation's symbols (the generator, which reads only classes of a compilation that has RunbookSdk).
    /// </summary>
    public static readonly HashSet<string> SdkBuilderNames = Names(BuilderInterfaces);

    /// <summary>
    /// How deep methods read in place of lambdas nest (a phase's method giving a step's) before one is not read: deeper
    /// than any runbook writes, and a bound on a method that gives itself through another.
    /// </summary>
    public const int MaxNesting = 8;

    /// <summary>
    /// The method <paramref name="argument"/> stands for: a method group (<c>AskSomeone</c>, <c>this.AskSomeone</c>) or a
    /// lambda whose one statement hands its builder, as it is, to one (<c>s =&gt; AskSomeone(s)</c>, or by the name of the
    /// method's parameter, <c>s =&gt; AskSomeone(step: s)</c>, whose call is
    /// <paramref name="forwarding"/>); the one method of that name in the class the argument is written in — in all its
    /// parts, when it is <c>partial</c> and <paramref name="parts"/> are given — not overloaded, not an override, not
    /// generic, taking one parameter written as a builder, with a body that parses. Null for anything else.
    /// </summary>
    /// <param name="argument">The argument as written.</param>
    /// <param name="builderNames">The names of the builder types (<see cref="SdkBuilderNames"/>, or the compilation's).</param>
    /// <param name="parts">
    /// The declarations of the class the argument is written in (its symbol's <c>DeclaringSyntaxReferences</c>): looked at
    /// only for a method group or a forwarding lambda written in a <c>partial</c> declaration, so a runbook of lambdas
    /// costs nothing more. Default: only the declaration the argument is written in is searched.
    /// </param>
    /// <param name="forwarding">The hand-off of a lambda that forwards its builder; null for a method group.</param>
    public static MethodDeclarationSyntax? Find(
        ExpressionSyntax argument, HashSet<string> builderNames, ImmutableArray<SyntaxReference> parts, out InvocationExpressionSyntax? forwarding)
    {
        forwarding = null;
        var named = argument;
        while (named is ParenthesizedExpressionSyntax parenthesized) named = parenthesized.Expression;
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
        if (name is null || argument.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } type) return Nothing(out forwarding);
        return OneBuilderMethod(type, name, builderNames, parts) is { } found && NamesParameter(forwarding, found.ParameterList.Parameters[0])
            ? found
            : Nothing(out forwarding);
    }

    /// <summary>
    /// The method of the class <paramref name="call"/> is written in that the call hands <paramref name="receiver"/> to, as
    /// it is and alone: <c>AddChecks(rb);</c> or <c>this.AddChecks(rb)</c> (or by the name of the method's parameter,
    /// <c>AddChecks(b: rb)</c>) with <c>void AddChecks(IRunbookBuilder b) =&gt; b.Verification(…);</c>. The same method
    /// <see cref="Find"/> reads in place of a lambda, and neither <c>virtual</c> nor <c>abstract</c>: the runner calls
    /// the method the instance has, which a class derived from this one may replace, so its body here is not
    /// necessarily what runs. Null for any other call; a local function of that name, which hides the method as C#
    /// binds it, is the caller's to look for first.
    /// </summary>
    public static MethodDeclarationSyntax? HandedTo(
        InvocationExpressionSyntax call, string receiver, HashSet<string> builderNames, ImmutableArray<SyntaxReference> parts)
    {
        var name = call.Expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax identifier } => identifier.Identifier.ValueText,
            _ => null,
        };
        if (name is null || call.ArgumentList.Arguments is not [{ RefKindKeyword.RawKind: 0, Expression: IdentifierNameSyntax handed }] ||
            handed.Identifier.ValueText != receiver || call.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } type)
            return null;
        return OneBuilderMethod(type, name, builderNames, parts) is { } found && !MayBeReplaced(found) &&
               NamesParameter(call, found.ParameterList.Parameters[0])
            ? found
            : null;
    }

    /// <summary>
    /// Whether a class deriving from the one that declares <paramref name="method"/> may replace it: <c>virtual</c>,
    /// <c>abstract</c>, or an <c>override</c> not sealed in a class not sealed. The runner calls the method the instance
    /// has, so the body written here is not necessarily what runs, and reading it judged (or documented) code that a
    /// runbook overriding it never runs.
    /// </summary>
    public static bool MayBeReplaced(MethodDeclarationSyntax method) =>
        method.Modifiers.Any(SyntaxKind.VirtualKeyword) || method.Modifiers.Any(SyntaxKind.AbstractKeyword) ||
        method.Modifiers.Any(SyntaxKind.OverrideKeyword) && !method.Modifiers.Any(SyntaxKind.SealedKeyword) &&
        !(method.Parent is TypeDeclarationSyntax owner && owner.Modifiers.Any(SyntaxKind.SealedKeyword));

    /// <summary>
    /// The one method <paramref name="name"/> of <paramref name="type"/>'s class that can be read as a builder's: not
    /// overloaded, not an override, not generic, one parameter written as a builder, a body that parses. Null otherwise.
    /// </summary>
    private static MethodDeclarationSyntax? OneBuilderMethod(
        TypeDeclarationSyntax type, string name, HashSet<string> builderNames, ImmutableArray<SyntaxReference> parts)
    {
        // A team that splits a big runbook into partial files writes Define in one and its steps' methods in another:
        // every part is searched (ClassParts), and a name declared twice across them is overloaded as it is in one.
        var found = ClassParts.OneMethodNamed(type, name, parts);
        if (found is not { ParameterList.Parameters: [var parameter] } || found.Modifiers.Any(SyntaxKind.OverrideKeyword) ||
            found.TypeParameterList is not null || !IsWrittenAsBuilder(parameter.Type, builderNames) || found.Body is null && found.ExpressionBody is null)
            return null;
        // A method still being typed is read once it parses, as a Define is.
        return found.ContainsDiagnostics ? null : found;
    }

    /// <summary>
    /// Whether <see cref="Find"/> would look at the class's other parts for <paramref name="argument"/>: a method group or
    /// a lambda that hands its builder on, written in a <c>partial</c> declaration. Syntax only, so that a rule asks for the
    /// class's symbol (for its parts) only then: a runbook of lambdas asks for nothing more.
    /// </summary>
    public static bool MayNameMethodOfAnotherPart(ExpressionSyntax argument)
    {
        var named = argument;
        while (named is ParenthesizedExpressionSyntax parenthesized) named = parenthesized.Expression;
        if (named is AnonymousFunctionExpressionSyntax lambda)
        {
            if (ForwardedCall(lambda) is not { } call) return false;
            named = call.Expression;
        }

        return named is IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } &&
               argument.FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } type && type.Modifiers.Any(SyntaxKind.PartialKeyword);
    }

    /// <summary>True when <paramref name="type"/> is written as one of <paramref name="builderNames"/> (qualified, aliased or nullable too).</summary>
    public static bool IsWrittenAsBuilder(TypeSyntax? type, HashSet<string> builderNames)
    {
        while (true)
        {
            switch (type)
            {
                case QualifiedNameSyntax qualified:
                    type = qualified.Right;
                    continue;
                case AliasQualifiedNameSyntax alias:
                    type = alias.Name;
                    continue;
                case NullableTypeSyntax nullable:
                    type = nullable.ElementType;
                    continue;
                case SimpleNameSyntax simple:
                    return builderNames.Contains(simple.Identifier.ValueText);
                default:
                    return false;
            }
        }
    }

    /// <summary>
    /// Whether the hand-off's argument, when named (<c>AskSomeone(step: s)</c>), names <paramref name="parameter"/>: a
    /// name the method does not have is a call that does not compile, not the method's step.
    /// </summary>
    private static bool NamesParameter(InvocationExpressionSyntax? forwarding, ParameterSyntax parameter) =>
        forwarding?.ArgumentList.Arguments[0].NameColon is not { } nameColon ||
        nameColon.Name.Identifier.ValueText == parameter.Identifier.ValueText;

    private static MethodDeclarationSyntax? Nothing(out InvocationExpressionSyntax? forwarding)
    {
        forwarding = null;
        return null;
    }

    /// <summary><c>AskSomeone(s)</c> or <c>AskSomeone(step: s)</c> when the lambda's one statement hands its one parameter, as it is, to a call.</summary>
    public static InvocationExpressionSyntax? ForwardedCall(AnonymousFunctionExpressionSyntax lambda)
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
        // The argument may be named (AskSomeone(step: s)): Find checks that the name is the method's parameter's.
        return parameter is not null && expression is InvocationExpressionSyntax { ArgumentList.Arguments: [{ RefKindKeyword.RawKind: 0, Expression: IdentifierNameSyntax handed }] } call &&
               handed.Identifier.ValueText == parameter
            ? call
            : null;
    }

    private static HashSet<string> Names(string[] metadataNames)
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var metadataName in metadataNames)
        {
            var arity = metadataName.IndexOf('`');
            names.Add(arity < 0 ? metadataName : metadataName.Substring(0, arity));
        }

        return names;
    }
}
