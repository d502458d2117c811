namespace RunbookSdk.Hosting;

/// <summary>Reads <c>name=value</c> words from the command line into parameter values.</summary>
internal static class ParameterArguments
{
    /// <summary>Parses the words; names are case-insensitive, values are taken verbatim (they may contain <c>=</c>).</summary>
    /// <exception cref="ParameterBindingException">A word is not <c>name=value</c>, or a name is given twice.</exception>
    public static IReadOnlyDictionary<string, string> Parse(IEnumerable<string> words)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var position = 0;
        foreach (var word in words)
        {
            position++;
            var equals = word.IndexOf('=');
            var name = equals > 0 ? word[..equals].Trim() : "";
            // Not echoed: a word without a name is as likely a mistyped secret (ApiToken:s3cret, or a value split
            // from its name by a space) as anything else, and this message goes to a terminal or a CI log.
            if (name.Length == 0)
                throw new ParameterBindingException("", $"Malformed parameter: the {Ordinal(position)} parameter argument is not name=value (it is not shown: it may hold a secret value); expected e.g. Region=eu-central-1.");
            if (!values.TryAdd(name, word[(equals + 1)..]))
                throw new ParameterBindingException(name, $"Parameter '{name}' is given more than once.");
        }
        return values;
    }

    private static string Ordinal(int n) => n + (n % 100 is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });
}
