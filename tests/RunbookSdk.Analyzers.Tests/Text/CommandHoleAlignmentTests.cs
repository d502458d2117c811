using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Text;

/// <summary>
/// <c>Run($"echo {Count,5}")</c>: the command handler takes no alignment (padding would put spaces inside the quoted
/// word), and the compiler used to say only CS1739, "the best overload for 'AppendFormatted' does not have a parameter
/// named 'alignment'". It now says what is wrong and what to write, while formats still compile.
/// </summary>
public sealed class CommandHoleAlignmentTests
{
    private static IEnumerable<Diagnostic> Errors(string hole)
    {
        var source = $$"""
            using RunbookSdk;

            public static class Steps
            {
                public static IStepBuilder Add(IStepBuilder s, int count) => s.Run($"echo {{hole}}");
            }
            """;
        var compilation = CSharpCompilation.Create("Holes", [CSharpSyntaxTree.ParseText(source)], TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        return compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error);
    }

    [Theory]
    [InlineData("{count,5}")]
    [InlineData("{count,-3:D2}")]
    public void An_alignment_in_a_command_hole_is_refused_in_words_that_say_why(string hole)
    {
        var error = Assert.Single(Errors(hole));

        Assert.Equal("CS0619", error.Id);
        Assert.Contains("A command hole takes no alignment ({Count,5}): padding puts spaces inside the one quoted word the value becomes", error.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{count}")]
    [InlineData("{count:D3}")]
    public void A_hole_without_alignment_still_compiles(string hole) => Assert.Empty(Errors(hole));
}
