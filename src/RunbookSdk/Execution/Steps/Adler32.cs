namespace RunbookSdk.Execution;

/// <summary>The Adler-32 checksum a zlib stream ends with (RFC 1950), over bytes as they come.</summary>
internal sealed class Adler32
{
    private const uint Modulus = 65521;
    private uint _a = 1;
    private uint _b;

    /// <summary>The checksum of the bytes appended so far.</summary>
    public uint Value => (_b << 16) | _a;

    /// <summary>Adds <paramref name="bytes"/> to the checksum.</summary>
    public void Append(ReadOnlySpan<byte> bytes)
    {
        // Reduced every 5,552 bytes, the most before the sums could overflow 32 bits (as zlib does).
        while (bytes.Length > 0)
        {
            var chunk = bytes[..Math.Min(bytes.Length, 5552)];
            foreach (var b in chunk)
            {
                _a += b;
                _b += _a;
            }
            _a %= Modulus;
            _b %= Modulus;
            bytes = bytes[chunk.Length..];
        }
    }
}
