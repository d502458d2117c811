namespace RunbookSdk.Requests;

/// <summary>
/// Where in a URL the text written so far has reached, read from its literal parts only: what a hole there holds
/// decides whether its value is sent as written or percent-encoded.
/// </summary>
internal enum UrlPart
{
    /// <summary>Before any <c>scheme://</c>: a hole here is a base URL (<c>{BaseUrl}/health</c>), sent as written.</summary>
    Base,

    /// <summary>After <c>scheme://</c>, before the path: a hole here is a host or port, sent as written.</summary>
    Authority,

    /// <summary>After the first <c>/</c> of the path: a hole here is one path segment's value, encoded.</summary>
    Path,

    /// <summary>After <c>?</c>: a hole here is a query value, encoded.</summary>
    Query,

    /// <summary>After <c>#</c>: a hole here is the fragment's value, encoded.</summary>
    Fragment,
}

/// <summary>How the literal text of a URL moves it from one <see cref="UrlPart"/> to the next.</summary>
internal static class UrlParts
{
    /// <summary>The part a URL is in after <paramref name="literal"/>, written when it was in <paramref name="part"/>.</summary>
    public static UrlPart After(UrlPart part, string literal)
    {
        for (var i = 0; i < literal.Length && part != UrlPart.Fragment; i++)
        {
            switch (literal[i])
            {
                case '#':
                    part = UrlPart.Fragment;
                    break;
                case '?' when part != UrlPart.Query:
                    part = UrlPart.Query;
                    break;
                case ':' when part == UrlPart.Base && string.CompareOrdinal(literal, i + 1, "//", 0, 2) == 0:
                    part = UrlPart.Authority;
                    i += 2;
                    break;
                case '/' when part is UrlPart.Base or UrlPart.Authority:
                    part = UrlPart.Path;
                    break;
            }
        }

        return part;
    }

    /// <summary>Whether a hole in <paramref name="part"/> is sent as written: a base URL, a host or a port.</summary>
    public static bool TakesValueAsWritten(UrlPart part) => part is UrlPart.Base or UrlPart.Authority;
}
