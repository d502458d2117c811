using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>
/// The reads of <c>Outputs</c> by a constant name in the code a step runs (<c>Execute("…", ctx =&gt; …)</c>): the
/// indexer (not a write to it) and <c>TryGetValue</c>. Read from syntax: any <c>.Outputs</c> inside the code is the step
/// context's; a delegate given as a method group is not read.
/// </summary>
internal static class OutputReads
{
    public static IEnumerable<OutputReadFact> In(ExpressionSyntax code, SyntaxValues values)
    {
        foreach (var node in code.DescendantNodes())
        {
            var name = node switch
            {
                ElementAccessExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Outputs" }, ArgumentList.Arguments: [var key] } access
                    when !IsWritten(access) => key.Expression,
                InvocationExpressionSyntax
                {
                    Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "TryGetValue", Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Outputs" } },
                    ArgumentList.Arguments: [var key, _],
                } => key.Expression,
                _ => null,
            };
            if (name is not null && values.ConstantString(name) is { } text) yield return new OutputReadFact(text, name.GetLocation());
        }
    }

    // ctx.Outputs["x"] = … and ctx.Outputs["x"] ??= … set an output; += reads it too, and is a read.
    private static bool IsWritten(ElementAccessExpressionSyntax access) =>
        access.Parent is AssignmentExpressionSyntax assignment && assignment.Left == access && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression);
}
