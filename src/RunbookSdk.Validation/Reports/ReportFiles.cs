namespace RunbookSdk.Validation.Reports;

/// <summary>Writes the report files asked for on the command line (<c>--sarif</c>, <c>--markdown</c>, <c>--json</c>).</summary>
public static class ReportFiles
{
    /// <summary>
    /// Writes each report whose path is given. The markdown report is appended when its path is the job summary
    /// (<c>GITHUB_STEP_SUMMARY</c>), which other steps of the job write to as well, and cut to GitHub's 1 MiB per step
    /// (complete runbooks' rows first, the failing rows stay); every other file is replaced, whole.
    /// A file that cannot be written does not stop the others: each is tried, then the failures are thrown together.
    /// </summary>
    /// <param name="result">The validation result.</param>
    /// <param name="sarif">SARIF file, or null.</param>
    /// <param name="markdown">Markdown file, or null.</param>
    /// <param name="json">JSON file, or null.</param>
    /// <exception cref="IOException">One or more files could not be written; the message names each with the reason.</exception>
    public static void Write(ValidationResult result, string? sarif, string? markdown, string? json)
    {
        ArgumentNullException.ThrowIfNull(result);
        var failures = new List<(string File, Exception Error)>();
        if (sarif is not null) Try(sarif, () => Replace(sarif, SarifReport.Render(result)));
        if (json is not null) Try(json, () => Replace(json, JsonReport.Render(result)));
        if (markdown is not null)
        {
            var summary = Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY");
            if (!string.IsNullOrEmpty(summary) && string.Equals(Path.GetFullPath(summary), Path.GetFullPath(markdown), StringComparison.Ordinal))
                Try(markdown, () => File.AppendAllText(markdown, JobSummary(result, markdown)));
            else
                Try(markdown, () => Replace(markdown, MarkdownReport.Render(result)));
        }

        if (failures.Count > 0)
            throw new IOException(string.Join("; ", failures.Select(f => $"{f.File}: {f.Error.Message}")), failures[0].Error);

        void Try(string file, Action write)
        {
            try { write(); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { failures.Add((file, e)); }
        }
    }

    // GitHub drops a step's summary whole when it is over 1 MiB, so the report is cut to what the step has left,
    // less room for the cut notice; the failing rows stay (see MarkdownReport.RenderWithin).
    private const int MaxSummaryBytes = 1024 * 1024 - 1024;

    private static string JobSummary(ValidationResult result, string summary)
    {
        var written = File.Exists(summary) ? new FileInfo(summary).Length : 0;
        return MarkdownReport.RenderWithin(result, (int)Math.Max(0, MaxSummaryBytes - written), SizeUnit.Utf8Bytes,
            "\n\n… the report was cut to fit the job summary (GitHub keeps at most 1 MiB per step); `--json` or `--sarif` write the full report.\n");
    }

    private static void Replace(string path, string text)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory) Directory.CreateDirectory(directory);
        File.WriteAllText(path, text);
    }
}
