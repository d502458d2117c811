using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Docs;

/// <summary>What following README.md's commands in this checkout leaves behind.</summary>
public sealed class ReadmeWalkthroughTests
{
    // "Watch a runbook repair a service" runs sandbox-bad-deploy from the repository's root, and every real run appends
    // its journal under .runbook-journals/ in the folder it runs from. A journal records an incident (command output
    // included), not source: `git add -A` after the walkthrough must not pick it up, as the runbook-project template's
    // .gitignore already ensures for users' repositories.
    [Fact]
    public void The_repository_ignores_the_journals_that_the_READMEs_runs_write()
    {
        var ignored = File.ReadAllLines(Path.Combine(Shipped.RepositoryRoot, ".gitignore")).Select(l => l.Trim());
        Assert.Contains(ignored, l => l is ".runbook-journals/" or ".runbook-journals");
    }
}
