namespace RunbookSdk.Execution;

/// <summary>
/// A response body marked compressed (<c>Content-Encoding: gzip</c>, <c>deflate</c>, <c>br</c>) that is not valid in
/// that encoding: a proxy or server that adds the header to a body it did not compress, or compresses it twice. The
/// decoders throw <see cref="InvalidDataException"/> (gzip, deflate) or <see cref="InvalidOperationException"/> (br)
/// from the body's stream, which no HTTP failure is; this one says which it was.
/// </summary>
internal sealed class UndecodableBodyException(Exception inner)
    : Exception($"it is marked compressed (Content-Encoding) and is not: {inner.Message}", inner)
{
    /// <summary>Whether reading a response body's stream failed in its decoder rather than on the connection.</summary>
    public static bool IsDecoderFailure(Exception e) => e is InvalidDataException or InvalidOperationException;
}
