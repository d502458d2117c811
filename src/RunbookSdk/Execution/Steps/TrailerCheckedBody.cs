namespace RunbookSdk.Execution;

/// <summary>
/// A body decoded by one of .NET's zlib decoders (gzip, the zlib format of HTTP's deflate) and checked at its end
/// against the trailer its format ends with. The decoders stop where the data stops: a stream cut short inside a
/// complete HTTP body (a proxy that sent part of a compressed answer with a length to match) read as a shorter body,
/// and a check could pass on its first half. A body of no bytes is no body (a HEAD's answer) and is not checked. A few
/// bytes after the trailer (a server that ends every answer with a line break) are ignored, as the decoders, curl and
/// browsers ignore them.
/// </summary>
internal abstract class TrailerCheckedBody : ReadOnlyBody
{
    /// <summary>How many bytes after the trailer are taken for a server's padding rather than a body cut short.</summary>
    internal const int MaxTrailingBytes = 32;

    private readonly string _coding;
    private readonly int _trailerLength;
    private readonly Stream _decoder;
    private bool _checked;
    // The compressed bytes as read, with the last of them: the trailer, when the data is whole.
    private readonly StreamTail _encoded;

    /// <summary>Reads <paramref name="encoded"/> through <paramref name="decoder"/>, made over the stream it is given.</summary>
    protected TrailerCheckedBody(Stream encoded, string coding, int trailerLength, Func<Stream, Stream> decoder)
    {
        _coding = coding;
        _trailerLength = trailerLength;
        _encoded = new StreamTail(encoded, trailerLength + MaxTrailingBytes);
        _decoder = decoder(_encoded);
    }

    /// <summary>Takes in decoded bytes as the reader gets them.</summary>
    protected abstract void Decoded(ReadOnlySpan<byte> bytes);

    /// <summary>Whether <paramref name="candidate"/> is the trailer of what was decoded, once the decoder gave all it had.</summary>
    protected abstract bool IsTrailer(ReadOnlySpan<byte> candidate);

    /// <summary>Whether the data ended with its trailer, or with it and a few bytes after it.</summary>
    private bool EndsWithItsTrailer()
    {
        var last = _encoded.Last;
        for (var end = last.Length; end >= _trailerLength; end--)
        {
            if (IsTrailer(last[(end - _trailerLength)..end])) return true;
        }
        return false;
    }

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
            if (_encoded.Count > 0 && !EndsWithItsTrailer()) throw UndecodableBodyException.CutShort(_coding);
        }
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _decoder.Dispose();
        base.Dispose(disposing);
    }
}
