using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Robustness;

/// <summary>
/// The generator and the analyzers run on every keystroke, so they see every half-written state of a runbook, and the
/// light bulb offers the code fixes for what they find there. Each sample runbook file is cut short after a spread of
/// its tokens (typing it from the top) and has single tokens deleted (an edit in the middle). As in the IDE, one
/// generator driver follows the edits incrementally, every rule runs over each state's compilation with the generated
/// sources in it, and every code fix offered for a finding in the edited file is computed: none may throw, and the
/// generator may not report its own failure. The followed driver's outputs must equal a fresh generator's in every
/// state: it reuses the models of runbooks whose files did not change, and must never show a stale one.
/// </summary>
public sealed class KeystrokeTests
{
    private const int CutsPerFile = 16;

    public static TheoryData<string> Samples => new(SampleSources.Names());

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Neither_the_generator_nor_a_rule_nor_a_fix_fails_on_any_half_written_state_of_a_sample_runbook(string sample)
    {
        using var workspace = new AdhocWorkspace();
        var project = AddProject(workspace, SampleSources.Compilation(sample));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new RunbookSdk.Generators.RunbookGenerator());
        driver = driver.RunGenerators((await project.GetCompilationAsync())!);
        var failures = new List<string>();
        var states = 0;
        var fixesComputed = 0;

        foreach (var document in project.Documents.Where(IsRunbookCode).ToList())
        {
            var text = await document.GetTextAsync();
            var tokens = (await document.GetSyntaxRootAsync())!.DescendantTokens().ToArray();
            var stride = Math.Max(1, tokens.Length / CutsPerFile);
            for (var i = stride / 2; i < tokens.Length; i += stride)
            {
                var token = tokens[i];
                var edits = new (string Kind, TextChange Change)[]
                {
                    ("typed up to", new TextChange(TextSpan.FromBounds(token.Span.End, text.Length), "")),
                    ("deleted", new TextChange(token.Span, "")),
                };
                foreach (var (kind, change) in edits)
                {
                    var where = $"{document.Name} {kind} '{token.Text}' at line {text.Lines.GetLineFromPosition(token.SpanStart).LineNumber + 1}";
                    var edited = document.WithText(text.WithChanges(change));
                    var compilation = (await edited.Project.GetCompilationAsync())!;

                    driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var withGenerated, out _);
                    foreach (var result in driver.GetRunResult().Results)
                    {
                        if (result.Exception is { } exception) failures.Add($"{where}: the generator threw {exception}");
                        // RB0104 is the generator catching its own failure: still a defect the user would see.
                        foreach (var failed in result.Diagnostics.Where(d => d.Id is "RB0104" or "CS8785")) failures.Add($"{where}: {failed.GetMessage()}");
                    }

                    // The followed driver reuses the models of runbooks whose files did not change; a fresh one reads all.
                    var fresh = CSharpGeneratorDriver.Create(new RunbookSdk.Generators.RunbookGenerator()).RunGenerators(compilation).GetRunResult();
                    if (!Outputs(fresh).SequenceEqual(Outputs(driver.GetRunResult())))
                        failures.Add($"{where}: the incremental generator's outputs differ from a fresh generator's (a stale model was reused)");

                    var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]),
                        onAnalyzerException: (exception, analyzer, _) => failures.Add($"{where}: {analyzer.GetType().Name} threw {exception}"),
                        concurrentAnalysis: false, logAnalyzerExecutionTime: false);
                    var diagnostics = await withGenerated.WithAnalyzers(Shipped.Analyzers, options).GetAnalyzerDiagnosticsAsync();
                    foreach (var crash in diagnostics.Where(d => d.Id == "AD0001")) failures.Add($"{where}: {crash.GetMessage()}");

                    var editedTree = await edited.GetSyntaxTreeAsync();
                    foreach (var diagnostic in diagnostics.Where(d => d.Location.SourceTree == editedTree))
                        fixesComputed += await ComputeFixesAsync(edited, diagnostic, where, failures);
                    states++;
                }
            }
        }

        Assert.True(states > 0, $"{sample} has no runbook code to edit.");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(20)));
        Assert.True(fixesComputed > 0, $"No fix was offered in any state of {sample}: the keystrokes did not reach the fixes.");
    }

    /// <summary>What the light bulb does for one finding: asks each fix for its actions and computes their edits.</summary>
    private static async Task<int> ComputeFixesAsync(Document document, Diagnostic diagnostic, string where, List<string> failures)
    {
        var computed = 0;
        foreach (var fix in Shipped.CodeFixes.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
        {
            var actions = new List<CodeAction>();
            try
            {
                await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                foreach (var action in actions)
                {
                    await action.GetOperationsAsync(CancellationToken.None);
                    computed++;
                }
            }
            catch (Exception exception)
            {
                failures.Add($"{where}: {fix.GetType().Name} threw on {diagnostic.Id} {exception}");
            }
        }

        return computed;
    }

    private static IEnumerable<string> Outputs(GeneratorDriverRunResult run) =>
        run.Results.SelectMany(r => r.GeneratedSources).OrderBy(s => s.HintName, StringComparer.Ordinal).Select(s => s.HintName + "\n" + s.SourceText)
            .Concat(run.Diagnostics.Select(d => d.ToString()));

    private static Project AddProject(AdhocWorkspace workspace, CSharpCompilation compilation)
    {
        var project = workspace.AddProject(ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Default, compilation.AssemblyName!, compilation.AssemblyName!,
            LanguageNames.CSharp, compilationOptions: compilation.Options, parseOptions: compilation.SyntaxTrees[0].Options, metadataReferences: compilation.References));
        foreach (var tree in compilation.SyntaxTrees)
            project = project.AddDocument(tree.FilePath, tree.GetText(), filePath: tree.FilePath).Project;
        return project;
    }

    private static bool IsRunbookCode(Document document) =>
        document.TryGetText(out var text) && text.ToString() is var source &&
        (source.Contains("IRunbookBuilder", StringComparison.Ordinal) || source.Contains("IHandbookBuilder", StringComparison.Ordinal));
}
