namespace RunbookSdk.Execution;

/// <summary>One part of an <c>ExpectJson</c> path: a key or an index, and whether it was written in brackets (and so is a whole key).</summary>
/// <param name="Name">The key or the index's digits.</param>
/// <param name="Bracketed">Written as <c>['a.b']</c>, <c>["a.b"]</c> or <c>[0]</c>: never joined with the parts around it.</param>
internal readonly record struct JsonPathPart(string Name, bool Bracketed);

/// <summary>Splits an <c>ExpectJson</c> path into its parts.</summary>
internal static class JsonPathParts
{
    /// <summary>
    /// The parts of <paramref name="path"/>: split at dots outside brackets; <c>[…]</c> is a part of its own, its quotes
    /// taken off; a leading <c>$</c> (JSONPath's root, as <c>$.status</c> is often written) is dropped. Text that ends
    /// inside a bracket is read as a key, as written.
    /// </summary>
    public static IReadOnlyList<JsonPathPart> Of(string path)
    {
        var parts = new List<JsonPathPart>();
        var rest = path.StartsWith('$') && (path.Length == 1 || path[1] is '.' or '[') ? path[1..] : path;
        var plain = new System.Text.StringBuilder();
        void EndPlain()
        {
            if (plain.Length > 0) parts.Add(new(plain.ToString(), false));
            plain.Clear();
        }

        for (var i = 0; i < rest.Length; i++)
        {
            var c = rest[i];
            if (c == '.') { EndPlain(); continue; }
            if (c == '[' && Bracket(rest, i) is { } bracket)
            {
                EndPlain();
                parts.Add(new(bracket.Name, true));
                i = bracket.End;
                continue;
            }
            plain.Append(c);
        }
        EndPlain();
        return parts;
    }

    /// <summary>The key or index in the bracket opening at <paramref name="open"/>, and where it closes; null when it does not close.</summary>
    private static (string Name, int End)? Bracket(string path, int open)
    {
        if (open + 1 < path.Length && path[open + 1] is '\'' or '"')
        {
            var quote = path[open + 1];
            var close = path.IndexOf(quote, open + 2);
            return close > 0 && close + 1 < path.Length && path[close + 1] == ']' ? (path[(open + 2)..close], close + 1) : null;
        }
        var end = path.IndexOf(']', open + 1);
        return end > open + 1 ? (path[(open + 1)..end].Trim(), end) : null;
    }
}
