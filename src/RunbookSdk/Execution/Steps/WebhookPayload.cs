using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace RunbookSdk.Execution;

/// <summary>
/// The JSON body a notification POSTs to the webhook (<c>text</c>, <c>template</c>, <c>channel</c>, <c>runbook</c>),
/// sent with its length.
/// </summary>
/// <remarks>
/// <c>PostAsJsonAsync</c> streamed the body chunked, without a Content-Length: a receiver that reads the body by its
/// length (a small bot on Python's http.server, some proxies) got an empty body and posted nothing, while the runner
/// reported "posted to the webhook (200)".
/// </remarks>
internal static class WebhookPayload
{
    /// <summary>The body for a notification, as buffered UTF-8 JSON.</summary>
    public static HttpContent Of(string text, string template, string? channel, string runbook)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string?>
        {
            ["text"] = text, ["template"] = template, ["channel"] = channel, ["runbook"] = runbook,
        });
        var content = new ByteArrayContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }
}
