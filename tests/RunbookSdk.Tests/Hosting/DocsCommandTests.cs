using System.Text;
using RunbookSdk.Hosting;
using RunbookSdk.Tests.Fixtures;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Hosting;

/// <summary><c>docs --out DIR [--check]</c>: generated pages replaced byte for byte, hand-written files kept.</summary>
public sealed class DocsCommandTests
{
    private static readonly RunbookCatalog Catalog = TestCatalog.Create();

    private static Task<HostResult> Docs(RunbookCatalog catalog, string directory, params string[] options) =>
        Host.RunAsync(catalog, ["docs", "--out", directory, .. options]);

    private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    [Fact]
    public async Task Every_page_is_written_byte_for_byte_as_generated()
    {
        using var dir = new TempDirectory();

        var result = await Docs(Catalog, dir.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["deploy-rollback.md", "diagnose-latency.md", "index.md", "platform.md"], Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order());
        Assert.Equal(Utf8(Catalog.IndexDocumentation), File.ReadAllBytes(dir.File("index.md")));
        Assert.Equal(Utf8(Catalog.Handbooks[0].Documentation), File.ReadAllBytes(dir.File("platform.md")));
        foreach (var runbook in Catalog.Runbooks)
            Assert.Equal(Utf8(runbook.Documentation), File.ReadAllBytes(dir.File(runbook.DocumentFileName)));
    }

    [Fact]
    public async Task Pages_keep_their_line_endings_and_unicode_and_get_no_byte_order_mark()
    {
        using var dir = new TempDirectory();

        await Docs(Catalog, dir.Path);

        var bytes = File.ReadAllBytes(dir.File("deploy-rollback.md"));
        Assert.Equal((byte)'<', bytes[0]);
        Assert.Contains("\r\n# Roll back", Encoding.UTF8.GetString(bytes));
        Assert.Contains("répondre", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public async Task Old_generated_pages_are_deleted_and_hand_written_files_kept()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("retired-runbook.md"), $"{TestCatalog.Marker}\n# Retired\n");
        File.WriteAllText(dir.File("README.md"), "# Our runbooks\nWritten by hand.\n");
        File.WriteAllText(dir.File("notes.md"), $"# Notes\n{TestCatalog.Marker}\n");
        File.WriteAllText(dir.File("generated.txt"), $"{TestCatalog.Marker}\n");

        var result = await Docs(Catalog, dir.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.False(File.Exists(dir.File("retired-runbook.md")));
        Assert.Equal("# Our runbooks\nWritten by hand.\n", File.ReadAllText(dir.File("README.md")));
        Assert.True(File.Exists(dir.File("notes.md")));
        Assert.True(File.Exists(dir.File("generated.txt")));
        Assert.Contains("removed 1 no longer generated: retired-runbook.md", result.Output);
    }

    [Fact]
    public async Task A_stale_generated_page_is_replaced()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("platform.md"), $"{TestCatalog.Marker}\n# Old text\n");

        await Docs(Catalog, dir.Path);

        Assert.Equal(Utf8(Catalog.Handbooks[0].Documentation), File.ReadAllBytes(dir.File("platform.md")));
    }

    [Fact]
    public async Task A_page_already_current_is_not_written_again_so_a_build_that_changed_nothing_touches_no_file()
    {
        using var dir = new TempDirectory();
        await Docs(Catalog, dir.Path);
        var yesterday = DateTime.UtcNow.AddDays(-1);
        foreach (var file in Directory.GetFiles(dir.Path)) File.SetLastWriteTimeUtc(file, yesterday);
        File.WriteAllText(dir.File("platform.md"), $"{TestCatalog.Marker}\n# Edited by hand\n");

        var result = await Docs(Catalog, dir.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"Wrote 1 pages to {dir.Path} (3 unchanged).", result.Output);
        Assert.Equal(Utf8(Catalog.Handbooks[0].Documentation), File.ReadAllBytes(dir.File("platform.md")));
        Assert.All(["deploy-rollback.md", "diagnose-latency.md", "index.md"], page => Assert.Equal(yesterday, File.GetLastWriteTimeUtc(dir.File(page))));
    }

    [Fact]
    public async Task A_page_of_the_same_length_that_differs_is_written_again()
    {
        using var dir = new TempDirectory();
        await Docs(Catalog, dir.Path);
        var page = File.ReadAllBytes(dir.File("index.md"));
        page[^2] = page[^2] == (byte)'x' ? (byte)'y' : (byte)'x';
        File.WriteAllBytes(dir.File("index.md"), page);

        var result = await Docs(Catalog, dir.Path);

        Assert.Contains($"Wrote 1 pages to {dir.Path} (3 unchanged).", result.Output);
        Assert.Equal(Utf8(Catalog.IndexDocumentation), File.ReadAllBytes(dir.File("index.md")));
    }

    [Fact]
    public async Task A_generated_page_with_a_byte_order_mark_is_still_recognised_as_generated()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("retired.md"), $"{TestCatalog.Marker}\n", new UTF8Encoding(true));

        await Docs(Catalog, dir.Path);

        Assert.False(File.Exists(dir.File("retired.md")));
    }

    [Fact]
    public async Task A_hand_written_file_in_the_way_of_a_page_is_never_overwritten()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("index.md"), "# My own index\n");
        File.WriteAllText(dir.File("retired.md"), $"{TestCatalog.Marker}\n");

        var result = await Docs(Catalog, dir.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: ", result.Output);
        Assert.Contains("index.md' is hand-written", result.Output);
        Assert.Equal("# My own index\n", File.ReadAllText(dir.File("index.md")));
        Assert.True(File.Exists(dir.File("retired.md")), "nothing is deleted when the docs cannot be written");
    }

    [Fact]
    public async Task A_file_given_as_the_docs_folder_is_named_as_a_file_not_a_folder()
    {
        using var dir = new TempDirectory();
        var file = dir.File("docs");
        File.WriteAllText(file, "not a folder\n");

        var result = await Docs(Catalog, file);

        Assert.Equal(2, result.ExitCode);
        // Not .NET's "The file '…/docs' already exists", which reads as if a page were in the way.
        Assert.Equal($"error: '{file}' is a file, not a folder: the pages cannot be written there. Give --out a folder, or move the file.", result.Output.TrimEnd());
        Assert.Equal("not a folder\n", File.ReadAllText(file));
    }

    [Fact]
    public async Task A_folder_in_the_way_of_a_page_is_reported_before_any_page_is_written()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.File("platform.md"));

        var result = await Docs(Catalog, dir.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("platform.md' is a folder and is in the way of the page of handbook 'platform'", result.Output);
        // Not half a folder: an index linking to a handbook page that was never written.
        Assert.Equal(["platform.md"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task The_folder_is_created_when_missing()
    {
        using var dir = new TempDirectory();
        var nested = Path.Combine(dir.Path, "a", "docs");

        var result = await Docs(Catalog, nested);

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(Path.Combine(nested, "index.md")));
    }

    [Fact]
    public async Task Check_passes_on_a_folder_just_written()
    {
        using var dir = new TempDirectory();
        await Docs(Catalog, dir.Path);
        File.WriteAllText(dir.File("README.md"), "hand-written\n");

        var result = await Docs(Catalog, dir.Path, "--check");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("up to date", result.Output);
    }

    [Fact]
    public async Task Check_lists_stale_missing_and_extra_pages_and_exits_1()
    {
        using var dir = new TempDirectory();
        await Docs(Catalog, dir.Path);
        File.AppendAllText(dir.File("platform.md"), "edited by hand\n");
        File.Delete(dir.File("index.md"));
        File.WriteAllText(dir.File("retired.md"), $"{TestCatalog.Marker}\n");

        var result = await Docs(Catalog, dir.Path, "--check");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("  stale:   platform.md", result.Lines);
        Assert.Contains("  missing: index.md", result.Lines);
        Assert.Contains("  extra:   retired.md", result.Lines);
        Assert.DoesNotContain(result.Lines, l => l.Contains("deploy-rollback.md"));
    }

    [Fact]
    public async Task Check_notices_a_change_in_line_endings_alone()
    {
        using var dir = new TempDirectory();
        await Docs(Catalog, dir.Path);
        var page = dir.File("deploy-rollback.md");
        File.WriteAllText(page, File.ReadAllText(page).ReplaceLineEndings("\n"), new UTF8Encoding(false));

        var result = await Docs(Catalog, dir.Path, "--check");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("  stale:   deploy-rollback.md", result.Lines);
    }

    [Fact]
    public async Task Check_notices_a_page_that_changed_in_the_source()
    {
        using var dir = new TempDirectory();
        await Docs(Catalog, dir.Path);

        var result = await Docs(TestCatalog.WithDocumentation($"{TestCatalog.Marker}\n# New text\n"), dir.Path, "--check");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("  stale:   deploy-rollback.md", result.Lines);
    }

    [Fact]
    public async Task Check_writes_nothing()
    {
        using var dir = new TempDirectory();
        var missing = Path.Combine(dir.Path, "docs");

        var result = await Docs(Catalog, missing, "--check");

        Assert.Equal(1, result.ExitCode);
        Assert.False(Directory.Exists(missing));
        Assert.Contains("  missing: index.md", result.Lines);
    }

    [Fact]
    public async Task A_page_file_name_that_points_outside_the_folder_is_refused()
    {
        using var dir = new TempDirectory();
        var outside = new RunbookCatalog([], [TestCatalog.PlatformDescriptor() is var h ? new HandbookDescriptor
        {
            Id = h.Id, Title = h.Title, HandbookType = h.HandbookType, Create = h.Create, Documentation = h.Documentation,
            DocumentFileName = "../escape.md",
        } : null!], $"{TestCatalog.Marker}\n");

        var result = await Docs(outside, Path.Combine(dir.Path, "docs"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("invalid file name '../escape.md'", result.Output);
        Assert.False(File.Exists(dir.File("escape.md")));
    }

    [Fact]
    public async Task Two_pages_with_the_same_file_name_are_refused()
    {
        using var dir = new TempDirectory();
        var catalog = Catalog with { Runbooks = [Catalog.Runbooks[0], Catalog.Runbooks[0]] };

        var result = await Docs(catalog, dir.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("would all be written to 'deploy-rollback.md'", result.Output);
    }

    [Fact]
    public async Task A_runbook_and_a_handbook_with_one_page_name_are_named_with_their_classes_and_projects()
    {
        // Only the ids were named ("runbook 'platform' and handbook 'platform'"): nothing said which class of which
        // project to rename, and a constant id is not even written in the class.
        using var dir = new TempDirectory();
        var latency = Catalog.Runbooks[1];
        var clashing = new RunbookDescriptor
        {
            Id = "platform", Title = latency.Title, RunbookType = latency.RunbookType, Parameters = latency.Parameters, Create = latency.Create,
            ReadParameters = latency.ReadParameters, DocumentFileName = "platform.md", Documentation = latency.Documentation,
        };
        var catalog = Catalog with { Runbooks = [Catalog.Runbooks[0], clashing] };

        var result = await Docs(catalog, dir.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("handbook 'platform' (class RunbookSdk.Tests.Fixtures.PlatformHandbook in RunbookSdk.Tests) and "
            + "runbook 'platform' (class RunbookSdk.Tests.Fixtures.DiagnoseLatency in RunbookSdk.Tests) would all be written to 'platform.md'; "
            + "give all but one of them another id", result.Output);
        Assert.False(File.Exists(dir.File("index.md")));
    }

    [Fact]
    public async Task Without_out_the_docs_folder_in_the_current_folder_is_used_and_named_in_full()
    {
        // --check, so nothing is written into the test's own folder; the process test of `runbook docs` writes for real.
        var expected = Path.Combine(Environment.CurrentDirectory, "docs");
        Assert.False(Directory.Exists(expected));

        var result = await Host.RunAsync(Catalog, "docs", "--check");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"error: docs in {expected} are not up to date:", result.Output);
        Assert.Contains("  missing: index.md", result.Output);
        Assert.False(Directory.Exists(expected));
    }

    // The build's `docs --out DIR` is answered without the command-line parser (RunbookHost); `-o` goes through it.
    // Both must leave the same folder and say the same, or a build and an engineer's own call would disagree.

    [Fact]
    public async Task The_builds_call_and_the_parsed_command_write_the_same_folder_and_say_the_same()
    {
        using var built = new TempDirectory();
        using var parsed = new TempDirectory();
        foreach (var dir in new[] { built, parsed })
        {
            File.WriteAllText(dir.File("retired.md"), $"{TestCatalog.Marker}\n# Retired\n");
            File.WriteAllText(dir.File("platform.md"), $"{TestCatalog.Marker}\n# Old text\n");
            File.WriteAllText(dir.File("README.md"), "# Ours\n");
            File.WriteAllBytes(dir.File("index.md"), Utf8(Catalog.IndexDocumentation));
        }

        var build = await Host.RunAsync(Catalog, "docs", "--out", built.Path);
        var command = await Host.RunAsync(Catalog, "docs", "-o", parsed.Path);

        Assert.Equal(0, build.ExitCode);
        Assert.Equal(command.ExitCode, build.ExitCode);
        Assert.Equal($"Wrote 3 pages to {built.Path} (1 unchanged); removed 1 no longer generated: retired.md.", build.Output.Trim());
        Assert.Equal(command.Output.Replace(parsed.Path, built.Path), build.Output);
        Assert.Equal(Contents(parsed.Path), Contents(built.Path));
    }

    [Fact]
    public async Task The_builds_call_and_the_parsed_command_refuse_a_hand_written_file_alike()
    {
        using var built = new TempDirectory();
        using var parsed = new TempDirectory();
        File.WriteAllText(built.File("index.md"), "# My own index\n");
        File.WriteAllText(parsed.File("index.md"), "# My own index\n");

        var build = await Host.RunAsync(Catalog, "docs", "--out", built.Path);
        var command = await Host.RunAsync(Catalog, "docs", "-o", parsed.Path);

        Assert.Equal(2, build.ExitCode);
        Assert.Equal(command.ExitCode, build.ExitCode);
        Assert.Equal(command.Output.Replace(parsed.Path, built.Path), build.Output);
        Assert.Equal(["index.md"], Contents(built.Path).Keys);
    }

    [Fact]
    public async Task An_unexpected_failure_of_the_builds_call_is_one_error_line_as_through_the_parser()
    {
        // A folder name no file system takes (an argument array can carry a NUL; a shell cannot): not a DocsException
        // or an IOException, so neither the command's own handling nor, on this path, the parser's handler catches it.
        var build = await Host.RunAsync(Catalog, "docs", "--out", "docs\0here");
        var command = await Host.RunAsync(Catalog, "docs", "-o", "docs\0here");

        Assert.Equal(1, build.ExitCode);
        Assert.StartsWith("error: ", build.Output);
        Assert.Equal(command, build);
    }

    [Theory]
    [InlineData(new[] { "docs", "--out", "site" }, "site")]
    [InlineData(new[] { "docs", "--out", "docs dir/with spaces" }, "docs dir/with spaces")]
    [InlineData(new[] { "docs", "--out", "site", "--check" }, null)]
    [InlineData(new[] { "docs", "-o", "site" }, null)]
    [InlineData(new[] { "docs", "--out", "--check" }, null)]
    [InlineData(new[] { "docs", "--out", "" }, null)]
    [InlineData(new[] { "docs", "--out" }, null)]
    [InlineData(new[] { "docs" }, null)]
    [InlineData(new[] { "list", "--out", "site" }, null)]
    [InlineData(new[] { "--help", "docs", "--out", "site" }, null)]
    public void Only_the_builds_exact_call_skips_the_parser(string[] args, string? directory)
    {
        Assert.Equal(directory is not null, DocsCommand.IsWriteTo(args, out var found));
        Assert.Equal(directory, found);
    }

    [Theory]
    [InlineData("docs", "--out")]
    [InlineData("docs", "--out", "--check")]
    [InlineData("docs", "-o")]
    [InlineData("run", "deploy-rollback", "--dry-run", "--journal")]
    public async Task An_option_given_without_its_value_is_a_usage_error_and_nothing_is_written(params string[] args)
    {
        // The parser binds such an option to its own name for the default command: the pages went into a folder, and a
        // run's journal into a file, named __default_command.
        var result = await Host.RunAsync(Catalog, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Matches(@"^error: Option '(--out|-o|--journal)' was given without its value: \S+ <(DIR|PATH)>\.", result.Output);
        Assert.False(Path.Exists(MissingOptionValueCheck.ParserPlaceholder));
    }

    private static SortedDictionary<string, string> Contents(string directory) =>
        new(Directory.GetFiles(directory).ToDictionary(f => Path.GetFileName(f), File.ReadAllText), StringComparer.Ordinal);
}
