using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0016's message said only what the page would show ("the generated docs show it as source text"), not what to
/// write instead: a newcomer with a title built from a field had to open the rule's page to learn that a constant, or
/// a parameter in a hole, is what the page can show.
/// </summary>
public sealed class NonConstantArgumentMessageTests
{
    [Fact]
    public async Task The_message_says_what_to_write_instead()
    {
        var document = AppliedFixes.Document(Sources.Runbook("""
                        .Step("Drain " + Environment.MachineName, s => s.Instruction("Drain the node"))
            """));

        var finding = Assert.Single(await AppliedFixes.FindingsAsync(document), f => f.Diagnostic.Id == "RB0016");

        Assert.Equal(
            "'\"Drain \" + Environment.MachineName' is not a compile-time constant; the generated docs show it as source text: "
            + "write a constant, or make the part that varies a [Parameter] used as a hole",
            finding.Diagnostic.GetMessage());
    }
}
