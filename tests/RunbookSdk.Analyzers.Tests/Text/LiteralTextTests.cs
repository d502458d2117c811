using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RunbookSdk.Analyzers.Text;

namespace RunbookSdk.Analyzers.Tests.Text;

/// <summary>
/// A finding inside a command squiggles its own text because every value character of a literal maps back to the
/// source character it came from. A multi-line raw string (<c>"""</c> over several lines, the natural way to write a
/// script into a runbook) drops the closing quotes' indentation from every line, so its value is not its source text:
/// without a map of its own, every finding in it covered the whole script, and the fixes that edit the text at the
/// finding (a home path or a password into a parameter, a dev name, a hidden character) were not offered there.
/// </summary>
public sealed class LiteralTextTests
{
    public static TheoryData<string> Literals => new()
    {
        "\"\"\"\n    kubectl get pods -n omnix-dev\n    echo done\n    \"\"\"",
        "\"\"\"\r\n    kubectl get pods\r\n      -n omnix-dev\r\n    \"\"\"",
        "\"\"\"\n        deeper first\n    then less\n\n    after a blank line\n    \"\"\"",
        "\"\"\"\n    a line of blanks longer than the indentation follows\n          \n    end\n    \"\"\"",
        "\"\"\"\n\t\techo tabs\n\t\t  and more\n\t\t\"\"\"",
        "\"\"\"\"\n    echo \"\"\" inside\n    \"\"\"\"",
        "\"\"\"  \n    trailing blanks after the opening quotes\n    \"\"\"",
        "$\"\"\"\n    echo {Region}\n      cd /home/jon/apps/{Region} && ./run.sh\n    \"\"\"",
        "$\"\"\"\n    {Region} starts the first line\n    \"\"\"",
        "$\"\"\"\n    first\n    {Region}\n\n      indented {Region} after a blank\n    \"\"\"",
        "$$\"\"\"\r\n    echo '{ \"a\": 1 }' {{Region}}\r\n    {{Region}}\r\n    \"\"\"",
        "$\"\"\"\n    ends with a hole {Region}\n    \"\"\"",
        "$\"\"\"\n    blanks before a hole\n        {Region}\n    \"\"\"",
    };

    /// <summary>Half typed, as the IDE sees a script being written: no map where the value cannot be followed, and no failure.</summary>
    [Theory]
    [InlineData("\"\"\"")]
    [InlineData("\"\"\"\n")]
    [InlineData("\"\"\"\n    echo")]
    [InlineData("\"\"\"\n    echo\n    \"\"")]
    [InlineData("$\"\"\"\n    echo {Region")]
    [InlineData("$\"\"\"\n    echo {Region}\n  ")]
    [InlineData("$$\"\"\"\n    echo {{Region}} {")]
    public void A_half_typed_raw_string_is_read_without_failing(string literal)
    {
        var tree = CSharpSyntaxTree.ParseText("class C { string Region = \"\"; string S => " + literal, new CSharpParseOptions(LanguageVersion.Preview));
        foreach (var token in tree.GetRoot().DescendantTokens().Where(t => t.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) ||
                     t.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) || t.IsKind(SyntaxKind.InterpolatedStringTextToken)))
        {
            var text = LiteralText.Create(token, raw: true);
            if (text.Map is { } map) Assert.Equal(text.Value.Length + 1, map.Length);
        }
    }

    [Theory]
    [MemberData(nameof(Literals))]
    public void Every_value_character_of_a_multi_line_raw_string_maps_to_the_source_character_it_came_from(string literal)
    {
        var source = "class C { string Region = \"\"; string S => " + literal + "; }";
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview));
        Assert.Empty(tree.GetDiagnostics());
        var tokens = tree.GetRoot().DescendantTokens()
            .Where(t => t.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) || t.IsKind(SyntaxKind.InterpolatedStringTextToken))
            .ToList();
        Assert.NotEmpty(tokens);

        foreach (var token in tokens)
        {
            var text = LiteralText.Create(token, raw: true);
            var map = text.Map;
            Assert.True(map is not null, $"No map for [{token.Text}]");
            Assert.Equal(text.Value.Length + 1, map.Length);
            for (var i = 0; i < text.Value.Length; i++)
            {
                Assert.True(source[map[i]] == text.Value[i], $"Value character {i} of [{text.Value}] maps to '{source[map[i]]}'");
                if (i > 0) Assert.True(map[i] > map[i - 1], $"The map goes back at {i}");
            }

            Assert.True(map[^1] <= token.Span.End);
        }
    }
}
