using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunbookSdk.Generators.Model;

namespace RunbookSdk.Generators.Reading;

/// <summary>Reads a phase, rollback or verification lambda and the steps inside it.</summary>
internal static class PhaseReader
{
    public static PhaseModel Read(ChainReader reader, string name, TimeBoxModel? timeBox, ExpressionSyntax? steps)
    {
        var result = new List<StepModel>();
        reader.ReadLambda(steps, call =>
        {
            if (call.Name == "Step") result.Add(ReadStep(reader, reader.Values.String(call.Get("title", 0)), call.Get("step", 1)));
            else if (call.Name == "OneOf") result.AddRange(ReadChoice(reader, call.Get("title", 0), call.Get("options", 1)));
            else reader.Unreadable(call.Invocation, call.Name);
        });
        return new PhaseModel(name, timeBox, result.ToEquatableArray());
    }

    /// <summary>
    /// A <c>OneOf</c> decision: its options, each a step carrying the decision, as the runtime recorder flattens them.
    /// Fewer than two options (half-typed, or refused at run time) are documented as they stand.
    /// </summary>
    private static List<StepModel> ReadChoice(ChainReader reader, ExpressionSyntax? title, ExpressionSyntax? options)
    {
        var steps = new List<StepModel>();
        var notes = new List<TextValue>();
        reader.ReadLambda(options, call =>
        {
            if (call.Name == "Step") steps.Add(ReadStep(reader, reader.Values.String(call.Get("title", 0)), call.Get("step", 1)));
            else if (call.Name == "Note") notes.Add(reader.Values.Text(call.Get("text", 0)));
            else reader.Unreadable(call.Invocation, call.Name);
        });
        var decision = reader.Values.Text(title);
        // Several notes read as paragraphs, as the recorder joins them.
        var note = notes.Count == 0 ? null : notes.Count == 1 ? notes[0]
            : new TextValue(notes.SelectMany((n, i) => i == 0 ? n.Segments : new[] { new TextSegment("\n\n", false) }.Concat(n.Segments)).ToEquatableArray());
        for (var i = 0; i < steps.Count; i++) steps[i] = steps[i] with { Choice = new ChoiceModel(decision, i + 1, steps.Count, note) };
        return steps;
    }

    private static StepModel ReadStep(ChainReader reader, string title, ExpressionSyntax? body)
    {
        var values = reader.Values;
        var actions = new List<ActionModel>();
        var requiresConfirmation = false;
        TextValue? condition = null;
        var idempotent = false;

        // Refinements apply to the action just added, exactly as the runtime recorder does.
        void Refine(System.Func<ActionModel, ActionModel> update)
        {
            if (actions.Count > 0) actions[actions.Count - 1] = update(actions[actions.Count - 1]);
        }

        reader.ReadLambda(body, call =>
        {
            switch (call.Name)
            {
                case "Run":
                    actions.Add(new ActionModel("shell", values.Command(call.Get("command", 0))) { Comment = values.OptionalString(call.Get("comment", 1)) });
                    break;
                case "Http":
                    actions.Add(new ActionModel("http", values.Url(call.Get("url", 1)))
                    {
                        Method = values.String(call.Get("method", 0)).ToUpperInvariant(),
                        Comment = values.OptionalString(call.Get("comment", 2)),
                    });
                    break;
                case "Instruction": actions.Add(new ActionModel("manual", values.Text(call.Get("text", 0)))); break;
                case "Note": actions.Add(new ActionModel("note", values.Text(call.Get("text", 0)))); break;
                case "Wait":
                    actions.Add(new ActionModel("wait", values.Text(call.Get("reason", 1))) { Duration = values.Duration(call.Get("duration", 0)) });
                    break;
                case "Monitor":
                    actions.Add(new ActionModel("monitor", values.Text(call.Get("what", 0))) { Duration = values.Duration(call.Get("duration", 1)) });
                    break;
                case "Execute": actions.Add(new ActionModel("delegate", values.Text(call.Get("description", 0)))); break;
                case "Notify":
                    actions.Add(new ActionModel("notify", values.Text(call.Get("template", 0))) { Channel = values.OptionalString(call.Get("channel", 1)) });
                    break;
                case "Snippet":
                    actions.Add(new ActionModel("snippet", values.Text(call.Get("code", 1)))
                    {
                        Language = values.String(call.Get("language", 0)),
                        Caption = values.OptionalString(call.Get("caption", 2)),
                    });
                    break;
                case "RequiresConfirmation": requiresConfirmation = true; break;
                // As the recorder does: the last OnlyIf of the step is its condition. An empty one (OnlyIf(""), or
                // OnlyIf() half-typed) the recorder refuses, and RB0021 reports: the page printed "Only if ." for it.
                case "OnlyIf":
                    var written = values.Text(call.Get("condition", 0));
                    if (written.HasHoles || !string.IsNullOrWhiteSpace(written.Display)) condition = written;
                    break;
                case "Idempotent": idempotent = true; break;
                case "ExpectExitCode":
                    var codes = call.GetParams(0, values).Select(values.Int).ToList();
                    Refine(a => a with { ExpectedExitCodes = codes.Select(c => c ?? 0).ToEquatableArray() });
                    break;
                case "Timeout": Refine(a => a with { Timeout = values.Duration(call.Get("timeout", 0)) }); break;
                case "Retry":
                    Refine(a => a with { Attempts = values.Int(call.Get("attempts", 0)) ?? 1, RetryBackoff = values.Duration(call.Get("backoff", 1)) });
                    break;
                case "ExpectStatus": Refine(a => a with { ExpectedStatus = values.Int(call.Get("status", 0)) }); break;
                case "ExpectBodyContains":
                    Refine(a => a with { BodyContains = a.BodyContains.Concat(new[] { values.String(call.Get("text", 0)) }).ToEquatableArray() });
                    break;
                case "ExpectJson":
                    Refine(a => a with { JsonEquals = a.JsonEquals.Concat(new[] { new HeaderModel(values.String(call.Get("path", 0)), values.String(call.Get("value", 1))) }).ToEquatableArray() });
                    break;
                case "Header":
                    Refine(a => a with { Headers = a.Headers.Concat(new[] { new HeaderModel(values.String(call.Get("name", 0)), values.String(call.Get("value", 1))) }).ToEquatableArray() });
                    break;
                case "Body": Refine(a => a with { Body = values.Body(call.Get("body", 0)).Display }); break;
                default:
                    reader.Unreadable(call.Invocation, call.Name);
                    break;
            }
        });
        return new StepModel(title, requiresConfirmation, actions.ToEquatableArray()) { Condition = condition, Idempotent = idempotent };
    }
}
