namespace Sandbox.Service;

/// <summary>
/// What the sandbox is running: a version (any version containing "bad" is broken), the versions it replaced, and a
/// fault switch that simulates a failed dependency. Thread-safe; every request reads one consistent snapshot.
/// </summary>
internal sealed class ServiceState(string initialVersion)
{
    private readonly Lock _gate = new();
    private readonly Stack<string> _history = new();
    private string _version = initialVersion;
    private bool _fault;
    private int _deploys;
    private int _rollbacks;

    public Snapshot Read()
    {
        lock (_gate) return new Snapshot(_version, _history.Count > 0 ? _history.Peek() : null, _fault, _deploys, _rollbacks);
    }

    public Snapshot Deploy(string version)
    {
        lock (_gate)
        {
            _history.Push(_version);
            _version = version;
            _deploys++;
        }
        return Read();
    }

    /// <summary>Returns to the version before the last deploy; null when there is none.</summary>
    public Snapshot? Rollback()
    {
        lock (_gate)
        {
            if (_history.Count == 0) return null;
            _version = _history.Pop();
            _rollbacks++;
        }
        return Read();
    }

    public Snapshot SetFault(bool on)
    {
        lock (_gate) _fault = on;
        return Read();
    }
}

/// <summary>The service's state at one moment.</summary>
internal sealed record Snapshot(string Version, string? Previous, bool Fault, int Deploys, int Rollbacks)
{
    public bool VersionBroken => Version.Contains("bad", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why health fails, or null when it is healthy.</summary>
    public string? Problem => Fault ? "dependency unavailable (fault switch is on)"
        : VersionBroken ? $"version {Version} fails its start-up checks"
        : null;
}
