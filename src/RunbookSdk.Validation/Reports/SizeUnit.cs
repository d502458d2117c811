namespace RunbookSdk.Validation.Reports;

/// <summary>What a size limit on a report counts.</summary>
public enum SizeUnit
{
    /// <summary>UTF-16 characters, as the GitHub API counts a comment body.</summary>
    Characters,

    /// <summary>UTF-8 bytes, as GitHub counts a job summary file.</summary>
    Utf8Bytes,
}
