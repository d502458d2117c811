using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using RunbookSdk.Execution;
using RunbookSdk.Model;

namespace RunbookSdk.Tests.Runner;

/// <summary>HTTP expectations, JSON paths, communication templates and webhooks.</summary>
public sealed class HttpAndNotificationTests
{
    private const string Body = """{"status":"ok","data":{"items":[{"id":7,"live":true}]}}""";

    [Theory]
    [InlineData("status", "ok")]
    [InlineData("data.items.0.id", "7")]
    [InlineData("data.items.0.live", "true")]
    [InlineData("data.items.1.id", null)]
    [InlineData("missing", null)]
    public void Json_paths_read_values_as_text(string path, string? expected)
    {
        using var document = JsonDocument.Parse(Body);
        Assert.Equal(expected, JsonPath.Read(document.RootElement, path));
    }

    [Fact]
    public void Every_failed_expectation_is_reported()
    {
        var http = new HttpRequestAction("GET", "http://x") { ExpectedStatus = 200, BodyContains = ["healthy"], JsonEquals = [new("status", "green")] };

        var failures = HttpExpectations.Check(http, 503, Body);

        Assert.Equal(["status 503, expected 200", "body does not contain \"healthy\"", "JSON status is the string \"ok\", expected green"], failures);
        Assert.Empty(HttpExpectations.Check(new HttpRequestAction("GET", "http://x"), 204, ""));
        Assert.Equal(["status 302, expected a success status"], HttpExpectations.Check(new HttpRequestAction("GET", "http://x"), 302, ""));
    }

    [Fact]
    public void Templates_fill_known_placeholders_and_keep_unknown_ones()
    {
        var text = CommunicationRenderer.Render("{Severity}: {title} since {started}; {unknown}",
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["severity"] = "P1", ["title"] = "API down", ["started"] = "03:00" });

        Assert.Equal("P1: API down since 03:00; {unknown}", text);
    }

    [Fact]
    public async Task A_parameter_named_in_turkish_or_german_fills_its_placeholder_in_a_notification()
    {
        // A Turkish team names its parameters Bölge (region), Süre (duration): "{Bölge}" was no placeholder to the
        // renderer, which knew ASCII names only, and went to the incident channel as written, braces and all.
        using var run = new TestRun((rb, p) => rb
            .Communication("Güncelleme", "{title}: {Bölge} bölgesinde {Dienst} {Süre} içinde yeniden başlatıldı", "#olaylar")
            .Phase("Act", ph => ph.Step("Tell", s => s.Notify("Güncelleme")))
            .NoRollback("test"))
            .Parameter("Bölge", "eu-central-1")
            .Parameter("Dienst", "ödeme")
            .Parameter("Süre", "00:05:00");

        var result = await run.RunAsync();

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("Test runbook: eu-central-1 bölgesinde ödeme 00:05:00 içinde yeniden başlatıldı", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Http_steps_and_webhook_notifications_talk_to_a_real_listener_with_secrets_masked()
    {
        using var server = new RecordingServer();
        using var run = new TestRun((rb, p) => rb
            .Communication("Update", "{title} for {Service}, token {Token}", "#ops")
            .Phase("Act", ph => ph
                .Step("Ask", s => s.Http("POST", $"{p["Url"]}api").Body("{\"q\":1}").Header("X-Token", p["Token"]).ExpectStatus(200).ExpectJson("status", "ok"))
                .Step("Tell", s => s.Notify("Update")))
            .NoRollback("test"))
            .Parameter("Url", server.Url)
            .Parameter("Service", "checkout")
            .Parameter("Token", "t0k3n-value", secret: true)
            .Parameter("WebhookUrl", server.Url + "hook");

        var result = await run.RunAsync();

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal("t0k3n-value", server.Requests[0].Headers["X-Token"]);
        Assert.StartsWith("application/json", server.Requests[0].ContentType);
        var hook = JsonDocument.Parse(server.Requests[1].Body).RootElement;
        Assert.Equal("Test runbook for checkout, token ***", hook.GetProperty("text").GetString());
        Assert.Equal("#ops", hook.GetProperty("channel").GetString());
        Assert.DoesNotContain("t0k3n-value", result.Output);
        Assert.DoesNotContain("t0k3n-value", File.ReadAllText(run.JournalPath));
    }

    /// <summary>An HttpListener on a free 127.0.0.1 port that answers {"status":"ok"} and records requests.</summary>
    private sealed class RecordingServer : IDisposable
    {
        private readonly HttpListener _listener;

        public RecordingServer()
        {
            (_listener, Url) = NonShellStepFailureTests.TestHttpServer.Listen();
            _ = Task.Run(ServeAsync);
        }

        public string Url { get; }
        public List<HttpListenerRequestCopy> Requests { get; } = [];

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync(); }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
                var body = await new StreamReader(context.Request.InputStream, Encoding.UTF8).ReadToEndAsync();
                lock (Requests) Requests.Add(new(context.Request.Headers.AllKeys.ToDictionary(k => k!, k => context.Request.Headers[k]!), context.Request.ContentType, body));
                var reply = Encoding.UTF8.GetBytes("{\"status\":\"ok\"}");
                context.Response.StatusCode = 200;
                context.Response.OutputStream.Write(reply);
                context.Response.Close();
            }
        }

        public void Dispose() => _listener.Close();
    }

    private sealed record HttpListenerRequestCopy(Dictionary<string, string> Headers, string? ContentType, string Body);
}
