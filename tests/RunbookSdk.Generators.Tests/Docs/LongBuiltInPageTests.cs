using RunbookSdk.Generators.Docs;

namespace RunbookSdk.Generators.Tests.Docs;

/// <summary>
/// The built-in templates write every page whole, however many runbooks it lists: Scriban cuts a render's output at
/// 1,048,576 characters by default, ending it with "..." and no error, and the index and handbook pages grow with the
/// project (about 78 characters per runbook).
/// </summary>
public sealed class LongBuiltInPageTests
{
    [Fact]
    public void The_index_of_a_project_with_twenty_thousand_runbooks_lists_every_one()
    {
        var runbooks = Enumerable.Range(0, 20_000)
            .Select(i => new RunbookSummary($"service-{i}-incident", $"Service {i} incident", "P1", null))
            .ToArray();

        var page = TemplateSet.Default.RenderPage(TemplateSet.IndexName, () => DocumentViews.Index([], runbooks), CancellationToken.None, out var failure);

        Assert.Null(failure);
        Assert.True(page.Length > 1_048_576, $"The page is {page.Length:N0} characters: too short to show the default limit.");
        Assert.Contains("service-19999-incident", page, StringComparison.Ordinal);
        Assert.EndsWith("\n", page, StringComparison.Ordinal);
        Assert.DoesNotContain("...", page, StringComparison.Ordinal);
    }
}
