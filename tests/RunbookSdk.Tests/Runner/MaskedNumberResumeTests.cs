using RunbookSdk.Execution;
using RunbookSdk.Hosting;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A resume whose journal holds a number masked: <c>Port=54321</c> with a secret <c>Pin=543</c> is journaled
/// <c>***21</c>. A required one stopped the resume with its conversion error (<c>Parameter 'Port' expects a whole
/// number, but got '***21'</c>, exit 2) before it could be read from <c>RUNBOOK_SECRET_PORT</c> or asked for; it is now
/// given again as any masked value is. Bound through the descriptor the generator emits, so the conversion is the real one.
/// </summary>
public sealed class MaskedNumberResumeTests
{
    private const string Pin = "543";
    private const string Port = "54321";

    /// <summary>Probes a port, recording each port it is handed; the probe fails until the file <c>Healed</c> names exists.</summary>
    public sealed class ProbeRunbook : Runbook
    {
        [Parameter("Port to probe")] public int Port { get; init; }
        [Parameter("Access PIN"), Secret] public string Pin { get; init; } = "";
        [Parameter("File each probe appends its port to")] public string Record { get; init; } = "";
        [Parameter("File that lets the probe pass once it exists")] public string Healed { get; init; } = "";
        [Parameter("Host the probe names")] public string Target { get; init; } = "db";

        public override void Define(IRunbookBuilder rb) => rb
            .Phase("Probe", p => p
                .Step("Probe the port", s => s.Run($"echo probing {Target}").Execute("probe", _ =>
                {
                    File.AppendAllText(Record, Port.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n");
                    return File.Exists(Healed) ? Task.CompletedTask : throw new InvalidOperationException("port closed");
                })))
            .NoRollback("test");
    }

    /// <summary>
    /// <see cref="ProbeRunbook"/> with a watch of the port started in the background first: the failed probe ends the
    /// run, which stops the watch, and a resume passes its step by and starts it again. Each watch's pid goes to
    /// <c>Record</c>'s <c>.watches</c> file.
    /// </summary>
    public sealed class WatchedProbeRunbook : Runbook
    {
        [Parameter("Port to probe")] public int Port { get; init; }
        [Parameter("Access PIN"), Secret] public string Pin { get; init; } = "";
        [Parameter("File each probe appends its port to")] public string Record { get; init; } = "";
        [Parameter("File that lets the probe pass once it exists")] public string Healed { get; init; } = "";
        [Parameter("Host the probe names")] public string Target { get; init; } = "db";

        public override void Define(IRunbookBuilder rb) => rb
            .Phase("Probe", p => p
                .Step("Watch the port", s => s.Run($"while :; do sleep 0.2; done & echo $! >> {Record + ".watches"}; echo watching {Target} on port {Port}").Idempotent())
                .Step("Probe the port", s => s.Execute("probe", _ =>
                {
                    File.AppendAllText(Record, Port.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n");
                    return File.Exists(Healed) ? Task.CompletedTask : throw new InvalidOperationException("port closed");
                })))
            .NoRollback("test");
    }

    private sealed class Probe : IDisposable
    {
        private readonly TempDirectory _temp = FolderWithoutThePin();

        /// <param name="required">Whether <c>Port</c> is required.</param>
        /// <param name="runbook"><see cref="ProbeRunbook"/>, else a runbook with its parameters (<see cref="WatchedProbeRunbook"/>).</param>
        public Probe(bool required, Type? runbook = null)
        {
            var header = new DescriptorEncoding.Writer()
                .Value(DescriptorEncoding.IdRecord, "probe")
                .Value(DescriptorEncoding.TitleRecord, "Probe")
                .Value(DescriptorEncoding.FileRecord, "probe.md")
                .Parameter("Port", "int", "Port to probe", isSecret: false, isRequired: required, "0")
                .Parameter("Pin", "string", "Access PIN", isSecret: true, isRequired: false, "\"\"")
                .Parameter("Record", "string", null, isSecret: false, isRequired: false, "\"\"")
                .Parameter("Healed", "string", null, isSecret: false, isRequired: false, "\"\"")
                .Parameter("Target", "string", null, isSecret: false, isRequired: false, "\"db\"")
                .ToString();
            Descriptor = GeneratedDescriptors.Runbook(runbook ?? typeof(ProbeRunbook), header, null, "# Probe\n");
            Catalog = new RunbookCatalog([Descriptor], [], "");
        }

        /// <summary>
        /// A temp folder whose path does not hold <see cref="Pin"/>: its name is a random GUID's hex, which holds "543" about
        /// once in 150 folders, and the runner then masks the Record path journaled with it as it masks the Port, so a
        /// resume refused the masked path (a failure CI met by chance).
        /// </summary>
        private static TempDirectory FolderWithoutThePin()
        {
            while (true)
            {
                var folder = new TempDirectory();
                if (!folder.Path.Contains(Pin, StringComparison.Ordinal)) return folder;
                folder.Dispose();
            }
        }

        public RunbookDescriptor Descriptor { get; }
        public RunbookCatalog Catalog { get; }
        public string JournalPath => _temp.File("journal.jsonl");
        public string RecordPath => _temp.File("ports.txt");
        public string[] Ports => File.Exists(RecordPath) ? File.ReadAllLines(RecordPath) : [];
        public int[] Watches => File.Exists(RecordPath + ".watches")
            ? File.ReadAllLines(RecordPath + ".watches").Select(l => int.Parse(l, System.Globalization.CultureInfo.InvariantCulture)).ToArray()
            : [];

        /// <param name="target">The probe's <c>Target</c> on the command line, when given.</param>
        public async Task FailFirstAsync(string? target = null)
        {
            string[] targeted = target is null ? [] : [$"Target={target}"];
            var first = await Host.RunAsync(Catalog, new Dictionary<string, string> { ["RUNBOOK_SECRET_PIN"] = Pin },
                ["run", "probe", $"Port={Port}", $"Record={RecordPath}", $"Healed={_temp.File("healed")}", .. targeted, "--non-interactive", "--journal", JournalPath]);
            Assert.Equal(1, first.ExitCode);
            Assert.Equal("***21", ResumeState.Read(JournalPath).Parameters["Port"]);
        }

        public void Heal() => File.WriteAllText(_temp.File("healed"), "");

        public void Dispose() => _temp.Dispose();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_masked_number_is_read_from_its_variable_on_the_command_line_and_the_resume_runs_with_it(bool required)
    {
        using var probe = new Probe(required);
        await probe.FailFirstAsync();
        probe.Heal();

        var resumed = await Host.RunAsync(probe.Catalog,
            new Dictionary<string, string> { ["RUNBOOK_SECRET_PIN"] = Pin, ["RUNBOOK_SECRET_PORT"] = Port },
            "run", "probe", "--non-interactive", "--resume", probe.JournalPath);

        Assert.True(resumed.ExitCode == 0, resumed.Output);
        Assert.Equal([Port, Port], probe.Ports);
    }

    [Fact]
    public async Task A_required_masked_number_is_asked_for_through_the_api_and_the_resume_runs_with_the_answer()
    {
        using var probe = new Probe(required: true);
        await probe.FailFirstAsync();
        probe.Heal();
        var prompts = new ScriptedPrompts().AnswerMaskedValue(Port);

        var context = RunContext.BindForResume(probe.Catalog, probe.Descriptor, new Dictionary<string, string> { ["Pin"] = Pin }, ResumeState.Read(probe.JournalPath));
        var outcome = await new RunbookRunner(new PlainConsole().Console,
            TestRun.Interactive with { JournalPath = probe.JournalPath, ResumeJournal = probe.JournalPath, EnvironmentVariable = _ => null }, prompts)
            .ExecuteAsync(context, CancellationToken.None);

        Assert.Equal(RunStatus.Succeeded, outcome.Status);
        Assert.Equal(["masked Port = ***21 (RUNBOOK_SECRET_PORT)"], prompts.Questions);
        Assert.Equal([Port, Port], probe.Ports);
    }

    [Fact]
    public async Task The_dry_run_of_the_resume_says_the_number_shown_in_the_plan_stands_in_for_the_value_given_again()
    {
        using var probe = new Probe(required: true);
        await probe.FailFirstAsync();

        var dry = await Host.RunAsync(probe.Catalog, new Dictionary<string, string> { ["RUNBOOK_SECRET_PIN"] = Pin },
            "run", "probe", "--dry-run", "--resume", probe.JournalPath);

        Assert.Equal(0, dry.ExitCode);
        var said = System.Text.RegularExpressions.Regex.Replace(dry.Output, @"\s+", " ");
        Assert.Contains("Port = <given-again:Port> (the journal holds it masked: ***21, which is not what ran; the live resume reads RUNBOOK_SECRET_PORT", said);
        Assert.Contains("where it is used, the plan shows '0' in its place, which the live resume does not run with", said);
        Assert.Equal([Port], probe.Ports);
    }

    [Fact]
    public async Task The_dry_run_of_the_resume_still_marks_a_masked_text_where_it_is_used_beside_a_number_it_cannot_mark()
    {
        using var probe = new Probe(required: true);
        // Journaled db-***21: given again, as the number is.
        await probe.FailFirstAsync(target: $"db-{Port}");

        var dry = await Host.RunAsync(probe.Catalog, new Dictionary<string, string> { ["RUNBOOK_SECRET_PIN"] = Pin },
            "run", "probe", "--dry-run", "--resume", probe.JournalPath);

        Assert.Equal(0, dry.ExitCode);
        var said = System.Text.RegularExpressions.Regex.Replace(dry.Output, @"\s+", " ");
        // Before, the number that takes no marker left every value unmarked: the command read "echo probing db-***21".
        Assert.Contains("$ echo probing <given-again:Target>", said);
        Assert.Contains("Target = <given-again:Target> (the journal holds it masked: db-***21, which is not what ran;", said);
        Assert.DoesNotContain("the plan shows 'db-***21'", said);
        Assert.Contains("where it is used, the plan shows '0' in its place, which the live resume does not run with", said);
    }

    [Fact]
    public async Task The_dry_run_of_the_resume_counts_the_number_it_shows_in_a_watch_s_command_as_unknown_not_as_another_command()
    {
        using var probe = new Probe(required: true, typeof(WatchedProbeRunbook));
        try
        {
            // The watch ran on port 54321, journaled ***21; the failed probe ended the run, which stopped the watch.
            await probe.FailFirstAsync();
            var earlier = Journal.Read(probe.JournalPath).First(e => e.Name == "command-starting")["command"]!;
            Assert.EndsWith("echo watching db on port '***21'", earlier);

            var same = await Host.RunAsync(probe.Catalog, new Dictionary<string, string> { ["RUNBOOK_SECRET_PIN"] = Pin },
                "run", "probe", "--dry-run", "--resume", probe.JournalPath);
            var other = await Host.RunAsync(probe.Catalog, new Dictionary<string, string> { ["RUNBOOK_SECRET_PIN"] = Pin },
                "run", "probe", "--dry-run", "--resume", probe.JournalPath, "Target=db-2");

            Assert.Equal(0, same.ExitCode);
            var said = System.Text.RegularExpressions.Regex.Replace(same.Output, @"\s+", " ");
            Assert.Contains("[its command ran on in the background until the earlier run ended: marked idempotent, the resume starts it again]", said);
            // The plan shows '0' where the port goes, which is no value the resume runs with: not a difference.
            Assert.DoesNotContain("DIFFERENT COMMAND", said);
            Assert.Contains("[the command may differ from the one the earlier run started: it holds <given-again:Port> (shown as '0'), which the dry run does not know; the rest is the same]", said);
            Assert.Contains("this run: $ while :; do sleep 0.2; done & echo $! >> ", said);
            // What the dry run knows still tells: another Target is another command.
            Assert.Contains("[DIFFERENT COMMAND: with this run's parameter values", System.Text.RegularExpressions.Regex.Replace(other.Output, @"\s+", " "));
            Assert.Equal([Port], probe.Ports);
        }
        finally
        {
            foreach (var watch in probe.Watches) Processes.KillIfRunning(watch);
        }
    }

    [Fact]
    public async Task A_non_interactive_resume_without_the_number_is_refused_naming_the_ways_to_give_it_not_with_a_conversion_error()
    {
        using var probe = new Probe(required: true);
        await probe.FailFirstAsync();

        var refused = await Host.RunAsync(probe.Catalog, new Dictionary<string, string> { ["RUNBOOK_SECRET_PIN"] = Pin },
            "run", "probe", "--non-interactive", "--resume", probe.JournalPath);

        Assert.Equal(2, refused.ExitCode);
        var said = System.Text.RegularExpressions.Regex.Replace(refused.Output, @"\s+", " ");
        Assert.Contains("parameter 'Port': the journal holds its value masked (it contained a secret's value or a URL's password: ***21)", said);
        Assert.Contains("set the environment variable RUNBOOK_SECRET_PORT to it", said);
        Assert.DoesNotContain("expects", said);
        Assert.Equal([Port], probe.Ports);
    }
}
