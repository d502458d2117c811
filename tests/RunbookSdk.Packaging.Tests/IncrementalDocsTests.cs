using Xunit.Abstractions;

namespace RunbookSdk.Packaging.Tests;

/// <summary>
/// The package's docs target on a developer's machine: a build that compiled nothing does not run the app to write
/// the docs again (a second of a thousand-runbook build, docs/performance.md), yet a page deleted or edited by hand
/// comes back at the next build, an edited runbook rewrites its own page and touches no other, and <c>dotnet clean</c>
/// deletes the target's stamp.
/// </summary>
[Trait("Category", "Slow")]
[Collection(NewRunbookRepository.Collection)]
public sealed class IncrementalDocsTests(NewRunbookRepository repository, ITestOutputHelper log)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);
    private const string Skipped = "Skipping target \"RunbookSdkWriteDocs\" because all output files are up-to-date";
    private const string Page = "payments-api-outage.md";
    private const string OtherPage = "payments.md";

    private string Docs => repository.Docs;

    [Fact]
    public async Task The_docs_are_written_again_only_when_the_app_or_the_docs_folder_changed()
    {
        Assert.True(repository.FirstBuild.ExitCode == 0, repository.FirstBuild.ToString());
        var originalRunbook = File.ReadAllText(repository.Runbook);
        const string StepTitle = "\"Find the last release\"";
        Assert.True(originalRunbook.Contains(StepTitle, StringComparison.Ordinal), "The template's runbook no longer has the step this test renames.");
        var firstDocs = repository.ReadDocs();
        try
        {
            // Whatever the tests before left, this build brings the docs and the target's stamp up to date.
            await Build();
            var longAgo = DateTime.UtcNow.AddDays(-1);
            foreach (var file in Directory.GetFiles(Docs)) File.SetLastWriteTimeUtc(file, longAgo);
            // The pages are now older than the stamp, as they are when nothing changed since the last write.
            File.SetLastWriteTimeUtc(Stamp(), DateTime.UtcNow);

            var nothingChanged = await Build();
            Assert.Contains(Skipped, nothingChanged.Output);
            Assert.All(Directory.GetFiles(Docs), file => Assert.Equal(longAgo, File.GetLastWriteTimeUtc(file)));

            File.Delete(Path.Combine(Docs, Page));
            var deleted = await Build();
            Assert.DoesNotContain(Skipped, deleted.Output);
            Assert.Contains("Wrote 1 pages to", deleted.Output);
            Assert.Equal(firstDocs, repository.ReadDocs());

            File.WriteAllText(Path.Combine(Docs, Page), firstDocs[Page].Replace("Find the last release", "Edited by hand", StringComparison.Ordinal));
            var edited = await Build();
            Assert.Contains("Wrote 1 pages to", edited.Output);
            Assert.Equal(firstDocs, repository.ReadDocs());

            File.SetLastWriteTimeUtc(Path.Combine(Docs, OtherPage), longAgo);
            File.WriteAllText(repository.Runbook, originalRunbook.Replace(StepTitle, "\"Find the release that broke it\"", StringComparison.Ordinal));
            var runbookEdited = await Build();
            Assert.Contains("Wrote 1 pages to", runbookEdited.Output);
            Assert.Contains("Find the release that broke it", File.ReadAllText(Path.Combine(Docs, Page)));
            Assert.Equal(longAgo, File.GetLastWriteTimeUtc(Path.Combine(Docs, OtherPage)));

            var stamp = Stamp();
            var clean = await repository.Processes.Dotnet(repository.RunbookProject, Timeout, "clean", "-v:q");
            Assert.True(clean.ExitCode == 0, clean.ToString());
            Assert.False(File.Exists(stamp), "dotnet clean left the docs target's stamp behind.");
        }
        finally
        {
            // The other tests of the collection share the project and its docs.
            File.WriteAllText(repository.Runbook, originalRunbook);
            await Build();
        }

        Assert.Equal(firstDocs, repository.ReadDocs());
    }

    private string Stamp()
    {
        var stamps = Directory.GetFiles(Path.Combine(repository.RunbookProject, "obj"), "RunbookSdk.docs.stamp", SearchOption.AllDirectories);
        return Assert.Single(stamps);
    }

    private async Task<ProcessResult> Build()
    {
        var build = await repository.Processes.Dotnet(repository.RunbookProject, Timeout, "build", "--no-restore", "-v:n");
        log.WriteLine($"{build.Duration.TotalSeconds,6:0.0}s  {build.CommandLine} (exit code {build.ExitCode})");
        Assert.True(build.ExitCode == 0, build.ToString());
        return build;
    }
}
