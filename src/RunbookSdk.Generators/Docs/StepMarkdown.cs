using System.Collections.Generic;
using System.Text;
using RunbookSdk.Generators.Model;

namespace RunbookSdk.Generators.Docs;

/// <summary>
/// Renders a step's actions as markdown for the on-call engineer: consecutive shell commands share one
/// fenced block ready to copy, each with its comment above it; requests, waits and instructions read as sentences.
/// </summary>
internal static class StepMarkdown
{
    // Reused step after step: a page has dozens of steps, and building each body from joined block strings was a
    // large share of what rendering a page allocated.
    private static readonly ReusedBuilder s_bodies = new(512);

    /// <summary>The step's body: its blocks separated by blank lines, without a trailing line break.</summary>
    /// <param name="step">The step.</param>
    /// <param name="communication">
    /// The communication template of a name (the runbook's own, else its handbook's), or null when the page cannot know
    /// it: a Notify step without its own channel goes where its template says, and the page shows what it posts.
    /// </param>
    /// <param name="webhookParameter">
    /// Whether the runbook has a <c>WebhookUrl</c> parameter, which the runner posts notifications to when no
    /// <c>--webhook</c> is given: only then does the page name it.
    /// </param>
    public static string Render(StepModel step, System.Func<string, CommunicationModel?>? communication = null, bool webhookParameter = false)
    {
        var builder = s_bodies.Rent();
        var first = true;
        void NextBlock()
        {
            if (!first) builder.Append('\n');
            first = false;
        }

        // An option of a decision says so before anything else: read as an ordinary step, it looks like one to do. In
        // the body, so a project's own template that knows nothing of decisions still shows it.
        if (step.Choice is { } choice)
        {
            NextBlock();
            builder.Append("> **Option ").Append(choice.Option).Append(" of ").Append(choice.Options).Append(" — ")
                .Append(Markdown.Heading(choice.Title.Display)).Append(".** It runs only when chosen: the runner asks once which option to take, or none, and skips the others.\n");
        }

        // First, as the runner asks it first: whoever reads the page at 3 a.m. must see the step may not apply. In the
        // body rather than the template, so a project's own template cannot leave it out.
        if (step.Condition is { } condition)
        {
            NextBlock();
            builder.Append("> **Only if** ").Append(Markdown.Heading(condition.Display).TrimEnd(' ', '.'))
                .Append(". The runner asks whether this holds before the step, and skips the step when it does not.\n");
        }

        if (step.RequiresConfirmation)
        {
            NextBlock();
            builder.Append("> **Destructive:** the runner asks for confirmation before this step, and `--dry-run` never runs it.\n");
        }

        // Whoever resumes a killed run by hand reads here that doing the step again is the author's plan, not a slip.
        if (step.Idempotent)
        {
            NextBlock();
            builder.Append("> **Idempotent:** running this step again after an interruption does no harm; a resumed run repeats it without asking.\n");
        }

        var actions = step.Actions;
        for (var i = 0; i < actions.Count; i++)
        {
            NextBlock();
            if (actions[i].Kind == "shell")
            {
                var start = i;
                while (i < actions.Count && actions[i].Kind == "shell") i++;
                AppendShell(builder, actions, start, i - start);
                i--;
            }
            else
            {
                AppendAction(builder, actions[i], communication, webhookParameter);
            }
        }

        var end = builder.Length;
        while (end > 0 && builder[end - 1] == '\n') end--;
        return s_bodies.ToStringAndReturn(builder, end);
    }

    // Consecutive shell commands share one fenced block, each with its comment above it, then a line per command
    // that has refinements (exit codes, timeout, retries).
    private static void AppendShell(StringBuilder builder, EquatableArray<ActionModel> actions, int start, int count)
    {
        // The block's code is the commands joined by blank lines, each under its "# comment": written straight into
        // the page. A backtick run cannot span two pieces (a line break is between them), so the fence is sized
        // from the longest run in any piece.
        // Hidden characters are shown in the block (Markdown.ShownCode): a block must show what runs. Then the block no
        // longer pastes as what runs, and a line under it says so.
        var longest = 0;
        for (var i = start; i < start + count; i++)
            longest = System.Math.Max(longest, System.Math.Max(Markdown.LongestBacktickRun(actions[i].Comment ?? ""), Markdown.LongestBacktickRun(actions[i].Text.Display)));
        var fenceLength = Markdown.FenceLength(longest);
        var codeStart = Markdown.OpenFence(builder, "bash", fenceLength);
        for (var i = start; i < start + count; i++)
        {
            if (i > start) builder.Append("\n\n");
            // Every line of the comment stays a comment: the block is meant to be pasted into a shell.
            if (actions[i].Comment is { } comment) builder.Append("# ").Append(Markdown.ShownCode(comment).Replace("\r\n", "\n").Replace("\n", "\n# ")).Append('\n');
            builder.Append(Markdown.ShownCode(actions[i].Text.Display));
        }
        Markdown.CloseFence(builder, codeStart, fenceLength);

        for (var i = start; i < start + count; i++)
        {
            var refinements = ShellRefinements(actions[i]);
            if (!ReferenceEquals(Markdown.ShownCode(actions[i].Text.Display), actions[i].Text.Display))
                refinements = HiddenCharactersNote + (refinements.Length > 0 ? "; " + refinements : "");
            if (refinements.Length > 0) builder.Append("\n- ").Append(Markdown.Code(FirstLine(actions[i].Text.Display))).Append(": ").Append(refinements).Append('\n');
        }
    }

    // Where the message goes besides the channel's name: the runner posts only to a webhook it is given. The
    // WebhookUrl parameter is named only on the page of a runbook that has one: on any other, the reader looked for it
    // in the Parameters table and did not find it.
    private const string NotifyDelivery =
        "- the runner posts it to the webhook given with `--webhook`; without one it prints the text for you to post";

    private const string NotifyDeliveryWithParameter =
        "- the runner posts it to the webhook given with `--webhook` (or the runbook's `WebhookUrl` parameter); without one it prints the text for you to post";

    private const string HiddenCharactersNote =
        "holds hidden characters, shown as \u27E8U+\u2026\u27E9; the runner runs them as written, so pasting this line runs something else (fix the source, RB0018)";

    private static string ShellRefinements(ActionModel command)
    {
        if (command.ExpectsOnlyExitCodeZero && command.Timeout is null && command.Attempts <= 1) return "";
        var parts = new List<string>();
        if (!command.ExpectsOnlyExitCodeZero) parts.Add("succeeds with exit code " + string.Join(" or ", command.ExpectedExitCodes));
        // Worded as what the runner will do: "stopped after 6 minutes" under the command read as something that had
        // already happened to it.
        if (command.Timeout is not null) parts.Add("the runner stops it after " + command.Timeout.Display);
        // "doubling", as the dry run and a request's line say: the page read as a fixed wait between attempts.
        if (command.Attempts > 1) parts.Add("tried up to " + command.Attempts + " times" + FirstRetry(command) + (command.RetryBackoff is null ? "" : ", doubling"));
        return string.Join("; ", parts);
    }

    private static string FirstRetry(ActionModel action) => action.RetryBackoff is null ? "" : ", first retry after " + action.RetryBackoff.Display;

    private static void AppendAction(StringBuilder builder, ActionModel action, System.Func<string, CommunicationModel?>? communication, bool webhookParameter)
    {
        switch (action.Kind)
        {
            case "http": AppendHttp(builder, action); break;
            case "manual": builder.Append("- [ ] ").Append(Markdown.ListItem(action.Text.Display)).Append('\n'); break;
            case "wait":
                builder.Append("**Wait** ").Append(action.Duration?.Display);
                if (action.Text.Display.Length > 0) builder.Append(": ").Append(Markdown.Text(action.Text.Display));
                builder.Append('\n');
                break;
            case "monitor": builder.Append("**Monitor** ").Append(Markdown.Text(action.Text.Display)).Append(" for ").Append(action.Duration?.Display).Append('\n'); break;
            case "delegate":
                builder.Append("**Automated (C#):** ").Append(Markdown.Text(action.Text.Display)).Append('\n');
                // Worded as for a request: the runner stops waiting then, and the step fails.
                if (action.Timeout is not null) builder.Append("- time limit ").Append(action.Timeout.Display).Append('\n');
                break;
            case "notify":
                // The channel the runner sends with: the step's own, else its template's (as the runner resolves it).
                var template = communication?.Invoke(action.Text.Display);
                var channel = action.Channel ?? template?.Channel;
                builder.Append("**Notify:** send the \"").Append(Markdown.Text(action.Text.Display)).Append("\" communication template");
                if (channel is not null) builder.Append(" to ").Append(Markdown.Text(channel));
                builder.Append('\n').Append(webhookParameter ? NotifyDeliveryWithParameter : NotifyDelivery).Append('\n');
                // The text itself, as the handbook shows it: whoever posts it by hand at 3 a.m. (no webhook, or reading the
                // page alone) copies it from the step instead of looking it up on another page.
                if (template is not null) builder.Append('\n').Append(Markdown.Fence("text", template.Template, isCode: false)).Append('\n');
                break;
            case "snippet":
                if (action.Caption is not null) builder.Append(Markdown.Text(action.Caption)).Append("\n\n");
                Markdown.AppendFence(builder, action.Language ?? "", action.Text.Display);
                builder.Append("_Reference only: the runner does not execute this snippet._\n");
                break;
            default: builder.Append(Markdown.Text(action.Text.Display)).Append('\n'); break;
        }
    }

    private static void AppendHttp(StringBuilder builder, ActionModel action)
    {
        if (action.Comment is not null) builder.Append(Markdown.Text(action.Comment)).Append(":\n\n");
        builder.Append("**").Append(action.Method).Append("** ").Append(Markdown.Code(action.Text.Display)).Append('\n');
        foreach (var header in action.Headers) builder.Append("- header ").Append(Markdown.Code(header.Name + ": " + header.Value)).Append('\n');
        if (action.Body is not null) AppendCodeItem(builder, "- body", action.Body);
        if (action.ExpectedStatus is { } status) builder.Append("- expect status ").Append(status).Append('\n');
        foreach (var text in action.BodyContains) AppendCodeItem(builder, "- expect body to contain", text);
        foreach (var json in action.JsonEquals) builder.Append("- expect JSON ").Append(Markdown.Code(json.Name)).Append(" = ").Append(Markdown.Code(json.Value)).Append('\n');
        if (action.Timeout is not null) builder.Append("- time limit ").Append(action.Timeout.Display).Append('\n');
        // "until it meets what it expects": the page reader learns the step waits for the service, not that it repeats a change.
        if (action.Attempts > 1) builder.Append("- sent up to ").Append(action.Attempts).Append(" times until it meets what it expects").Append(FirstRetry(action)).Append(action.RetryBackoff is null ? "\n" : ", doubling\n");
    }

    // A list item showing code: inline when the code is one line, else a fenced block inside the item. A code span
    // cannot hold a multi-line body: a blank line in it ends the paragraph, and the page showed the JSON body of a
    // request as two paragraphs with stray backticks; its single line breaks were shown as spaces.
    private static void AppendCodeItem(StringBuilder builder, string label, string code)
    {
        if (code.IndexOf('\n') < 0 && code.IndexOf('\r') < 0)
        {
            builder.Append(label).Append(' ').Append(Markdown.Code(code)).Append('\n');
            return;
        }
        // Every line indented to the item's content, so the block stays inside the item (a blank line inside the
        // fence does not end it). A lone "\r" is a line break too, to markdown as to the indentation.
        var block = Markdown.Fence("", code.Replace("\r\n", "\n").Replace('\r', '\n'));
        builder.Append(label).Append(":\n");
        foreach (var line in block.Substring(0, block.Length - 1).Split('\n'))
        {
            if (line.Length > 0) builder.Append("  ").Append(line);
            builder.Append('\n');
        }
    }

    private static string FirstLine(string text)
    {
        // A "\r" left by a Windows line ending would make the page depend on how the source was checked out.
        var line = text.Split('\n')[0].TrimEnd('\r', '\\', ' ', '\t');
        if (line.Length <= 60) return line;
        // Not inside a {Parameter}: "{Namesp..." reads as a parameter the page does not list. Cut before its brace.
        var cut = 57;
        var open = line.LastIndexOf('{', cut - 1);
        if (open > 0 && line.LastIndexOf('}', cut - 1) < open && line.IndexOf('}', open) >= cut) cut = open;
        return line.Substring(0, cut) + "...";
    }
}
