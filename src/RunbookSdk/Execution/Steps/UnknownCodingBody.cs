namespace RunbookSdk.Execution;

/// <summary>
/// A body in a coding the runner cannot decode (<c>zstd</c>): refused at its first byte. An empty one — a HEAD's
/// answer, a 204 — holds nothing to decode, and reads as no body: its <c>Content-Encoding</c> describes the body a GET
/// would have had.
/// </summary>
internal sealed class UnknownCodingBody(Stream encoded, string coding, string header) : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Refuse(encoded.Read(buffer, offset, Math.Min(count, 1)));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Refuse(await encoded.ReadAsync(buffer[..Math.Min(buffer.Length, 1)], cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Refuse(int read) => read == 0 ? 0 : throw UndecodableBodyException.UnknownEncoding(coding, header);

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) encoded.Dispose();
        base.Dispose(disposing);
    }
}
