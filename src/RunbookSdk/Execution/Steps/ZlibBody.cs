using System.Buffers.Binary;
using System.IO.Compression;

namespace RunbookSdk.Execution;

/// <summary>
/// An HTTP <c>deflate</c> body, the zlib format (RFC 1950), whole only when it ends with the Adler-32 of all it
/// decoded to (big-endian).
/// </summary>
internal sealed class ZlibBody(Stream encoded)
    : TrailerCheckedBody(encoded, "deflate", TrailerLength, source => new ZLibStream(source, CompressionMode.Decompress))
{
    private const int TrailerLength = 4;
    private readonly Adler32 _checksum = new();

    protected override void Decoded(ReadOnlySpan<byte> bytes) => _checksum.Append(bytes);

    protected override bool IsTrailer(ReadOnlySpan<byte> candidate) => BinaryPrimitives.ReadUInt32BigEndian(candidate) == _checksum.Value;
}
