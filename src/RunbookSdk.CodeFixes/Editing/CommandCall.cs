using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.CodeFixes.Editing;

/// <summary>Finds the <c>Run(...)</c> call a command rule's finding sits in.</summary>
internal static class CommandCall
{
    /// <summary>The <c>Run(...)</c> invocation whose argument holds the finding, or null.</summary>
    public static InvocationExpressionSyntax? Of(SyntaxNode? root, Diagnostic diagnostic) =>
        root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)
            ?.FirstAncestorOrSelf<ArgumentSyntax>()?.Parent?.Parent is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Run" } } run
            ? run
            : null;
}
