using System.Text;
using System.Threading;

namespace RunbookSdk.Generators;

/// <summary>
/// A string builder kept per thread and reused text after text, for texts built once per step, command or runbook:
/// growing a fresh builder for each was a large share of what a generator run allocated (docs/performance.md).
/// A rented builder is taken out of the slot until it is returned, so a nested or failed use never shares it; one
/// grown past <see cref="MaxRetainedCapacity"/> (a rare huge page) is dropped rather than kept for the process.
/// </summary>
internal sealed class ReusedBuilder(int initialCapacity)
{
    private const int MaxRetainedCapacity = 256 * 1024;

    private readonly ThreadLocal<StringBuilder?> _cached = new();

    /// <summary>An empty builder holding at least <paramref name="capacity"/> characters.</summary>
    public StringBuilder Rent(int capacity = 0)
    {
        var builder = _cached.Value ?? new StringBuilder(System.Math.Max(initialCapacity, capacity));
        _cached.Value = null;
        builder.Clear().EnsureCapacity(capacity);
        return builder;
    }

    /// <summary>The first <paramref name="length"/> characters of <paramref name="builder"/>, which goes back to the slot.</summary>
    public string ToStringAndReturn(StringBuilder builder, int length)
    {
        var text = builder.ToString(0, length);
        if (builder.Capacity <= MaxRetainedCapacity) _cached.Value = builder;
        return text;
    }

    /// <summary>The text of <paramref name="builder"/>, which goes back to the slot.</summary>
    public string ToStringAndReturn(StringBuilder builder) => ToStringAndReturn(builder, builder.Length);
}
