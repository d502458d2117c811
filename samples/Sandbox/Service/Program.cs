using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Sandbox.Service;

// Usage: SandboxService [--port N] [--version V]
// Listens on http://127.0.0.1:N/ (a free port when N is 0 or missing) and prints that address as its first line.
//
//   GET  /health     200 {"status":"ok",...}, or 503 {"status":"failing","problem":...}
//   GET  /version    {"version","previous","deploys","rollbacks"}
//   POST /deploy     body: the version to deploy ("...bad..." versions are broken)
//   POST /rollback   back to the version before the last deploy (409 when there is none)
//   GET  /fault      {"enabled":bool};  POST /fault  body: on | off
var port = 0;
var version = "1.0.0";
for (var i = 0; i < args.Length - 1; i++)
{
    if (args[i] == "--port") port = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    if (args[i] == "--version") version = args[i + 1];
}
if (port == 0) port = FreePort();

var state = new ServiceState(version);
using var listener = new HttpListener();
listener.Prefixes.Add($"http://127.0.0.1:{port}/");
listener.Start();
Console.WriteLine($"Sandbox listening on http://127.0.0.1:{port}/ (version {version})");
Console.Out.Flush();

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
    listener.Stop();
};

while (!stop.IsCancellationRequested)
{
    HttpListenerContext context;
    try
    {
        context = await listener.GetContextAsync();
    }
    catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
    {
        break;
    }
    _ = Task.Run(() => Handle(context, state));
}

static void Handle(HttpListenerContext context, ServiceState state)
{
    var request = context.Request;
    var body = request.HasEntityBody ? new StreamReader(request.InputStream, Encoding.UTF8).ReadToEnd().Trim() : "";
    var (status, reply) = (request.HttpMethod, request.Url!.AbsolutePath.TrimEnd('/')) switch
    {
        ("GET", "/health") => Health(state.Read()),
        ("GET", "/version") => (200, Describe(state.Read())),
        ("POST", "/deploy") when body.Length > 0 => (200, Describe(state.Deploy(body))),
        ("POST", "/deploy") => (400, new { error = "send the version to deploy as the request body" }),
        ("POST", "/rollback") => state.Rollback() is { } after ? (200, Describe(after)) : (409, new { error = "nothing to roll back to" }),
        ("GET", "/fault") => (200, new { enabled = state.Read().Fault }),
        ("POST", "/fault") when body is "on" or "off" => (200, (object)new { enabled = state.SetFault(body == "on").Fault }),
        ("POST", "/fault") => (400, new { error = "send on or off as the request body" }),
        _ => (404, new { error = $"no {request.HttpMethod} {request.Url.AbsolutePath}" }),
    };
    Console.WriteLine($"{request.HttpMethod} {request.Url.AbsolutePath} -> {status}");
    var bytes = JsonSerializer.SerializeToUtf8Bytes(reply);
    context.Response.StatusCode = status;
    context.Response.ContentType = "application/json";
    context.Response.ContentLength64 = bytes.Length;
    context.Response.OutputStream.Write(bytes);
    context.Response.Close();
}

static (int, object) Health(Snapshot s) => s.Problem is { } problem
    ? (503, new { status = "failing", version = s.Version, problem })
    : (200, new { status = "ok", version = s.Version });

static object Describe(Snapshot s) => new { version = s.Version, previous = s.Previous, deploys = s.Deploys, rollbacks = s.Rollbacks, fault = s.Fault };

static int FreePort()
{
    using var probe = new TcpListener(IPAddress.Loopback, 0);
    probe.Start();
    return ((IPEndPoint)probe.LocalEndpoint).Port;
}
