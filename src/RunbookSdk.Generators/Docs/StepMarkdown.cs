using System.Collections.Generic;
using System.Linq;
using System.Text;
using RunbookSdk.Generators.Model;

namespace RunbookSdk.Generators.Docs;

/// <summary>
/// Renders a step's actions as markdown for the on-call engineer: consecutive shell commands share one
/// fenced block ready to copy, each with its comment above it; requests, waits and instructions read as sentences.
/// </summary>
internal static class StepMarkdown
{
    public static string Render(StepModel step)
    {
        var blocks = new List<string>();
        if (step.RequiresConfirmation)
            blocks.Add("> **Destructive:** the runner asks for confirmation before this step, and `--dry-run` never runs it.\n");

        var actions = step.Actions;
        for (var i = 0; i < actions.Count; i++)
        {
            if (actions[i].Kind == "shell")
            {
                var group = new List<ActionModel>();
                while (i < actions.Count && actions[i].Kind == "shell") group.Add(actions[i++]);
                i--;
                blocks.Add(Shell(group));
            }
            else
            {
                blocks.Add(Render(actions[i]));
            }
        }
        return string.Join("\n", blocks);
    }

    private static string Shell(IReadOnlyList<ActionModel> commands)
    {
        var code = string.Join("\n\n", commands.Select(c => (c.Comment is null ? "" : "# " + c.Comment + "\n") + c.Text.Display));
        var builder = new StringBuilder(Markdown.Fence("bash", code));
        foreach (var command in commands)
        {
            var refinements = ShellRefinements(command);
            if (refinements.Length > 0) builder.Append("\n- ").Append(Markdown.Code(FirstLine(command.Text.Display))).Append(": ").Append(refinements).Append('\n');
        }
        return builder.ToString();
    }

    private static string ShellRefinements(ActionModel command)
    {
        var parts = new List<string>();
        if (!command.ExpectsOnlyExitCodeZero) parts.Add("succeeds with exit code " + string.Join(" or ", command.ExpectedExitCodes));
        if (command.Timeout is not null) parts.Add("stopped after " + command.Timeout.Display);
        if (command.Attempts > 1) parts.Add("tried up to " + command.Attempts + " times" + (command.RetryBackoff is null ? "" : ", first retry after " + command.RetryBackoff.Display));
        return string.Join("; ", parts);
    }

    private static string Render(ActionModel action) => action.Kind switch
    {
        "http" => Http(action),
        "manual" => "- [ ] " + Markdown.ListItem(action.Text.Display) + "\n",
        "wait" => "**Wait** " + action.Duration?.Display + (action.Text.Display.Length > 0 ? ": " + action.Text.Display : "") + "\n",
        "monitor" => "**Monitor** " + action.Text.Display + " for " + action.Duration?.Display + "\n",
        "delegate" => "**Automated (C#):** " + action.Text.Display + "\n",
        "notify" => "**Notify:** send the \"" + action.Text.Display + "\" communication template" + (action.Channel is null ? "" : " to " + action.Channel) + "\n",
        "snippet" => (action.Caption is null ? "" : action.Caption + "\n\n") + Markdown.Fence(action.Language ?? "", action.Text.Display) + "_Reference only: the runner does not execute this snippet._\n",
        _ => action.Text.Display + "\n",
    };

    private static string Http(ActionModel action)
    {
        var builder = new StringBuilder();
        if (action.Comment is not null) builder.Append(action.Comment).Append(":\n\n");
        builder.Append("**").Append(action.Method).Append("** ").Append(Markdown.Code(action.Text.Display)).Append('\n');
        foreach (var header in action.Headers) builder.Append("- header ").Append(Markdown.Code(header.Name + ": " + header.Value)).Append('\n');
        if (action.Body is not null) builder.Append("- body ").Append(Markdown.Code(action.Body)).Append('\n');
        if (action.ExpectedStatus is { } status) builder.Append("- expect status ").Append(status).Append('\n');
        foreach (var text in action.BodyContains) builder.Append("- expect body to contain ").Append(Markdown.Code(text)).Append('\n');
        foreach (var json in action.JsonEquals) builder.Append("- expect JSON ").Append(Markdown.Code(json.Name)).Append(" = ").Append(Markdown.Code(json.Value)).Append('\n');
        if (action.Timeout is not null) builder.Append("- time limit ").Append(action.Timeout.Display).Append('\n');
        return builder.ToString();
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n')[0].TrimEnd('\\', ' ');
        return line.Length <= 60 ? line : line.Substring(0, 57) + "...";
    }
}
