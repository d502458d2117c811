using RunbookSdk.Execution;
using Spectre.Console;

namespace RunbookSdk.Tests.Runner;

/// <summary>Tests that replace or compare the process's <see cref="Console.Out"/>: alone, so no other run changes it meanwhile.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessConsoleCollection
{
    public const string Name = "process console";
}

/// <summary>What C# code prints to <see cref="Console.Out"/> and <see cref="Console.Error"/> is masked, shown and journaled like a command's output.</summary>
[Collection(ProcessConsoleCollection.Name)]
public sealed class DelegateConsoleTests
{
    private const string Token = "tok-5ecret";

    [Fact]
    public async Task Console_output_of_code_is_masked_on_screen_and_in_the_journal_even_when_written_in_pieces()
    {
        var before = (Console.Out, Console.Error);
        using var run = new TestRun(rb => rb
            .Phase("Act", p => p.Step("Fetch a token", s => s.Execute("fetch", async ctx =>
            {
                Console.WriteLine($"fetched {ctx.Parameters["Token"]}");
                await Task.Yield(); // still the code's output after an await, on another thread
                Console.Error.Write("refused tok-");
                Console.Error.Write("5ecret, retrying\n");
                Console.Out.Write("no line break at the end");
            })))
            .NoRollback("test"))
            .Parameter("Token", Token, secret: true);

        var result = await run.RunAsync();

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("    | fetched ***\n", result.Output);
        Assert.Contains("    | refused ***, retrying\n", result.Output);
        Assert.Contains("    | no line break at the end\n", result.Output);
        Assert.DoesNotContain(Token, result.Output);
        var action = Assert.Single(result.Events("action"));
        Assert.Equal("delegate", action["kind"]);
        Assert.Equal("3", action["outputLines"]);
        Assert.Equal(["fetched ***", "refused ***, retrying", "no line break at the end"],
            action.Fields.GetProperty("outputTail").EnumerateArray().Select(e => e.GetString()));
        Assert.DoesNotContain(result.Journal, e => e.Line.Contains(Token, StringComparison.Ordinal));
        // The process's writers are back as they were.
        Assert.Same(before.Out, Console.Out);
        Assert.Same(before.Error, Console.Error);
    }

    [Fact]
    public async Task The_console_is_restored_when_code_throws_and_output_outside_code_is_left_alone()
    {
        var before = Console.Out;
        using var run = new TestRun(rb => rb
            .Phase("Act", p => p.Step("Throw", s => s.Execute("throw", _ =>
            {
                Console.WriteLine("about to fail");
                throw new InvalidOperationException("broken");
            })))
            .NoRollback("test"));

        var result = await run.RunAsync();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("    | about to fail", result.Output);
        Assert.Same(before, Console.Out);
    }

    [Fact]
    public async Task A_runner_console_that_writes_to_the_process_console_shows_each_line_once_and_never_feeds_itself()
    {
        using var run = new TestRun(rb => rb
            .Phase("Act", p => p.Step("Talk", s => s.Execute("talk", ctx =>
            {
                ctx.Log($"logged {ctx.Parameters["Token"]}");
                Console.WriteLine($"printed {ctx.Parameters["Token"]}");
                return Task.CompletedTask;
            })))
            .NoRollback("test"))
            .Parameter("Token", Token, secret: true);

        var (outcome, screen) = await RunOnProcessConsoleAsync(run);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(1, Count(screen, "    | logged ***\n"));
        Assert.Equal(1, Count(screen, "    | printed ***\n"));
        Assert.DoesNotContain(Token, screen);
    }

    [Fact]
    public async Task Code_printing_and_logging_from_many_threads_does_not_deadlock_a_run_console_on_the_process_output()
    {
        // Each console write holds the process writer's lock (SetOut synchronizes it) and each run-console write holds
        // Spectre's: showing a caught line on the writing thread took them in the opposite order to ctx.Log.
        using var run = new TestRun(rb => rb
            .Phase("Act", p => p.Step("Fan out", s => s.Execute("fan out", ctx =>
                Parallel.ForAsync(0, 2000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, (i, _) =>
                {
                    if (i % 2 == 0) Console.WriteLine($"printed {i}");
                    else ctx.Log($"logged {i}");
                    return ValueTask.CompletedTask;
                }))))
            .NoRollback("test"));

        var (outcome, screen) = await RunOnProcessConsoleAsync(run);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(1000, Count(screen, "| printed "));
        Assert.Equal(1000, Count(screen, "| logged "));
    }

    /// <summary>
    /// Runs with a run console on whatever <see cref="Console.Out"/> is at each write (as <c>AnsiConsole.Console</c> is
    /// when made lazily, or a console made while another run had the writers replaced), the process output being a
    /// string for the test: the runner's own lines then pass the routing writer too.
    /// </summary>
    private static async Task<(RunOutcome Outcome, string Screen)> RunOnProcessConsoleAsync(TestRun run)
    {
        var screen = new StringWriter();
        var original = Console.Out;
        Console.SetOut(screen);
        try
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
                Out = new AnsiConsoleOutput(new CurrentConsoleOut()),
            });
            console.Profile.Width = 4096;
            var runner = new RunbookRunner(console, TestRun.NonInteractive with { JournalPath = run.JournalPath }, run.Prompts);
            // A guard against a deadlock hanging the suite, not a limit on how fast the run must be.
            var outcome = await Task.Run(() => runner.ExecuteAsync(run.Bind(), CancellationToken.None)).WaitAsync(TimeSpan.FromMinutes(1));
            return (outcome, screen.ToString().ReplaceLineEndings("\n"));
        }
        finally
        {
            Console.SetOut(original);
        }
    }

    [Fact]
    public async Task Two_runs_at_once_each_catch_only_their_own_codes_output()
    {
        var before = Console.Out;
        var bothStarted = new Barrier(2);
        TestRun Run(string name) => new(rb => rb
            .Phase("Act", p => p.Step("Print", s => s.Execute("print", async _ =>
            {
                await Task.Yield();
                bothStarted.SignalAndWait(TimeSpan.FromSeconds(30));
                for (var i = 0; i < 20; i++)
                {
                    Console.WriteLine($"{name} {i}");
                    await Task.Yield();
                }
            })))
            .NoRollback("test"));
        using var a = Run("alpha");
        using var b = Run("bravo");

        var results = await Task.WhenAll(Task.Run(() => a.RunAsync()), Task.Run(() => b.RunAsync())).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(20, Count(results[0].Output, "| alpha "));
        Assert.Equal(0, Count(results[0].Output, "| bravo "));
        Assert.Equal(20, Count(results[1].Output, "| bravo "));
        Assert.Equal(0, Count(results[1].Output, "| alpha "));
        Assert.Same(before, Console.Out);
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    /// <summary>Writes to whatever <see cref="Console.Out"/> is at the moment of each write.</summary>
    private sealed class CurrentConsoleOut : TextWriter
    {
        public override System.Text.Encoding Encoding => Console.Out.Encoding;
        public override void Write(char value) => Console.Out.Write(value);
        public override void Write(string? value) => Console.Out.Write(value);
        public override void Write(char[] buffer, int index, int count) => Console.Out.Write(buffer, index, count);
        public override void Flush() => Console.Out.Flush();
    }
}
