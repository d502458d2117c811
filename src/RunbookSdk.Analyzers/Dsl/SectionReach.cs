using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>
/// Which sections code handed a builder can declare, read from the builder interfaces themselves: a runbook's builder
/// declares all three, an escalation's builder adds levels, and a phase's, a step's or a decision's builder none — no
/// method of theirs, nor of any builder they return or hand to a lambda, is <c>Escalation</c>, <c>Rollback</c>,
/// <c>NoRollback</c> or <c>Verification</c>. So <c>.Phase("Fix", p =&gt; Helpers.More(p))</c> leaves RB0001-RB0003 able
/// to judge the runbook, while <c>Helpers.AddAll(rb)</c> still makes them wait.
/// </summary>
/// <remarks>
/// Asked only of a Define the reader could not follow completely (a builder handed to other code), which the rules'
/// corpus of lambdas never is. A use site's builders are found from syntax, as the index finds them
/// (<see cref="BuilderWalker"/>): a lambda parameter of a DSL call, typed by the overloads that take it, or a
/// parameter written with a builder type. Anything it cannot place counts as able to declare every section.
/// </remarks>
internal sealed class SectionReach(DslSymbols symbols)
{
    private readonly ConcurrentDictionary<INamedTypeSymbol, SectionKinds> _byType = new(SymbolEqualityComparer.Default);

    /// <summary>What the code at <paramref name="use"/>, a builder use the index cannot follow, may declare through the builders it names.</summary>
    public SectionKinds OfUse(SyntaxNode use)
    {
        // Anything else is nesting too deep to read: what is inside is unknown.
        if (use is not InvocationExpressionSyntax) return SectionKinds.All;
        var kinds = SectionKinds.None;
        foreach (var node in use.DescendantNodesAndSelf())
        {
            if (node is not IdentifierNameSyntax identifier || identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier) continue;
            kinds |= OfName(identifier);
            if (kinds == SectionKinds.All) break;
        }

        return kinds;
    }

    /// <summary>What code given a parameter written with the type <paramref name="type"/> may declare: nothing when it is no builder.</summary>
    public SectionKinds OfTypeSyntax(TypeSyntax? type) =>
        UnqualifiedName(type) is { } name && symbols.BuilderNamed(name) is { } builder ? Of(builder) : SectionKinds.None;

    /// <summary>What the builder <paramref name="identifier"/> names may declare: found where the name is declared.</summary>
    private SectionKinds OfName(IdentifierNameSyntax identifier)
    {
        var name = identifier.Identifier.ValueText;
        for (var current = identifier.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case SimpleLambdaExpressionSyntax simple when simple.Parameter.Identifier.ValueText == name:
                    return OfLambdaParameter(simple);
                case ParenthesizedLambdaExpressionSyntax parenthesized when Declares(parenthesized.ParameterList, name) is { } parameter:
                    // Only a lambda of one parameter is given a builder by the DSL (BuilderWalker).
                    return parenthesized.ParameterList.Parameters.Count != 1 ? SectionKinds.None
                        : parameter.Type is { } written ? OfTypeSyntax(written) : OfLambdaParameter(parenthesized);
                case AnonymousMethodExpressionSyntax:
                    return SectionKinds.None; // the rules read no builder inside one
                case LocalFunctionStatementSyntax local when Declares(local.ParameterList, name) is { } parameter:
                    return OfTypeSyntax(parameter.Type);
                case BaseMethodDeclarationSyntax method:
                    return Declares(method.ParameterList, name) is { } methodParameter ? OfTypeSyntax(methodParameter.Type) : SectionKinds.None;
                case MemberDeclarationSyntax:
                    return SectionKinds.None;
            }
        }

        return SectionKinds.None;
    }

    /// <summary>A lambda handed to a DSL call: its parameter is the builder the call's overloads give it.</summary>
    private SectionKinds OfLambdaParameter(LambdaExpressionSyntax lambda)
    {
        if (lambda.Parent is not ArgumentSyntax argument || argument.Parent is not ArgumentListSyntax { Parent: InvocationExpressionSyntax call } list ||
            DslSyntax.CalledName(call) is not { } name || !symbols.Vocabulary.TakesBuilderLambda(name))
            return SectionKinds.None;
        var index = list.Arguments.IndexOf(argument);
        var kinds = SectionKinds.None;
        var any = false;
        foreach (var method in symbols.Vocabulary.Candidates(name, list))
        {
            any = true;
            if (DslVocabulary.ParameterFor(method, list, index)?.Type is INamedTypeSymbol { DelegateInvokeMethod.Parameters: [var builder, ..] })
                kinds |= symbols.IsBuilder(builder.Type) ? Of((INamedTypeSymbol)builder.Type) : SectionKinds.None;
        }

        return any ? kinds : SectionKinds.All;
    }

    /// <summary>The sections the methods of <paramref name="builder"/>, and of every builder reachable from it, declare.</summary>
    private SectionKinds Of(INamedTypeSymbol builder) => _byType.GetOrAdd(builder, Reach);

    private SectionKinds Reach(INamedTypeSymbol start)
    {
        var kinds = SectionKinds.None;
        var seen = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        var pending = new Stack<INamedTypeSymbol>();
        pending.Push(start);
        void Reached(ITypeSymbol type)
        {
            // A builder's own type parameter (IDocumentBuilder<TSelf>) may be any document's builder.
            if (type is ITypeParameterSymbol) kinds = SectionKinds.All;
            else if (type is INamedTypeSymbol named && symbols.IsBuilder(named)) pending.Push(named);
        }

        while (pending.Count > 0 && kinds != SectionKinds.All)
        {
            var type = pending.Pop();
            if (!seen.Add(type)) continue;
            foreach (var member in Members(type))
            {
                if (member is not IMethodSymbol method) continue;
                kinds |= Declares(method.Name);
                Reached(method.ReturnType);
                foreach (var parameter in method.Parameters)
                {
                    if (parameter.Type is INamedTypeSymbol { DelegateInvokeMethod: { } invoke })
                    {
                        foreach (var given in invoke.Parameters) Reached(given.Type);
                    }
                }
            }
        }

        return kinds;
    }

    private static IEnumerable<ISymbol> Members(INamedTypeSymbol type)
    {
        foreach (var member in type.GetMembers()) yield return member;
        foreach (var inherited in type.AllInterfaces)
        {
            foreach (var member in inherited.GetMembers()) yield return member;
        }
    }

    private static SectionKinds Declares(string method) => method switch
    {
        "Escalation" or "Level" => SectionKinds.Escalation,
        "Rollback" or "NoRollback" => SectionKinds.Rollback,
        "Verification" => SectionKinds.Verification,
        _ => SectionKinds.None,
    };

    private static ParameterSyntax? Declares(ParameterListSyntax parameters, string name)
    {
        foreach (var parameter in parameters.Parameters)
        {
            if (parameter.Identifier.ValueText == name) return parameter;
        }

        return null;
    }

    private static string? UnqualifiedName(TypeSyntax? type) => type switch
    {
        QualifiedNameSyntax qualified => UnqualifiedName(qualified.Right),
        AliasQualifiedNameSyntax alias => UnqualifiedName(alias.Name),
        NullableTypeSyntax nullable => UnqualifiedName(nullable.ElementType),
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };
}
