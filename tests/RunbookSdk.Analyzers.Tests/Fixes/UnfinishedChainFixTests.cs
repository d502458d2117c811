using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Fixes;

/// <summary>
/// A fix that appends a call to a step's chain (<c>.RequiresConfirmation()</c>, <c>.Timeout(...)</c>) while the
/// developer is typing the chain's next call: it went after the call whose <c>)</c> is not typed yet, that is inside
/// its argument list (<c>.ExpectExitCode(.RequiresConfirmation()</c>, <c>Run("journalctl -f".Timeout(...)</c>), which
/// is code that means something else or nothing. It now goes after the last call that is finished, or, when the
/// command's own call is not, is not offered.
/// </summary>
public sealed class UnfinishedChainFixTests
{
    private const string Top = """
        using System;
        using RunbookSdk;

        [Handbook("quiet")]
        public sealed class QuietHandbook : Handbook
        {
            public override void Define(IHandbookBuilder hb) => hb.Title("Quiet");
        }

        [Runbook("sample")]
        public sealed class Sample : Runbook<QuietHandbook>
        {
            public override void Define(IRunbookBuilder rb) => rb
                .Title("Sample")
                .Phase("P", p => p
                    .Step("Flush", s => s
                        .Run("redis-cli FLUSHALL")
                        .Retry(3, TimeSpan.FromSeconds(5))
                        .ExpectExitCode(
        """;

    [Fact]
    public async Task Confirmation_goes_after_the_last_finished_call_not_into_the_one_being_typed()
    {
        var document = AppliedFixes.Document(Top);
        var finding = Assert.Single(await AppliedFixes.FindingsAsync(document), f => f.Diagnostic.Id == "RB0005");

        var applied = Assert.Single(await AppliedFixes.ApplyEachAsync(document, finding.Diagnostic));

        Assert.True(Squeezed(applied.Source).Contains(".Retry(3,TimeSpan.FromSeconds(5)).RequiresConfirmation().ExpectExitCode(", StringComparison.Ordinal), applied.Source);
        Assert.Equal(ParseErrors(Top), ParseErrors(applied.Source));
    }

    [Fact]
    public async Task A_timeout_is_not_offered_for_a_command_whose_call_is_not_closed_yet()
    {
        var source = Top.Replace(FlushTail, "                .Run(\"journalctl -u api -f\"", StringComparison.Ordinal);
        Assert.NotEqual(Top, source);
        var document = AppliedFixes.Document(source);
        foreach (var finding in await AppliedFixes.FindingsAsync(document))
        {
            foreach (var applied in await AppliedFixes.ApplyEachAsync(document, finding.Diagnostic))
            {
                Assert.DoesNotContain("\"journalctl-uapi-f\".", Squeezed(applied.Source), StringComparison.Ordinal);
                Assert.True(ParseErrors(applied.Source) <= ParseErrors(source), $"'{applied.Title}' for {finding.Diagnostic.Id}:\n{applied.Source}");
            }
        }
    }

    [Fact]
    public async Task A_timeout_still_follows_a_finished_command_when_a_later_call_is_being_typed()
    {
        var source = Top.Replace(FlushTail, """
                            .Run("journalctl -u api -f")
                            .Note(
                    .Step("Next", s => s.Run("echo hi")))
                .NoRollback("read only")
                .Verification(v => v.Step("Health", s => s.Http("GET", "https://api.omnix.ai/health").ExpectStatus(200)));
        }
        """, StringComparison.Ordinal);
        Assert.NotEqual(Top, source);
        var document = AppliedFixes.Document(source);
        var finding = Assert.Single(await AppliedFixes.FindingsAsync(document), f => f.Diagnostic.Id == "RB0015");

        var applied = Assert.Single(await AppliedFixes.ApplyEachAsync(document, finding.Diagnostic));

        Assert.True(Squeezed(applied.Source).Contains(".Run(\"journalctl-uapi-f\").Timeout(TimeSpan.FromMinutes(5)).Note(", StringComparison.Ordinal), applied.Source);
        Assert.Equal(ParseErrors(source), ParseErrors(applied.Source));
    }

    private const string FlushTail = """
                        .Run("redis-cli FLUSHALL")
                        .Retry(3, TimeSpan.FromSeconds(5))
                        .ExpectExitCode(
        """;

    /// <summary>The source without blanks, so a layout is not what is compared.</summary>
    private static string Squeezed(string source) => string.Concat(source.Where(c => !char.IsWhiteSpace(c)));

    private static int ParseErrors(string source) =>
        CSharpSyntaxTree.ParseText(source).GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
}
