namespace RunbookSdk.Execution;

/// <summary>
/// A stream whose first bytes were read to look at them (<paramref name="start"/>), read again from its start: those
/// bytes, then the rest of <paramref name="rest"/>.
/// </summary>
internal sealed class PeekedStream(byte[] start, Stream rest) : ReadOnlyBody
{
    private int _given;

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
