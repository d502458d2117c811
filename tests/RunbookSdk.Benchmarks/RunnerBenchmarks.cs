using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using RunbookSdk.Execution;
using RunbookSdk.Hosting;
using Spectre.Console;

namespace RunbookSdk.Benchmarks;

/// <summary>
/// Runner overhead per step: a run of 100 in-process no-op steps, and of 20 shell steps (`true`), against a bare
/// loop doing the same work without the runner (calling the delegates; spawning `bash -c true`). Divide by the step
/// count for the per-step figure. Every step is journaled and handed to the operating system, as in a real run. A
/// phase step's C# code is opaque, so its start is also forced to the disk (one fsync per step) before it runs; the
/// same steps marked <c>Idempotent()</c>, whose start a resume does not ask about, measure the runner's own work.
/// </summary>
[MemoryDiagnoser]
public class RunnerBenchmarks
{
    public const int NoOpSteps = 100;
    public const int ShellSteps = 20;

    private readonly string _journals = Path.Combine(Path.GetTempPath(), "runbook-bench-" + Guid.NewGuid().ToString("N"));
    private IAnsiConsole _console = null!;
    private RunbookCatalog _catalog = null!;

    [GlobalSetup]
    public void Setup()
    {
        Directory.CreateDirectory(_journals);
        _console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(TextWriter.Null), Interactive = InteractionSupport.No });
        _catalog = new RunbookCatalog([Descriptor<NoOpRunbook>("bench-noop"), Descriptor<IdempotentNoOpRunbook>("bench-noop-idempotent"), Descriptor<ShellRunbook>("bench-shell")], [], "");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_journals, recursive: true);

    [Benchmark(Description = "bare loop: 100 no-op delegates")]
    public async Task BareNoOps()
    {
        var context = new StepContext(new Dictionary<string, string>(), _ => { }, new Dictionary<string, string>(), CancellationToken.None);
        for (var i = 0; i < NoOpSteps; i++) await NoOpRunbook.NoOp(context);
    }

    [Benchmark(Description = "runner: 100 no-op delegate steps")]
    public Task<RunOutcome> RunnerNoOps() => Run("bench-noop");

    [Benchmark(Description = "runner: 100 no-op delegate steps, Idempotent()")]
    public Task<RunOutcome> RunnerIdempotentNoOps() => Run("bench-noop-idempotent");

    [Benchmark(Description = "bare loop: 20 x bash -c true")]
    public async Task BareSpawns()
    {
        for (var i = 0; i < ShellSteps; i++)
        {
            var start = new ProcessStartInfo("/bin/bash") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("true");
            using var process = Process.Start(start)!;
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
        }
    }

    [Benchmark(Description = "runner: 20 shell steps (true)")]
    public Task<RunOutcome> RunnerShell() => Run("bench-shell");

    /// <summary>The journal of the last run, for tests that check what a measured run did.</summary>
    public string? LastJournal { get; private set; }

    private async Task<RunOutcome> Run(string id)
    {
        var runbook = _catalog.FindRunbook(id)!;
        var context = RunContext.Bind(_catalog, runbook, new Dictionary<string, string>());
        LastJournal = Path.Combine(_journals, Guid.NewGuid().ToString("N") + ".jsonl");
        var options = new RunnerOptions { NonInteractive = true, AssumeYes = true, JournalPath = LastJournal };
        var outcome = await new RunbookRunner(_console, options).ExecuteAsync(context, CancellationToken.None);
        // A run the runner refused or stopped early is far cheaper than one that ran every step: timing it would
        // report an overhead nobody pays, so the benchmark fails instead.
        if (outcome.Status != RunStatus.Succeeded)
            throw new InvalidOperationException($"The benchmark runbook '{id}' did not run to its end ({outcome.Status}: {outcome.Reason}); nothing measured of it is real.");
        return outcome;
    }

    private static RunbookDescriptor Descriptor<T>(string id) where T : Runbook, new() => new()
    {
        Id = id,
        Title = id,
        RunbookType = typeof(T),
        Parameters = [],
        Create = _ => new T(),
        ReadParameters = _ => new Dictionary<string, string>(),
        DocumentFileName = id + ".md",
        Documentation = "",
    };

    /// <summary>100 steps that do nothing, so only the runner's own work is measured.</summary>
    public sealed class NoOpRunbook : Runbook
    {
        public static Task NoOp(StepContext context) => Task.CompletedTask;

        public override void Define(IRunbookBuilder rb) => rb
            .Phase("No-ops", p =>
            {
                for (var i = 0; i < NoOpSteps; i++) p.Step($"Step {i}", s => s.Execute("nothing", NoOp));
            })
            .NoRollback("benchmark")
            .Verification(v => v.Step("Done", s => s.Execute("nothing", NoOp)));
    }

    /// <summary>The same 100 steps marked <c>Idempotent()</c>: their code's start is not forced to the disk.</summary>
    public sealed class IdempotentNoOpRunbook : Runbook
    {
        public override void Define(IRunbookBuilder rb) => rb
            .Phase("No-ops", p =>
            {
                for (var i = 0; i < NoOpSteps; i++) p.Step($"Step {i}", s => s.Execute("nothing", NoOpRunbook.NoOp).Idempotent());
            })
            .NoRollback("benchmark")
            .Verification(v => v.Step("Done", s => s.Execute("nothing", NoOpRunbook.NoOp)));
    }

    /// <summary>20 shell steps running `true`.</summary>
    public sealed class ShellRunbook : Runbook
    {
        public override void Define(IRunbookBuilder rb) => rb
            .Phase("Shell", p =>
            {
                for (var i = 0; i < ShellSteps; i++) p.Step($"Step {i}", s => s.Run("true"));
            })
            .NoRollback("benchmark")
            .Verification(v => v.Step("Done", s => s.Execute("nothing", NoOpRunbook.NoOp)));
    }
}
