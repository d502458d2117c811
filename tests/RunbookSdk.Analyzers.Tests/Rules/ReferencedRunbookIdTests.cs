using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using RunbookSdk.Analyzers.Identity;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// An app lists and runs the runbooks of the runbook libraries it references beside its own: RB0011 reports an app's
/// runbook that takes the id of one of them, read from the part the library's generator embedded, as a build sees it.
/// </summary>
public sealed class ReferencedRunbookIdTests
{
    private static string Runbook(string id) => $$"""
        using System;
        using RunbookSdk;

        [Runbook({|#0:"{{id}}"|})]
        public sealed class FlushAppCache : Runbook
        {
            public override void Define(IRunbookBuilder rb) => rb
                .Title("Flush the app's cache")
                .Phase("Act", p => p.Step("Flush", s => s.Run("redis-cli FLUSHALL").RequiresConfirmation()))
                .NoRollback("A flushed cache refills.")
                .Verification(v => v.Step("Check", s => s.Run("redis-cli PING")))
                .Escalation(e => e.Level("On-call", TimeSpan.Zero, "oncall@example.com"));
        }
        """;

    [Theory]
    [InlineData("flush-cache")]
    [InlineData("FLUSH-CACHE")] // `run` finds ids regardless of case; such an id is also reported as not kebab-case only
    public Task An_apps_runbook_with_the_id_of_a_referenced_librarys_runbook_is_reported(string id) =>
        id == "flush-cache"
            ? RunAsync(Runbook(id), new DiagnosticResult("RB0011", DiagnosticSeverity.Error).WithLocation(0).WithArguments(
                "flush-cache", "is also the id of 'Shared.FlushCache' in the referenced runbook library 'Shared'; ids must be unique among the runbooks an app can run"))
            : RunAsync(Runbook(id), new DiagnosticResult("RB0011", DiagnosticSeverity.Error).WithLocation(0).WithArguments(
                "FLUSH-CACHE", "is not kebab-case (lower-case letters and digits in words joined by '-', e.g. 'api-lambda-failure')"));

    [Fact]
    public Task An_id_no_referenced_runbook_uses_passes() => RunAsync(Runbook("flush-app-cache"));

    [Fact]
    public Task A_library_built_without_the_generator_embeds_no_ids_and_is_not_read() =>
        RunAsync(Runbook("flush-cache"), withGenerator: false);

    private static Task RunAsync(string source, params DiagnosticResult[] expected) => RunAsync(source, withGenerator: true, expected);

    private static Task RunAsync(string source, bool withGenerator, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<IdentityAnalyzer, DefaultVerifier> { TestCode = source };
        Verify<IdentityAnalyzer>.Configure(test);
        test.TestState.AdditionalReferences.Add(Library(withGenerator));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>The runbook library as a build references it: compiled (with the real generator), then emitted.</summary>
    private static MetadataReference Library(bool withGenerator)
    {
        const string source = """
            using System;
            using RunbookSdk;

            namespace Shared;

            [Runbook("flush-cache")]
            public sealed class FlushCache : Runbook
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Title("Flush the cache")
                    .Phase("Act", p => p.Step("Flush", s => s.Run("redis-cli FLUSHALL").RequiresConfirmation()))
                    .NoRollback("A flushed cache refills.")
                    .Verification(v => v.Step("Check", s => s.Run("redis-cli PING")))
                    .Escalation(e => e.Level("On-call", TimeSpan.Zero, "oncall@example.com"));
            }
            """;
        return RunbookLibrary.Emit(source, withGenerator: withGenerator);
    }
}
