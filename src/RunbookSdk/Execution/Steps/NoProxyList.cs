using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace RunbookSdk.Execution;

/// <summary>
/// The hosts <c>NO_PROXY</c> (or <c>no_proxy</c>) exempts from the proxy, read as curl, Go and Python's requests read it,
/// so an HTTP step goes where the <c>curl</c> of a shell step beside it goes. .NET's own reading knows only exact host
/// names and <c>.domain</c> suffixes: <c>10.0.0.0/8</c>, <c>*</c> and <c>corp.example</c> (for
/// <c>api.corp.example</c>) were ignored, and a request with its bearer token went to the corporate proxy the
/// engineer had exempted the admin API from.
/// </summary>
internal sealed class NoProxyList
{
    private readonly bool _everything;
    private readonly List<(string Domain, int? Port)> _domains = [];
    private readonly List<(IPAddress Network, int PrefixLength, int? Port)> _networks = [];

    private NoProxyList(string? value)
    {
        foreach (var raw in (value ?? "").Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var entry = raw.Trim();
            if (entry == "*")
            {
                _everything = true;
                continue;
            }
            var (host, port) = SplitPort(entry);
            if (host.Length == 0) continue;
            if (Network(host) is { } network)
            {
                _networks.Add((network.Address, network.PrefixLength, port));
                continue;
            }
            // "*.corp.example", ".corp.example" and "corp.example" all name the domain and every host under it.
            var domain = host.TrimStart('*').TrimStart('.').TrimEnd('.').ToLowerInvariant();
            if (domain.Length > 0) _domains.Add((domain, port));
        }
    }

    /// <summary>The list of the environment: <c>no_proxy</c>, else <c>NO_PROXY</c> (the lower-case name first, as curl).</summary>
    public static NoProxyList FromEnvironment(Func<string, string?> environment) =>
        new(environment("no_proxy") is { Length: > 0 } lower ? lower : environment("NO_PROXY"));

    /// <summary>True when a request to <paramref name="uri"/> goes to its host directly, not through a proxy.</summary>
    public bool Exempts(Uri uri)
    {
        if (_everything) return true;
        var host = uri.IdnHost.TrimEnd('.').ToLowerInvariant();
        if (IPAddress.TryParse(host.Trim('[', ']'), out var address))
        {
            foreach (var (network, prefix, port) in _networks)
                if ((port is null || port == uri.Port) && Contains(network, prefix, address)) return true;
        }
        foreach (var (domain, port) in _domains)
        {
            if (port is not null && port != uri.Port) continue;
            if (host == domain || host.EndsWith("." + domain, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>An entry's host and port: <c>host:8080</c>, <c>[::1]:8080</c>; a bare IPv6 address has no port.</summary>
    private static (string Host, int? Port) SplitPort(string entry)
    {
        if (entry.StartsWith('['))
        {
            var close = entry.IndexOf(']');
            if (close < 0) return (entry, null);
            var rest = entry[(close + 1)..];
            return (entry[1..close], rest.StartsWith(':') && int.TryParse(rest[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null);
        }
        var colon = entry.LastIndexOf(':');
        // More than one colon is an IPv6 address (with or without a /prefix), not a host and port.
        if (colon < 0 || entry.IndexOf(':') != colon) return (entry, null);
        return int.TryParse(entry[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            ? (entry[..colon], port)
            : (entry, null);
    }

    /// <summary>An address or a CIDR network (<c>10.0.0.0/8</c>, <c>fd00::/8</c>); null for a host name.</summary>
    private static (IPAddress Address, int PrefixLength)? Network(string host)
    {
        var slash = host.IndexOf('/');
        var text = slash < 0 ? host : host[..slash];
        if (!IPAddress.TryParse(text, out var address)) return null;
        var bits = address.AddressFamily == AddressFamily.InterNetworkV6 ? 128 : 32;
        if (slash < 0) return (address, bits);
        return int.TryParse(host[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var prefix) && prefix <= bits
            ? (address, prefix)
            : null;
    }

    private static bool Contains(IPAddress network, int prefixLength, IPAddress address)
    {
        // An IPv4 address a host reaches over IPv6 (::ffff:10.1.2.3) is the same host.
        if (address.IsIPv4MappedToIPv6 && network.AddressFamily == AddressFamily.InterNetwork) address = address.MapToIPv4();
        if (address.AddressFamily != network.AddressFamily) return false;
        var a = address.GetAddressBytes();
        var n = network.GetAddressBytes();
        for (var bit = 0; bit < prefixLength; bit++)
        {
            var mask = 0x80 >> (bit % 8);
            if ((a[bit / 8] & mask) != (n[bit / 8] & mask)) return false;
        }
        return true;
    }
}
