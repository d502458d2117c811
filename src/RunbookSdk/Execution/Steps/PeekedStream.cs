namespace RunbookSdk.Execution;

/// <summary>
/// A stream whose first bytes were read to look at them (<paramref name="start"/>), read again from its start: those
/// bytes, then the rest of <paramref name="rest"/>.
/// </summary>
internal sealed class PeekedStream(byte[] start, Stream rest) : ReadOnlyBody
{
    private int _given;

    /// <summary>The bytes looked at: fewer than asked for only where <c>rest</c> ended before them.</summary>
    public ReadOnlySpan<byte> Start => start;

    /// <summary>Reads up to <paramref name="count"/> bytes of <paramref name="rest"/> to look at them, and gives the whole stream again.</summary>
    public static PeekedStream Of(Stream rest, int count)
    {
        var start = new byte[count];
        var read = 0;
        while (read < count && rest.Read(start.AsSpan(read)) is var more and > 0) read += more;
        return new PeekedStream(start[..read], rest);
    }

    /// <summary>As <see cref="Of"/>, reading asynchronously.</summary>
    public static async ValueTask<PeekedStream> OfAsync(Stream rest, int count, CancellationToken cancellationToken)
    {
        var start = new byte[count];
        var read = 0;
        while (read < count && await rest.ReadAsync(start.AsMemory(read), cancellationToken) is var more and > 0) read += more;
        return new PeekedStream(start[..read], rest);
    }

    public override int Read(Span<byte> buffer) => _given < start.Length ? GiveStart(buffer) : rest.Read(buffer);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _given < start.Length ? ValueTask.FromResult(GiveStart(buffer.Span)) : rest.ReadAsync(buffer, cancellationToken);

    private int GiveStart(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, start.Length - _given);
        start.AsSpan(_given, count).CopyTo(buffer);
        _given += count;
        return count;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) rest.Dispose();
        base.Dispose(disposing);
    }
}
