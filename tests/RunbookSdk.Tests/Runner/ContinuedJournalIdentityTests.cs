using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// <c>runs</c> hides a journal whose run a resume given <c>--journal</c> continued in another file: resuming it again
/// would repeat what that one records. It told them apart by the path as written, so a journal resumed through a
/// folder reached by a symbolic link (<c>/srv/ops/journals</c> → <c>/data/journals</c>), or one moved since, was
/// listed as still to resume, with a command that ran the incident's steps a second time. The run now journals the
/// identity of the file it resumed (device and inode), and <c>runs</c> compares files, not spellings.
/// </summary>
public sealed class ContinuedJournalIdentityTests
{
    [Fact]
    public async Task A_journal_resumed_through_a_linked_folder_is_listed_as_continued()
    {
        using var run = Failing(out var fail);
        var (real, first, second) = await ResumedThroughALinkAsync(run, fail);

        var listed = await Host.RunAsync(run.Catalog(), "runs", real);

        Assert.Equal(0, listed.ExitCode);
        Assert.DoesNotContain("resume: ", listed.Output);
        var all = Flat((await Host.RunAsync(run.Catalog(), "runs", real, "--all")).Output);
        Assert.Contains($"continued in {second} (resume that one); journal {first}", all);
    }

    [Fact]
    public async Task A_journal_moved_after_its_run_was_continued_elsewhere_is_listed_as_continued()
    {
        using var run = Failing(out var fail);
        var folder = Directory.CreateDirectory(run.Temp.File("journals")).FullName;
        var first = Path.Combine(folder, "first.jsonl");
        Assert.Equal(1, (await run.RunAsync(TestRun.NonInteractive with { JournalPath = first })).ExitCode);
        fail.Value = false;
        var second = Path.Combine(folder, "second.jsonl");
        Assert.Equal(0, (await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = first, JournalPath = second })).ExitCode);
        var moved = Path.Combine(folder, "kept-for-the-review.jsonl");
        File.Move(first, moved);

        var all = Flat((await Host.RunAsync(run.Catalog(), "runs", folder, "--all")).Output);

        Assert.Contains($"continued in {second} (resume that one); journal {moved}", all);
    }

    [Fact]
    public async Task A_journal_written_before_the_identity_was_recorded_is_still_matched_through_a_linked_folder()
    {
        using var run = Failing(out var fail);
        var (real, first, second) = await ResumedThroughALinkAsync(run, fail);
        File.WriteAllLines(second, File.ReadAllLines(second).Select(l => Regex.Replace(l, ",\"resumedFromFile\":\"[^\"]*\"", "")));
        Assert.DoesNotContain("resumedFromFile", File.ReadAllText(second));

        var all = Flat((await Host.RunAsync(run.Catalog(), "runs", real, "--all")).Output);

        Assert.Contains($"continued in {second} (resume that one); journal {first}", all);
    }

    [Fact]
    public async Task A_journal_resumed_in_place_through_a_link_is_not_continued_in_itself()
    {
        using var run = Failing(out _);
        var (real, link) = LinkedFolder(run);
        var first = Path.Combine(real, "first.jsonl");
        Assert.Equal(1, (await run.RunAsync(TestRun.NonInteractive with { JournalPath = first })).ExitCode);
        Assert.Equal(1, (await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = Path.Combine(link, "first.jsonl"), JournalPath = Path.Combine(link, "first.jsonl") })).ExitCode);

        var listed = Flat((await Host.RunAsync(run.Catalog(), "runs", real)).Output);

        Assert.Contains("resume: ", listed);
        Assert.DoesNotContain("continued in", listed);
    }

    /// <summary>A folder <c>real</c> in the run's temporary folder, and a symbolic link <c>link</c> to it.</summary>
    private static (string Real, string Link) LinkedFolder(TestRun run)
    {
        var real = Directory.CreateDirectory(run.Temp.File("real")).FullName;
        var link = run.Temp.File("link");
        Directory.CreateSymbolicLink(link, real);
        return (real, link);
    }

    /// <summary>
    /// A run that fails in <c>real/first.jsonl</c>, then its resume through the linked folder, written to
    /// <c>real/second.jsonl</c>, which succeeds.
    /// </summary>
    private static async Task<(string Real, string First, string Second)> ResumedThroughALinkAsync(TestRun run, StrongBox<bool> fail)
    {
        var (real, link) = LinkedFolder(run);
        var first = Path.Combine(real, "first.jsonl");
        Assert.Equal(1, (await run.RunAsync(TestRun.NonInteractive with { JournalPath = first })).ExitCode);
        fail.Value = false;
        var second = Path.Combine(real, "second.jsonl");
        Assert.Equal(0, (await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = Path.Combine(link, "first.jsonl"), JournalPath = second })).ExitCode);
        return (real, first, second);
    }

    private static string Flat(string output) => Regex.Replace(output, @"\s+", " ");

    private static TestRun Failing(out StrongBox<bool> fail)
    {
        var box = new StrongBox<bool>(true);
        fail = box;
        return new TestRun(rb => rb
            .Phase("Mitigate", p => p
                .Step("Drain", s => s.Execute("drain", _ => Task.CompletedTask))
                .Step("Fail over", s => s.Execute("fail over", _ => box.Value ? throw new InvalidOperationException("not yet") : Task.CompletedTask)))
            .NoRollback("test"));
    }
}
