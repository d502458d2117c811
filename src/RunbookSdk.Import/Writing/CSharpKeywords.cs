namespace RunbookSdk.Import.Writing;

/// <summary>
/// C#'s reserved keywords, which no identifier may be without an <c>@</c>: <c>--namespace class</c> wrote
/// <c>namespace class;</c>, which does not compile. Contextual keywords (<c>var</c>, <c>record</c>) are identifiers
/// where a namespace's name stands, and are allowed.
/// </summary>
internal static class CSharpKeywords
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>Whether <paramref name="name"/> is a reserved keyword.</summary>
    /// <param name="name">An identifier, as written.</param>
    public static bool IsReserved(string name) => Reserved.Contains(name);
}
