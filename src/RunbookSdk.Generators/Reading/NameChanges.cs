using System.Collections.Generic;

namespace RunbookSdk.Generators.Reading;

/// <summary>
/// What changed between two versions of a compilation that could change what a name binds to: nothing, everything
/// (a reference or a global using), or the simple names of the types and namespaces declared or removed.
/// </summary>
internal sealed class NameChanges
{
    private readonly HashSet<string>? _names;
    private readonly bool _everything;

    public NameChanges(HashSet<string> names) => _names = names;

    private NameChanges(bool everything) => _everything = everything;

    public static NameChanges None { get; } = new(everything: false);

    public static NameChanges Everything { get; } = new(everything: true);

    /// <summary>Whether a model that looked up <paramref name="lookedUp"/> may read differently now.</summary>
    public bool Affects(string[] lookedUp)
    {
        if (_everything) return true;
        if (_names is null) return false;
        foreach (var name in lookedUp)
        {
            if (_names.Contains(name)) return true;
        }

        return false;
    }
}
