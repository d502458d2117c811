namespace RunbookSdk.Tests.Commands;

/// <summary>
/// Values that would break out of naive quoting. Tests run them through real bash, so the value that would start a
/// second command starts a harmless one: had a quoting bug let <c>; rm -rf /</c> through, only rm's --preserve-root
/// would have stood between the test and the machine (it did once, in a helper's experiment).
/// </summary>
public static class HostileValues
{
    public static readonly string[] All =
    [
        "; touch hostile-value-ran",
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
