using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunbookSdk.Analyzers.Dsl;

namespace RunbookSdk.Generators.Reading;

/// <summary>
/// A local function (of <c>Define</c>, or of a lambda in it) that a builder is handed to — <c>Checks(rb);</c> with
/// <c>void Checks(IRunbookBuilder b) =&gt; b.Verification(…);</c>, or given as a method group
/// (<c>.Phase("Diagnose", Diagnose)</c>) — found from syntax alone, as C# binds the name: the innermost block around the
/// use that declares a local function of that name. The runner calls it there with the builder, so its calls are read
/// where it is called (<see cref="ChainReader"/>), once per call.
/// </summary>
internal static class LocalBuilderFunction
{
    /// <summary>
    /// The local function <paramref name="call"/> hands <paramref name="receiver"/> to, as it is and alone
    /// (<c>Checks(rb)</c>, or by the name of its parameter, <c>Checks(b: rb)</c>); null for any other call, or one whose
    /// local function cannot be read as a builder's (<see cref="IsReadable"/>).
    /// </summary>
    public static LocalFunctionStatementSyntax? HandedTo(InvocationExpressionSyntax call, string receiver)
    {
        if (call is not { Expression: IdentifierNameSyntax name, ArgumentList.Arguments: [{ RefKindKeyword.RawKind: 0, Expression: IdentifierNameSyntax handed } argument] } ||
            handed.Identifier.ValueText != receiver ||
            InScope(call, name.Identifier.ValueText) is not { } function || !IsReadable(function))
            return null;
        // A name the function's parameter does not have is a call that does not compile, not the function's builder.
        return argument.NameColon is null || argument.NameColon.Name.Identifier.ValueText == function.ParameterList.Parameters[0].Identifier.ValueText
            ? function
            : null;
    }

    /// <summary>
    /// The local function <paramref name="use"/> names, when it is in scope there: C# binds a name to it before a method
    /// of the class, so a method group or a hand-off of that name is never the class's method.
    /// </summary>
    public static LocalFunctionStatementSyntax? Named(IdentifierNameSyntax use) => InScope(use, use.Identifier.ValueText);

    /// <summary>
    /// Whether the function can be read as a builder's: one parameter written as a builder, not generic, with a body
    /// that parses (one still being typed is read once it does).
    /// </summary>
    public static bool IsReadable(LocalFunctionStatementSyntax function) =>
        function.ParameterList.Parameters is [{ Modifiers.Count: 0 } parameter] &&
        BuilderMethodSyntax.IsWrittenAsBuilder(parameter.Type, BuilderMethodSyntax.SdkBuilderNames) &&
        function.TypeParameterList is null &&
        (function.Body is not null || function.ExpressionBody is not null) &&
        !function.ContainsDiagnostics;

    /// <summary>The local function <paramref name="name"/> declared in a block around <paramref name="use"/>, innermost first.</summary>
    private static LocalFunctionStatementSyntax? InScope(Microsoft.CodeAnalysis.SyntaxNode use, string name)
    {
        for (var current = use.Parent; current is not null && current is not MemberDeclarationSyntax; current = current.Parent)
        {
            if (current is not BlockSyntax block) continue;
            foreach (var statement in block.Statements)
            {
                if (statement is LocalFunctionStatementSyntax local && local.Identifier.ValueText == name) return local;
            }
        }

        return null;
    }
}
