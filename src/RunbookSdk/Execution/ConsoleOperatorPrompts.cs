using RunbookSdk.Analyzers.Text;
using Spectre.Console;

namespace RunbookSdk.Execution;

/// <summary>
/// Asks the operator on the console with Spectre.Console prompts (typed answers, so they work on a dumb terminal).
/// What it shows of the runbook — a question, an instruction, an option — has its bidirectional controls and invisible
/// characters shown as <c>⟨U+202E⟩</c>, as the run's console and the generated page show them: raw, a terminal
/// reordered <c>'Drop ⟨U+202E⟩elbat tset⟨U+202C⟩' (raw, shown reversed) is destructive</c> into a step other than the one the engineer confirmed.
/// </summary>
/// <param name="console">The console to ask on.</param>
public sealed class ConsoleOperatorPrompts(IAnsiConsole console) : IOperatorPrompts
{
    // Keys come through the guard: a terminal that hung up fails the question rather than asking it again for ever.
    private readonly IAnsiConsole console = new HungUpTerminalGuard(console);

    /// <inheritdoc />
    public async Task<bool> ConfirmAsync(string question, CancellationToken cancellationToken)
    {
        var prompt = Answered(new TextPrompt<string>(Shown(question) + " [[y/n]]")
            .AddChoices(["y", "n", "yes", "no"]), "Answer y (yes) or n (no).");
        var answer = await AskAsync(prompt, cancellationToken);
        return answer.StartsWith('y');
    }

    /// <inheritdoc />
    public async Task<ManualAcknowledgement> AcknowledgeAsync(string instruction, CancellationToken cancellationToken)
    {
        var prompt = Answered(new TextPrompt<string>("Done? [[d]]one / [[s]]kip / [[a]]bort")
            .AddChoices(["d", "s", "a", "done", "skip", "abort"]), "Answer d (done), s (skip) or a (abort).");
        var answer = await AskAsync(prompt, cancellationToken);
        switch (answer[0])
        {
            case 'd':
                return new ManualAcknowledgement(ManualChoice.Done);
            case 's':
                var reason = await AskAsync(new TextPrompt<string>("Why is it skipped?"), cancellationToken);
                return new ManualAcknowledgement(ManualChoice.Skip, reason);
            default:
                return new ManualAcknowledgement(ManualChoice.Abort);
        }
    }

    /// <inheritdoc />
    /// <remarks>A number answers (the runner listed the options numbered); 0 or "none" takes none of them.</remarks>
    public async Task<int?> ChooseAsync(string question, IReadOnlyList<string> options, CancellationToken cancellationToken)
    {
        var numbers = Enumerable.Range(0, options.Count + 1).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var prompt = Answered(new TextPrompt<string>($"{Shown(question)} — which one? [[1-{options.Count}, or 0 for none of these]]")
            .AddChoices([.. numbers, "none"]), $"Answer with an option's number, 1 to {options.Count}, or 0 for none of these.");
        var answer = await AskAsync(prompt, cancellationToken);
        return answer is "0" or "none" ? null : int.Parse(answer, System.Globalization.CultureInfo.InvariantCulture) - 1;
    }

    // Enter alone is taken, so that it is answered rather than ignored: Spectre skips an empty line without a word, and
    // the engineer at a destructive step's confirmation saw nothing happen. Any answer not offered then gets the
    // answers that are, where Spectre's own message spoke of "available options" the question does not list.
    private static TextPrompt<string> Answered(TextPrompt<string> prompt, string answersTaken) => prompt
        .HideChoices()
        .AllowEmpty()
        .InvalidChoiceMessage(Markup.Escape(answersTaken));

    /// <inheritdoc />
    /// <remarks>
    /// Keys are read without echo and without a mask character: not even the token's length reaches the screen, a
    /// screen share or a terminal recording.
    /// </remarks>
    public Task<string> AskSecretAsync(string parameter, string environmentVariable, CancellationToken cancellationToken) =>
        AskAsync(new TextPrompt<string>($"{Markup.Escape(parameter)} (secret; not shown as you type; next time set {Markup.Escape(environmentVariable)}):")
            .Secret(null)
            .AllowEmpty(), cancellationToken);

    /// <inheritdoc />
    /// <remarks>Read as a secret is, echo off and no mask character: the value holds a password.</remarks>
    public Task<string> AskMaskedValueAsync(string parameter, string journaled, string environmentVariable, CancellationToken cancellationToken) =>
        AskAsync(new TextPrompt<string>($"{Markup.Escape(parameter)} (the journal holds it masked: {Shown(journaled)}; give it again, not shown as you type; next time set {Markup.Escape(environmentVariable)}):")
            .Secret(null)
            .AllowEmpty(), cancellationToken);

    /// <summary>The line of the prompt waiting for its answer, for the runner to end before it says anything more.</summary>
    internal PromptLine Line { get; } = new(console);

    /// <summary>
    /// Shows <paramref name="prompt"/> and reads its answer. A Ctrl+C cancels it with the cursor still after the question:
    /// the line is ended first, or the runner's next line (the interruption, the rollback offer, the summary) began on
    /// the prompt's, <c>Run it now? [y/n] INTERRUPTED: …</c>.
    /// </summary>
    private async Task<string> AskAsync(TextPrompt<string> prompt, CancellationToken cancellationToken)
    {
        Line.Opened();
        try
        {
            return await prompt.ShowAsync(console, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Line.End();
            throw;
        }
        finally
        {
            Line.Closed();
        }
    }

    /// <summary>Runbook text as prompt markup: its hidden characters visible (as <see cref="ConsoleLines"/> writes lines), then escaped.</summary>
    private static string Shown(string text) => Markup.Escape(HiddenCharacters.Visible(text, spacesToo: false));
}
