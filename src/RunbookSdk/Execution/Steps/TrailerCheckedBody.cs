namespace RunbookSdk.Execution;

/// <summary>
/// A body decoded by one of .NET's zlib decoders (gzip, the zlib format of HTTP's deflate) and checked at its end
/// against the trailer its format ends with. The decoders stop where the data stops: a stream cut short inside a
/// complete HTTP body (a proxy that sent part of a compressed answer with a length to match) read as a shorter body,
/// and a check could pass on its first half. A body of no bytes is no body (a HEAD's answer) and is not checked.
/// </summary>
internal abstract class TrailerCheckedBody : ReadOnlyBody
{
    private readonly string _coding;
    private readonly Stream _decoder;
    private bool _checked;

    /// <summary>Reads <paramref name="encoded"/> through <paramref name="decoder"/>, made over <see cref="Encoded"/>.</summary>
    protected TrailerCheckedBody(Stream encoded, string coding, int trailerLength, Func<Stream, Stream> decoder)
    {
        _coding = coding;
        Encoded = new StreamTail(encoded, trailerLength);
        _decoder = decoder(Encoded);
    }

    /// <summary>The compressed bytes as read, with the last of them: the trailer, when the data is whole.</summary>
    protected StreamTail Encoded { get; }

    /// <summary>Takes in decoded bytes as the reader gets them.</summary>
    protected abstract void Decoded(ReadOnlySpan<byte> bytes);

    /// <summary>Whether the data ended with the trailer of what was decoded, once the decoder gave all it had.</summary>
    protected abstract bool EndsWithItsTrailer();

    public override int Read(Span<byte> buffer) => Check(buffer, _decoder.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await _decoder.ReadAsync(buffer, cancellationToken);
        return Check(buffer.Span, read);
    }

    private int Check(ReadOnlySpan<byte> buffer, int read)
    {
        if (read > 0) Decoded(buffer[..read]);
        else if (buffer.Length > 0 && !_checked)
        {
            _checked = true;
            if (Encoded.Count > 0 && !EndsWithItsTrailer()) throw UndecodableBodyException.CutShort(_coding);
        }
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _decoder.Dispose();
        base.Dispose(disposing);
    }
}
