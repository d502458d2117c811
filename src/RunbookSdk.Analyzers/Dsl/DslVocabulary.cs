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
    private readonly ImmutableDictionary<string, ImmutableArray<IMethodSymbol>> _methods;
    private readonly ImmutableHashSet<string> _takesBuilderLambda;

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

        _methods = methods.ToImmutableDictionary(p => p.Key, p => p.Value.ToImmutableArray(), System.StringComparer.Ordinal);
        Names = methods.Keys.ToImmutableHashSet(System.StringComparer.Ordinal);
        _takesBuilderLambda = methods
            .Where(p => p.Value.Any(m => m.Parameters.Any(parameter => IsBuilderDelegate(parameter.Type, symbols))))
            .Select(p => p.Key)
            .ToImmutableHashSet(System.StringComparer.Ordinal);
    }

    public bool Contains(string name) => Names.Contains(name);

    /// <summary>Every DSL method name.</summary>
    public ImmutableHashSet<string> Names { get; }

    public ImmutableArray<IMethodSymbol> Overloads(string name) =>
        _methods.TryGetValue(name, out var overloads) ? overloads : ImmutableArray<IMethodSymbol>.Empty;

    /// <summary>True when a lambda passed to <paramref name="name"/> receives a builder (<c>p => p.Step(...)</c>).</summary>
    public bool TakesBuilderLambda(string name) => _takesBuilderLambda.Contains(name);

    /// <summary>The overloads of the call's method that accept its arguments as written (count, names, literal kinds).</summary>
    public IEnumerable<IMethodSymbol> Candidates(string name, BaseArgumentListSyntax arguments)
    {
        foreach (var method in Overloads(name))
        {
            if (Accepts(method, arguments)) yield return method;
        }
    }

    /// <summary>The parameter an argument binds to in <paramref name="method"/>: by name when named, else by position.</summary>
    public static IParameterSymbol? ParameterFor(IMethodSymbol method, BaseArgumentListSyntax arguments, int index)
    {
        var argument = arguments.Arguments[index];
        if (argument.NameColon is { } nameColon)
            return method.Parameters.FirstOrDefault(p => p.Name == nameColon.Name.Identifier.ValueText);
        if (index < method.Parameters.Length) return method.Parameters[index];
        return method.Parameters.Length > 0 && method.Parameters[method.Parameters.Length - 1].IsParams ? method.Parameters[method.Parameters.Length - 1] : null;
    }

    private static bool Accepts(IMethodSymbol method, BaseArgumentListSyntax arguments)
    {
        var parameters = method.Parameters;
        var hasParams = parameters.Length > 0 && parameters[parameters.Length - 1].IsParams;
        var bound = new bool[parameters.Length];
        for (var i = 0; i < arguments.Arguments.Count; i++)
        {
            var argument = arguments.Arguments[i];
            var parameter = ParameterFor(method, arguments, i);
            if (parameter is null) return false;
            if (argument.NameColon is null && i >= parameters.Length && !hasParams) return false;
            bound[parameter.Ordinal] = true;
            if (!LiteralFits(argument.Expression, parameter, expanded: parameter.IsParams && !(i == parameters.Length - 1 && arguments.Arguments.Count == parameters.Length)))
                return false;
        }

        for (var i = 0; i < parameters.Length; i++)
        {
            if (!bound[i] && !parameters[i].IsOptional && !parameters[i].IsParams) return false;
        }

        return true;
    }

    /// <summary>A literal of the wrong kind (<c>Step(42, ...)</c>) rules an overload out; anything else is left to the compiler.</summary>
    private static bool LiteralFits(ExpressionSyntax expression, IParameterSymbol parameter, bool expanded)
    {
        var type = parameter.Type;
        if (expanded || (parameter.IsParams && type is IArrayTypeSymbol && expression is LiteralExpressionSyntax && !expression.IsKind(SyntaxKind.NullLiteralExpression)))
            type = type is IArrayTypeSymbol array ? array.ElementType : type;
        while (expression is ParenthesizedExpressionSyntax parenthesized) expression = parenthesized.Expression;
        switch (expression.Kind())
        {
            case SyntaxKind.StringLiteralExpression:
            case SyntaxKind.Utf8StringLiteralExpression:
            case SyntaxKind.InterpolatedStringExpression:
                return type.SpecialType is SpecialType.System_String or SpecialType.System_Object || HasConversionFrom(type, SpecialType.System_String) || IsHandler(type);
            case SyntaxKind.NumericLiteralExpression:
                return type.SpecialType is >= SpecialType.System_SByte and <= SpecialType.System_Double or SpecialType.System_Object || HasConversionFrom(type, SpecialType.System_Int32);
            case SyntaxKind.TrueLiteralExpression:
            case SyntaxKind.FalseLiteralExpression:
                return type.SpecialType is SpecialType.System_Boolean or SpecialType.System_Object;
            case SyntaxKind.SimpleLambdaExpression:
            case SyntaxKind.ParenthesizedLambdaExpression:
            case SyntaxKind.AnonymousMethodExpression:
                return type.TypeKind == TypeKind.Delegate;
            default:
                return true;
        }
    }

    private static bool IsHandler(ITypeSymbol type) =>
        type.GetAttributes().Any(a => a.AttributeClass?.Name == "InterpolatedStringHandlerAttribute");

    private static bool HasConversionFrom(ITypeSymbol type, SpecialType from) =>
        type.GetMembers("op_Implicit").OfType<IMethodSymbol>().Any(m => m.Parameters.Length == 1 && m.Parameters[0].Type.SpecialType == from);

    private static bool IsBuilderDelegate(ITypeSymbol type, DslSymbols symbols) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Delegate, DelegateInvokeMethod: { Parameters.Length: > 0 } invoke } && symbols.IsBuilder(invoke.Parameters[0].Type);
}
