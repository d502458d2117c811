using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace RunbookSdk.Execution;

/// <summary>
/// The <see cref="StepContext.Outputs"/> one delegate sees: a copy of the run's outputs that it may read and change,
/// safe to use from several threads of its own. The run takes the copy back when the code ends (<see cref="Close"/>);
/// code the runner stopped waiting for (timed out, interrupted) may still write, but nothing it writes after that reaches
/// a later step.
/// </summary>
/// <param name="earlier">The outputs of the steps before.</param>
/// <param name="lost">Outputs a resumed run could not give back, with why: reading one says so.</param>
/// <param name="written">Told of every output the code sets while its step runs.</param>
internal sealed class DelegateOutputs(IReadOnlyDictionary<string, string> earlier, IReadOnlyDictionary<string, string> lost, Action<string, string> written)
    : IDictionary<string, string>
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _values = new(earlier, StringComparer.OrdinalIgnoreCase);
    private bool _closed;

    /// <summary>Stops taking writes and returns the outputs as the code left them.</summary>
    public IReadOnlyDictionary<string, string> Close()
    {
        lock (_gate)
        {
            _closed = true;
            return new Dictionary<string, string>(_values, StringComparer.OrdinalIgnoreCase);
        }
    }

    public string this[string key]
    {
        get
        {
            lock (_gate)
            {
                if (_values.TryGetValue(key, out var value)) return value;
            }
            throw new KeyNotFoundException(lost.TryGetValue(key, out var why)
                ? $"The output '{key}' is not available to this resumed run: {why}. Run the step that produces it again (start a new run)."
                : $"There is no output '{key}': an earlier step's title, or a name code set with SetOutput.");
        }
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            lock (_gate)
            {
                if (_closed) return;
                _values[key] = value;
                written(key, value);
            }
        }
    }

    public ICollection<string> Keys
    {
        get
        {
            lock (_gate) return _values.Keys.ToArray();
        }
    }

    public ICollection<string> Values
    {
        get
        {
            lock (_gate) return _values.Values.ToArray();
        }
    }

    public int Count
    {
        get
        {
            lock (_gate) return _values.Count;
        }
    }

    public bool IsReadOnly => false;

    public void Add(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            if (_closed) return;
            _values.Add(key, value);
            written(key, value);
        }
    }

    public void Add(KeyValuePair<string, string> item) => Add(item.Key, item.Value);

    public void Clear()
    {
        lock (_gate)
        {
            if (!_closed) _values.Clear();
        }
    }

    public bool Contains(KeyValuePair<string, string> item)
    {
        lock (_gate) return _values.TryGetValue(item.Key, out var value) && value == item.Value;
    }

    public bool ContainsKey(string key)
    {
        lock (_gate) return _values.ContainsKey(key);
    }

    public void CopyTo(KeyValuePair<string, string>[] array, int arrayIndex)
    {
        lock (_gate) ((ICollection<KeyValuePair<string, string>>)_values).CopyTo(array, arrayIndex);
    }

    public bool Remove(string key)
    {
        lock (_gate) return !_closed && _values.Remove(key);
    }

    public bool Remove(KeyValuePair<string, string> item)
    {
        lock (_gate) return !_closed && _values.TryGetValue(item.Key, out var value) && value == item.Value && _values.Remove(item.Key);
    }

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        lock (_gate) return _values.TryGetValue(key, out value);
    }

    /// <summary>A snapshot: the code may go on writing from another thread while it enumerates.</summary>
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        lock (_gate) return _values.ToList().GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
