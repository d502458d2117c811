using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Fixes;

/// <summary>
/// "Fix all occurrences in document / project" is how a team cleans up an imported wiki: every fix's Fix All, for
/// each kind of fix it offers, is run over files with many findings of one rule — steps side by side in one chain, two
/// findings in one script, the imported seeds — and must write code that compiles, fix at least one finding and
/// bring no finding of another rule. Fixes whose edits meet (two inserts at one place, two rewrites of one literal) are
/// what a Fix All gets wrong and a single fix cannot.
/// </summary>
public sealed class FixAllSoundnessTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "runbook-fix-all-" + Guid.NewGuid().ToString("N"));

    /// <summary>Runbooks with several findings of one rule, close together.</summary>
    public static TheoryData<string> Crowded => new()
    {
        // Destructive commands in one step and in neighbouring steps: RequiresConfirmation once per step.
        Sources.Runbook("""
                        .Step("Clean", s => s.Run("rm -rf /var/cache/app").Run("kubectl delete pod api-0"))
                        .Step("Drop", s => s.Run("psql -c 'DROP TABLE sessions'"))
                        .Step("Flush", s => s.Run("redis-cli FLUSHALL"))
            """),
        // Commands that never end and checks that cannot fail, in one step.
        Sources.Runbook("""
                        .Step("Watch", s => s.Run("kubectl logs -f api-0").Run("tail -f /var/log/app.log"))
            """, "", """v => v.Step("Health", s => s.Run("curl https://api.omnix.ai/health").Run("curl -s https://api.omnix.ai/ready || true"))"""),
        // Two fallbacks, two home paths and two dev names in one script.
        Sources.Runbook("""
                        .Step("Sync", s => s.Run("cd /home/jon/app && ./sync.sh || true; /home/ana/bin/check || true"))
                        .Step("Deploy", s => s.Run("aws lambda update-function-code --function-name api-dev --zip-file fileb:///Users/jon/api-dev.zip").RequiresConfirmation())
            """),
        // Two fallbacks and two clients without --fail in one check.
        Sources.Runbook("""
                        .Step("Look", s => s.Instruction("look"))
            """, "", """v => v.Step("Health", s => s.Run("curl https://api.omnix.ai/health || true; curl https://api.omnix.ai/ready || true"))"""),
        // Commands built from pieces, and parameters interpolated by hand.
        Sources.Runbook("""
                        .Step("Scale", s => s.Run("kubectl scale deploy/" + FunctionName + " --replicas=3").Run(string.Format("aws lambda get-function --function-name {0}", FunctionName)))
            """),
    };

    [Theory]
    [MemberData(nameof(Crowded))]
    public Task Each_fix_all_over_a_crowded_runbook_compiles_fixes_and_adds_no_finding(string source) =>
        CheckEachFixAllAsync(AppliedFixes.Document(source).Project, "a crowded runbook");

    [Theory]
    [MemberData(nameof(ImportedSeedFixTests.Seeds), MemberType = typeof(ImportedSeedFixTests))]
    public Task Each_fix_all_over_an_imported_seed_compiles_fixes_and_adds_no_finding(string seed) =>
        CheckEachFixAllAsync(ImportedSeedFixTests.Imported(seed, _root), seed);

    private static async Task CheckEachFixAllAsync(Project project, string what)
    {
        var findings = (await AppliedFixes.FindingsAsync(project.Documents.First())).Select(f => f.Diagnostic).ToImmutableArray();
        var fixAlls = 0;
        foreach (var provider in Shipped.CodeFixes)
        {
            if (provider.GetFixAllProvider() is not { } fixAll) continue;
            foreach (var ((id, key), offers) in await OfferedAsync(project, provider, findings))
            {
                var document = offers[0].Document;
                foreach (var scope in new[] { FixAllScope.Document, FixAllScope.Project })
                {
                    if (!fixAll.GetSupportedFixAllScopes().Contains(scope)) continue;
                    var context = new FixAllContext(document, provider, scope, key, [id], new Findings(findings), CancellationToken.None);
                    if (await fixAll.GetFixAsync(context) is not { } action) continue;
                    var changed = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single().ChangedSolution.GetProject(project.Id)!;
                    var title = $"Fix all '{key}' for {id} in {scope} ({what})";

                    var errors = (await changed.GetCompilationAsync())!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                    Assert.True(errors.Count == 0, $"{title} wrote code that does not compile: {string.Join("; ", errors.Take(5))}\n{await TextOf(changed, errors)}");
                    var after = (await AppliedFixes.FindingsAsync(changed.Documents.First())).Select(f => f.Diagnostic).ToImmutableArray();
                    // Every finding it was offered for in its scope is gone (a fix may take others with it).
                    var inScope = scope == FixAllScope.Document ? offers.Count(o => o.Document.Id == document.Id) : offers.Length;
                    Assert.True(after.Count(d => d.Id == id) <= findings.Count(d => d.Id == id) - inScope,
                        $"{title} left findings it was offered for: {findings.Count(d => d.Id == id)} before, {inScope} offered, {after.Count(d => d.Id == id)} after\n{await TextOf(changed, after.Where(d => d.Id == id).ToList())}");
                    var added = after.Select(d => d.Id).Except(findings.Select(d => d.Id))
                        .Where(rule => rule != "RB0019") // a skeleton's TODO, which the fix means to leave for the author
                        .ToList();
                    Assert.True(added.Count == 0, $"{title} brought {string.Join(", ", added)}");
                    fixAlls++;
                }
            }
        }

        Assert.True(fixAlls > 0 || await AppliedFixes.FixableFindingsAsync(project) is [],
            $"No Fix All was offered in {what}, though it has findings a fix is for: {string.Join(", ", await AppliedFixes.FixableFindingsAsync(project))}");
    }

    /// <summary>Each kind of fix (rule, equivalence key) the provider offers, with the findings it is offered for.</summary>
    private static async Task<Dictionary<(string Id, string Key), ImmutableArray<(Diagnostic Finding, Document Document)>>> OfferedAsync(Project project, CodeFixProvider provider, ImmutableArray<Diagnostic> findings)
    {
        var offered = new Dictionary<(string, string), ImmutableArray<(Diagnostic, Document)>>();
        foreach (var finding in findings.Where(f => provider.FixableDiagnosticIds.Contains(f.Id)))
        {
            var document = project.GetDocument(finding.Location.SourceTree)!;
            var actions = new List<CodeAction>();
            await provider.RegisterCodeFixesAsync(new CodeFixContext(document, finding, (action, _) => actions.Add(action), CancellationToken.None));
            foreach (var action in actions.SelectMany(a => a.NestedActions.IsEmpty ? [a] : a.NestedActions))
            {
                if (action.EquivalenceKey is not { } key) continue;
                var offers = offered.TryGetValue((finding.Id, key), out var earlier) ? earlier : [];
                if (!offers.Any(o => o.Item1 == finding)) offered[(finding.Id, key)] = offers.Add((finding, document));
            }
        }

        return offered;
    }

    private static async Task<string> TextOf(Project project, List<Diagnostic> errors)
    {
        var tree = errors.FirstOrDefault()?.Location.SourceTree;
        return tree is null ? "" : (await tree.GetTextAsync()).ToString();
    }

    /// <summary>The findings of the project before the fix, as the IDE hands them to a Fix All.</summary>
    private sealed class Findings(ImmutableArray<Diagnostic> findings) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult(findings.Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(findings);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
