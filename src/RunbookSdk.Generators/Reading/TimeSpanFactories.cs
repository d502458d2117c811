using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Generators.Reading;

/// <summary>
/// Evaluates <c>TimeSpan.FromX(...)</c> with whole-number arguments, including the .NET 9 overloads that take several
/// units (<c>TimeSpan.FromMinutes(1, 30)</c>, <c>TimeSpan.FromHours(1, seconds: 30)</c>) as the runtime does: the
/// units from X down to microseconds, summed exactly, refused outside <c>TimeSpan</c>'s range. Shared by the generator
/// (which documents the value) and the analyzers (RB0016, which must agree that it is constant); the generator and
/// analyzers target netstandard2.0, which has none of these overloads to call.
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
        var first = FirstUnit(factory);
        if (first < 0 || arguments.Count == 0 || arguments.Count > Units.Length - first) return false;

        // decimal holds every sum of in-range parts exactly; one that overflows it is far out of TimeSpan's range.
        var total = 0m;
        var seen = 0;
        for (var i = 0; i < arguments.Count; i++)
        {
            var unit = arguments[i].NameColon is { } named ? Array.IndexOf(Units, named.Name.Identifier.ValueText, first) : first + i;
            if (unit < first || (seen & (1 << unit)) != 0) return false; // no such parameter, or given twice: does not compile
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
