using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Samples;

/// <summary>
/// Runs every analyzer over every sample (samples/NAME/**/*.cs) and compares the findings with the deliberate,
/// documented ones. A new finding in a sample is either a defect in the sample or a false positive here.
/// </summary>
public sealed class SampleFindingsTests
{
    /// <summary>Deliberate findings, as "id file(line)". Keep in step with each sample's README.</summary>
    private static readonly Dictionary<string, string[]> s_expected = new()
    {
        ["AuraConnect"] =
        [
            // The seed's review date (April 2025) has passed (kept deliberately, see samples/AuraConnect/README.md).
            "RB0010 AuraConnectHandbook.cs(15)",
        ],
        ["Omnix"] =
        [
            // The seed's next review date, 5 October 2025, has passed (kept deliberately, see samples/Omnix/README.md).
            "RB0010 OmnixHandbook.cs(15)",
            // The production document runs -dev and -staging resources; they are kept as the parameters' defaults, which
            // is what the seed runs, and RB0012 reports each default (see samples/Omnix/README.md).
            "RB0012 ApiLambdaFailure.cs(13)",
            "RB0012 ApiLambdaFailure.cs(16)",
            "RB0012 DatabasePerformance.cs(10)",
            "RB0012 FullSystemRecovery.cs(10)",
            "RB0012 FullSystemRecovery.cs(13)",
            "RB0012 FullSystemRecovery.cs(16)",
            "RB0012 OmnixRunbook.cs(15)",
        ],
    };

    public static TheoryData<string> Samples() => new(SampleSources.Names());

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task EachSampleHasOnlyItsDeliberateFindings(string sample)
    {
        var compilation = SampleSources.Compilation(sample);

        var diagnostics = await compilation.WithAnalyzers(Shipped.Analyzers).GetAllDiagnosticsAsync();
        Assert.Empty(diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("CS", StringComparison.Ordinal)).Select(d => d.ToString()));

        var actual = diagnostics
            .Where(d => d.Id.StartsWith("RB", StringComparison.Ordinal) || d.Id == "AD0001")
            .Select(d => $"{d.Id} {d.Location.SourceTree?.FilePath}({d.Location.GetLineSpan().StartLinePosition.Line + 1})")
            .Order(StringComparer.Ordinal)
            .ToArray();
        var expected = s_expected.TryGetValue(sample, out var known) ? known : [];
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual);
    }
}
