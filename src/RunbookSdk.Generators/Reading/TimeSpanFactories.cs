using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Generators.Reading;

/// <summary>
/// Evaluates <c>TimeSpan.FromX(...)</c> with whole-number arguments (<c>FromTicks</c> too), including the .NET 9
/// overloads that take several units (<c>TimeSpan.FromMinutes(1, 30)</c>, <c>TimeSpan.FromHours(1, seconds: 30)</c>) as
/// the runtime does: the units from X down to microseconds, summed exactly, refused outside <c>TimeSpan</c>'s range.
/// Shared by the generator (which documents the value) and the analyzers (RB0016, which must agree that it is
/// constant); the generator and analyzers target netstandard2.0, which has none of these overloads to call.
/// </summary>
internal static class TimeSpanFactories
{
    // The overloads' parameters, in order, and each unit in microseconds (the runtime sums in microseconds).
    private static readonly string[] Units = { "days", "hours", "minutes", "seconds", "milliseconds", "microseconds" };
    private static readonly long[] MicrosecondsPer = { 86_400_000_000, 3_600_000_000, 60_000_000, 1_000_000, 1_000, 1 };

    // TimeSpan.MaxValue and MinValue in whole microseconds, the range the runtime's overloads accept.
    private const long MaxMicroseconds = long.MaxValue / 10;
    private const long MinMicroseconds = long.MinValue / 10;

    /// <summary>
    /// Reads <c>TimeSpan.<paramref name="factory"/>(<paramref name="arguments"/>)</c> when every argument is a whole
    /// number <paramref name="integer"/> can read; false for another method, a non-integer or unknown argument, an
    /// argument list that does not compile, or a value out of range (the call throws at run time).
    /// </summary>
    public static bool TryRead(string factory, SeparatedSyntaxList<ArgumentSyntax> arguments, Func<ExpressionSyntax, long?> integer, out TimeSpan value)
    {
        value = default;
        if (factory == "FromTicks") return TryReadTicks(arguments, "value", integer, out value);
        var first = FirstUnit(factory);
        if (first < 0 || arguments.Count == 0 || arguments.Count > Units.Length - first) return false;
        return TrySum(arguments, integer, first, Units.Length - 1, out value);
    }

    /// <summary>
    /// Reads <c>new TimeSpan(…)</c> of whole numbers as the runtime's constructors make it — (ticks), (hours, minutes,
    /// seconds), (days, hours, minutes, seconds), then with milliseconds and (.NET 7) microseconds — each argument matched
    /// to its parameter by name where one is written, as the compiler binds it: <c>new TimeSpan(minutes: 5, hours: 1,
    /// seconds: 0)</c> is 1 hour 5 minutes, where its positions would read 5 hours 1 minute. False for another argument
    /// list, an unknown argument, or a value out of range.
    /// </summary>
    public static bool TryReadConstructor(SeparatedSyntaxList<ArgumentSyntax> arguments, Func<ExpressionSyntax, long?> integer, out TimeSpan value)
    {
        value = default;
        if (arguments.Count == 1) return TryReadTicks(arguments, "ticks", integer, out value);
        var first = arguments.Count switch
        {
            3 => 1,
            4 or 5 or 6 => 0,
            _ => -1,
        };
        return first >= 0 && TrySum(arguments, integer, first, first + arguments.Count - 1, out value);
    }

    /// <summary>
    /// <c>TimeSpan.FromTicks(value)</c> and <c>new TimeSpan(ticks)</c>: one tick count, every <c>long</c> of which is a
    /// <c>TimeSpan</c>; <paramref name="parameter"/> is the name it may be given by.
    /// </summary>
    private static bool TryReadTicks(SeparatedSyntaxList<ArgumentSyntax> arguments, string parameter, Func<ExpressionSyntax, long?> integer, out TimeSpan value)
    {
        value = default;
        if (arguments.Count != 1 || (arguments[0].NameColon is { } named && named.Name.Identifier.ValueText != parameter) ||
            integer(arguments[0].Expression) is not { } ticks) return false;
        value = TimeSpan.FromTicks(ticks);
        return true;
    }

    /// <summary>Sums the arguments as units <paramref name="first"/> to <paramref name="last"/>, by position or by name.</summary>
    private static bool TrySum(SeparatedSyntaxList<ArgumentSyntax> arguments, Func<ExpressionSyntax, long?> integer, int first, int last, out TimeSpan value)
    {
        value = default;
        // decimal holds every sum of in-range parts exactly; one that overflows it is far out of TimeSpan's range.
        var total = 0m;
        var seen = 0;
        for (var i = 0; i < arguments.Count; i++)
        {
            var unit = arguments[i].NameColon is { } named ? Array.IndexOf(Units, named.Name.Identifier.ValueText, first, last - first + 1) : first + i;
            if (unit < first || unit > last || (seen & (1 << unit)) != 0) return false; // no such parameter, or given twice: does not compile
            seen |= 1 << unit;
            if (integer(arguments[i].Expression) is not { } amount) return false;
            try
            {
                total += (decimal)amount * MicrosecondsPer[unit];
            }
            catch (OverflowException)
            {
                return false;
            }
        }

        if (total > MaxMicroseconds || total < MinMicroseconds) return false;
        value = TimeSpan.FromTicks((long)total * 10);
        return true;
    }

    /// <summary>
    /// <c>TimeSpan.<paramref name="factory"/>(<paramref name="amount"/>)</c> for one whole number, as the runtime's
    /// integer overload computes it (what <c>TimeBox.Hours(n)</c> calls); false for another method or a value out of
    /// range (<c>TimeSpan.FromHours(int.MaxValue)</c> throws at run time).
    /// </summary>
    public static bool TryRead(string factory, long amount, out TimeSpan value)
    {
        value = default;
        var unit = FirstUnit(factory);
        if (unit < 0) return false;
        try
        {
            var total = (decimal)amount * MicrosecondsPer[unit];
            if (total > MaxMicroseconds || total < MinMicroseconds) return false;
            value = TimeSpan.FromTicks((long)total * 10);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>Whether a constant is a whole number these overloads take (a <c>ulong</c> past <c>long</c> is not).</summary>
    public static long? Integer(object? constant) => constant switch
    {
        int n => n,
        long n => n,
        short n => n,
        byte n => n,
        sbyte n => n,
        ushort n => n,
        uint n => n,
        ulong n when n <= long.MaxValue => (long)n,
        _ => null,
    };

    private static int FirstUnit(string factory) => factory switch
    {
        "FromDays" => 0,
        "FromHours" => 1,
        "FromMinutes" => 2,
        "FromSeconds" => 3,
        "FromMilliseconds" => 4,
        "FromMicroseconds" => 5,
        _ => -1,
    };
}
