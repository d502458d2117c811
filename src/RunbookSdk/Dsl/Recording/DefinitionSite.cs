namespace RunbookSdk.Dsl.Recording;

/// <summary>
/// Where in a runbook's definition a refusal was thrown (<c>phase 'Mitigate', step 'Restart'</c>), carried in the
/// exception's <see cref="Exception.Data"/> so its type and message stay as the DSL throws them: "could not be
/// prepared: ArgumentException: OnlyIf(condition) needs the condition …" named no step, and a runbook of forty steps
/// left the engineer to guess which.
/// </summary>
internal static class DefinitionSite
{
    private const string Key = "RunbookSdk.DefinedAt";

    /// <summary>
    /// Records <paramref name="where"/> on an argument refusal that does not carry a site yet (the innermost one
    /// wins), and returns false: used as an exception filter, it catches nothing and leaves the stack as it was.
    /// </summary>
    public static bool Mark(Exception exception, string where)
    {
        // A null refusal names its site in its message already (NullGuard).
        if (exception is ArgumentException and not ArgumentNullException && !exception.Data.Contains(Key)) exception.Data[Key] = where;
        return false;
    }

    /// <summary>The site recorded on <paramref name="exception"/>, or null.</summary>
    public static string? Of(Exception exception) => exception.Data[Key] as string;
}
