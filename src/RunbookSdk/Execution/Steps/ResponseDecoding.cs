using System.Net.Http.Headers;

namespace RunbookSdk.Execution;

/// <summary>
/// Decodes a response body as its <c>Content-Encoding</c> says, every coding it lists, last applied first (RFC 9110
/// 8.4): <c>gzip, gzip</c> (a proxy compressing what its origin had compressed) is decoded twice. HttpClient's own
/// decompression undoes only the last coding and passes one it does not know (<c>zstd</c>) through: the checks, the
/// console and the journal read compressed bytes as the body. A coding the runner does not know is refused instead, and
/// so is compressed data that ends before its format does (<see cref="GzipBody"/>, <see cref="ZlibBody"/>,
/// <see cref="BrotliBody"/>): .NET's decoders stop where the data stops, without a word.
/// </summary>
internal static class ResponseDecoding
{
    /// <summary>The codings the runner decodes, as a request's <c>Accept-Encoding</c> names them.</summary>
    public static readonly IReadOnlyList<string> Decoded = ["gzip", "deflate", "br"];

    /// <summary>
    /// Says in <paramref name="request"/>'s <c>Accept-Encoding</c> that each coding the runner decodes is taken, as
    /// HttpClient's decompression did — unless the step set the header itself: <c>Accept-Encoding: identity</c> asks
    /// for a body the server did not compress (a check that the origin serves one), and <c>gzip</c> alone for that
    /// coding alone. Adding the others to it sent <c>identity, gzip, deflate, br</c>, and the server compressed
    /// what the step had asked to get plain.
    /// </summary>
    public static void Accept(HttpRequestMessage request)
    {
        if (request.Headers.Contains("Accept-Encoding")) return;
        foreach (var coding in Decoded) request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(coding));
    }

    /// <summary>
    /// The body as sent before <paramref name="codings"/> were applied; reading it throws
    /// <see cref="UndecodableBodyException"/> for a non-empty body in a coding the runner does not decode.
    /// </summary>
    public static Stream Open(Stream body, ICollection<string> codings)
    {
        var listed = codings.Select(c => c.Trim()).Where(c => c.Length > 0).ToArray();
        var decoded = body;
        foreach (var coding in listed.Reverse())
        {
            decoded = coding.ToLowerInvariant() switch
            {
                "identity" => decoded,
                // RFC 9110 8.4.1.3: a recipient should take x-gzip for gzip.
                "gzip" or "x-gzip" => new GzipBody(decoded),
                // HTTP's "deflate" is the zlib format (RFC 9110 8.4.1.2), as HttpClient read it; raw deflate too, as browsers read it.
                "deflate" => new DeflateBody(decoded),
                "br" => new BrotliBody(decoded),
                _ => new UnknownCodingBody(decoded, coding, string.Join(", ", listed)),
            };
        }
        return decoded;
    }
}
