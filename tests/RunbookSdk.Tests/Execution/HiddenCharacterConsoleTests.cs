using RunbookSdk.Execution;
using RunbookSdk.Hosting;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Execution;

/// <summary>
/// The runner's console shows bidirectional controls and invisible characters as the page does (<c>⟨U+202E⟩</c>):
/// written raw, a terminal that reorders text, or a paste from it, showed the on-call engineer something else.
/// </summary>
public sealed class HiddenCharacterConsoleTests
{
    private sealed class Reordered : Runbook
    {
        public override void Define(IRunbookBuilder rb) => rb
            .Title("Payments \u202Enwod")
            .Phase("Act", p => p.Step("Look\u200B", s => s
                .Run("kubectl\u00A0get pods")
                .Run("kubectl get nodes")
                .Instruction("Open the \u2067dashboard\u2069")))
            .NoRollback("test");
    }

    [Fact]
    public async Task A_dry_run_shows_hidden_characters_visibly_and_clean_commands_as_written()
    {
        var descriptor = new RunbookDescriptor
        {
            Id = "reordered",
            Title = "Payments",
            RunbookType = typeof(Reordered),
            Parameters = [],
            Create = _ => new Reordered(),
            ReadParameters = _ => new Dictionary<string, string>(),
            DocumentFileName = "reordered.md",
            Documentation = "",
        };
        var run = RunContext.Bind(new RunbookCatalog([descriptor], [], ""), descriptor, new Dictionary<string, string>());
        var console = new PlainConsole();

        await new DryRunPrinter(console.Console).ExecuteAsync(run, CancellationToken.None);

        var output = console.Output;
        foreach (var hidden in new[] { "\u202E", "\u200B", "\u2067", "\u2069", "\u00A0" }) Assert.DoesNotContain(hidden, output, StringComparison.Ordinal);
        Assert.Contains("Payments \u27E8U+202E\u27E9nwod", output, StringComparison.Ordinal);
        Assert.Contains("Look\u27E8U+200B\u27E9", output, StringComparison.Ordinal);
        Assert.Contains("$ kubectl\u27E8U+00A0\u27E9get pods", output, StringComparison.Ordinal);
        Assert.Contains("$ kubectl get nodes\n", output, StringComparison.Ordinal);
        Assert.Contains("Open the \u27E8U+2067\u27E9dashboard\u27E8U+2069\u27E9", output, StringComparison.Ordinal);
    }
}
