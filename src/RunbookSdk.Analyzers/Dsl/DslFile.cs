using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>
/// What every DSL call of one tree shares while one rule reads the tree (<see cref="DslInvocation.Register"/>): the
/// analysis context, the compilation's RunbookSdk state, the tree's call index, and the type a call is written in with
/// its <see cref="SyntaxValues"/>. Held once per tree rather than copied into every call: a context is a large struct,
/// and a build's rules made one call object per DSL call and rule, a few per runbook step (docs/performance.md).
/// </summary>
/// <remarks>
/// A rule's action reads one tree on one thread, calls in source order, so one type is remembered: the calls of a type
/// follow one another, and a nested type's calls only interrupt them.
/// </remarks>
internal sealed class DslFile(SemanticModelAnalysisContext context, RunbookCompilation runbooks, DslCallIndex index)
{
    private BaseTypeDeclarationSyntax? _declaration;
    private INamedTypeSymbol? _type;
    private SyntaxValues? _values;

    public SemanticModelAnalysisContext Context => context;

    public RunbookCompilation Runbooks => runbooks;

    /// <summary>What the tree does with builders: its DSL calls and the uses the rules cannot follow.</summary>
    public DslCallIndex Index => index;

    /// <summary>The type <paramref name="declaration"/> declares; a declaration, so nothing is bound.</summary>
    public INamedTypeSymbol? TypeOf(BaseTypeDeclarationSyntax? declaration)
    {
        if (declaration is null) return null;
        Remember(declaration);
        return _type;
    }

    /// <summary>Values read from syntax as written in <paramref name="declaration"/>'s type (none: outside any type).</summary>
    public SyntaxValues ValuesIn(BaseTypeDeclarationSyntax? declaration)
    {
        if (declaration is null) return new SyntaxValues(runbooks, null, context.SemanticModel, context.CancellationToken);
        Remember(declaration);
        return _values ??= new SyntaxValues(runbooks, _type, context.SemanticModel, context.CancellationToken);
    }

    private void Remember(BaseTypeDeclarationSyntax declaration)
    {
        if (ReferenceEquals(declaration, _declaration)) return;
        _declaration = declaration;
        _type = context.SemanticModel.GetDeclaredSymbol(declaration, context.CancellationToken) as INamedTypeSymbol;
        _values = null;
    }
}
