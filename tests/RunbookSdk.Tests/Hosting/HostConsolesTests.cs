using RunbookSdk.Hosting;
using RunbookSdk.Tests.Fixtures;
using Spectre.Console;

namespace RunbookSdk.Tests.Hosting;

public sealed class HostConsolesTests
{
    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Redirected_output_or_NO_COLOR_gives_plain_text(bool redirected, bool noColor)
    {
        var writer = new StringWriter();
        var console = HostConsoles.Create(writer, redirected, noColor);

        console.MarkupLine("[bold red]alert[/]");

        Assert.Equal("alert", writer.ToString().TrimEnd());
    }

    [Fact]
    public void Redirected_output_is_not_wrapped_at_80_columns()
    {
        var writer = new StringWriter();
        var console = HostConsoles.Create(writer, redirected: true, noColor: false);
        var line = new string('x', 300);

        console.WriteLine(line);

        Assert.Equal(line, writer.ToString().TrimEnd());
    }

    [Fact]
    public async Task Errors_go_to_the_error_console_and_results_to_the_output_console()
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var consoles = new HostConsoles(HostConsoles.Create(output, true, true), HostConsoles.Create(error, true, true));

        var failed = await RunbookHost.RunAsync(["run", "nope", "--dry-run"], TestCatalog.Create(), consoles, CancellationToken.None);
        var listed = await RunbookHost.RunAsync(["list"], TestCatalog.Create(), consoles, CancellationToken.None);

        Assert.Equal((2, 0), (failed, listed));
        Assert.StartsWith("error: unknown runbook 'nope'", error.ToString());
        Assert.DoesNotContain("error", output.ToString());
        Assert.Contains("deploy-rollback", output.ToString());
    }
}
