using System.Text.RegularExpressions;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Docs;

/// <summary>
/// README.md's runbook is the first code a new user copies: it must compile and get no finding, or the product's
/// front page shows a runbook its own analyzers refuse.
/// </summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public async Task Every_csharp_example_in_the_README_compiles_in_a_runbook_project_and_gets_no_finding()
    {
        var readme = File.ReadAllText(Path.Combine(Shipped.RepositoryRoot, "README.md")).ReplaceLineEndings("\n");
        var examples = Regex.Matches(readme, "^```csharp\n(?<code>.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline);
        Assert.NotEmpty(examples);
        foreach (Match example in examples)
        {
            var source = ExampleRunbook.Wrap(example.Groups["code"].Value);
            var line = readme[..example.Index].Count(c => c == '\n') + 1;
            var errors = await ExampleAnalysis.ErrorsAsync(source);
            Assert.True(errors.Length == 0, $"README.md line {line}: the example does not compile:\n{errors}\n{source}");
            var findings = await ExampleAnalysis.FindingsAsync(source, id: null);
            Assert.True(findings.IsEmpty, $"README.md line {line}: the example gets {string.Join("; ", findings)}\n{source}");
        }
    }
}
