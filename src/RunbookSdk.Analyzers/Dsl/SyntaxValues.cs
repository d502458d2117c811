using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunbookSdk.Generators.Reading;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>
/// Reads DSL argument values from syntax, the way the generator documents them: literals from their tokens, named
/// constants from their declarations (members, const locals, <c>Type.Constant</c>), the well-known factory forms
/// (<c>TimeSpan.FromMinutes(15)</c>, <c>TimeBox.Minutes(0, 5)</c>, <c>Severity.P1</c>), and [Parameter] holes by
/// name. A name it cannot place at all (e.g. a <c>using static</c> import) goes to the optional semantic model,
/// the one question that binds. An instance serves one thread at a time: it remembers the members it looked up.
/// </summary>
internal sealed class SyntaxValues(RunbookCompilation runbooks, INamedTypeSymbol? containingType, SemanticModel? fallback, CancellationToken cancellationToken)
{
    private enum NameKind { Unresolved, Variable, ConstLocal }

    public static ExpressionSyntax Unwrap(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized) expression = parenthesized.Expression;
        return expression;
    }

    /// <summary>The elements of <c>new[] { ... }</c>, <c>new string[] { ... }</c> or <c>[ ... ]</c>; null for other expressions.</summary>
    public static System.Collections.Generic.IReadOnlyList<ExpressionSyntax>? ArrayElements(ExpressionSyntax expression) => Unwrap(expression) switch
    {
        ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions,
        ImplicitArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions,
        CollectionExpressionSyntax collection => collection.Elements.OfType<ExpressionElementSyntax>().Select(e => e.Expression).ToList(),
        _ => null,
    };

    /// <summary>The compile-time value of the expression, when it has one.</summary>
    public Optional<object?> Constant(ExpressionSyntax? expression, int depth = 0)
    {
        if (expression is null || depth > 16) return default;
        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Constant(parenthesized.Expression, depth + 1);
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.DefaultLiteralExpression):
                return default;
            case LiteralExpressionSyntax literal:
                return new Optional<object?>(literal.Token.Value);
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression } negation:
                return Constant(negation.Operand, depth + 1) is { HasValue: true } operand ? Negate(operand.Value) : default;
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } add:
                var left = Constant(add.Left, depth + 1);
                var right = left.HasValue ? Constant(add.Right, depth + 1) : default;
                if (!right.HasValue) return default;
                if (left.Value is string leftText && right.Value is string or null) return new Optional<object?>(leftText + (string?)right.Value);
                if (right.Value is string rightText && left.Value is null) return new Optional<object?>(rightText);
                if (left.Value is int a && right.Value is int b) return new Optional<object?>(unchecked(a + b));
                return default;
            case InterpolatedStringExpressionSyntax interpolated:
                return ConstantInterpolation(interpolated, depth);
            case InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" }, ArgumentList.Arguments: [var argument] }:
                return argument.Expression switch
                {
                    IdentifierNameSyntax identifier => new Optional<object?>(identifier.Identifier.ValueText),
                    MemberAccessExpressionSyntax access => new Optional<object?>(access.Name.Identifier.ValueText),
                    _ => default,
                };
            case IdentifierNameSyntax identifier:
                return Name(identifier, depth);
            case MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access:
                return MemberAccess(access, depth);
            default:
                return default; // calls, object creations, lambdas: never constant, and not worth binding
        }
    }

    public string? ConstantString(ExpressionSyntax? expression) => Constant(expression) is { HasValue: true, Value: string text } ? text : null;

    public bool TryGetInt(ExpressionSyntax? expression, out int value)
    {
        value = 0;
        if (!TryGetNumber(expression, out var raw)) return false;
        try
        {
            value = Convert.ToInt32(raw, CultureInfo.InvariantCulture);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private long? Integer(ExpressionSyntax expression) => TryGetNumber(expression, out var raw) ? TimeSpanFactories.Integer(raw) : null;

    private bool TryGetDouble(ExpressionSyntax? expression, out double value)
    {
        value = 0;
        if (!TryGetNumber(expression, out var raw)) return false;
        value = Convert.ToDouble(raw, CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>A numeric constant; a char or string (code that does not compile yet) is not one.</summary>
    private bool TryGetNumber(ExpressionSyntax? expression, out object? number)
    {
        number = Constant(expression) is { HasValue: true, Value: int or long or double or float or decimal or short or byte or uint or ulong or ushort or sbyte } constant
            ? constant.Value
            : null;
        return number is not null;
    }

    /// <summary>The initializer of the local the identifier reads (<c>var command = $"...";</c>), when it is declared in this body.</summary>
    public static ExpressionSyntax? LocalInitializer(ExpressionSyntax expression) =>
        expression is IdentifierNameSyntax identifier && Declared(identifier, out var initializer) != NameKind.Unresolved ? initializer : null;

    /// <summary>The [Parameter] property a hole reads (<c>{FunctionName}</c>, <c>{this.FunctionName}</c>), or null.</summary>
    public IPropertySymbol? ParameterProperty(ExpressionSyntax expression)
    {
        expression = Unwrap(expression);
        string name;
        switch (expression)
        {
            case IdentifierNameSyntax identifier when Declared(identifier, out _) == NameKind.Unresolved:
                name = identifier.Identifier.ValueText;
                break;
            case MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax member }:
                name = member.Identifier.ValueText;
                break;
            default:
                return null;
        }

        return LookupMember(name) is IPropertySymbol property && runbooks.Symbols.IsParameter(property) ? property : null;
    }

    /// <summary>The runbook's [Parameter] property called <paramref name="name"/> (its base classes' included), or null.</summary>
    public IPropertySymbol? ParameterNamed(string name) =>
        LookupMember(name) is IPropertySymbol property && runbooks.Symbols.IsParameter(property) ? property : null;

    /// <summary>Reads <c>TimeSpan.Zero</c>, <c>TimeSpan.FromX(constants)</c> (.NET 9's several units too) and <c>new TimeSpan(constants)</c>.</summary>
    public bool TryGetTimeSpan(ExpressionSyntax? expression, out TimeSpan value)
    {
        value = default;
        if (expression is null) return false;
        switch (Unwrap(expression))
        {
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Zero" } access when IsTimeSpan(access.Expression):
                value = TimeSpan.Zero;
                return true;
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation when IsTimeSpan(access.Expression):
                // Whole numbers as the runtime's integer overloads sum them (.NET 9's TimeSpan.FromMinutes(1, 30) among them);
                // one fractional number as the double overloads read it.
                var arguments = invocation.ArgumentList.Arguments;
                if (TimeSpanFactories.TryRead(access.Name.Identifier.ValueText, arguments, Integer, out value)) return true;
                return arguments.Count == 1 && TryGetDouble(arguments[0].Expression, out var amount) && TryFrom(access.Name.Identifier.ValueText, amount, out value);
            case BaseObjectCreationExpressionSyntax { ArgumentList: { } list } creation
                when creation is ImplicitObjectCreationExpressionSyntax || (creation is ObjectCreationExpressionSyntax explicitCreation && IsTimeSpan(explicitCreation.Type)):
                // Each part by its parameter's name where one is written, as the compiler binds it.
                return TimeSpanFactories.TryReadConstructor(list.Arguments, Integer, out value);
            default:
                return false;
        }
    }

    /// <summary>
    /// Reads <c>TimeBox.Minutes(0, 5)</c>, <c>TimeBox.Hours(1)</c>, <c>new TimeBox(a, b)</c> and a duration. Not a bound
    /// out of <c>TimeSpan</c>'s range (<c>TimeBox.Hours(int.MaxValue)</c>): it throws when the plan is built, and the
    /// generator documents it as written.
    /// </summary>
    public bool IsKnownTimeBox(ExpressionSyntax expression)
    {
        if (TryGetTimeSpan(expression, out _)) return true;
        return Unwrap(expression) switch
        {
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var unit and ("Minutes" or "Hours") } access } invocation
                when IsNamed(access.Expression, "TimeBox") => invocation.ArgumentList.Arguments.All(a =>
                    TryGetInt(a.Expression, out var amount) && TimeSpanFactories.TryRead("From" + unit, amount, out _)),
            BaseObjectCreationExpressionSyntax { ArgumentList: { } list } => list.Arguments.All(a => TryGetTimeSpan(a.Expression, out _)),
            _ => false,
        };
    }

    /// <summary>
    /// The bounds of <c>TimeBox.Minutes(0, 5)</c>, <c>TimeBox.Hours(1)</c>, <c>new TimeBox(a, b)</c> (or <c>new(a, b)</c>)
    /// and a duration (<c>TimeSpan.FromMinutes(5)</c> is 0 to 5 minutes), as the runtime makes them; false for anything
    /// else, half-typed (<c>TimeBox.Minutes(</c>) or out of <c>TimeSpan</c>'s range.
    /// </summary>
    public bool TryGetTimeBox(ExpressionSyntax? expression, out TimeSpan from, out TimeSpan to)
    {
        from = to = TimeSpan.Zero;
        if (expression is null) return false;
        if (TryGetTimeSpan(expression, out to)) return true;
        switch (Unwrap(expression))
        {
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var unit and ("Minutes" or "Hours") } access } invocation
                when IsNamed(access.Expression, "TimeBox"):
                // By name where one is written: TimeBox.Minutes(to: 15, from: 5) is 5 to 15 minutes.
                if (!TimeBoxArguments.TryReadFactory(invocation.ArgumentList.Arguments, out var startArgument, out var endArgument)) return false;
                if (!TryGetInt(endArgument, out var end) || !TimeSpanFactories.TryRead("From" + unit, end, out to)) return false;
                if (startArgument is null) return true;
                return TryGetInt(startArgument, out var start) && TimeSpanFactories.TryRead("From" + unit, start, out from);
            case BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: var arguments } creation
                when creation is ImplicitObjectCreationExpressionSyntax || (creation is ObjectCreationExpressionSyntax explicitCreation && IsNamed(explicitCreation.Type, "TimeBox")):
                return TimeBoxArguments.TryReadConstructor(arguments, out var first, out var second)
                    && TryGetTimeSpan(first, out from) && TryGetTimeSpan(second, out to);
            default:
                return false;
        }
    }

    /// <summary>Reads <c>Severity.P1</c>, <c>"P1"</c> and <c>new Severity("P1")</c>.</summary>
    public string? SeverityKey(ExpressionSyntax? expression)
    {
        if (expression is null) return null;
        expression = Unwrap(expression);
        return expression switch
        {
            MemberAccessExpressionSyntax access when IsNamed(access.Expression, "Severity") => access.Name.Identifier.ValueText,
            BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: [var argument] } => ConstantString(argument.Expression),
            _ => ConstantString(expression),
        };
    }

    private Optional<object?> ConstantInterpolation(InterpolatedStringExpressionSyntax interpolated, int depth)
    {
        // Most interpolations hold a hole that is not constant (a parameter): found before anything is built, since
        // building the text first made a builder for every command only to drop it (docs/performance.md).
        foreach (var content in interpolated.Contents)
        {
            if (content is InterpolationSyntax hole && ConstantHole(hole, depth) is null) return default;
        }

        var text = new System.Text.StringBuilder();
        var braces = interpolated.StringStartToken.IsKind(SyntaxKind.InterpolatedStringStartToken) || interpolated.StringStartToken.IsKind(SyntaxKind.InterpolatedVerbatimStringStartToken);
        foreach (var content in interpolated.Contents)
        {
            if (content is InterpolatedStringTextSyntax part)
            {
                var value = part.TextToken.ValueText;
                text.Append(braces ? value.Replace("{{", "{").Replace("}}", "}") : value);
            }
            else if (content is InterpolationSyntax hole)
            {
                text.Append(ConstantHole(hole, depth));
            }
        }

        return new Optional<object?>(text.ToString());
    }

    /// <summary>The text of a hole that holds a constant string and no alignment or format; null otherwise.</summary>
    private string? ConstantHole(InterpolationSyntax hole, int depth) =>
        hole is { AlignmentClause: null, FormatClause: null } && Constant(hole.Expression, depth + 1) is { HasValue: true, Value: string constant } ? constant : null;

    private Optional<object?> Name(IdentifierNameSyntax identifier, int depth)
    {
        switch (Declared(identifier, out var initializer))
        {
            case NameKind.ConstLocal:
                return Constant(initializer, depth + 1);
            case NameKind.Variable:
                return default;
        }

        var member = LookupMember(identifier.Identifier.ValueText);
        if (member is IFieldSymbol { HasConstantValue: true } field) return new Optional<object?>(field.ConstantValue);
        if (member is not null) return default;
        return Fallback(identifier);
    }

    private Optional<object?> MemberAccess(MemberAccessExpressionSyntax access, int depth)
    {
        var name = access.Name.Identifier.ValueText;
        if (access.Expression is ThisExpressionSyntax)
            return LookupMember(name) is IFieldSymbol { HasConstantValue: true } own ? new Optional<object?>(own.ConstantValue) : default;

        var type = runbooks.TypeNames.Resolve(access.Expression, containingType, access);
        if (type is null) return IsKnownValue(access.Expression) ? default : Fallback(access);
        foreach (var member in type.GetMembers(name))
        {
            if (member is IFieldSymbol { HasConstantValue: true } field) return new Optional<object?>(field.ConstantValue);
        }

        return default;
    }

    /// <summary>
    /// True when the expression is known to be a value rather than a type (a variable, a member of this type, a
    /// member of a known type, a call): a member of it is never a constant.
    /// </summary>
    private bool IsKnownValue(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case IdentifierNameSyntax identifier:
                return Declared(identifier, out _) != NameKind.Unresolved || LookupMember(identifier.Identifier.ValueText) is not null;
            case MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access:
                if (IsKnownValue(access.Expression)) return true;
                return runbooks.TypeNames.Resolve(access.Expression, containingType, access) is { } type &&
                       type.GetMembers(access.Name.Identifier.ValueText).Any(m => m is not INamedTypeSymbol);
            case GenericNameSyntax or QualifiedNameSyntax or AliasQualifiedNameSyntax or PredefinedTypeSyntax:
                return false;
            default:
                return true;
        }
    }

    private Optional<object?> Fallback(ExpressionSyntax expression)
    {
        if (fallback is null || expression.SyntaxTree != fallback.SyntaxTree) return default;
        var constant = fallback.GetConstantValue(expression, cancellationToken);
        return constant.HasValue ? new Optional<object?>(constant.Value) : default;
    }

    /// <summary>
    /// Whether the identifier names a lambda or method parameter or a local in scope, before any member; for a local
    /// declared earlier in an enclosing block, also its initializer.
    /// </summary>
    private static NameKind Declared(IdentifierNameSyntax identifier, out ExpressionSyntax? initializer)
    {
        initializer = null;
        var name = identifier.Identifier.ValueText;
        for (var node = identifier.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case SimpleLambdaExpressionSyntax lambda when lambda.Parameter.Identifier.ValueText == name:
                case ParenthesizedLambdaExpressionSyntax parenthesized when Declares(parenthesized.ParameterList, name):
                case LocalFunctionStatementSyntax function when Declares(function.ParameterList, name):
                case BaseMethodDeclarationSyntax method when Declares(method.ParameterList, name):
                    return NameKind.Variable;
                case BlockSyntax block:
                    foreach (var statement in block.Statements)
                    {
                        if (statement.SpanStart >= identifier.SpanStart) break;
                        if (statement is not LocalDeclarationStatementSyntax local) continue;
                        foreach (var variable in local.Declaration.Variables)
                        {
                            if (variable.Identifier.ValueText != name) continue;
                            initializer = variable.Initializer?.Value;
                            return local.IsConst && initializer is not null ? NameKind.ConstLocal : NameKind.Variable;
                        }
                    }

                    break;
                case MemberDeclarationSyntax:
                    return NameKind.Unresolved;
            }
        }

        return NameKind.Unresolved;
    }

    // A loop, not Any with a lambda: Declared runs for every name in every DSL argument, and the lambda's closure
    // was allocated on every call, whether or not a parameter list was reached.
    private static bool Declares(ParameterListSyntax parameters, string name)
    {
        foreach (var parameter in parameters.Parameters)
        {
            if (parameter.Identifier.ValueText == name) return true;
        }

        return false;
    }

    private ISymbol? LookupMember(string name)
    {
        // Asked once per name: every hole of a type's commands looks its parameters up again, and each look asked Roslyn
        // for a new array of members (docs/performance.md). An instance reads one type's calls on one thread.
        var members = _members ??= new System.Collections.Generic.Dictionary<string, ISymbol?>(StringComparer.Ordinal);
        if (members.TryGetValue(name, out var known)) return known;
        var member = FindMember(name);
        members[name] = member;
        return member;
    }

    private System.Collections.Generic.Dictionary<string, ISymbol?>? _members;

    private ISymbol? FindMember(string name)
    {
        for (var type = containingType; type is not null; type = type.ContainingType)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers(name))
                {
                    if (member is IFieldSymbol or IPropertySymbol or IMethodSymbol) return member;
                }
            }
        }

        return null;
    }

    private static Optional<object?> Negate(object? value) => value switch
    {
        int i => new Optional<object?>(-i),
        long l => new Optional<object?>(-l),
        double d => new Optional<object?>(-d),
        float f => new Optional<object?>(-f),
        decimal m => new Optional<object?>(-m),
        _ => default,
    };

    private static bool IsTimeSpan(SyntaxNode node) => IsNamed(node, "TimeSpan");

    /// <summary>True for <c>TimeSpan</c>, <c>System.TimeSpan</c> and <c>global::System.TimeSpan</c> when asked for TimeSpan.</summary>
    private static bool IsNamed(SyntaxNode node, string typeName) => node switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText == typeName,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText == typeName,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText == typeName,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText == typeName,
        _ => false,
    };

    private static bool TryFrom(string method, double amount, out TimeSpan value)
    {
        value = default;
        try
        {
            switch (method)
            {
                case "FromDays": value = TimeSpan.FromDays(amount); return true;
                case "FromHours": value = TimeSpan.FromHours(amount); return true;
                case "FromMinutes": value = TimeSpan.FromMinutes(amount); return true;
                case "FromSeconds": value = TimeSpan.FromSeconds(amount); return true;
                case "FromMilliseconds": value = TimeSpan.FromMilliseconds(amount); return true;
                default: return false;
            }
        }
        catch (Exception e) when (e is OverflowException or ArgumentException)
        {
            return false;
        }
    }
}
