using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A forward proxy on 127.0.0.1 that answers every request itself (a CONNECT too) and records its request line. It
/// is its own <see cref="IWebProxy"/> and exempts no host, as HTTP_PROXY does (loopback included).
/// </summary>
internal sealed class RecordingProxy : IWebProxy, IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Uri _address;
    private readonly string _reply;

    /// <param name="reply">What it answers every request with, as raw HTTP/1.1: a 200 "proxied" unless given.</param>
    public RecordingProxy(string reply = "HTTP/1.1 200 OK\r\nContent-Length: 7\r\nConnection: close\r\n\r\nproxied")
    {
        _reply = reply;
        _listener.Start();
        _address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _ = Task.Run(ServeAsync);
    }

    public List<string> RequestLines { get; } = [];
    public ICredentials? Credentials { get; set; }
    public Uri GetProxy(Uri destination) => _address;
    public bool IsBypassed(Uri host) => false;

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
                {
                    var stream = client.GetStream();
                    var head = new StringBuilder();
                    var buffer = new byte[4096];
                    while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                    {
                        int read;
                        try { read = await stream.ReadAsync(buffer); }
                        catch (IOException) { return; }
                        if (read == 0) return;
                        head.Append(Encoding.ASCII.GetString(buffer, 0, read));
                    }
                    lock (RequestLines) RequestLines.Add(head.ToString()[..head.ToString().IndexOf("\r\n", StringComparison.Ordinal)]);
                    try { await stream.WriteAsync(Encoding.ASCII.GetBytes(_reply)); }
                    catch (IOException) { }
                }
            });
        }
    }

    public void Dispose() => _listener.Stop();
}
