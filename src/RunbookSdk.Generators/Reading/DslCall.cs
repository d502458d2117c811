using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Generators.Reading;

/// <summary>One call in a fluent chain, e.g. <c>.Step("Assess scope", s => ...)</c>, with its arguments matched to parameter names.</summary>
internal sealed class DslCall
{
    private readonly IReadOnlyList<ArgumentSyntax> _arguments;
    private readonly IMethodSymbol? _method;

    public DslCall(InvocationExpressionSyntax invocation, string name, SemanticModel semanticModel)
    {
        Invocation = invocation;
        Name = name;
        _arguments = invocation.ArgumentList.Arguments;
        var info = semanticModel.GetSymbolInfo(invocation);
        _method = info.Symbol as IMethodSymbol ?? info.CandidateSymbols.OfType<IMethodSymbol>().FirstOrDefault();
    }

    public InvocationExpressionSyntax Invocation { get; }

    public string Name { get; }

    public int ArgumentCount => _arguments.Count;

    /// <summary>
    /// The argument for parameter <paramref name="name"/>: by name when the caller named it, else by position.
    /// The position is taken from the bound method when the compiler could bind it (half-typed code may not).
    /// </summary>
    public ExpressionSyntax? Get(string name, int position)
    {
        foreach (var argument in _arguments)
        {
            if (argument.NameColon?.Name.Identifier.ValueText == name) return argument.Expression;
        }
        if (_method is not null)
        {
            var parameter = _method.Parameters.FirstOrDefault(p => p.Name == name);
            if (parameter is null) return null;
            position = parameter.Ordinal;
        }
        return position < _arguments.Count && _arguments[position].NameColon is null ? _arguments[position].Expression : null;
    }

    /// <summary>The arguments from <paramref name="position"/> on, for a <c>params</c> parameter; an array argument is expanded.</summary>
    public IReadOnlyList<ExpressionSyntax> GetParams(int position)
    {
        var rest = _arguments.Skip(position).Select(a => a.Expression).ToList();
        return rest.Count == 1 && ArrayElements(rest[0]) is { } elements ? elements : rest;
    }

    public static IReadOnlyList<ExpressionSyntax>? ArrayElements(ExpressionSyntax expression) => expression switch
    {
        ArrayCreationExpressionSyntax { Initializer: { } init } => init.Expressions,
        ImplicitArrayCreationExpressionSyntax { Initializer: { } init } => init.Expressions,
        CollectionExpressionSyntax collection => collection.Elements.OfType<ExpressionElementSyntax>().Select(e => e.Expression).ToList(),
        _ => null,
    };
}
