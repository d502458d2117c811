namespace RunbookSdk.Execution;

/// <summary>
/// A value made literal text in a Slack-style message: the three characters Slack's message format reserves —
/// <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> — written as the entities it asks for.
/// </summary>
/// <remarks>
/// Only the values a notification fills in are escaped, not the template: its author may write Slack's own syntax
/// (<c>&lt;https://status.example.com|status page&gt;</c>) on purpose, while a parameter given at 3 a.m. — a reason
/// pasted from an alert, <c>&lt;!channel&gt; latency &gt; 2s &amp; errors</c> — must arrive as written, not ping the
/// whole channel or turn into a link.
/// </remarks>
internal static class SlackText
{
    /// <summary><paramref name="value"/> with <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> as <c>&amp;amp;</c>, <c>&amp;lt;</c> and <c>&amp;gt;</c>.</summary>
    public static string Escape(string value) =>
        value.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
