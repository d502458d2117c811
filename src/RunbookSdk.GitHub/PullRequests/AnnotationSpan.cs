using RunbookSdk.Validation;

namespace RunbookSdk.GitHub.PullRequests;

/// <summary>
/// Where an annotation ends, for the check run's <c>end_column</c> and a workflow command's <c>endColumn</c>. GitHub
/// takes columns only when an annotation starts and ends on the same line, so a finding that spans lines keeps its start
/// column alone (as before), rather than an annotation shown after the last of many lines.
/// </summary>
internal static class AnnotationSpan
{
    /// <summary>
    /// The 1-based column of the finding's last character when its span is known and ends on the line it starts on;
    /// null otherwise (then GitHub marks the start column alone).
    /// </summary>
    /// <param name="finding">The finding.</param>
    public static int? EndColumn(Finding finding)
    {
        // The finding's end is exclusive (SARIF's form); GitHub's end_column is the last character's.
        if (finding.Column <= 0 || finding.EndLine != finding.Line || finding.EndColumn <= 0) return null;
        var last = finding.EndColumn - 1;
        return last > finding.Column ? last : null;
    }
}
