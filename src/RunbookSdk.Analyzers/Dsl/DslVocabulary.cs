using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>
/// The builder interfaces' methods by name. The rules recognise DSL calls from syntax (name, arity, the builder
/// variable they are made on) and take parameter names, positions and types from here: asking the semantic model
/// about a call binds every lambda around it, which cost more than the compile the analyzers ran in
/// (docs/performance.md).
/// </summary>
internal sealed class DslVocabulary
{
    private readonly ImmutableHashSet<string> _takesBuilderLambda;

    // The overloads by name. Read-only after construction, so shared by the analyzers' threads; what each parameter
    // accepts is worked out once per compilation instead of for every call (a handler type's attributes, a type's
    // conversions).
    private readonly Dictionary<string, OverloadShape[]> _shapes;

    public DslVocabulary(DslSymbols symbols, ImmutableHashSet<INamedTypeSymbol> builders)
    {
        var methods = new Dictionary<string, List<IMethodSymbol>>(System.StringComparer.Ordinal);
        foreach (var builder in builders)
        {
            foreach (var method in builder.GetMembers().OfType<IMethodSymbol>())
            {
                if (method.MethodKind != MethodKind.Ordinary) continue;
                if (!methods.TryGetValue(method.Name, out var list)) methods[method.Name] = list = new List<IMethodSymbol>();
                list.Add(method);
            }
        }

        _shapes = methods.ToDictionary(p => p.Key, p => p.Value.Select(m => new OverloadShape(m)).ToArray(), System.StringComparer.Ordinal);
        Names = methods.Keys.ToImmutableHashSet(System.StringComparer.Ordinal);
        _takesBuilderLambda = methods
            .Where(p => p.Value.Any(m => m.Parameters.Any(parameter => IsBuilderDelegate(parameter.Type, symbols))))
            .Select(p => p.Key)
            .ToImmutableHashSet(System.StringComparer.Ordinal);
    }

    public bool Contains(string name) => Names.Contains(name);

    /// <summary>Every DSL method name.</summary>
    public ImmutableHashSet<string> Names { get; }

    /// <summary>Every overload of <paramref name="name"/> on the builder interfaces.</summary>
    public IEnumerable<IMethodSymbol> Overloads(string name) =>
        _shapes.TryGetValue(name, out var shapes) ? shapes.Select(shape => shape.Method) : Enumerable.Empty<IMethodSymbol>();

    /// <summary>True when a lambda passed to <paramref name="name"/> receives a builder (<c>p => p.Step(...)</c>).</summary>
    public bool TakesBuilderLambda(string name) => _takesBuilderLambda.Contains(name);

    /// <summary>The overloads of the call's method that accept its arguments as written (count, names, literal kinds).</summary>
    public IEnumerable<IMethodSymbol> Candidates(string name, BaseArgumentListSyntax arguments)
    {
        foreach (var shape in Shapes(name))
        {
            if (shape.Accepts(arguments)) yield return shape.Method;
        }
    }

    /// <summary>
    /// The overloads of <paramref name="name"/> with what each accepts (none when the builders have no such method),
    /// for the callers that ask of every DSL argument and should not allocate an iterator each time.
    /// </summary>
    public OverloadShape[] Shapes(string name) => _shapes.TryGetValue(name, out var shapes) ? shapes : System.Array.Empty<OverloadShape>();

    /// <summary>True when some overload of <paramref name="name"/> accepts the arguments as written (see <see cref="Candidates"/>).</summary>
    public bool Accepts(string name, BaseArgumentListSyntax arguments)
    {
        if (!_shapes.TryGetValue(name, out var shapes)) return false;
        foreach (var shape in shapes)
        {
            if (shape.Accepts(arguments)) return true;
        }

        return false;
    }

    /// <summary>The parameter an argument binds to in <paramref name="method"/>: by name when named, else by position.</summary>
    public static IParameterSymbol? ParameterFor(IMethodSymbol method, BaseArgumentListSyntax arguments, int index)
    {
        var argument = arguments.Arguments[index];
        if (argument.NameColon is { } nameColon)
        {
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Name == nameColon.Name.Identifier.ValueText) return parameter;
            }

            return null;
        }

        if (index < method.Parameters.Length) return method.Parameters[index];
        return method.Parameters.Length > 0 && method.Parameters[method.Parameters.Length - 1].IsParams ? method.Parameters[method.Parameters.Length - 1] : null;
    }

    internal static bool IsHandler(ITypeSymbol type) =>
        type.GetAttributes().Any(a => a.AttributeClass?.Name == "InterpolatedStringHandlerAttribute");

    internal static bool HasConversionFrom(ITypeSymbol type, SpecialType from) =>
        type.GetMembers("op_Implicit").OfType<IMethodSymbol>().Any(m => m.Parameters.Length == 1 && m.Parameters[0].Type.SpecialType == from);

    private static bool IsBuilderDelegate(ITypeSymbol type, DslSymbols symbols) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Delegate, DelegateInvokeMethod: { Parameters.Length: > 0 } invoke } && symbols.IsBuilder(invoke.Parameters[0].Type);
}
