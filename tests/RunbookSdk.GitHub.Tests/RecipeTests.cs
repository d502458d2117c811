namespace RunbookSdk.GitHub.Tests;

/// <summary>
/// The CI recipe (<c>templates/github/runbook-validate.yml</c>) holds up for the pull requests it runs on, and it and
/// the project template's workflow run their jobs as fast as a cold CI machine allows.
/// </summary>
public sealed class RecipeTests
{
    private const string RecipePath = "templates/github/runbook-validate.yml";
    private const string TemplateWorkflowPath = "templates/RunbookSdk.Templates/content/runbook-project/.github/workflows/runbooks.yml";

    private static string Recipe() => Read(RecipePath);

    private static string Read(string path)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "RunbookSdk.sln")))
                return File.ReadAllText(Path.Combine(directory.FullName, path));
        throw new InvalidOperationException("RunbookSdk.sln not found above " + AppContext.BaseDirectory);
    }

    [Theory]
    [InlineData(RecipePath)]
    [InlineData(TemplateWorkflowPath)]
    public void EveryJobRunsWithTieredPgoOffForTheWholeJob(string path)
    {
        // Measured on a 1,000-runbook project's cold compile: a third faster without the runtime's profile-guided
        // tier-up (docs/performance.md). Set on the job, so that every step's processes (build, test, docs, validate)
        // start with it, not one step's.
        var workflow = Read(path);
        var jobs = workflow[workflow.IndexOf("\njobs:\n", StringComparison.Ordinal)..];
        var jobNames = System.Text.RegularExpressions.Regex.Matches(jobs, @"\n  (?<job>[\w-]+):\n").Select(m => m.Groups["job"].Value).ToList();
        Assert.NotEmpty(jobNames);
        foreach (var job in jobNames)
            Assert.Matches(@"\n  " + job + @":\n(    .*\n|\s*\n)*?    env:\n(      .*\n|\s*\n)*?      DOTNET_TieredPGO: 0\n", jobs);
    }

    [Fact]
    public void TheSarifUploadIsSkippedForAPullRequestFromAForkWhoseTokenIsReadOnly()
    {
        var lines = Recipe().Split('\n');
        var step = Array.FindIndex(lines, l => l.Contains("uses: github/codeql-action/upload-sarif", StringComparison.Ordinal));
        Assert.True(step > 0, "the recipe uploads SARIF");

        // The step's `if:` is among the lines between its `- name:` and its `uses:`.
        var start = Array.FindLastIndex(lines, step, l => l.TrimStart().StartsWith("- name:", StringComparison.Ordinal));
        var condition = lines[start..step].Single(l => l.TrimStart().StartsWith("if:", StringComparison.Ordinal));
        Assert.Contains("github.event.pull_request.head.repo.full_name == github.repository", condition, StringComparison.Ordinal);
        Assert.Contains("always()", condition, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSarifUploadCanNeitherFailAPrivateRepositorysJobNorLackThePermissionItNeedsThere()
    {
        // In a private repository upload-sarif reads the workflow run (`actions: read`), and a `permissions:` block
        // grants nothing it does not name; and a private repository without GitHub Code Security refuses the upload.
        // Either turned the job of a passing pull request red: the verdict is validate's, not the upload's.
        var recipe = Recipe();
        var permissions = recipe[recipe.IndexOf("\npermissions:", StringComparison.Ordinal)..recipe.IndexOf("\njobs:", StringComparison.Ordinal)];
        Assert.Matches(@"\n  actions: read\b", permissions);
        Assert.Matches(@"\n  security-events: write\b", permissions);

        var lines = recipe.Split('\n');
        var step = Array.FindIndex(lines, l => l.Contains("uses: github/codeql-action/upload-sarif", StringComparison.Ordinal));
        var start = Array.FindLastIndex(lines, step, l => l.TrimStart().StartsWith("- name:", StringComparison.Ordinal));
        Assert.Contains(lines[start..step], l => l.Trim() == "continue-on-error: true");
    }

    [Fact]
    public void TheRecipeRunsInTheMergeQueueSoARequiredCheckDoesNotBlockIt()
    {
        var recipe = Recipe();
        var on = recipe[recipe.IndexOf("\non:", StringComparison.Ordinal)..recipe.IndexOf("\npermissions:", StringComparison.Ordinal)];
        Assert.Contains("\n  merge_group:", on, StringComparison.Ordinal);
        Assert.Contains("\n  pull_request:", on, StringComparison.Ordinal);
        Assert.DoesNotContain("\n  pull_request_target:", on, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRecipeRunsTheInstalledToolAtThePinnedSdkVersionNotThisRepositorysSource()
    {
        // The recipe is copied into a company's repository, which has no src/RunbookSdk.Cli: `dotnet run --project
        // src/RunbookSdk.Cli` failed every job there ("Couldn't find a project to run"). It installs the packed tool,
        // pinned to the SDK version, and runs `runbook validate`.
        var recipe = Recipe();
        Assert.DoesNotContain("src/RunbookSdk.Cli", recipe, StringComparison.Ordinal);
        Assert.DoesNotContain("dotnet run", recipe, StringComparison.Ordinal);

        var pinned = System.Text.RegularExpressions.Regex.Match(recipe, @"
      RUNBOOK_TOOL_VERSION: (?<version>\S+)
");
        Assert.True(pinned.Success, "the job pins the tool's version in RUNBOOK_TOOL_VERSION");
        var sdkVersion = System.Text.RegularExpressions.Regex.Match(Read("Directory.Build.props"), "<Version>(?<version>[^<]+)</Version>").Groups["version"].Value;
        Assert.Equal(sdkVersion, pinned.Groups["version"].Value);

        var lines = recipe.Split('\n');
        var install = Array.FindIndex(lines, l => l.Contains("dotnet tool install RunbookSdk.Cli --version \"$RUNBOOK_TOOL_VERSION\" --tool-path \"$RUNNER_TEMP/runbook-tool\"", StringComparison.Ordinal));
        var onPath = Array.FindIndex(lines, l => l.Contains("echo \"$RUNNER_TEMP/runbook-tool\" >> \"$GITHUB_PATH\"", StringComparison.Ordinal));
        var validate = Array.FindIndex(lines, l => l.Trim() == "runbook validate .");
        Assert.True(install > 0 && onPath > install && validate > onPath, "the tool is installed and put on PATH before `runbook validate .` runs");
    }

    [Fact]
    public void TheValidateStepPassesNoPullRequestNumberThatIsEmptyOutsideAPullRequest()
    {
        // `--pr ${{ github.event.pull_request.number }}` is `--pr` with no value in a merge_group or push run: a usage
        // error that fails the job. validate reads the pull request from the event instead.
        var recipe = Recipe();
        Assert.Contains("--github-repo ${{ github.repository }}", recipe, StringComparison.Ordinal);
        Assert.DoesNotContain("--pr ", recipe, StringComparison.Ordinal);
    }
}
