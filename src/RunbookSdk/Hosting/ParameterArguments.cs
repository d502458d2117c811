namespace RunbookSdk.Hosting;

/// <summary>Reads <c>name=value</c> words from the command line into parameter values.</summary>
internal static class ParameterArguments
{
    /// <summary>Parses the words; names are case-insensitive, values are taken verbatim (they may contain <c>=</c>).</summary>
    /// <exception cref="ParameterBindingException">A word is not <c>name=value</c>, or a name is given twice.</exception>
    public static IReadOnlyDictionary<string, string> Parse(IEnumerable<string> words)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var word in words)
        {
            var equals = word.IndexOf('=');
            var name = equals > 0 ? word[..equals].Trim() : "";
            if (name.Length == 0)
                throw new ParameterBindingException(word, $"Malformed parameter '{word}': expected name=value, e.g. Region=eu-central-1.");
            if (!values.TryAdd(name, word[(equals + 1)..]))
                throw new ParameterBindingException(name, $"Parameter '{name}' is given more than once.");
        }
        return values;
    }
}
