namespace RunbookSdk.Execution;

/// <summary>Which requests may be sent twice with the effect of once (RFC 9110 §9.2.2): the rest need a decision before a resume sends them again.</summary>
internal static class HttpMethods
{
    private static readonly HashSet<string> Idempotent = new(StringComparer.OrdinalIgnoreCase) { "GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE" };

    /// <summary>True for GET, HEAD, PUT, DELETE, OPTIONS and TRACE; false for POST, PATCH and any other method.</summary>
    public static bool IsIdempotent(string method) => Idempotent.Contains(method);
}
