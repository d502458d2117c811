namespace RunbookSdk.Validation.Reports;

/// <summary>Writes the report files asked for on the command line (<c>--sarif</c>, <c>--markdown</c>, <c>--json</c>).</summary>
public static class ReportFiles
{
    /// <summary>
    /// Writes each report whose path is given. The markdown report is appended when its path is the job summary
    /// (<c>GITHUB_STEP_SUMMARY</c>), which other steps of the job write to as well; every other file is replaced.
    /// </summary>
    /// <param name="result">The validation result.</param>
    /// <param name="sarif">SARIF file, or null.</param>
    /// <param name="markdown">Markdown file, or null.</param>
    /// <param name="json">JSON file, or null.</param>
    public static void Write(ValidationResult result, string? sarif, string? markdown, string? json)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (sarif is not null) Replace(sarif, SarifReport.Render(result));
        if (json is not null) Replace(json, JsonReport.Render(result));
        if (markdown is null) return;
        var summary = Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY");
        if (!string.IsNullOrEmpty(summary) && string.Equals(Path.GetFullPath(summary), Path.GetFullPath(markdown), StringComparison.Ordinal))
            File.AppendAllText(markdown, MarkdownReport.Render(result));
        else
            Replace(markdown, MarkdownReport.Render(result));
    }

    private static void Replace(string path, string text)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory) Directory.CreateDirectory(directory);
        File.WriteAllText(path, text);
    }
}
