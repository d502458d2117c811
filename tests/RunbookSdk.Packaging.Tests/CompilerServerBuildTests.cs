using Xunit.Abstractions;

namespace RunbookSdk.Packaging.Tests;

/// <summary>
/// What <c>dotnet build</c> does on a developer's machine: it compiles through the compiler server, which keeps the
/// project's generator driver from one build to the next (enable-generator-cache, on by the package's targets), so a build
/// reads again only the runbooks whose files changed. After each edit a developer makes — a runbook (also one the rules
/// refuse, whose build fails, and then mended), the handbook, a file
/// without runbooks, a runbook added, one removed, a page template of the project's own added, changed and removed,
/// everything undone — the docs a build through the kept state writes must
/// equal the docs of the same sources built by a fresh generator. The reuse tests check this with Roslyn's driver
/// in-process; this is the real server, the generator as the package delivers it, and the docs the build writes.
/// </summary>
[Trait("Category", "Slow")]
[Collection(NewRunbookRepository.Collection)]
public sealed class CompilerServerBuildTests(NewRunbookRepository repository, ITestOutputHelper log)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);
    private const string Page = "payments-api-outage.md";
    private const string HandbookPage = "payments.md";
    private const string AddedPage = "payments-cache-outage.md";

    private string Handbook => Path.Combine(repository.RunbookProject, "ServiceHandbook.cs");
    private string Helpers => Path.Combine(repository.RunbookProject, "Hosts.cs");
    private string AddedRunbook => Path.Combine(repository.RunbookProject, "CacheOutage.cs");
    private string Template => Path.Combine(repository.RunbookProject, "runbook-templates", "runbook.md.sbntxt");

    [Fact]
    public async Task Builds_through_the_compiler_servers_kept_generator_write_the_docs_a_fresh_generator_writes()
    {
        Assert.True(repository.FirstBuild.ExitCode == 0, repository.FirstBuild.ToString());
        var originalRunbook = File.ReadAllText(repository.Runbook);
        var originalHandbook = File.ReadAllText(Handbook);
        var firstDocs = repository.ReadDocs();
        const string StepTitle = "\"Find the last release\"";
        const string LevelContact = "TimeSpan.FromMinutes(15), \"owner@example.com\")";
        Assert.True(originalRunbook.Contains(StepTitle, StringComparison.Ordinal), "The template's runbook no longer has the step this test renames.");
        Assert.True(originalHandbook.Contains(LevelContact, StringComparison.Ordinal), "The template's handbook no longer has the escalation level this test changes.");
        var restored = false;
        try
        {
            // The fixture built without the server: this is the project's first build in it, with nothing kept yet.
            File.SetLastWriteTimeUtc(repository.Runbook, DateTime.UtcNow);
            await BuildBothWays("the project's first build in the server", docs => Assert.Equal(firstDocs, docs));

            File.WriteAllText(repository.Runbook, originalRunbook.Replace(StepTitle, "\"Find the release that broke it\"", StringComparison.Ordinal));
            await BuildBothWays("a step renamed in the runbook", docs =>
            {
                Assert.Contains("Find the release that broke it", docs[Page]);
                Assert.DoesNotContain("Find the last release", docs[Page]);
            });

            // The rules run in the same server from build to build: a finding comes with the edit and goes with it.
            var renamed = File.ReadAllText(repository.Runbook);
            var rollback = renamed.IndexOf("        .Rollback(", StringComparison.Ordinal);
            var verification = renamed.IndexOf("        .Verification(", StringComparison.Ordinal);
            Assert.True(rollback > 0 && verification > rollback, "The template's runbook no longer has a Rollback section before Verification.");
            File.WriteAllText(repository.Runbook, renamed[..rollback] + renamed[verification..]);
            var incomplete = await Build("-p:UseSharedCompilation=true");
            Assert.True(incomplete.ExitCode != 0 && incomplete.Output.Contains("error RB0002", StringComparison.Ordinal),
                $"Without its rollback, the runbook built through the compiler server:\n{incomplete}");
            File.WriteAllText(repository.Runbook, renamed);
            await BuildBothWays("the rollback written back", docs => Assert.Contains("Find the release that broke it", docs[Page]));

            // The runbook inherits its escalation: its page, in a file that did not change, shows the new contact too.
            File.WriteAllText(Handbook, originalHandbook.Replace(LevelContact, "TimeSpan.FromMinutes(15), \"api-owner@example.com\")", StringComparison.Ordinal));
            await BuildBothWays("an escalation contact changed in the handbook", docs =>
            {
                Assert.Contains("api-owner@example.com", docs[HandbookPage]);
                Assert.Contains("api-owner@example.com", docs[Page]);
            });

            var beforeHelpers = repository.ReadDocs();
            File.WriteAllText(Helpers, """
                namespace Payments;

                /// <summary>Names the runbooks could share; no runbook is declared here.</summary>
                public static class Hosts
                {
                    public const string Bastion = "bastion.example.com";
                }
                """);
            await BuildBothWays("a file without runbooks added", docs => Assert.Equal(beforeHelpers, docs));

            File.WriteAllText(AddedRunbook, """
                using RunbookSdk;

                namespace Payments;

                /// <summary>The cache stops answering.</summary>
                [Runbook("payments-cache-outage")]
                public sealed class CacheOutage : Runbook<ServiceHandbook>
                {
                    public override void Define(IRunbookBuilder rb) => rb
                        .Title("Cache outage")
                        .Severity(Severity.P2)
                        .Phase("Restore", TimeBox.Minutes(0, 10), p => p
                            .Step("Restart the cache", s => s
                                .Run("kubectl rollout restart statefulset/cache -n payments")))
                        .NoRollback("A restart changes nothing that needs undoing")
                        .Verification(v => v
                            .Step("Health is green", s => s
                                .Http("GET", "https://api.example.com/health")
                                .ExpectStatus(200)));
                }
                """);
            await BuildBothWays("a runbook added", docs =>
            {
                Assert.Contains("Cache outage", docs[AddedPage]);
                Assert.Contains(AddedPage, docs["index.md"]);
            });

            File.Delete(AddedRunbook);
            await BuildBothWays("a runbook removed", docs =>
            {
                Assert.False(docs.ContainsKey(AddedPage), "The removed runbook's page is still there.");
                Assert.DoesNotContain(AddedPage, docs["index.md"]);
            });

            // Every page depends on the project's templates, in files that are not code.
            Directory.CreateDirectory(Path.GetDirectoryName(Template)!);
            File.WriteAllText(Template, "{{ marker }}\n# {{ title }}\n\nWritten with the team's template.\n");
            await BuildBothWays("a page template of the project's own added", docs => Assert.Contains("Written with the team's template.", docs[Page]));

            File.WriteAllText(Template, "{{ marker }}\n# {{ title }}\n\nWritten with the team's second template.\n");
            await BuildBothWays("the project's page template changed", docs => Assert.Contains("Written with the team's second template.", docs[Page]));

            Directory.Delete(Path.GetDirectoryName(Template)!, recursive: true);
            await BuildBothWays("the project's page template removed", docs => Assert.DoesNotContain("team's", docs[Page]));

            File.Delete(Helpers);
            File.WriteAllText(Handbook, originalHandbook);
            File.WriteAllText(repository.Runbook, originalRunbook);
            await BuildBothWays("every edit undone", docs => Assert.Equal(firstDocs, docs));
            restored = true;
        }
        finally
        {
            // The other tests of the collection share the project and its docs.
            File.Delete(AddedRunbook);
            File.Delete(Helpers);
            if (Directory.Exists(Path.GetDirectoryName(Template))) Directory.Delete(Path.GetDirectoryName(Template)!, recursive: true);
            File.WriteAllText(Handbook, originalHandbook);
            File.WriteAllText(repository.Runbook, originalRunbook);
            // After a failure the docs are an edit's: built again, without the server, so the failure above stays the
            // only one. Logged, not asserted: an assertion here would hide it.
            if (!restored) await Build("--no-incremental");
        }
    }

    /// <summary>
    /// Builds the sources as they are through the compiler server with the generator's state kept, then again with a
    /// fresh generator; both must write the same docs, which <paramref name="check"/> then reads.
    /// </summary>
    private async Task BuildBothWays(string edit, Action<IReadOnlyDictionary<string, string>> check)
    {
        var kept = await Build("-p:UseSharedCompilation=true");
        Assert.True(kept.ExitCode == 0, $"After {edit}, the build through the kept state failed:\n{kept}");
        // Without the server, there is no kept state: the test would compare a fresh generator with itself.
        Assert.True(kept.Output.Contains("CompilerServer: server - server processed compilation", StringComparison.Ordinal),
            $"After {edit}, the compiler server did not compile the project:\n{kept}");
        var keptDocs = repository.ReadDocs();

        var fresh = await Build("-p:UseSharedCompilation=true", "-p:RunbookSdkGeneratorCache=false", "--no-incremental");
        Assert.True(fresh.ExitCode == 0, $"After {edit}, the build with a fresh generator failed:\n{fresh}");
        var freshDocs = repository.ReadDocs();

        foreach (var page in freshDocs.Keys.Union(keptDocs.Keys).Order(StringComparer.Ordinal))
        {
            Assert.True(keptDocs.TryGetValue(page, out var keptPage), $"After {edit}, the build through the kept state did not write {page}.");
            Assert.True(freshDocs.TryGetValue(page, out var freshPage), $"After {edit}, the build through the kept state wrote {page}, which a fresh generator does not.");
            Assert.True(keptPage == freshPage, $"After {edit}, the build through the kept state wrote another {page} than a fresh generator:\n--- kept\n{keptPage}\n--- fresh\n{freshPage}");
        }
        check(keptDocs);
    }

    private async Task<ProcessResult> Build(params string[] properties)
    {
        var build = await repository.Processes.Dotnet(repository.RunbookProject, Timeout, ["build", "--no-restore", "-v:n", .. properties]);
        log.WriteLine($"{build.Duration.TotalSeconds,6:0.0}s  {build.CommandLine} (exit code {build.ExitCode})");
        return build;
    }
}
