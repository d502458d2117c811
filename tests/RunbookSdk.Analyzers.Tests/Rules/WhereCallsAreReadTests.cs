using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// Where the rules read DSL calls from (<c>DslInvocation.Register</c>), pinned for any way of reading them: each part of
/// a partial runbook, a nested type's calls once, top-level statements, not generated code, and only the file and span
/// the IDE asks about. (Reading them per type in a symbol action was tried and measured, and not kept:
/// docs/performance-history.md, "The rules in a symbol action: tried, measured, not kept".)
/// </summary>
public sealed class WhereCallsAreReadTests
{
    private const string Usings = "using System;\nusing RunbookSdk;\n";

    private const string FirstPart = Usings + """
        [Runbook("split")]
        public sealed partial class Split : Runbook<OmnixHandbook>
        {
            public override void Define(IRunbookBuilder rb) => rb
                .Title("Split")
                .Phase("Clean up", TimeBox.Minutes(0, 5), p => p
                    .Step("Wipe the cache", s => s.Run("redis-cli FLUSHALL"))
                    .Step("Drop the table", s => DropTable(s)))
                .Rollback(r => r.Step("Roll back", s => s.Run("./rollback-plan.sh").RequiresConfirmation()))
                .Verification(v => v.Step("Health", s => s.Http("GET", "https://api.omnix.ai/health").ExpectStatus(200)));
        }
        """;

    private const string SecondPart = Usings + """
        public sealed partial class Split
        {
            private static IStepBuilder DropTable(IStepBuilder s) => s.Run("psql -c 'DROP TABLE sessions'");

            private static class Helpers
            {
                public static IStepBuilder Remove(IStepBuilder s) => s.Run("rm -rf /var/lib/omnix/cache");
            }
        }
        """;

    [Fact]
    public async Task Every_part_of_a_partial_runbook_and_a_nested_type_are_read_once_each()
    {
        var diagnostics = await AnalyzeAsync(Compilation(FirstPart, SecondPart));

        var destructive = Destructive(diagnostics);
        Assert.Equal(["first.cs: FLUSHALL", "second.cs: DROP TABLE", "second.cs: rm -rf /var/lib/omnix/cache"], destructive);
    }

    [Fact]
    public async Task The_IDE_asking_about_one_file_gets_that_files_findings_only()
    {
        var compilation = Compilation(FirstPart, SecondPart);
        var second = compilation.SyntaxTrees.Single(t => t.FilePath == "second.cs");
        var withAnalyzers = compilation.WithAnalyzers(Shipped.Analyzers, Options());

        var diagnostics = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(second), filterSpan: null, CancellationToken.None);

        Assert.Equal(["second.cs: DROP TABLE", "second.cs: rm -rf /var/lib/omnix/cache"], Destructive(diagnostics));
    }

    [Fact]
    public async Task The_IDE_asking_about_one_span_gets_the_findings_in_it_only()
    {
        var compilation = Compilation(FirstPart, SecondPart);
        var second = compilation.SyntaxTrees.Single(t => t.FilePath == "second.cs");
        var nested = second.GetText().ToString().IndexOf("private static class Helpers", StringComparison.Ordinal);
        var withAnalyzers = compilation.WithAnalyzers(Shipped.Analyzers, Options());

        var diagnostics = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(
            compilation.GetSemanticModel(second), TextSpan.FromBounds(nested, second.Length), CancellationToken.None);

        Assert.Equal(["second.cs: rm -rf /var/lib/omnix/cache"], Destructive(diagnostics));
    }

    [Fact]
    public async Task A_part_in_generated_code_is_not_judged()
    {
        // The rules skip generated code, also a generated part of a partial runbook: its findings are not the author's to fix.
        var generated = CSharpSyntaxTree.ParseText(SecondPart, path: "second.g.cs");
        var compilation = Compilation(FirstPart, "").AddSyntaxTrees(generated);

        var diagnostics = await AnalyzeAsync(compilation);

        Assert.Equal(["first.cs: FLUSHALL"], Destructive(diagnostics));
    }

    [Fact]
    public async Task Calls_in_top_level_statements_are_read()
    {
        const string program = Usings + """
            Console.WriteLine("runbook helpers");

            static IStepBuilder Wipe(IStepBuilder s) => s.Run("redis-cli FLUSHALL");
            """;
        var compilation = Compilation(program, "").WithOptions(new CSharpCompilationOptions(OutputKind.ConsoleApplication));

        var diagnostics = await AnalyzeAsync(compilation);

        Assert.Equal(["first.cs: FLUSHALL"], Destructive(diagnostics));
    }

    private static CSharpCompilation Compilation(string first, string second) => CSharpCompilation.Create("Calls",
        [Parse(first, "first.cs"), Parse(second, "second.cs"), Parse(Usings + Sources.Handbook, "handbook.cs")],
        TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    private static SyntaxTree Parse(string text, string path) => CSharpSyntaxTree.ParseText(text, path: path);

    private Task<System.Collections.Immutable.ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation) =>
        compilation.WithAnalyzers(Shipped.Analyzers, Options()).GetAnalyzerDiagnosticsAsync();

    // A rule that throws is recorded, not thrown from inside the driver, and fails the test in Destructive.
    private readonly List<string> _crashes = [];

    private CompilationWithAnalyzersOptions Options() =>
        new(new AnalyzerOptions([]), onAnalyzerException: (exception, analyzer, _) => _crashes.Add($"{analyzer.GetType().Name} threw {exception}"),
            concurrentAnalysis: false, logAnalyzerExecutionTime: false);

    /// <summary>RB0005 findings as "file: what is destructive", in source order; no rule may have thrown.</summary>
    private string[] Destructive(IEnumerable<Diagnostic> diagnostics)
    {
        Assert.Empty(_crashes);
        return diagnostics
            .Where(d => d.Id == "RB0005")
            .OrderBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start)
            .Select(d => d.Location.SourceTree!.FilePath + ": " + d.GetMessage().Split('\'')[1])
            .ToArray();
    }
}
