using RunbookSdk.Execution;
using RunbookSdk.Hosting;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// Under <c>run … &gt; run.log</c> (standard error on the terminal) the engineer was asked "Done?" or "which one?" with
/// the manual instruction and the decision's options in the log alone; under <c>2&gt;&amp;1 | tee</c> they were shown
/// twice; a destructive step's confirmation was asked with its commands nowhere before it (in the log alone once they
/// ran), a monitor's question with its watch in the log alone, and a resume's "Run the step again?" with neither the step
/// nor what the earlier run started in it. Now they are said where the question is asked, once,
/// whatever the redirection. Each shape is the host's own
/// (<see cref="HostConsoles.For"/>) on one writer for the screen and one for the log, wired as <c>run</c> wires them; the
/// keys are the operator's on the console the question is asked on.
/// </summary>
public sealed class WhatTheQuestionIsAboutTests
{
    // A zero-width space: the screen's copy shows it as the run's own line does.
    private const string Instruction = "Point api\u200B.example.com at the standby";
    private const string InstructionShown = "  MANUAL: Point api\u27E8U+200B\u27E9.example.com at the standby";
    private const string Decision = "Mitigation";
    private static readonly string[] OptionsShown = ["  Pick what the diagnosis points at.", "  1. Restart", "  2. Cache clear", "  0. none of these"];
    private const string ManualQuestion = "Done? [d]one / [s]kip / [a]bort";
    private const string DecisionQuestion = "Choose one: Mitigation — which one?";

    [Theory]
    [InlineData("")] // the output, its errors and the questions on the terminal
    [InlineData("> run.log")] // the questions on standard error
    [InlineData("> run.log 2>&1")] // the questions on /dev/tty
    [InlineData("| tee run.log")] // the output on the terminal through tee, the questions on standard error
    [InlineData("2>&1 | tee run.log")] // the output on the terminal through tee, the questions on /dev/tty
    public async Task The_instruction_and_the_options_are_shown_once_on_the_line_before_their_question(string redirection)
    {
        var (screen, log) = (new StringWriter(), new StringWriter());
        using var run = new TestRun(rb => rb
            .Phase("Mitigate", p => p
                .Step("Fail over", s => s.Instruction(Instruction))
                .OneOf(Decision, o => o
                    .Note("Pick what the diagnosis points at.")
                    .Step("Restart", s => s.Run("true"))
                    .Step("Cache clear", s => s.Run("true"))))
            .NoRollback("test"));

        var exitCode = await RunAsync(run, Shape(redirection, screen, log), keys: "d\r2\r");

        var shown = Lines(screen);
        var manual = IndexOf(shown, ManualQuestion, screen);
        Assert.Equal(InstructionShown, shown[manual - 1]);
        Assert.Single(shown, line => line == InstructionShown);
        var decision = IndexOf(shown, DecisionQuestion, screen);
        Assert.Equal(OptionsShown, shown[(decision - OptionsShown.Length)..decision]);
        foreach (var option in OptionsShown) Assert.Single(shown, line => line == option);
        // The log keeps the run's record as before, once.
        if (redirection.Contains("run.log", StringComparison.Ordinal))
        {
            var logged = Lines(log);
            Assert.Single(logged, line => line == InstructionShown);
            foreach (var option in OptionsShown) Assert.Single(logged, line => line == option);
        }
        // What the run does is the same in every shape.
        Assert.Equal(0, exitCode);
        var choices = Journal.Read(run.JournalPath).Where(e => e.Name == "choice").Select(e => $"{e["about"]}: {e["choice"]}");
        Assert.Equal(["manual: done", "alternative: Cache clear"], choices);
    }

    [Theory]
    [InlineData("")]
    [InlineData("> run.log")]
    [InlineData("> run.log 2>&1")]
    [InlineData("| tee run.log")]
    [InlineData("2>&1 | tee run.log")]
    public async Task A_destructive_step_s_commands_and_a_monitor_s_watch_are_shown_once_on_the_lines_before_their_question(string redirection)
    {
        var (screen, log) = (new StringWriter(), new StringWriter());
        using var run = new TestRun((rb, p) => rb
            .Phase("Mitigate", ph => ph
                .Step("Flush cache", s => s
                    // Harmless stand-ins (true ignores its arguments) for what such a step runs.
                    .Run($"true redis-cli -a {p["RedisPassword"]} FLUSHALL")
                    .Run("true rm -rf /tmp/cache\u200B-old")
                    .RequiresConfirmation())
                .Step("Watch errors", s => s.Monitor("the error rate", TimeSpan.FromMinutes(10))))
            .NoRollback("test"))
            .Parameter("RedisPassword", "S3cr3t-pw", secret: true);

        var exitCode = await RunAsync(run, Shape(redirection, screen, log), keys: "y\ry\r");

        // Masked, and the zero-width space shown as the run's own lines show it.
        string[] commandsShown = ["  will run: $ true redis-cli -a '***' FLUSHALL", "  will run: $ true rm -rf /tmp/cache\u27E8U+200B\u27E9-old"];
        const string WatchShown = "  Watch the error rate for 10 minutes";
        var shown = Lines(screen);
        Assert.DoesNotContain("S3cr3t-pw", screen.ToString() + log, StringComparison.Ordinal);
        var confirmation = IndexOf(shown, "'Flush cache' is destructive. Run it now?", screen);
        Assert.Equal(commandsShown, shown[(confirmation - commandsShown.Length)..confirmation]);
        foreach (var command in commandsShown) Assert.Single(shown, line => line == command);
        var monitor = IndexOf(shown, "Did the error rate look healthy?", screen);
        Assert.Equal(WatchShown, shown[monitor - 1]);
        Assert.Single(shown, line => line == WatchShown);
        if (redirection.Contains("run.log", StringComparison.Ordinal))
        {
            var logged = Lines(log);
            foreach (var command in commandsShown) Assert.Single(logged, line => line == command);
            Assert.Single(logged, line => line == WatchShown);
        }
        // What the run does is the same in every shape.
        Assert.Equal(0, exitCode);
        var choices = Journal.Read(run.JournalPath).Where(e => e.Name == "choice").Select(e => $"{e["about"]}: {e["choice"]}");
        Assert.Equal(["confirmation: confirmed", "monitor: healthy"], choices);
    }

    [Theory]
    [InlineData("")]
    [InlineData("> run.log")]
    [InlineData("> run.log 2>&1")]
    [InlineData("| tee run.log")]
    [InlineData("2>&1 | tee run.log")]
    public async Task A_resume_s_question_to_run_a_step_again_is_shown_once_after_the_step_and_what_the_journal_says_it_ran(string redirection)
    {
        var (screen, log) = (new StringWriter(), new StringWriter());
        using var run = new TestRun((rb, p) => rb
            .Phase("Mitigate", ph => ph.Step("Deploy", s => s.Run($"echo deployed >> {p["Deploys"]}")))
            .NoRollback("test"));
        run.Parameter("Deploys", run.Temp.File("deploys"));
        await run.RunAsync();
        UnfinishedCommandOnResumeTests.DieDuringTheCommand(run);

        var exitCode = await RunAsync(run, Shape(redirection, screen, log), keys: "n\r", resumeJournal: run.JournalPath);

        const string StepShown = "1.1  Deploy";
        const string EarlierRunShown = "  In the earlier run this step ran `echo deployed >> ";
        var shown = Lines(screen);
        var question = IndexOf(shown, "Run the step again?", screen);
        Assert.StartsWith(EarlierRunShown, shown[question - 1], StringComparison.Ordinal);
        Assert.EndsWith("(no result recorded); it may have taken effect (in part or whole), and running the step again does it again.", shown[question - 1], StringComparison.Ordinal);
        Assert.Equal(question - 1, Array.FindLastIndex(shown, question - 1, line => line.StartsWith(EarlierRunShown, StringComparison.Ordinal)));
        Assert.Single(shown, line => line.StartsWith(EarlierRunShown, StringComparison.Ordinal));
        Assert.Single(shown, line => line == StepShown);
        Assert.True(Array.IndexOf(shown, StepShown) < question - 1, screen.ToString());
        if (redirection.Contains("run.log", StringComparison.Ordinal))
        {
            var logged = Lines(log);
            Assert.Single(logged, line => line.StartsWith(EarlierRunShown, StringComparison.Ordinal));
            Assert.Single(logged, line => line == StepShown);
        }
        // What the run does is the same in every shape: no stops it, and nothing ran again.
        Assert.Equal(5, exitCode);
        var choices = Journal.Read(run.JournalPath).Where(e => e.Name == "choice").Select(e => $"{e["about"]}: {e["choice"]}");
        Assert.Equal(["resend: declined"], choices);
        Assert.Single(File.ReadAllLines(run.Temp.File("deploys")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("> run.log")]
    [InlineData("> run.log 2>&1")]
    [InlineData("| tee run.log")]
    [InlineData("2>&1 | tee run.log")]
    public async Task A_resumed_step_s_first_question_follows_the_step_and_the_line_saying_which_questions_follow_once(string redirection)
    {
        // The condition is asked first, and its question names no step: under '> run.log' the terminal showed "Only if
        // … — does it hold?" with the step and "you are asked below …" in the log alone.
        var (screen, log) = (new StringWriter(), new StringWriter());
        using var run = new TestRun((rb, p) => rb
            .Phase("Mitigate", ph => ph.Step("Deploy", s => s.Run($"echo deployed >> {p["Deploys"]}").OnlyIf("the canary is unhealthy").RequiresConfirmation()))
            .NoRollback("test"));
        run.Parameter("Deploys", run.Temp.File("deploys"));
        await run.RunAsync(TestRun.NonInteractive with { Conditions = ConditionAnswer.Hold, AssumeYes = true });
        UnfinishedCommandOnResumeTests.DieDuringTheCommand(run);

        var exitCode = await RunAsync(run, Shape(redirection, screen, log), keys: "y\rn\r", resumeJournal: run.JournalPath);

        const string StepShown = "1.1  Deploy";
        const string AskedBelow = "  This step started in the earlier run but has no recorded result: you are asked below whether its condition holds, then whether to run it again, then to confirm it (it is destructive).";
        var shown = Lines(screen);
        var condition = IndexOf(shown, "Only if the canary is unhealthy", screen);
        Assert.Single(shown, line => line == StepShown);
        Assert.Single(shown, line => line == AskedBelow);
        Assert.True(Array.IndexOf(shown, StepShown) < Array.IndexOf(shown, AskedBelow) && Array.IndexOf(shown, AskedBelow) < condition, screen.ToString());
        Assert.True(condition < IndexOf(shown, "Run the step again?", screen), screen.ToString());
        if (redirection.Contains("run.log", StringComparison.Ordinal))
        {
            var logged = Lines(log);
            Assert.Single(logged, line => line == StepShown);
            Assert.Single(logged, line => line == AskedBelow);
        }
        // What the run does is the same in every shape: the condition holds, no to running it again stops it.
        Assert.Equal(5, exitCode);
        var choices = Journal.Read(run.JournalPath).Where(e => e.Name == "choice").Select(e => $"{e["about"]}: {e["choice"]}");
        Assert.Equal(["condition: holds", "confirmation: confirmed", "condition: holds", "resend: declined"], choices);
        Assert.Single(File.ReadAllLines(run.Temp.File("deploys")));
    }

    /// <summary>The host's consoles for <paramref name="redirection"/>, with the terminal's writers all <paramref name="screen"/>.</summary>
    private static HostConsoles Shape(string redirection, StringWriter screen, StringWriter log)
    {
        var tee = new TeeWriter(log, screen);
        return redirection switch
        {
            "" => For(screen, false, screen, false),
            "> run.log" => For(log, true, screen, false),
            "> run.log 2>&1" => For(log, true, log, true),
            "| tee run.log" => For(tee, true, screen, false, outputIsPipe: true),
            "2>&1 | tee run.log" => For(tee, true, tee, true, outputIsPipe: true),
            _ => throw new ArgumentOutOfRangeException(nameof(redirection), redirection, "no such shape"),
        };

        HostConsoles For(TextWriter output, bool outputRedirected, TextWriter error, bool errorRedirected, bool outputIsPipe = false) =>
            HostConsoles.For(output, outputRedirected, error, errorRedirected, inputRedirected: false, noColor: true, terminal: () => screen, outputIsPipe: outputIsPipe);
    }

    // As `run` wires a live run: its output on Out, its closing words' terminal, its questions on Prompts (Out when null).
    private static async Task<int> RunAsync(TestRun run, HostConsoles consoles, string keys, string? resumeJournal = null)
    {
        var asking = new KeyedConsole(keys, consoles.Prompts ?? consoles.Out);
        var options = new RunnerOptions { Terminal = consoles.Terminal, Clock = run.Clock, JournalPath = run.JournalPath, ResumeJournal = resumeJournal };
        var outcome = await new RunbookRunner(consoles.Out, options, new ConsoleOperatorPrompts(asking)).ExecuteAsync(run.Bind(), CancellationToken.None);
        return outcome.ExitCode;
    }

    private static string[] Lines(StringWriter writer) => writer.ToString().ReplaceLineEndings("\n").Split('\n');

    private static int IndexOf(string[] lines, string question, StringWriter screen)
    {
        var index = Array.FindIndex(lines, line => line.StartsWith(question, StringComparison.Ordinal));
        Assert.True(index > 0, screen.ToString());
        return index;
    }
}
