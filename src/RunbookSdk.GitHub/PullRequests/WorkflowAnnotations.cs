using System.Globalization;
using System.Text;
using RunbookSdk.Validation;

namespace RunbookSdk.GitHub.PullRequests;

/// <summary>
/// The findings as GitHub Actions workflow commands (<c>::error file=…,line=…,title=RB0001::…</c>): the runner turns
/// each line of the job log into an annotation on the pull request's files, with no token at all. The way findings
/// reach a pull request when no check run could carry them — a pull request from a fork, whose GITHUB_TOKEN is
/// read-only whatever the workflow asks for, or a job without a token — where before they were in the job summary only.
/// </summary>
/// <remarks>GitHub shows at most 10 error and 10 warning annotations of a step; every line stays in the log.</remarks>
public static class WorkflowAnnotations
{
    /// <summary>One workflow command per finding, errors first; a finding without a file is annotated on the job.</summary>
    /// <param name="result">The validation result.</param>
    public static IReadOnlyList<string> Lines(ValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Findings
            .OrderBy(f => f.Level switch { FindingLevel.Error => 0, FindingLevel.Warning => 1, _ => 2 })
            .Select(Line)
            .ToArray();
    }

    private static string Line(Finding finding)
    {
        var command = finding.Level switch { FindingLevel.Error => "error", FindingLevel.Warning => "warning", _ => "notice" };
        var properties = new List<string>();
        if (finding.Path is { } path)
        {
            properties.Add("file=" + Property(path.Replace('\\', '/')));
            properties.Add("line=" + Math.Max(1, finding.Line).ToString(CultureInfo.InvariantCulture));
            if (finding.Column > 0) properties.Add("col=" + finding.Column.ToString(CultureInfo.InvariantCulture));
            if (AnnotationSpan.EndColumn(finding) is { } end) properties.Add("endColumn=" + end.ToString(CultureInfo.InvariantCulture));
        }
        properties.Add("title=" + Property(finding.RuleId));
        return $"::{command} {string.Join(",", properties)}::{Data(finding.Message)}";
    }

    // The runner's escaping (actions/toolkit, command.ts): in the message %, CR and LF; in a property also : and ,.
    private static string Data(string text) => new StringBuilder(text).Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A").ToString();

    private static string Property(string text) => Data(text).Replace(":", "%3A").Replace(",", "%2C");
}
