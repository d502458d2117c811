namespace RunbookSdk.Tests.Commands;

/// <summary>Values that would break out of naive quoting.</summary>
public static class HostileValues
{
    public static readonly string[] All =
    [
        "; rm -rf /",
        "$(id)",
        "`id`",
        "'",
        "\"",
        "\\",
        "line one\nline two",
        "*",
        "~",
        "$HOME",
        "héllo wörld ✓ 日本語",
        "",
        "plain-value_1.2",
        "'\"'\"'",
        "trailing backslash\\",
        "it's a \"test\" of $(echo x) and `echo y`",
        "!event",
        "tab\there",
        "two  spaces",
        "a=b",
        "${HOME}",
        "\\$HOME",
        "$'\\x41'",
        "--flag",
        "}",
        "#not-a-comment",
    ];

    public static TheoryData<string> Theory()
    {
        var data = new TheoryData<string>();
        foreach (var value in All) data.Add(value);
        return data;
    }
}
