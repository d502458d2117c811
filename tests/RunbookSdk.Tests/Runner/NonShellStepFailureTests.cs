using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using RunbookSdk.Execution;

namespace RunbookSdk.Tests.Runner;

/// <summary>HTTP, delegate and notification steps when things go wrong: redirects, TLS, hung code, bad webhooks.</summary>
public sealed class NonShellStepFailureTests
{
    private const string Secret = "s3cr3t-api-key";

    [Fact]
    public async Task A_redirect_to_another_host_never_receives_the_requests_secret_headers()
    {
        using var other = new TestHttpServer(async context =>
        {
            await TestHttpServer.ReplyAsync(context, 200, "landed");
        });
        using var service = new TestHttpServer(context =>
        {
            context.Response.StatusCode = 302;
            context.Response.RedirectLocation = other.Url + "landing";
            context.Response.Close();
            return Task.CompletedTask;
        });
        using var run = new TestRun((rb, p) => rb
            // The key goes in the body: a header carries ASCII only, so a key like "pässwörd-ü" never reached the
            // server as a header (refused when recorded now; before, the request failed and the test saw no echo).
            .Phase("Check", ph => ph.Step("Ask", s => s.Http("POST", p["Url"] + "status").Body(p["Key"])))
            .NoRollback("test"))
            .Parameter("Url", service.Url)
            .Parameter("Key", Secret, secret: true);

        var result = await run.RunAsync();

        Assert.DoesNotContain(other.Requests, r => r.Headers.ContainsKey("X-Api-Key"));
        Assert.Empty(other.Requests);
        Assert.Equal(1, result.ExitCode);
        var reason = result.Events("step-finished").Single()["reason"];
        Assert.Contains("status 302", reason);
        Assert.Contains(other.Url + "landing", reason);
    }

    [Fact]
    public async Task A_request_that_times_out_or_fails_is_journaled_with_its_duration_as_every_other_result()
    {
        // The server holds the request until the test ends: the step's own time-out is what ends it.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var silent = new TestHttpServer(async context =>
        {
            await release.Task;
            await TestHttpServer.ReplyAsync(context, 200, "late");
        });
        var closedPort = $"http://127.0.0.1:{TestHttpServer.FreePort()}/health";
        using var run = new TestRun(rb => rb
            .Phase("Check", ph => ph
                .Step("Hangs", s => s.Http("GET", silent.Url).Timeout(TimeSpan.FromMilliseconds(300))))
            .NoRollback("test")
            .Verification(v => v.Step("Refused", s => s.Http("GET", closedPort))));
        try
        {
            var result = await run.RunAsync();

            var actions = result.Events("action").Where(e => e["kind"] == "http").ToArray();
            Assert.Equal(2, actions.Length);
            Assert.Equal("timeout", actions[0]["error"]);
            // How long the request was waited for is what a review of the incident asks first (the run's clock is fake here).
            Assert.NotNull(actions[0]["durationMs"]);
            Assert.NotNull(actions[1]["error"]);
            Assert.NotNull(actions[1]["durationMs"]);
        }
        finally
        {
            release.TrySetResult();
        }
    }

    [Fact]
    public async Task A_body_that_breaks_off_or_stalls_after_the_status_is_journaled_with_the_status_and_why()
    {
        // A load balancer that dies while the service writes: the status and part of the body arrived, then the
        // connection closed. Before, the step failed as "HttpIOException: …" and the journal had no action at all.
        using var cut = new TestHttpServer(async context =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentLength64 = 100;
            await context.Response.OutputStream.WriteAsync(Encoding.ASCII.GetBytes("{\"status\":"));
            await context.Response.OutputStream.FlushAsync();
            context.Response.Abort();
        });
        // The status and the first bytes arrive, the rest never does: the step's own time-out ends it.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stalled = new TestHttpServer(async context =>
        {
            context.Response.StatusCode = 202;
            context.Response.ContentLength64 = 100;
            await context.Response.OutputStream.WriteAsync(Encoding.ASCII.GetBytes("{\"status\":"));
            await context.Response.OutputStream.FlushAsync();
            await release.Task;
            context.Response.Abort();
        });
        using var run = new TestRun((rb, p) => rb
            .Phase("Act", ph => ph.Step("Deploy", s => s.Http("POST", p["Cut"] + "deploy").Body("{}").ExpectJson("status", "ok")))
            .NoRollback("test")
            .Verification(v => v.Step("Health", s => s.Http("GET", p["Stalled"] + "health").Timeout(TimeSpan.FromMilliseconds(300)))))
            .Parameter("Cut", cut.Url)
            .Parameter("Stalled", stalled.Url);
        try
        {
            var result = await run.RunAsync();

            Assert.Equal(1, result.ExitCode);
            var actions = result.Events("action").Where(e => e["kind"] == "http").ToArray();
            Assert.Equal(2, actions.Length);
            Assert.Equal("POST " + cut.Url + "deploy", actions[0]["request"]);
            Assert.Equal("200", actions[0]["status"]);
            Assert.Contains("ended prematurely", actions[0]["error"]);
            Assert.NotNull(actions[0]["durationMs"]);
            Assert.Equal("202", actions[1]["status"]);
            Assert.Equal("timeout", actions[1]["error"]);
            var reasons = result.Events("step-finished").Select(e => e["reason"]!).ToArray();
            Assert.StartsWith("request failed after its status (200) arrived: the body broke off: ", reasons[0]);
            Assert.DoesNotContain("HttpIOException", reasons[0]);
            Assert.StartsWith("status 202 arrived, but not the rest of the response within", reasons[1]);
        }
        finally
        {
            release.TrySetResult();
        }
    }

    [Fact]
    public async Task A_tls_failure_says_why_and_not_only_see_inner_exception()
    {
        using var server = new SelfSignedTlsServer();
        using var run = new TestRun(rb => rb
            .Phase("Check", ph => ph.Step("Ask", s => s.Http("GET", server.Url)))
            .NoRollback("test"));

        var result = await run.RunAsync();

        Assert.Equal(1, result.ExitCode);
        var reason = result.Events("step-finished").Single()["reason"]!;
        Assert.Contains("certificate", reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_delegate_that_ignores_cancellation_does_not_hold_the_run_after_ctrl_c()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new ManualResetEventSlim();
        var log = new List<string>();
        using var cts = new CancellationTokenSource();
        using var run = new TestRun(rb => rb
            .Phase("Act", ph => ph
                .Step("Stuck", s => s.Execute("blocks without looking at the token", _ =>
                {
                    started.SetResult();
                    release.Wait(); // synchronous and deaf to the run's token, as real code can be
                    return Task.CompletedTask;
                })))
            .Rollback(r => r.Step("Undo", s => s.Execute("undo", _ => { log.Add("undo"); return Task.CompletedTask; })))
            .Verification(v => v.Step("Check", s => s.Execute("check", _ => { log.Add("check"); return Task.CompletedTask; }))));
        try
        {
            // On the thread pool: a delegate that blocks must not block the test before it can press Ctrl+C.
            var running = Task.Run(() => run.RunAsync(cancellationToken: cts.Token));
            await started.Task;
            cts.Cancel();
            // A guard against hanging the test suite, not a limit on how fast the run must be.
            var result = await running.WaitAsync(TimeSpan.FromMinutes(2));

            Assert.Equal(130, result.ExitCode);
            Assert.Equal(["Stuck: interrupted", "Undo: succeeded", "Check: succeeded"], result.StepResults);
            Assert.Contains("may still be running", result.Events("step-finished").First()["reason"]);
            Assert.Equal(["undo", "check"], log);
        }
        finally
        {
            release.Set();
        }
    }

    [Theory]
    [InlineData("file:///tmp/hook")]
    [InlineData("ftp://127.0.0.1/hook")]
    public async Task A_webhook_url_that_is_not_http_is_a_warning_not_a_failed_step(string webhook)
    {
        using var run = new TestRun(rb => rb
            .Communication("Update", "{title} update")
            .Phase("Tell", ph => ph.Step("Tell", s => s.Notify("Update")))
            .NoRollback("test"))
            .Parameter("WebhookUrl", webhook, secret: true);

        var result = await run.RunAsync();

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("post the text above by hand", result.Output);
    }

    [Theory]
    [InlineData("k3y/wi\"th-quote")]
    [InlineData("pässwörd-ü")]
    [InlineData("back\\slash<tag>")]
    public async Task A_secret_a_server_echoes_json_escaped_in_an_error_body_is_masked(string secret)
    {
        // What servers write back: System.Text.Json's default escaping, and PHP's json_encode (which escapes '/' too).
        var echoed = System.Text.Json.JsonSerializer.Serialize(new { error = "invalid key", key = secret });
        var relaxed = System.Text.Json.JsonSerializer.Serialize(secret, new System.Text.Json.JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }).Replace("/", "\\/");
        using var service = new TestHttpServer(context => TestHttpServer.ReplyAsync(context, 500, echoed + "\n{\"php\":" + relaxed + "}", "application/json"));
        using var run = new TestRun((rb, p) => rb
            // The key goes in the body: a header carries ASCII only, so a key like "pässwörd-ü" never reached the
            // server as a header (refused when recorded now; before, the request failed and the test saw no echo).
            .Phase("Check", ph => ph.Step("Ask", s => s.Http("POST", p["Url"] + "status").Body(p["Key"])))
            .NoRollback("test"))
            .Parameter("Url", service.Url)
            .Parameter("Key", secret, secret: true);

        var result = await run.RunAsync();

        Assert.Equal(1, result.ExitCode);
        var escaped = echoed[(echoed.IndexOf("\"key\":\"", StringComparison.Ordinal) + 7)..^2];
        Assert.NotEqual(secret, escaped); // the test is about the escaped forms
        // The journal's own JSON escapes what it holds: compare its decoded strings.
        var journal = string.Join("\n", result.Journal.SelectMany(e => Strings(e.Fields)));
        foreach (var form in new[] { escaped, relaxed[1..^1] })
        {
            Assert.DoesNotContain(form, result.Output);
            Assert.DoesNotContain(form, journal);
        }
    }

    [Fact]
    public async Task A_secret_in_the_query_a_server_echoes_as_it_got_it_is_masked()
    {
        // The request line as the runner's HTTP client sent it: '"' escaped, '+', '$' and '/' not. A 404 page that
        // echoed it showed the secret in clear on the console and in the journal.
        const string secret = "s3cr3t+k/ey\"$(id)";
        using var service = new TestHttpServer(context => TestHttpServer.ReplyAsync(context, 404, "no route for " + context.Request.RawUrl));
        using var run = new TestRun((rb, p) => rb
            .Phase("Check", ph => ph.Step("Ask", s => s.Http("GET", p["Url"] + "status?token=" + p["Key"])))
            .NoRollback("test"))
            .Parameter("Url", service.Url)
            .Parameter("Key", secret, secret: true);

        var result = await run.RunAsync();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no route for /status?token=***", result.Output);
        var journal = string.Join("\n", result.Journal.SelectMany(e => Strings(e.Fields)));
        Assert.Contains("no route for /status?token=***", journal);
        Assert.DoesNotContain("k/ey", result.Output);
        Assert.DoesNotContain("k/ey", journal);
    }

    [Fact]
    public async Task A_response_with_an_unknown_charset_is_still_checked_and_journaled()
    {
        using var service = new TestHttpServer(context => TestHttpServer.ReplyAsync(context, 200, "{\"status\":\"ok\"}", "application/json; charset=utf8mb4"));
        using var run = new TestRun((rb, p) => rb
            .Phase("Check", ph => ph.Step("Health", s => s.Http("GET", p["Url"] + "health").ExpectJson("status", "ok")))
            .NoRollback("test"))
            .Parameter("Url", service.Url);

        var result = await run.RunAsync();

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal("200", result.Events("action").Single()["status"]);
    }

    [Fact]
    public async Task A_delegate_that_throws_says_why_with_the_inner_exception()
    {
        using var run = new TestRun(rb => rb
            .Phase("Act", ph => ph.Step("Drain", s => s.Execute("drain the queue", _ =>
                throw new InvalidOperationException("Draining failed, see inner exception.", new IOException("connection reset by queue-7")))))
            .NoRollback("test"));

        var result = await run.RunAsync();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("connection reset by queue-7", result.Events("step-finished").Single()["reason"]);
    }

    private static IEnumerable<string> Strings(System.Text.Json.JsonElement element) => element.ValueKind switch
    {
        System.Text.Json.JsonValueKind.String => [element.GetString()!],
        System.Text.Json.JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        System.Text.Json.JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    /// <summary>An HttpListener on a free 127.0.0.1 port that records requests and answers with a handler.</summary>
    internal sealed class TestHttpServer : IDisposable
    {
        private readonly HttpListener _listener;
        private readonly Func<HttpListenerContext, Task> _handle;

        public TestHttpServer(Func<HttpListenerContext, Task> handle)
        {
            _handle = handle;
            (_listener, Url) = Listen();
            _ = Task.Run(ServeAsync);
        }

        /// <summary>
        /// A listener on a port free a moment ago. HttpListener cannot ask for port 0, and between the probe and Start a
        /// test running in parallel can take the port ("Address already in use", seen in CI): then another port is tried.
        /// </summary>
        internal static (HttpListener Listener, string Url) Listen()
        {
            for (var attempt = 1; ; attempt++)
            {
                var listener = new HttpListener();
                var url = $"http://127.0.0.1:{FreePort()}/";
                listener.Prefixes.Add(url);
                try
                {
                    listener.Start();
                    return (listener, url);
                }
                catch (HttpListenerException) when (attempt < 10)
                {
                    listener.Close();
                }
            }
        }

        public string Url { get; }
        public List<Request> Requests { get; } = [];

        public static int FreePort()
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            return ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        public static async Task ReplyAsync(HttpListenerContext context, int status, string body, string contentType = "text/plain")
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            var bytes = Encoding.UTF8.GetBytes(body);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync(); }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
                var body = await new StreamReader(context.Request.InputStream, Encoding.UTF8).ReadToEndAsync();
                lock (Requests) Requests.Add(new(context.Request.HttpMethod, context.Request.RawUrl ?? "",
                    context.Request.Headers.AllKeys.ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase), body));
                _ = Task.Run(async () =>
                {
                    try { await _handle(context); }
                    catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException) { }
                });
            }
        }

        public void Dispose() => _listener.Close();

        internal sealed record Request(string Method, string Path, Dictionary<string, string> Headers, string Body);
    }

    /// <summary>A TLS server on 127.0.0.1 with a self-signed certificate nobody trusts.</summary>
    private sealed class SelfSignedTlsServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly X509Certificate2 _certificate;

        public SelfSignedTlsServer()
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=untrusted.test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            _certificate = X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
            _listener.Start();
            Url = $"https://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/";
            _ = Task.Run(ServeAsync);
        }

        public string Url { get; }

        private async Task ServeAsync()
        {
            while (true)
            {
                TcpClient client;
                try { client = await _listener.AcceptTcpClientAsync(); }
                catch (Exception e) when (e is SocketException or ObjectDisposedException) { return; }
                _ = Task.Run(async () =>
                {
                    using (client)
                    using (var tls = new SslStream(client.GetStream()))
                    {
                        try { await tls.AuthenticateAsServerAsync(_certificate); }
                        catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException) { }
                    }
                });
            }
        }

        public void Dispose()
        {
            _listener.Stop();
            _certificate.Dispose();
        }
    }
}
