using System.Text;

namespace RunbookSdk.Import.Source;

/// <summary>The text of a markdown file, checked and repaired before parsing.</summary>
/// <param name="File">The file as the user named it (used in every message).</param>
/// <param name="Text">The text, with "\n" line endings and mojibake repaired.</param>
/// <param name="Warnings">What was repaired.</param>
internal sealed record MarkdownSource(string File, string Text, IReadOnlyList<string> Warnings)
{
    /// <summary>Larger files are not incident-response documents; the biggest real one seen is about 60 KB.</summary>
    public const long MaxBytes = 4 * 1024 * 1024;

    /// <summary>A line longer than this is data (minified JSON, base64), not a document someone reads.</summary>
    public const int MaxLineLength = 20_000;

    private static readonly UTF8Encoding s_strictUtf8 = new(false, true);

    /// <summary>Reads and checks <paramref name="path"/>; throws <see cref="ImportException"/> naming the file.</summary>
    public static MarkdownSource Load(string path)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (Directory.Exists(path)) throw new ImportException(path, null, "is a directory, not a markdown file");
            if (!info.Exists) throw new ImportException(path, null, "file not found");
            if (info.Length > MaxBytes)
                throw new ImportException(path, null, $"is {info.Length / 1024 / 1024.0:0.#} MB; a markdown runbook is at most {MaxBytes / 1024 / 1024} MB");
            bytes = System.IO.File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            throw new ImportException(path, null, $"cannot be read: {e.Message}");
        }
        return FromBytes(path, bytes);
    }

    /// <summary>Checks and decodes file content (also used for text that did not come from disk).</summary>
    public static MarkdownSource FromBytes(string file, byte[] bytes)
    {
        if (bytes.LongLength > MaxBytes)
            throw new ImportException(file, null, $"is larger than {MaxBytes / 1024 / 1024} MB; a markdown runbook is much smaller");
        var span = bytes.AsSpan();
        if (span.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF })) span = span[3..];
        else if (span.StartsWith(new byte[] { 0xFF, 0xFE }) || span.StartsWith(new byte[] { 0xFE, 0xFF }))
            throw new ImportException(file, null, "is UTF-16; save it as UTF-8 and import again");
        if (span.IndexOf((byte)0) is var nul and >= 0)
            throw new ImportException(file, LineOf(span, nul), "is binary (contains NUL bytes), not a markdown file");

        string text;
        try
        {
            text = s_strictUtf8.GetString(span);
        }
        catch (DecoderFallbackException e)
        {
            var offset = e.Index >= 0 ? e.Index : 0;
            throw new ImportException(file, LineOf(span, Math.Min(offset, span.Length)), "is not UTF-8 text (save it as UTF-8 and import again)");
        }
        return FromText(file, text);
    }

    /// <summary>Checks decoded text: not empty, no control characters, lines of sane length; repairs mojibake.</summary>
    public static MarkdownSource FromText(string file, string text)
    {
        text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        if (string.IsNullOrWhiteSpace(text)) throw new ImportException(file, null, "is empty");

        var line = 1;
        var lineLength = 0;
        var controls = 0;
        foreach (var c in text)
        {
            if (c == '\n') { line++; lineLength = 0; continue; }
            if (++lineLength > MaxLineLength)
                throw new ImportException(file, line, $"has a line longer than {MaxLineLength} characters; this is data, not a markdown runbook");
            if (char.IsControl(c) && c != '\t' && ++controls > 8)
                throw new ImportException(file, line, "is binary (control characters), not a markdown file");
        }

        var warnings = new List<string>();
        var (repaired, repairs) = Mojibake.Repair(text);
        if (repairs > 0)
        {
            warnings.Add($"{file}: repaired {repairs} mis-decoded character sequence{(repairs == 1 ? "" : "s")} (UTF-8 read as Windows-1252 or Mac Roman, e.g. \"ðŸš¨\" for \"🚨\")");
            text = repaired;
        }
        return new MarkdownSource(file, text, warnings);
    }

    private static int LineOf(ReadOnlySpan<byte> bytes, int offset)
    {
        var line = 1;
        for (var i = 0; i < offset && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n') line++;
        }
        return line;
    }
}
