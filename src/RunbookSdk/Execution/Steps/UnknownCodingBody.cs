namespace RunbookSdk.Execution;

/// <summary>
/// A body in a coding the runner cannot decode (<c>zstd</c>): refused at its first byte. An empty one — a HEAD's
/// answer, a 204 — holds nothing to decode, and reads as no body: its <c>Content-Encoding</c> describes the body a GET
/// would have had.
/// </summary>
internal sealed class UnknownCodingBody(Stream encoded, string coding, string header) : ReadOnlyBody
{
    public override int Read(Span<byte> buffer) => Refuse(encoded.Read(buffer[..Math.Min(buffer.Length, 1)]));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Refuse(await encoded.ReadAsync(buffer[..Math.Min(buffer.Length, 1)], cancellationToken));

    private int Refuse(int read) => read == 0 ? 0 : throw UndecodableBodyException.UnknownEncoding(coding, header);

    protected override void Dispose(bool disposing)
    {
        if (disposing) encoded.Dispose();
        base.Dispose(disposing);
    }
}
