using RunbookSdk.Execution;
using RunbookSdk.Hosting;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// Builds a bound run of a runbook written inline, the way the generator would describe it, and runs it through
/// the real <see cref="RunbookRunner"/> with a plain console, a journal in a temp folder and a fake incident clock.
/// </summary>
internal sealed class TestRun : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly Action<IRunbookBuilder, IReadOnlyDictionary<string, string>> _define;
    private readonly List<ParameterDescriptor> _parameters = [];
    private readonly Dictionary<string, string> _defaults = new(StringComparer.OrdinalIgnoreCase);
    private Action<IHandbookBuilder>? _handbook;

    public TestRun(Action<IRunbookBuilder, IReadOnlyDictionary<string, string>> define) => _define = define;

    public TestRun(Action<IRunbookBuilder> define) : this((rb, _) => define(rb)) { }

    public string Id { get; init; } = "test-runbook";
    public FakeClock Clock { get; } = new();
    public ScriptedPrompts Prompts { get; } = new();
    public string JournalPath => _temp.File("journal.jsonl");
    public TempDirectory Temp => _temp;

    public TestRun Parameter(string name, string value, bool secret = false, bool required = false)
    {
        _parameters.Add(new ParameterDescriptor(name, "string", null, secret, IsRequired: required, DefaultText: null));
        _defaults[name] = value;
        return this;
    }

    /// <summary>Gives a declared parameter another value for the runs after: a secret rotated between a run and its resume.</summary>
    public TestRun WithValue(string name, string value)
    {
        Assert.Contains(_parameters, p => p.Name == name);
        _defaults[name] = value;
        return this;
    }

    public TestRun Handbook(Action<IHandbookBuilder> define)
    {
        _handbook = define;
        return this;
    }

    public RunContext Bind(IReadOnlyDictionary<string, string>? arguments = null) => RunContext.Bind(Catalog(), Descriptor(), arguments ?? new Dictionary<string, string>());

    /// <summary>Binds as a resume of <paramref name="resume"/> binds through the API: parameters not given take the journal's values.</summary>
    public RunContext BindForResume(ResumeState resume, IReadOnlyDictionary<string, string>? arguments = null) =>
        RunContext.BindForResume(Catalog(), Descriptor(), arguments ?? new Dictionary<string, string>(), resume);

    /// <summary>Runs it with <paramref name="arguments"/> given (a parameter not given has its default, or on resume the journal's value).</summary>
    public async Task<RunResult> RunAsync(RunnerOptions? options = null, CancellationToken cancellationToken = default, IReadOnlyDictionary<string, string>? arguments = null)
    {
        var console = new PlainConsole();
        var runner = new RunbookRunner(console.Console, (options ?? NonInteractive) with { Clock = Clock, JournalPath = (options?.JournalPath) ?? JournalPath }, Prompts);
        var outcome = await runner.ExecuteAsync(Bind(arguments), cancellationToken);
        return new RunResult(outcome, console.Output, File.Exists(JournalPath) ? Journal.Read(JournalPath) : []);
    }

    public static RunnerOptions NonInteractive => new() { NonInteractive = true };
    public static RunnerOptions Interactive => new();

    public RunbookCatalog Catalog() => new(
        [Descriptor()],
        _handbook is null ? [] : [new HandbookDescriptor
        {
            Id = "test-handbook",
            Title = "Test handbook",
            HandbookType = typeof(InlineHandbook),
            Create = () => new InlineHandbook(_handbook),
            DocumentFileName = "test-handbook.md",
            Documentation = "",
        }],
        "");

    private RunbookDescriptor Descriptor() => new()
    {
        Id = Id,
        Title = "Test runbook",
        RunbookType = typeof(InlineRunbook),
        HandbookId = _handbook is null ? null : "test-handbook",
        Parameters = _parameters,
        Create = values =>
        {
            var bound = new Dictionary<string, string>(_defaults, StringComparer.OrdinalIgnoreCase);
            foreach (var (name, value) in values) bound[name] = value;
            return new InlineRunbook(_define, bound);
        },
        ReadParameters = runbook => ((InlineRunbook)runbook).Values,
        DocumentFileName = "test-runbook.md",
        Documentation = "",
    };

    public void Dispose() => _temp.Dispose();

    private sealed class InlineRunbook(Action<IRunbookBuilder, IReadOnlyDictionary<string, string>> define, Dictionary<string, string> values) : Runbook
    {
        public IReadOnlyDictionary<string, string> Values => values;
        public override void Define(IRunbookBuilder rb) => define(rb, values);
    }

    private sealed class InlineHandbook(Action<IHandbookBuilder> define) : RunbookSdk.Handbook
    {
        public override void Define(IHandbookBuilder hb) => define(hb);
    }
}

/// <summary>What a run returned, showed and journaled.</summary>
internal sealed record RunResult(RunOutcome Outcome, string Output, IReadOnlyList<JournalEvent> Journal)
{
    public int ExitCode => Outcome.ExitCode;

    public IEnumerable<JournalEvent> Events(string name) => Journal.Where(e => e.Name == name);

    /// <summary>Step titles with their recorded result, in order.</summary>
    public IReadOnlyList<string> StepResults => Events("step-finished").Select(e => $"{e["title"]}: {e["result"]}").ToArray();
}
