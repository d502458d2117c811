using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Generators.Reading;

/// <summary>One call in a fluent chain, e.g. <c>.Step("Assess scope", s => ...)</c>, with its arguments matched to parameter names.</summary>
internal sealed class DslCall
{
    // The syntax list itself, not an IReadOnlyList: enumerating it through the interface boxes an enumerator per
    // lookup, and every argument of every DSL call is looked up.
    private readonly SeparatedSyntaxList<ArgumentSyntax> _arguments;

    // No symbol binding here: binding an invocation binds every lambda nested in it, which made the generator
    // cost more than the compile it runs in (docs/performance.md). The DSL's parameter positions are fixed,
    // so the readers name each parameter with its position.
    public DslCall(InvocationExpressionSyntax invocation, string name)
    {
        Invocation = invocation;
        Name = name;
        _arguments = invocation.ArgumentList.Arguments;
    }

    public InvocationExpressionSyntax Invocation { get; }

    public string Name { get; }

    public int ArgumentCount => _arguments.Count;

    /// <summary>The argument for parameter <paramref name="name"/>: by name when the caller named it, else at its position.</summary>
    public ExpressionSyntax? Get(string name, int position)
    {
        foreach (var argument in _arguments)
        {
            if (argument.NameColon?.Name.Identifier.ValueText == name) return argument.Expression;
        }
        return position >= 0 && position < _arguments.Count && _arguments[position].NameColon is null ? _arguments[position].Expression : null;
    }

    /// <summary>
    /// The arguments from <paramref name="position"/> on, for a <c>params</c> parameter; an array argument is expanded,
    /// also one a <c>static readonly</c> field of the tree holds (<see cref="ValueReader.ArrayElements"/>).
    /// </summary>
    public IReadOnlyList<ExpressionSyntax> GetParams(int position, ValueReader values)
    {
        var rest = GetRest(position);
        return rest.Count == 1 && values.ArrayElements(rest[0]) is { } elements ? elements : rest;
    }

    /// <summary>The arguments from <paramref name="position"/> on, as written.</summary>
    public IReadOnlyList<ExpressionSyntax> GetRest(int position) => _arguments.Skip(position).Select(a => a.Expression).ToList();

    public static IReadOnlyList<ExpressionSyntax>? ArrayElements(ExpressionSyntax expression) => expression switch
    {
        ArrayCreationExpressionSyntax { Initializer: { } init } => init.Expressions,
        ImplicitArrayCreationExpressionSyntax { Initializer: { } init } => init.Expressions,
        CollectionExpressionSyntax collection => collection.Elements.OfType<ExpressionElementSyntax>().Select(e => e.Expression).ToList(),
        _ => null,
    };
}
