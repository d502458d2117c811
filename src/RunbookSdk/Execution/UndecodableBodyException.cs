namespace RunbookSdk.Execution;

/// <summary>
/// A response body the runner cannot turn back into what the server meant to send: marked compressed
/// (<c>Content-Encoding: gzip</c>, <c>deflate</c>, <c>br</c>) and not valid in that encoding (a proxy that adds the
/// header to a body it did not compress), cut short inside a complete response, or in an encoding the runner does not
/// decode (<c>zstd</c>). None of them is an HTTP failure; each says which it was.
/// </summary>
internal sealed class UndecodableBodyException : Exception
{
    private UndecodableBodyException(string message, Exception? inner = null) : base(message, inner) { }

    /// <summary>The decoders throw <see cref="InvalidDataException"/> from the body's stream for bytes not in their encoding.</summary>
    public static UndecodableBodyException NotEncoded(Exception decoderFailure) =>
        new($"it is marked compressed (Content-Encoding) and is not: {decoderFailure.Message}", decoderFailure);

    /// <summary>A coding the runner has no decoder for: the bytes are no text, and checks on them would fail saying nothing of why.</summary>
    public static UndecodableBodyException UnknownEncoding(string coding, string header) =>
        new($"it is encoded '{coding}' (Content-Encoding: {header}), which the runner cannot decode; it decodes {string.Join(", ", ResponseDecoding.Decoded.SkipLast(1))} and {ResponseDecoding.Decoded[^1]}");

    /// <summary>
    /// The compressed data ends before its encoding does (no end of stream, no trailer): decoded as far as it went,
    /// a check could pass on half a body.
    /// </summary>
    public static UndecodableBodyException CutShort(string coding) =>
        new($"its {coding} data ends before the encoding's end: the body was cut short");

    /// <summary>Whether reading a response body's stream failed in its decoder rather than on the connection.</summary>
    public static bool IsDecoderFailure(Exception e) => e is InvalidDataException or InvalidOperationException;
}
