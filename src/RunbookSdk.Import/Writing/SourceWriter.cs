using System.Globalization;
using RunbookSdk.Analyzers.Text;
using RunbookSdk.Import.Model;

namespace RunbookSdk.Import.Writing;

/// <summary>
/// Writes the C# of an imported document: the handbook class, an abstract base class for parameters the runbooks
/// share, and one class per runbook, each a fluent <c>Define</c> chain a person could have written.
/// </summary>
internal sealed class SourceWriter(ImportedDocument document, string ns, string source, bool allowIncomplete)
{
    private readonly SecretRedactor _secrets = new(source);

    /// <summary>Secrets written outside commands that the code does not carry, one warning for each (see <see cref="SecretRedactor"/>).</summary>
    public IReadOnlyList<string> SecretWarnings => _secrets.Warnings;

    public string HandbookClass { get; init; } = "Handbook";
    public string BaseClass { get; init; } = "Runbook";
    public string HandbookId { get; init; } = "handbook";

    /// <summary>The document as the files name it (<see cref="ImportedFrom"/>).</summary>
    public required string Document { get; init; }

    public string Header =>
        $"// Imported from {Document} by `runbook import`. Review it, then edit this code, not the markdown.\n";

    public string Handbook()
    {
        var hb = document.Handbook;
        var w = new CodeWriter();
        w.Raw(Header).Line("using RunbookSdk;").Line().Line($"namespace {ns};").Line();
        w.Line($"/// <summary>{Xml(hb.Title)}: what its runbooks share.</summary>");
        w.Line($"[Handbook({Literals.Escaped(HandbookId)})]");
        w.Line($"public sealed class {HandbookClass} : Handbook").Line("{");
        w.Indent++;
        w.Line("public override void Define(IHandbookBuilder hb) => hb");
        w.Indent++;
        Call(w, "Title", hb.Title);
        if (hb.Summary is { } summary) Call(w, "Summary", summary);
        if (hb.Environment is { } environment) Call(w, "Environment", environment);
        if (hb.Owner is { } owner) Call(w, "Owner", owner);
        if (hb.Tags.Count > 0) w.Line($".Tags({Args(hb.Tags, w)})");
        if (hb.LastUpdated is { } updated) w.Line($".LastUpdated({updated.Year}, {updated.Month}, {updated.Day})");
        if (hb.ReviewDate is { } review) w.Line($".ReviewDate({review.Year}, {review.Month}, {review.Day})");
        foreach (var (role, reach) in hb.Contacts) w.Line($".Contact({Lit(role, w)}, {Lit(reach, w)})");
        Escalation(w, hb.Escalation);
        foreach (var (name, target, description) in hb.Slos)
            w.Line($".Slo({Lit(name, w)}, {Lit(target, w)}{(description is null ? "" : ", " + Lit(description, w))})");
        foreach (var severity in hb.Severities)
        {
            w.Line($".SeverityLevel({Literals.Escaped(severity.Key)}, {Lit(severity.Name, w)}, s => s");
            w.Indent++;
            var parts = new List<string>();
            if (severity.RespondWithin is { } respond) parts.Add($".RespondWithin({Duration(respond)})");
            if (severity.ResolveWithin is { } resolve) parts.Add($".ResolveWithin({Duration(resolve)})");
            if (severity.Criteria.Count > 0) parts.Add($".Criteria({Args(severity.Criteria, w)})");
            if (parts.Count == 0) parts.Add(".Criteria()");
            for (var i = 0; i < parts.Count; i++) w.Line(parts[i] + (i == parts.Count - 1 ? ")" : ""));
            w.Indent--;
        }
        foreach (var communication in hb.Communications)
            w.Line($".Communication({Lit(communication.Name, w)}, {Lit(communication.Template, w)}{(communication.Channel is null ? "" : ", " + Lit(communication.Channel, w))})");
        foreach (var (stage, items) in hb.PostIncident)
            w.Line($".PostIncident({Lit(stage, w)}, {Args(items, w)})");
        foreach (var (title, url) in hb.References) w.Line($".Reference({Lit(title, w)}, {Lit(url, w)})");
        foreach (var section in hb.Sections) Section(w, section);
        End(w);
        w.Indent -= 2;
        w.Line("}");
        return w.ToString();
    }

    public string? SharedBase()
    {
        if (document.SharedParameters.Count == 0) return null;
        var w = new CodeWriter();
        w.Raw(Header).Line("using RunbookSdk;").Line().Line($"namespace {ns};").Line();
        w.Line("/// <summary>Parameters more than one imported runbook uses; each page lists them, and a run can override them.</summary>");
        w.Line($"public abstract class {BaseClass} : Runbook<{HandbookClass}>").Line("{");
        w.Indent++;
        Parameters(w, document.SharedParameters);
        w.Indent--;
        w.Line("}");
        return w.ToString();
    }

    public string Runbook(ImportedRunbook runbook)
    {
        var w = new CodeWriter();
        var baseClass = document.SharedParameters.Count > 0 ? BaseClass : $"Runbook<{HandbookClass}>";
        w.Raw(Header).Line("using RunbookSdk;").Line().Line($"namespace {ns};").Line();
        var pragmas = new List<(string Id, string Why)>();
        if (allowIncomplete && document.Handbook.Escalation.Count == 0 && runbook.Escalation.Count == 0)
            pragmas.Add(("RB0001", "imported without escalation: the document gives no escalation levels with times"));
        if (allowIncomplete && runbook.Verification is null)
            pragmas.Add(("RB0003", "imported without verification: the document has no check that proves recovery"));
        foreach (var (id, why) in pragmas) w.Line($"#pragma warning disable {id} // {why}");
        w.Line($"/// <summary>{Xml(runbook.Title)}.</summary>");
        w.Line($"[Runbook({Literals.Escaped(runbook.Id)})]");
        w.Line($"public sealed class {runbook.ClassName} : {baseClass}").Line("{");
        w.Indent++;
        if (runbook.Parameters.Count > 0) Parameters(w, runbook.Parameters);
        w.Line("public override void Define(IRunbookBuilder rb) => rb");
        w.Indent++;
        Call(w, "Title", runbook.Title);
        if (runbook.Summary is { } summary) Call(w, "Summary", summary);
        if (runbook.Severity is { } severity) w.Line($".Severity({Literals.Escaped(severity)})");
        if (runbook.Symptoms.Count > 0) w.Line($".Symptoms({Args(runbook.Symptoms, w)})");
        Escalation(w, runbook.Escalation);
        foreach (var section in runbook.Sections) Section(w, section);
        foreach (var phase in runbook.Phases)
        {
            var box = phase.TimeBox is { } b ? $"TimeBox.{(b.Hours ? "Hours" : "Minutes")}({b.From}, {b.To}), " : "";
            w.Line($".Phase({Lit(phase.Name, w)}, {box}p => p");
            Steps(w, phase);
        }
        if (runbook.Rollback is { } rollback)
        {
            w.Line(".Rollback(p => p");
            Steps(w, rollback);
        }
        else if (allowIncomplete)
        {
            w.Line(".NoRollback(\"imported without rollback: the document does not say how to undo these steps; write a Rollback(...)\")");
        }
        if (runbook.Verification is { } verification)
        {
            w.Line(".Verification(p => p");
            Steps(w, verification);
        }
        End(w);
        w.Indent -= 2;
        w.Line("}");
        foreach (var (id, _) in pragmas.AsEnumerable().Reverse()) w.Line($"#pragma warning restore {id}");
        return w.ToString();
    }

    /// <summary><c>.Escalation(e => e.Level(…)…)</c> for the handbook's levels or a runbook's own; nothing for none.</summary>
    private void Escalation(CodeWriter w, List<ImportedEscalationLevel> levels)
    {
        if (levels.Count == 0) return;
        w.Line(".Escalation(e => e");
        w.Indent++;
        for (var i = 0; i < levels.Count; i++)
        {
            var level = levels[i];
            var contact = level.Contact is null ? "" : ", " + Lit(level.Contact, w);
            w.Line($".Level({Lit(level.Who, w)}, {Duration(level.After)}{contact}){(i == levels.Count - 1 ? ")" : "")}");
        }
        w.Indent--;
    }

    private void Steps(CodeWriter w, ImportedPhase phase)
    {
        w.Indent++;
        for (var i = 0; i < phase.Steps.Count; i++)
        {
            var step = phase.Steps[i];
            var last = i == phase.Steps.Count - 1;
            // The options of one decision are neighbours carrying the same ImportedChoice: OneOf opens at the first.
            var opensChoice = step.Choice is { } choice && (i == 0 || phase.Steps[i - 1].Choice != choice);
            var closesChoice = step.Choice is { } open && (last || phase.Steps[i + 1].Choice != open);
            if (opensChoice)
            {
                w.Line($".OneOf({Lit(step.Choice!.Title, w)}, o => o");
                w.Indent++;
                if (step.Choice.Note is { } note) w.Line($".Note({Lit(note, w)})");
            }
            var closeStep = ")" + (closesChoice ? ")" : "") + (last ? ")" : "");
            if (step.IsEmpty) step.Actions.Add(new NoteAction("(no actions in the source document)"));
            w.Line($".Step({Lit(step.Title, w)}, s => s");
            w.Indent++;
            if (step.Condition is { } condition) w.Line($".OnlyIf({Lit(condition, w)})");
            if (RunsDestructiveCommand(step)) w.Line(".RequiresConfirmation()");
            for (var k = 0; k < step.Actions.Count; k++)
            {
                var close = k == step.Actions.Count - 1 ? closeStep : "";
                w.Line(Action(step.Actions[k], w) + close);
            }
            w.Indent--;
            if (closesChoice) w.Indent--;
        }
        w.Indent--;
    }

    /// <summary>
    /// True when a command of the step is one RB0005 calls destructive (<c>FLUSHALL</c>, <c>kubectl delete</c>,
    /// <c>rm -rf</c>). Such a step is imported with <c>RequiresConfirmation()</c>: RB0005 is a warning, so without it the
    /// imported project built and the runner ran the command unasked (and a dry run did not skip it), where the engineer
    /// reading the document stopped at it.
    /// </summary>
    private static bool RunsDestructiveCommand(ImportedStep step) =>
        step.Actions.OfType<RunAction>().Any(run => CommandPatterns.Destructive(run.Command, ShellOperators.Read(run.Command)).Any());

    private string Action(StepAction action, CodeWriter w) => action switch
    {
        RunAction run => $".Run({Literals.Command(run.Parts, "    ")}{(run.Comment is null ? "" : ", " + Lit(run.Comment, w))})",
        InstructionAction instruction => $".Instruction({Lit(instruction.Text, w)})",
        NoteAction note => $".Note({Lit(note.Text, w)})",
        SnippetAction snippet => $".Snippet({Literals.Escaped(snippet.Language)}, {Lit(snippet.Code, w)}{(snippet.Caption is null ? "" : ", " + Lit(snippet.Caption, w))})",
        NotifyAction notify => $".Notify({Lit(notify.Template, w)})",
        _ => throw new InvalidOperationException(action.GetType().Name),
    };

    private void Section(CodeWriter w, ContentSection section)
    {
        w.Line($".Section({Lit(section.Heading, w)}, s => s");
        SectionBody(w, section);
    }

    private void SectionBody(CodeWriter w, ContentSection section)
    {
        w.Indent++;
        var blocks = section.Blocks.Count == 0 ? [new ParagraphContent("(empty in the source document)")] : section.Blocks;
        for (var i = 0; i < blocks.Count; i++)
        {
            var close = i == blocks.Count - 1 ? ")" : "";
            switch (blocks[i])
            {
                case ParagraphContent paragraph:
                    w.Line($".Paragraph({Lit(paragraph.Text, w)}){close}");
                    break;
                case ListContent list:
                    w.Line($".{(list.Numbered ? "Numbered" : "Bullets")}({Args(list.Items, w)}){close}");
                    break;
                case TableContent table:
                    w.Line($".Table([{string.Join(", ", table.Headers.Select(h => Lit(h, w)))}],");
                    w.Indent++;
                    for (var r = 0; r < table.Rows.Count; r++)
                        w.Line($"[{string.Join(", ", table.Rows[r].Select(c => Lit(c, w)))}]{(r == table.Rows.Count - 1 ? ")" + close : ",")}");
                    if (table.Rows.Count == 0) w.Line(")" + close);
                    w.Indent--;
                    break;
                case SnippetContent snippet:
                    w.Line($".Snippet({Literals.Escaped(snippet.Language)}, {Lit(snippet.Code, w)}){close}");
                    break;
                case SubsectionContent sub:
                    w.Line($".Subsection({Lit(sub.Section.Heading, w)}, s => s");
                    SectionBody(w, sub.Section);
                    w.Close(close);
                    break;
            }
        }
        w.Indent--;
    }

    private void Parameters(CodeWriter w, List<ImportedParameter> parameters)
    {
        foreach (var parameter in parameters)
        {
            w.Line($"[Parameter({Literals.Escaped(parameter.Description)}{(parameter.Required ? ", Required = true" : "")}){(parameter.Secret ? ", Secret" : "")}]");
            w.Line($"public string {parameter.Name} {{ get; init; }} = {Literals.Escaped(parameter.Default)};");
            w.Line();
        }
    }

    private void Call(CodeWriter w, string method, string value) => w.Line($".{method}({Lit(value, w)})");

    private static void End(CodeWriter w) => w.Terminate();

    // Every text of the document the code carries as it is passes here, so no secret in it is copied.
    private string Lit(string text, CodeWriter w) => Literals.String(_secrets.Redact(text), "    ");

    /// <summary>Arguments on one line when they are short, else one per line.</summary>
    private string Args(IEnumerable<string> items, CodeWriter w)
    {
        var literals = items.Select(i => Lit(i, w)).ToList();
        var oneLine = string.Join(", ", literals);
        if (oneLine.Length + w.Pad.Length <= 110 && !oneLine.Contains('\n')) return oneLine;
        return "\n    " + string.Join(",\n    ", literals.Select(l => l.Replace("\n", "\n    ")));
    }

    private static string Duration(TimeSpan span)
    {
        if (span == TimeSpan.Zero) return "TimeSpan.Zero";
        if (span.TotalDays >= 1 && span.TotalDays % 1 == 0) return $"TimeSpan.FromDays({span.TotalDays.ToString(CultureInfo.InvariantCulture)})";
        if (span.TotalHours >= 1 && span.TotalHours % 1 == 0) return $"TimeSpan.FromHours({span.TotalHours.ToString(CultureInfo.InvariantCulture)})";
        if (span.TotalMinutes >= 1 && span.TotalMinutes % 1 == 0) return $"TimeSpan.FromMinutes({span.TotalMinutes.ToString(CultureInfo.InvariantCulture)})";
        return $"TimeSpan.FromSeconds({span.TotalSeconds.ToString(CultureInfo.InvariantCulture)})";
    }

    private string Xml(string text) =>
        Outline.Text.Plain(_secrets.Redact(text)).Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\n", " ").Replace('\u0085', ' ').Replace('\u2028', ' ').Replace('\u2029', ' ');
}
