using System.IO.Compression;

namespace RunbookSdk.Execution;

/// <summary>
/// An HTTP <c>deflate</c> body: the zlib format HTTP names (RFC 9110 8.4.1.2, <see cref="ZlibBody"/>), or raw deflate
/// (RFC 1951) without the zlib header, as old IIS and some embedded servers send it and as browsers and curl read it —
/// told apart by its first two bytes. Raw deflate was refused as "marked compressed and is not". Raw deflate carries no
/// checksum, so unlike the zlib format a body of it cut short cannot be told from a shorter one.
/// </summary>
internal sealed class DeflateBody(Stream encoded) : ReadOnlyBody
{
    private const int HeaderLength = 2;
    private Stream? _decoder;

    // The first two bytes tell the formats apart: read at the first read, sync or async as the caller reads.
    public override int Read(Span<byte> buffer) =>
        (_decoder ??= DecoderOf(PeekedStream.Of(encoded, HeaderLength))).Read(buffer);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _decoder ??= DecoderOf(await PeekedStream.OfAsync(encoded, HeaderLength, cancellationToken));
        return await _decoder.ReadAsync(buffer, cancellationToken);
    }

    private static Stream DecoderOf(PeekedStream whole) =>
        // An empty body is no body (a HEAD's answer): the zlib reader reads it as such.
        whole.Start.Length < HeaderLength || IsZlibHeader(whole.Start[0], whole.Start[1])
            ? new ZlibBody(whole)
            : new DeflateStream(whole, CompressionMode.Decompress);

    /// <summary>
    /// RFC 1950's header: method 8 (deflate) with a window of at most 32 KiB, and the two bytes a multiple of 31 read as
    /// one big-endian number. Raw deflate starts with a block header that meets all three only by chance.
    /// </summary>
    private static bool IsZlibHeader(byte cmf, byte flg) =>
        (cmf & 0x0F) == 8 && cmf >> 4 <= 7 && (cmf << 8 | flg) % 31 == 0;

    protected override void Dispose(bool disposing)
    {
        if (disposing) (_decoder ?? encoded).Dispose();
        base.Dispose(disposing);
    }
}
