namespace RunbookSdk.Execution;

/// <summary>
/// A stream read through, keeping how many bytes it gave and its last few: where a compressed format writes its
/// trailer (gzip's CRC-32 and size, zlib's Adler-32), which the decoders read past without saying whether it was there.
/// </summary>
internal sealed class StreamTail(Stream source, int kept) : ReadOnlyBody
{
    private readonly byte[] _last = new byte[kept];

    /// <summary>How many bytes were read.</summary>
    public long Count { get; private set; }

    /// <summary>The last bytes read, up to as many as kept; fewer when fewer were read.</summary>
    public ReadOnlySpan<byte> Last => _last.AsSpan(_last.Length - (int)Math.Min(Count, _last.Length));

    public override int Read(Span<byte> buffer) => Keep(buffer, source.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await source.ReadAsync(buffer, cancellationToken);
        return Keep(buffer.Span, read);
    }

    private int Keep(Span<byte> buffer, int read)
    {
        var fresh = buffer[..read];
        if (fresh.Length >= _last.Length) fresh[^_last.Length..].CopyTo(_last);
        else
        {
            // Shift what is kept left, the new bytes after it.
            _last.AsSpan(fresh.Length).CopyTo(_last);
            fresh.CopyTo(_last.AsSpan(_last.Length - fresh.Length));
        }
        Count += read;
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) source.Dispose();
        base.Dispose(disposing);
    }
}
