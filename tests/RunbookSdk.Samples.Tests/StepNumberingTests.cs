using System.Text.RegularExpressions;

namespace RunbookSdk.Samples.Tests;

/// <summary>
/// The engineer reads the page and runs the runbook side by side: a step the console or the dry run calls R.1 must be
/// the step the page heads "### R.1" (an option of a decision "#### R.1"), never "R1" on one and "R.1" on the other.
/// </summary>
public partial class StepNumberingTests
{
    [Theory]
    [MemberData(nameof(Samples.Names), MemberType = typeof(Samples))]
    public async Task The_dry_run_numbers_every_step_as_the_page_heads_it(string sample)
    {
        var catalog = Samples.Catalog(sample);
        foreach (var runbook in catalog.Runbooks)
        {
            var (_, output) = await DryRun.Run(catalog, runbook.Id);
            var onPage = PageStep().Matches(runbook.Documentation).Select(m => m.Groups["number"].Value).ToArray();
            var inDryRun = DryRunStep().Matches(output).Select(m => m.Groups["number"].Value).ToArray();

            Assert.NotEmpty(onPage);
            Assert.Equal(onPage, inDryRun);
        }
    }

    // Options of a OneOf decision are headed one level below its "### Choose one: …".
    [GeneratedRegex(@"^####? (?<number>(?:\d+|R|V)\.\d+) ", RegexOptions.Multiline)]
    private static partial Regex PageStep();

    [GeneratedRegex(@"^  (?<number>(?:\d+|R|V)\.\d+) ", RegexOptions.Multiline)]
    private static partial Regex DryRunStep();
}
