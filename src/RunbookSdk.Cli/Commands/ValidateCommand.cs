using System.ComponentModel;
using RunbookSdk.GitHub;
using RunbookSdk.GitHub.PullRequests;
using RunbookSdk.Validation;
using RunbookSdk.Validation.Reports;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RunbookSdk.Cli.Commands;

/// <summary>
/// <c>validate PATH [-c CONFIGURATION] [--sarif FILE] [--markdown FILE] [--json FILE] [--github-repo owner/name [--pr N] [--sha COMMIT] [--github-api-url URL]]</c>:
/// compiles the runbook projects behind PATH in memory, prints the completeness table, writes the report files and,
/// when asked, reports to GitHub: in a workflow, to the commit the event checked out (and its pull request, if any;
/// <see cref="ReportPlan"/>). The exit code is the validation result's: GitHub problems are warnings.
/// </summary>
internal sealed class ValidateCommand(CliOutput output) : AsyncCommand<ValidateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<PATH>")]
        [Description("A runbook project (.csproj), a solution (.sln, .slnx) or a folder searched recursively.")]
        public string Path { get; set; } = "";

        [CommandOption("--sarif <FILE>")]
        [Description("Write a SARIF 2.1.0 report (for github/codeql-action/upload-sarif).")]
        public string? Sarif { get; set; }

        [CommandOption("--markdown <FILE>")]
        [Description("Write the markdown report; appended when FILE is $GITHUB_STEP_SUMMARY, replaced otherwise.")]
        public string? Markdown { get; set; }

        [CommandOption("--json <FILE>")]
        [Description("Write the JSON report.")]
        public string? Json { get; set; }

        [CommandOption("-c|--configuration <NAME>")]
        [Description("The build configuration to validate, as dotnet build -c takes it (Debug, Release): which DefineConstants and conditional properties apply. Default: Debug, as dotnet build.")]
        public string? Configuration { get; set; }

        [CommandOption("--github-repo <OWNER/NAME>")]
        [Description("Report to this repository: a check run on the commit validated and, for a pull request, one upserted comment. In GitHub Actions the pull request and commit come from the event; elsewhere pass --pr. Token from GITHUB_TOKEN.")]
        public string? GitHubRepo { get; set; }

        [CommandOption("--pr <NUMBER>")]
        [Description("The pull-request number to report to (with --github-repo); in GitHub Actions read from the event, and one that does not match it is not reported to.")]
        public string? PullRequestText { get; set; }

        /// <summary>
        /// <c>--pr</c> as a number (null when not given). Bound as text and read in <see cref="Validate"/>: bound as a
        /// number, <c>--pr abc</c> failed with the parser's "Failed to convert 'abc' to Nullable`1".
        /// </summary>
        public int? PullRequest => int.TryParse(PullRequestText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : null;

        [CommandOption("--sha <COMMIT>")]
        [Description("The commit the job checked out and validated (40 hex digits), with --github-repo: the check run goes on it, and the comment on --pr. For events whose GITHUB_SHA is the default branch's (issue_comment chat commands, workflow_run).")]
        public string? Sha { get; set; }

        [CommandOption("--github-api-url <URL>")]
        [Description("The GitHub REST API root (GitHub Enterprise Server: https://HOST/api/v3/). Default: GITHUB_API_URL, else github.com.")]
        public string? GitHubApiUrl { get; set; }

        public override Spectre.Console.ValidationResult Validate()
        {
            // An empty PATH (an unset variable in a CI script) is a bad command line, not failing runbooks.
            if (Path.Length == 0)
                return Spectre.Console.ValidationResult.Error("PATH is empty: give a runbook project, a solution or a folder.");
            // A report file named by an unset variable ("$GITHUB_STEP_SUMMARY" run outside GitHub Actions) arrives empty:
            // it was validated, then failed on ArgumentException naming no file and skipped the pull request's report;
            // a blank one was written to a file named " ".
            foreach (var (option, file) in new[] { ("--sarif", Sarif), ("--markdown", Markdown), ("--json", Json) })
                if (file is not null && file.Trim().Length == 0)
                    return Spectre.Console.ValidationResult.Error($"{option} was given an empty file name (an unset variable, such as $GITHUB_STEP_SUMMARY outside GitHub Actions?): name the file to write.");
            if (PullRequestText is { } text && PullRequest is null)
                return Spectre.Console.ValidationResult.Error($"--pr {text} is not a pull-request number.");
            // --github-repo alone is for GitHub Actions (the event names the commit); whether it is there is decided at run time.
            if (GitHubRepo is null && PullRequest is not null)
                return Spectre.Console.ValidationResult.Error("--pr needs --github-repo: pass both to report to a pull request, or neither.");
            if (GitHubRepo is null && Sha is not null)
                return Spectre.Console.ValidationResult.Error("--sha needs --github-repo: it names the commit the report goes on.");
            if (Sha is { } sha && !IsCommitSha(sha))
                return Spectre.Console.ValidationResult.Error($"--sha '{sha}' is not a commit SHA; expected 40 hexadecimal digits (git rev-parse HEAD).");
            if (PullRequest is <= 0)
                return Spectre.Console.ValidationResult.Error($"--pr {PullRequest} is not a pull-request number.");
            if (GitHubRepo is { } repo && repo.Split('/') is not [{ Length: > 0 }, { Length: > 0 }])
                return Spectre.Console.ValidationResult.Error($"--github-repo '{repo}' is not a repository; expected owner/name.");
            if (Configuration is { } configuration && (configuration.Trim().Length == 0 || configuration.IndexOfAny(['\'', '$', ';', '(', ')']) >= 0))
                return Spectre.Console.ValidationResult.Error($"--configuration '{configuration}' is not a configuration name.");
            if (GitHubApiUrl is { } url && !IsHttpUrl(url))
                return Spectre.Console.ValidationResult.Error($"--github-api-url '{url}' is not an http(s) URL.");
            return Spectre.Console.ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        // Decided before validating: a workflow in which reporting cannot be right (pull_request_target) is a usage
        // error, not a green check on a commit that was never validated.
        ReportPlan? plan = null;
        if (settings.GitHubRepo is not null)
        {
            plan = ReportPlan.For(settings.PullRequest, WorkflowEvent.FromEnvironment(), settings.Sha?.ToLowerInvariant());
            if (plan.Refusal is { } refusal)
            {
                output.Error.WriteLine($"error: {refusal}");
                return ExitCodes.Usage;
            }
        }

        Validation.ValidationResult result;
        try
        {
            result = await RunbookValidator.ValidateAsync(settings.Path, new ValidationOptions { Configuration = settings.Configuration?.Trim() }, cancellationToken);
        }
        catch (ValidationInputException e)
        {
            output.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Usage;
        }

        // The table and the findings quote what the pull request wrote: the runner must not read a command in them.
        using (WorkflowCommandPause.Around(output.Out))
            ConsoleReport.Write(ReportConsole(), result);
        var exitCode = result.ExitCode;
        try
        {
            ReportFiles.Write(result, settings.Sarif, settings.Markdown, settings.Json);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A report that cannot be written is a broken CI step: say so and fail, the files are what CI reads.
            // The pull request still gets its report: one lost file must not lose the others.
            output.Error.WriteLine($"error: could not write a report file: {e.Message}");
            exitCode = ExitCodes.Failure;
        }

        var checkRunCarriedFindings = false;
        if (settings.GitHubRepo is { } repository && plan is not null)
        {
            foreach (var warning in plan.Warnings) output.Error.WriteLine($"warning: {warning}");
            if (plan.Target is { } target)
            {
                // Ctrl+C or the job's cancellation while reporting cancels the report (which completes its check run)
                // rather than killing the process with the run left in progress.
                PullRequestReport? report;
                using (var interruption = ReportInterruption.Start(cancellationToken))
                    report = await ReportAsync(result, repository, target, settings.GitHubApiUrl, interruption.Token);
                checkRunCarriedFindings = report?.CheckRunId is not null && !report.CheckRunLeftInProgress;
                if (report is { CheckRunLeftInProgress: true, CheckRunId: { } run })
                {
                    // Pending for good, and a required check blocks the pull request: a warning in a passing job went unseen.
                    output.Error.WriteLine($"error: check run {run} on {repository} could not be completed and stays in progress (a required check blocks the pull request until another run completes it); run the job again.");
                    exitCode = ExitCodes.Failure;
                }
            }
        }

        // Workflow commands need no token and no --github-repo: whenever the job runs in GitHub Actions and no check run
        // took the findings, they are written to the log, once. Before, a job without --github-repo (or whose report
        // was skipped) put no annotation on the pull request at all.
        if (!checkRunCarriedFindings) AnnotateFromTheLog(result, reported: settings.GitHubRepo is not null);
        return exitCode;
    }

    /// <summary>
    /// Posts the comment and the check run; what GitHub answered, or null when nothing was sent. The exit code stays
    /// the validation's, unless a check run was left in progress.
    /// </summary>
    private async Task<PullRequestReport?> ReportAsync(Validation.ValidationResult result, string repository, ReportTarget target, string? apiUrl, CancellationToken cancellationToken)
    {
        var where = target.PullRequest is { } pullRequest ? $"{repository}#{pullRequest}" : $"{repository}@{target.HeadSha}";
        try
        {
            // Inside the try: an unusable GITHUB_API_URL is a reporting problem like any other, never the exit code.
            var connection = GitHubConnection.FromEnvironment(repository, apiUrl is null ? null : new Uri(apiUrl));
            // A wait on a rate limit is said as it starts: a job log silent for a minute looked hung.
            connection = connection with { Retry = connection.Retry with { Waiting = message => output.Error.WriteLine($"GitHub: {message}") } };
            if (connection.Token is null)
            {
                output.Error.WriteLine($"warning: GITHUB_TOKEN is not set: the report was not posted to {where}.");
                return null;
            }

            var report = await new PullRequestReporter(connection).ReportAsync(result, target, cancellationToken);
            // Cause, then consequence: why GitHub took no check run, then where the findings went instead.
            foreach (var problem in report.Problems) output.Error.WriteLine($"warning: {problem}");
            if (report.CommentId is { } id)
                output.Out.WriteLine($"GitHub: report comment {(report.CommentCreated ? "posted" : "updated")} on {where} (comment {id}).");
            if (report.CheckRunId is { } run)
                output.Out.WriteLine($"GitHub: check run {run} with {report.Annotations} annotation{(report.Annotations == 1 ? "" : "s")}"
                    + (target.PullRequest is null ? $" on commit {target.HeadSha} (no pull request: no comment)." : "."));
            return report;
        }
        catch (Exception e)
        {
            // The reporter returns GitHub's answers as problems; anything else (a bad URL, a bug) is still only a warning.
            output.Error.WriteLine($"warning: {GitHubErrors.Describe($"report to {where}", e)}");
            return null;
        }
    }

    /// <summary>
    /// In GitHub Actions, when no check run carries the findings (no <c>--github-repo</c>, a fork's read-only token, no
    /// token, a report skipped): workflow commands, which the runner turns into annotations on the pull request's
    /// files without any token.
    /// </summary>
    /// <param name="result">The validation result.</param>
    /// <param name="reported">Whether a report to GitHub was asked for (<c>--github-repo</c>): then the line says no check run took them.</param>
    private void AnnotateFromTheLog(Validation.ValidationResult result, bool reported)
    {
        var findings = result.Findings.Count();
        if (Environment.GetEnvironmentVariable("GITHUB_ACTIONS") != "true" || findings == 0) return;
        foreach (var line in WorkflowAnnotations.Lines(result)) output.Out.WriteLine(line);
        output.Error.WriteLine($"GitHub: {(reported ? "no check run carried the findings; " : "")}{findings} annotation{(findings == 1 ? "" : "s")} written to the job log as workflow commands (GitHub shows the first 10 errors and 10 warnings of a step).");
    }

    /// <summary>
    /// The table as wide as its content when the output is a log or a file (CI logs are not cut at 120 columns, and
    /// ids stay whole); the terminal's width on a terminal.
    /// </summary>
    private IAnsiConsole ReportConsole()
    {
        var terminal = ReferenceEquals(output.Out, System.Console.Out) && !System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output.Out),
        });
        console.Profile.Width = terminal ? Math.Max(80, System.Console.WindowWidth) : 4096;
        return console;
    }

    private static bool IsCommitSha(string text) => text.Length == 40 && text.All(char.IsAsciiHexDigit);

    private static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
