using RunbookSdk.Hosting;
using RunbookSdk.Tests.Fixtures;
using Spectre.Console;

namespace RunbookSdk.Tests.Hosting;

public sealed class HostConsolesTests
{
    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Redirected_output_or_NO_COLOR_gives_plain_text(bool redirected, bool noColor)
    {
        var writer = new StringWriter();
        var console = HostConsoles.Create(writer, redirected, noColor);

        console.MarkupLine("[bold red]alert[/]");

        Assert.Equal("alert", writer.ToString().TrimEnd());
    }

    [Fact]
    public void Redirected_output_is_not_wrapped_at_80_columns()
    {
        var writer = new StringWriter();
        var console = HostConsoles.Create(writer, redirected: true, noColor: false);
        var line = new string('x', 300);

        console.WriteLine(line);

        Assert.Equal(line, writer.ToString().TrimEnd());
    }

    [Fact]
    public void Output_piped_to_tee_from_a_terminal_still_asks_on_standard_error()
    {
        var (output, error) = (new StringWriter(), new StringWriter());

        // `run … | tee incident.log` in a terminal: standard input and error are the terminal, the output a pipe. The
        // output console cannot read keys, and the first confirmation failed the run: "Failed to read input in
        // non-interactive mode".
        var consoles = HostConsoles.For(output, outputRedirected: true, error, errorRedirected: false, inputRedirected: false, noColor: true);
        consoles.Prompts!.Write(new Text("Run it now? [y/n]"));

        Assert.True(consoles.Prompts.Profile.Capabilities.Interactive);
        Assert.Equal("Run it now? [y/n]", error.ToString());
        Assert.Empty(output.ToString());
        Assert.False(consoles.Out.Profile.Capabilities.Interactive);
    }

    [Fact]
    public void Output_and_errors_both_redirected_from_a_terminal_ask_on_the_terminal_itself()
    {
        var (output, error, terminal) = (new StringWriter(), new StringWriter(), new StringWriter());

        // `run … > run.log 2>&1` in a terminal: the questions went into the log, and the engineer at the terminal saw
        // nothing while the run waited for an answer.
        var consoles = HostConsoles.For(output, outputRedirected: true, error, errorRedirected: true, inputRedirected: false, noColor: true,
            terminal: () => terminal);
        consoles.Prompts!.Write(new Text("Run it now? [y/n]"));

        Assert.True(consoles.Prompts.Profile.Capabilities.Interactive);
        // What a question is about, said on the terminal writer, lands where the question is asked.
        Assert.Same(consoles.Prompts, consoles.Terminal);
        Assert.Equal("Run it now? [y/n]", terminal.ToString());
        Assert.Empty(output.ToString());
        Assert.Empty(error.ToString());
    }

    [Fact]
    public void Without_a_terminal_to_open_the_questions_go_to_the_output_as_before()
    {
        var output = new StringWriter();

        var consoles = HostConsoles.For(output, outputRedirected: true, new StringWriter(), errorRedirected: true, inputRedirected: false, noColor: true,
            terminal: () => null);
        consoles.Prompts!.Write(new Text("Run it now? [y/n]"));

        // Asked on the output, where the run wrote what each question is about: not said a second time.
        Assert.Null(consoles.Terminal);
        Assert.Equal("Run it now? [y/n]", output.ToString());
    }

    [Fact]
    public void With_the_output_in_a_file_the_closing_words_are_said_again_on_standard_error()
    {
        var (output, error) = (new StringWriter(), new StringWriter());

        // `run … > run.log`: the resume hint went to the log alone, and the engineer at the terminal saw the prompt come back.
        var consoles = HostConsoles.For(output, outputRedirected: true, error, errorRedirected: false, inputRedirected: false, noColor: true);
        consoles.Terminal!.Write(new Text("To continue …"));

        Assert.Equal("To continue …", error.ToString());
    }

    [Fact]
    public void With_output_and_errors_in_a_file_the_closing_words_are_said_again_on_the_terminal_itself()
    {
        var (output, error, terminal) = (new StringWriter(), new StringWriter(), new StringWriter());

        var consoles = HostConsoles.For(output, outputRedirected: true, error, errorRedirected: true, inputRedirected: false, noColor: true,
            terminal: () => terminal);
        consoles.Terminal!.Write(new Text("To continue …"));

        Assert.Equal("To continue …", terminal.ToString());
        Assert.Empty(error.ToString());
    }

    [Theory]
    [InlineData(false, false, false)] // the output is the terminal: said there, once
    [InlineData(true, true, false)] // `| tee run.log`: the pipe shows it on the terminal
    [InlineData(true, false, true)] // both in a file, and no terminal to open (cron, CI)
    public void Otherwise_the_closing_words_are_said_once(bool outputRedirected, bool outputIsPipe, bool errorRedirected)
    {
        var consoles = HostConsoles.For(new StringWriter(), outputRedirected, new StringWriter(), errorRedirected, inputRedirected: true, noColor: true,
            terminal: () => new StringWriter(), outputIsPipe: outputIsPipe);

        Assert.Null(consoles.Terminal);
    }

    [Theory]
    [InlineData(false, false)] // a terminal: the output console asks
    [InlineData(true, true)] // input from a pipe or file: nobody to ask (the run is non-interactive)
    public void Otherwise_the_run_asks_on_the_output_console(bool outputRedirected, bool inputRedirected)
    {
        var consoles = HostConsoles.For(new StringWriter(), outputRedirected, new StringWriter(), errorRedirected: false, inputRedirected, noColor: true);

        Assert.Null(consoles.Prompts);
    }

    [Fact]
    public async Task Errors_go_to_the_error_console_and_results_to_the_output_console()
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var consoles = new HostConsoles(HostConsoles.Create(output, true, true), HostConsoles.Create(error, true, true));

        var failed = await RunbookHost.RunAsync(["run", "nope", "--dry-run"], TestCatalog.Create(), consoles, CancellationToken.None);
        var listed = await RunbookHost.RunAsync(["list"], TestCatalog.Create(), consoles, CancellationToken.None);

        Assert.Equal((2, 0), (failed, listed));
        Assert.StartsWith("error: unknown runbook 'nope'", error.ToString());
        Assert.DoesNotContain("error", output.ToString());
        Assert.Contains("deploy-rollback", output.ToString());
    }
}
