using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>
/// One builder method as the syntax rules see it: which arguments it takes by name and position, and which kinds of
/// literal each parameter accepts. Worked out once per compilation from the method's symbol; the rules ask it of
/// every DSL call.
/// </summary>
internal sealed class OverloadShape
{
    private readonly LiteralKinds[] _accepts;
    private readonly LiteralKinds[] _elementAccepts;

    public OverloadShape(IMethodSymbol method)
    {
        Method = method;
        var parameters = method.Parameters;
        _accepts = new LiteralKinds[parameters.Length];
        _elementAccepts = new LiteralKinds[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var type = parameters[i].Type;
            _accepts[i] = KindsFor(type);
            _elementAccepts[i] = type is IArrayTypeSymbol array ? KindsFor(array.ElementType) : _accepts[i];
        }
    }

    [Flags]
    private enum LiteralKinds
    {
        None = 0,
        String = 1,
        Number = 2,
        Boolean = 4,
        Function = 8,
    }

    public IMethodSymbol Method { get; }

    /// <summary>True when the arguments as written fit: count, names, and no literal of a kind its parameter refuses.</summary>
    public bool Accepts(BaseArgumentListSyntax arguments)
    {
        var parameters = Method.Parameters;
        if (parameters.Length > 64) return true; // no builder method has that many; leave it to the compiler
        var hasParams = parameters.Length > 0 && parameters[parameters.Length - 1].IsParams;
        var bound = 0UL;
        var count = arguments.Arguments.Count;
        for (var i = 0; i < count; i++)
        {
            var argument = arguments.Arguments[i];
            var parameter = DslVocabulary.ParameterFor(Method, arguments, i);
            if (parameter is null) return false;
            if (argument.NameColon is null && i >= parameters.Length && !hasParams) return false;
            bound |= 1UL << parameter.Ordinal;
            var expanded = parameter.IsParams && !(i == parameters.Length - 1 && count == parameters.Length);
            if (!LiteralFits(argument.Expression, parameter, expanded)) return false;
        }

        for (var i = 0; i < parameters.Length; i++)
        {
            if ((bound & (1UL << i)) == 0 && !parameters[i].IsOptional && !parameters[i].IsParams) return false;
        }

        return true;
    }

    /// <summary>A literal of the wrong kind (<c>Step(42, ...)</c>) rules an overload out; anything else is left to the compiler.</summary>
    private bool LiteralFits(ExpressionSyntax expression, IParameterSymbol parameter, bool expanded)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized) expression = parenthesized.Expression;
        var literalIntoParams = parameter.IsParams && parameter.Type is IArrayTypeSymbol && expression is LiteralExpressionSyntax && !expression.IsKind(SyntaxKind.NullLiteralExpression);
        var accepted = expanded || literalIntoParams ? _elementAccepts[parameter.Ordinal] : _accepts[parameter.Ordinal];
        switch (expression.Kind())
        {
            case SyntaxKind.StringLiteralExpression:
            case SyntaxKind.Utf8StringLiteralExpression:
            case SyntaxKind.InterpolatedStringExpression:
                return (accepted & LiteralKinds.String) != 0;
            case SyntaxKind.NumericLiteralExpression:
                return (accepted & LiteralKinds.Number) != 0;
            case SyntaxKind.TrueLiteralExpression:
            case SyntaxKind.FalseLiteralExpression:
                return (accepted & LiteralKinds.Boolean) != 0;
            case SyntaxKind.SimpleLambdaExpression:
            case SyntaxKind.ParenthesizedLambdaExpression:
            case SyntaxKind.AnonymousMethodExpression:
                return (accepted & LiteralKinds.Function) != 0;
            default:
                return true;
        }
    }

    private static LiteralKinds KindsFor(ITypeSymbol type)
    {
        var kinds = LiteralKinds.None;
        var isObject = type.SpecialType == SpecialType.System_Object;
        if (isObject || type.SpecialType == SpecialType.System_String || DslVocabulary.HasConversionFrom(type, SpecialType.System_String) || DslVocabulary.IsHandler(type))
            kinds |= LiteralKinds.String;
        if (isObject || type.SpecialType is >= SpecialType.System_SByte and <= SpecialType.System_Double || DslVocabulary.HasConversionFrom(type, SpecialType.System_Int32))
            kinds |= LiteralKinds.Number;
        if (isObject || type.SpecialType == SpecialType.System_Boolean) kinds |= LiteralKinds.Boolean;
        if (type.TypeKind == TypeKind.Delegate) kinds |= LiteralKinds.Function;
        return kinds;
    }
}
