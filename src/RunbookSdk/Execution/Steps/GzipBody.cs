using System.Buffers.Binary;
using System.IO.Compression;

namespace RunbookSdk.Execution;

/// <summary>
/// A gzip body (RFC 1952), whole only when it ends with its last member's trailer: the CRC-32 and the size (modulo
/// 2^32) of what that member decoded to. Members may follow one another, each with its own trailer, so the one checked
/// is that of the last member: the decoded bytes it names by its size, at the end of the body.
/// </summary>
internal sealed class GzipBody(Stream encoded)
    : TrailerCheckedBody(encoded, "gzip", TrailerLength, source => new GZipStream(source, CompressionMode.Decompress))
{
    private const int TrailerLength = 8;

    // The last member's start is known only from its trailer, so what was decoded is kept until then. The reader keeps
    // at most MaxBodyBytes of it and stops reading there, and so reaches the check only for a body that fits.
    private readonly MemoryStream _decoded = new();

    protected override void Decoded(ReadOnlySpan<byte> bytes) => _decoded.Write(bytes);

    protected override bool IsTrailer(ReadOnlySpan<byte> candidate)
    {
        var crc = BinaryPrimitives.ReadUInt32LittleEndian(candidate);
        var size = BinaryPrimitives.ReadUInt32LittleEndian(candidate[4..]);
        return size <= _decoded.Length &&
            Crc32.Of(_decoded.GetBuffer().AsSpan((int)(_decoded.Length - size), (int)size)) == crc;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _decoded.Dispose();
        base.Dispose(disposing);
    }
}
