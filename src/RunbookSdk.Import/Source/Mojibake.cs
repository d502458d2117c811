using System.Text;

namespace RunbookSdk.Import.Source;

/// <summary>
/// Repairs UTF-8 text that was once decoded with a single-byte code page and saved again as UTF-8
/// (<c>ðŸš¨</c> for 🚨 via Windows-1252, <c>üö®</c> via Mac Roman). Each run of non-ASCII characters is
/// re-encoded with the code page and decoded as UTF-8; the run is replaced only when every byte decodes and
/// the result has a character outside Latin-1, so ordinary accented text ("café", "naïve") is never touched.
/// </summary>
internal static class Mojibake
{
    private static readonly Encoding[] s_codePages = CreateCodePages();

    private static Encoding[] CreateCodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return
        [
            Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback),
            Encoding.GetEncoding(10000, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback),
        ];
    }

    /// <summary>The repaired text and the number of runs repaired (0: the text was left as it was).</summary>
    public static (string Text, int Repairs) Repair(string text)
    {
        var repairs = 0;
        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] < 0x80) { builder.Append(text[i++]); continue; }
            var end = i;
            while (end < text.Length && text[end] >= 0x80) end++;
            var run = text[i..end];
            if (TryRepairRun(run) is { } repaired)
            {
                builder.Append(repaired);
                repairs++;
            }
            else
            {
                builder.Append(run);
            }
            i = end;
        }
        return repairs == 0 ? (text, 0) : (builder.ToString(), repairs);
    }

    private static string? TryRepairRun(string run)
    {
        foreach (var codePage in s_codePages)
        {
            byte[] bytes;
            try
            {
                bytes = codePage.GetBytes(run);
            }
            catch (EncoderFallbackException)
            {
                continue;
            }
            if (Utf8(bytes) is { } decoded && decoded.Any(c => c > 0xFF) && decoded.Length < run.Length) return decoded;
        }
        return null;
    }

    /// <summary>
    /// Decodes UTF-8 sequence by sequence. Windows-1252 has no character for 0x81, 0x8D, 0x8F, 0x90 and 0x9D, so the
    /// first wrong decoding dropped those bytes: a variation selector U+FE0F (EF B8 8F) survives as EF B8, and is
    /// restored; any other broken sequence means the run was not mojibake.
    /// </summary>
    private static string? Utf8(byte[] bytes)
    {
        var builder = new StringBuilder();
        var i = 0;
        while (i < bytes.Length)
        {
            var b = bytes[i];
            var length = b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
            if (length == 0) return null;
            if (length == 3 && b == 0xEF && i + 1 < bytes.Length && bytes[i + 1] == 0xB8 && (i + 2 >= bytes.Length || (bytes[i + 2] & 0xC0) != 0x80))
            {
                builder.Append('\uFE0F');
                i += 2;
                continue;
            }
            if (i + length > bytes.Length) return null;
            for (var k = 1; k < length; k++)
            {
                if ((bytes[i + k] & 0xC0) != 0x80) return null;
            }
            try
            {
                builder.Append(new UTF8Encoding(false, true).GetString(bytes, i, length));
            }
            catch (DecoderFallbackException)
            {
                return null;
            }
            i += length;
        }
        return builder.ToString();
    }
}
