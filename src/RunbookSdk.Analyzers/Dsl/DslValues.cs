using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>
/// Reads DSL argument values the way the generator documents them: compile-time constants, plus the few
/// well-known factory forms (<c>TimeSpan.FromMinutes(15)</c>, <c>TimeBox.Minutes(0, 5)</c>, <c>Severity.P1</c>).
/// </summary>
internal static class DslValues
{
    public static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation { IsImplicit: true } conversion:
                    operation = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                default:
                    return operation;
            }
        }
    }

    public static IArgumentOperation? Argument(IInvocationOperation invocation, string name) =>
        invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == name);

    public static string? ConstantString(IOperation? operation) =>
        operation?.ConstantValue is { HasValue: true, Value: string text } ? text : null;

    public static bool TryGetInt(IOperation? operation, out int value)
    {
        value = 0;
        if (operation?.ConstantValue is not { HasValue: true, Value: { } raw }) return false;
        try
        {
            value = Convert.ToInt32(raw, System.Globalization.CultureInfo.InvariantCulture);
            return true;
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
        {
            return false;
        }
    }

    private static bool TryGetDouble(IOperation operation, out double value)
    {
        value = 0;
        if (operation.ConstantValue is not { HasValue: true, Value: { } raw } || raw is string or bool) return false;
        try
        {
            value = Convert.ToDouble(raw, System.Globalization.CultureInfo.InvariantCulture);
            return true;
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
        {
            return false;
        }
    }

    /// <summary>Reads <c>TimeSpan.Zero</c>, <c>TimeSpan.FromX(constant)</c> and <c>new TimeSpan(constants)</c>.</summary>
    public static bool TryGetTimeSpan(IOperation? operation, out TimeSpan value)
    {
        value = default;
        if (operation is null) return false;
        operation = Unwrap(operation);
        switch (operation)
        {
            case IFieldReferenceOperation { Field: { IsStatic: true, Name: "Zero" } field } when IsTimeSpan(field.ContainingType):
                value = TimeSpan.Zero;
                return true;
            case IInvocationOperation { TargetMethod: { IsStatic: true } method } invocation
                when IsTimeSpan(method.ContainingType) && invocation.Arguments.Length == 1 &&
                     TryGetDouble(Unwrap(invocation.Arguments[0].Value), out var amount):
                return TryFrom(method.Name, amount, out value);
            case IObjectCreationOperation creation when IsTimeSpan(creation.Type):
                var parts = creation.Arguments.Select(a => TryGetDouble(Unwrap(a.Value), out var d) ? (double?)d : null).ToArray();
                if (parts.Any(p => p is null)) return false;
                try
                {
                    value = parts.Length switch
                    {
                        1 => new TimeSpan((long)parts[0]!.Value),
                        3 => new TimeSpan((int)parts[0]!.Value, (int)parts[1]!.Value, (int)parts[2]!.Value),
                        4 => new TimeSpan((int)parts[0]!.Value, (int)parts[1]!.Value, (int)parts[2]!.Value, (int)parts[3]!.Value),
                        _ => default,
                    };
                    return parts.Length is 1 or 3 or 4;
                }
                catch (ArgumentOutOfRangeException)
                {
                    return false;
                }
            default:
                return false;
        }
    }

    /// <summary>Reads <c>TimeBox.Minutes(0, 5)</c>, <c>TimeBox.Hours(1)</c>, <c>new TimeBox(a, b)</c> and a converted TimeSpan.</summary>
    public static bool IsKnownTimeBox(IOperation operation)
    {
        if (operation is IConversionOperation { Operand: var operand } && TryGetTimeSpan(operand, out _)) return true;
        operation = Unwrap(operation);
        return operation switch
        {
            IInvocationOperation { TargetMethod: { IsStatic: true, Name: "Minutes" or "Hours" } } invocation =>
                invocation.Arguments.All(a => TryGetInt(Unwrap(a.Value), out _)),
            IObjectCreationOperation creation => creation.Arguments.All(a => TryGetTimeSpan(a.Value, out _)),
            _ => false,
        };
    }

    /// <summary>Reads <c>Severity.P1</c>, <c>"P1"</c> (implicit conversion) and <c>new Severity("P1")</c>.</summary>
    public static string? SeverityKey(IOperation? operation, INamedTypeSymbol? severityType)
    {
        if (operation is null) return null;
        if (operation is IConversionOperation { Operand: var operand } && ConstantString(Unwrap(operand)) is { } converted) return converted;
        operation = Unwrap(operation);
        return operation switch
        {
            IPropertyReferenceOperation { Property: { IsStatic: true } property }
                when SymbolEqualityComparer.Default.Equals(property.ContainingType, severityType) => property.Name,
            IObjectCreationOperation { Arguments.Length: 1 } creation => ConstantString(Unwrap(creation.Arguments[0].Value)),
            _ => null,
        };
    }

    /// <summary>"15 minutes", "2 hours", "0 minutes": how incident documents write durations.</summary>
    public static string Describe(TimeSpan value)
    {
        if (value == TimeSpan.Zero) return "0 minutes";
        if (value.TotalDays >= 1 && value.TotalDays == Math.Floor(value.TotalDays)) return Plural((int)value.TotalDays, "day");
        if (value.TotalHours >= 1 && value.TotalHours == Math.Floor(value.TotalHours)) return Plural((int)value.TotalHours, "hour");
        if (value.TotalMinutes >= 1 && value.TotalMinutes == Math.Floor(value.TotalMinutes)) return Plural((int)value.TotalMinutes, "minute");
        return Plural((int)Math.Round(value.TotalSeconds), "second");
    }

    private static string Plural(int n, string unit) => n == 1 ? "1 " + unit : n + " " + unit + "s";

    private static bool IsTimeSpan(ITypeSymbol? type) =>
        type is { Name: "TimeSpan", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

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
