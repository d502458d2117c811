using System.Net;

namespace RunbookSdk.Execution;

/// <summary>
/// The proxy HTTP steps and webhooks go through: the system's (<c>HTTP_PROXY</c>, <c>HTTPS_PROXY</c>, <c>ALL_PROXY</c>
/// on Linux), except for the hosts <c>NO_PROXY</c> exempts as curl reads it (<see cref="NoProxyList"/>).
/// </summary>
internal sealed class NoProxyAwareProxy(IWebProxy system, NoProxyList exempt) : IWebProxy
{
    public ICredentials? Credentials
    {
        get => system.Credentials;
        set => system.Credentials = value;
    }

    public Uri? GetProxy(Uri destination) => IsBypassed(destination) ? null : system.GetProxy(destination);

    public bool IsBypassed(Uri host) => exempt.Exempts(host) || system.IsBypassed(host);
}
