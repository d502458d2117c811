using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>
/// What the code of one step (<c>Execute("…", ctx =&gt; …)</c>) does with outputs, read from syntax: the names it reads
/// (the indexer, not a write to it, and <c>TryGetValue</c>) and the names it sets (<c>ctx.SetOutput("name", …)</c>,
/// <c>ctx.Outputs["name"] = …</c>), also of a method of the runbook's class given as a method group
/// (<c>Execute("Decide", Decide)</c>), in any part of a <c>partial</c> class. <see cref="Known"/> says whether every name it may set is among them: not when the
/// code is another method group, hands its context on (<c>Save(ctx)</c>, <c>var outputs = ctx.Outputs</c>) or sets a name
/// that is not a constant.
/// </summary>
internal sealed class StepCodeOutputs
{
    // What code may do with its context and still set only the outputs read here.
    private static readonly ImmutableHashSet<string> s_plainMembers = ImmutableHashSet.Create("Parameters", "Log", "CancellationToken");

    private StepCodeOutputs(ImmutableArray<OutputReadFact> reads, ImmutableArray<string> sets, bool known)
    {
        Reads = reads;
        Sets = sets;
        Known = known;
    }

    public ImmutableArray<OutputReadFact> Reads { get; }

    public ImmutableArray<string> Sets { get; }

    public bool Known { get; }

    /// <summary>What <paramref name="code"/>, the code of a step, does with outputs.</summary>
    /// <param name="code">The code as written: a lambda, or a method group of the class.</param>
    /// <param name="values">Constant names, read from syntax.</param>
    /// <param name="type">The class the code is written in, whose parts are searched for a method group when it is <c>partial</c>.</param>
    public static StepCodeOutputs Of(ExpressionSyntax code, SyntaxValues values, INamedTypeSymbol? type)
    {
        // Code given as a method group of the runbook's own class (Execute("Decide", Decide)) is read in the method.
        if (MethodOf(code, type) is { ParameterList.Parameters: [var parameter] } method && ((SyntaxNode?)method.Body ?? method.ExpressionBody) is { } body)
            return Of(body, parameter.Identifier.ValueText, values);
        var context = SyntaxValues.Unwrap(code) switch
        {
            SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.ValueText,
            ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters: [var only] } => only.Identifier.ValueText,
            _ => null,
        };
        return Of(code, context, values);
    }

    /// <summary>
    /// The one method of the class the code is written in that a method group (<c>Decide</c>, <c>this.Decide</c>)
    /// names, in any part of a <c>partial</c> class (<see cref="ClassParts"/>): a team that keeps Define in one file and
    /// the steps' code in another had RB0029 skip every read in it. Null for anything else, an overloaded name, or a
    /// method of another class.
    /// </summary>
    private static MethodDeclarationSyntax? MethodOf(ExpressionSyntax code, INamedTypeSymbol? symbol)
    {
        var name = SyntaxValues.Unwrap(code) switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax identifier } => identifier.Identifier.ValueText,
            _ => null,
        };
        // A lambda (the corpus's every step) asks for nothing more: the class's parts only for a method group.
        return name is not null && code.FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } type
            ? ClassParts.OneMethodNamed(type, name, ClassParts.Declared(symbol, type))
            : null;
    }

    private static StepCodeOutputs Of(SyntaxNode code, string? context, SyntaxValues values)
    {
        var reads = ImmutableArray.CreateBuilder<OutputReadFact>();
        var sets = ImmutableArray.CreateBuilder<string>();
        var known = context is not null;

        foreach (var node in code.DescendantNodes())
        {
            switch (node)
            {
                case ElementAccessExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Outputs" }, ArgumentList.Arguments: [var key] } access:
                    var name = values.ConstantString(key.Expression);
                    if (IsSet(access))
                    {
                        if (name is null) known = false;
                        else sets.Add(name);
                    }
                    else if (name is not null)
                    {
                        reads.Add(new OutputReadFact(name, key.Expression.GetLocation(), Throws: true));
                    }

                    break;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "TryGetValue", Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Outputs" } }, ArgumentList.Arguments: [var key, _] }:
                    if (values.ConstantString(key.Expression) is { } tried) reads.Add(new OutputReadFact(tried, key.Expression.GetLocation(), Throws: false));
                    break;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "SetOutput" }, ArgumentList.Arguments: [var key, _] }:
                    if (values.ConstantString(key.Expression) is { } set) sets.Add(set);
                    else known = false;
                    break;
                case IdentifierNameSyntax identifier when known && identifier.Identifier.ValueText == context && !IsPlainUse(identifier):
                    known = false;
                    break;
            }
        }

        return new StepCodeOutputs(reads.ToImmutable(), sets.ToImmutable(), known);
    }

    // ctx.Outputs["x"] = … (and ??=) sets an output; += reads it first, and sets the same name.
    private static bool IsSet(ElementAccessExpressionSyntax access) =>
        access.Parent is AssignmentExpressionSyntax assignment && assignment.Left == access && !assignment.IsKind(SyntaxKind.AddAssignmentExpression);

    /// <summary>
    /// A use of the context that sets no output this reader does not see: <c>ctx.Parameters</c>, <c>ctx.Log</c>,
    /// <c>ctx.CancellationToken</c>, <c>ctx.SetOutput(…)</c>, and <c>ctx.Outputs</c> indexed or asked with
    /// <c>TryGetValue</c> or <c>ContainsKey</c>.
    /// </summary>
    private static bool IsPlainUse(IdentifierNameSyntax identifier)
    {
        if (identifier.Parent is not MemberAccessExpressionSyntax { Expression: var target } access || target != identifier) return false;
        var member = access.Name.Identifier.ValueText;
        if (s_plainMembers.Contains(member) || member == "SetOutput") return true;
        return member == "Outputs" && access.Parent switch
        {
            ElementAccessExpressionSyntax element => element.Expression == access,
            MemberAccessExpressionSyntax { Name.Identifier.ValueText: "TryGetValue" or "ContainsKey" } next => next.Parent is InvocationExpressionSyntax,
            _ => false,
        };
    }
}
