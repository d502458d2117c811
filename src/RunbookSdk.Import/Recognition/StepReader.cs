using System.Text.RegularExpressions;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using RunbookSdk.Import.Model;
using RunbookSdk.Import.Outline;

namespace RunbookSdk.Import.Recognition;

/// <summary>
/// Reads the steps of a phase: numbered actions with a bold title become steps, code under them becomes
/// commands (shell, one per command) or snippets (other languages), plain list items become instructions,
/// checklists become checklist items, templates become communication templates the step sends, and anything
/// else stays as a note. Nothing is dropped.
/// </summary>
internal sealed partial class StepReader(MarkdownOutline outline, ContentReader content, TemplateCollector templates, LeftOutHeadings leftOut)
{
    /// <summary>What the reader noticed in the steps and the user should know, with lines.</summary>
    public List<string> Warnings { get; } = [];

    private static readonly HashSet<string> s_shellLanguages = ["bash", "sh", "shell", "zsh", "console", "shell-session", "ksh"];
    private static readonly HashSet<string> s_textLanguages = ["", "text", "txt", "plain", "plaintext", "markdown", "md"];

    /// <summary>Fences of shells the runner does not run commands in (it runs bash).</summary>
    private static readonly HashSet<string> s_windowsShellLanguages = ["powershell", "pwsh", "ps1", "ps", "posh", "cmd", "bat", "batch"];

    /// <summary>Reads a phase section: its own blocks, then each subsection as steps.</summary>
    public ImportedPhase Phase(OutlineSection section, string name, (int From, int To, bool Hours)? timeBox)
    {
        var phase = new ImportedPhase(name, timeBox);
        var cursor = new Cursor(phase, name);
        AddAll(cursor, section.Blocks);
        foreach (var child in section.Children) StepSection(phase, child, "");
        KeepLinks(section, phase, 0);
        return phase;
    }

    /// <summary>Reads loose blocks (a runbook without phase headings) into a phase.</summary>
    public ImportedPhase Phase(IEnumerable<Block> blocks, string name)
    {
        var phase = new ImportedPhase(name, null);
        var cursor = new Cursor(phase, name);
        AddAll(cursor, blocks.ToList());
        return phase;
    }

    private void StepSection(ImportedPhase phase, OutlineSection section, string prefix)
    {
        // "#### Quick Checks:" is the step "Quick Checks", as "**Quick Checks:**" is; "#### Step 1: Scale workers" is the
        // step "Scale workers", as the paragraph "Step 1: Scale workers" is (the runner and the page number steps).
        var own = StepNumber.Title(section.Title) ?? StepNumber.WithoutOutlineNumber(section.Title);
        var title = prefix + (own.TrimEnd(':').TrimEnd() is { Length: > 0 } bare ? bare : own);
        var first = phase.Steps.Count;
        if (section.Blocks.Count > 0)
        {
            var cursor = new Cursor(phase, title);
            cursor.StartHeading(title);
            if (StepNumber.IsBare(Text.Plain(section.Title))) cursor.AwaitTitle(prefix);
            AddAll(cursor, section.Blocks);
        }
        // A heading with only subsections (e.g. "Common Mitigation Strategies") keeps its words in its children's titles.
        // When it announces a catalogue of fixes to pick from, each subsection's steps run only if it is the one chosen.
        var catalogue = section.Blocks.Count == 0 && section.Children.Count >= 2 && AlternativeFixes.AnnouncesCatalogue(title);
        var chosen = new List<(string Name, List<ImportedStep> Steps)>();
        foreach (var child in section.Children)
        {
            var before = phase.Steps.ToHashSet();
            StepSection(phase, child, title + ": ");
            chosen.Add((child.Title.TrimEnd(':').TrimEnd(), phase.Steps.Where(s => !before.Contains(s)).ToList()));
        }
        if (catalogue) MakeAlternatives(section, title, chosen);
        KeepLinks(section, phase, first);
        // After the subsections: a heading whose subsections were all left out is left out too, and says so.
        leftOut.IfEmpty(section);
    }

    /// <summary>
    /// Where the links of <paramref name="section"/>'s heading lead, as a note first in the first of its steps (from
    /// <paramref name="first"/>) that always runs: the title keeps their words only (<see cref="HeadingLinks"/>). In a
    /// step that runs only if something holds, or one option of a decision, the engineer who skipped it or chose
    /// another never saw the note; when every step of the heading is such a step, the note is a step of its own first.
    /// </summary>
    private static void KeepLinks(OutlineSection section, ImportedPhase phase, int first)
    {
        if (section.LinkNote is not { } note || phase.Steps.Count <= first) return;
        var always = phase.Steps.Skip(first).FirstOrDefault(s => s.Condition is null && s.Choice is null);
        if (always is null)
        {
            always = new ImportedStep($"{section.Title}: links");
            phase.Steps.Insert(first, always);
        }
        always.Actions.Insert(0, new NoteAction(note));
    }

    /// <summary>
    /// The subsections of a catalogue heading ("Common Mitigation Strategies" over "Service Restart", "Database
    /// Recovery", "Traffic Rerouting"): each is one alternative, and the heading one <c>OneOf</c> decision. A subsection
    /// that is itself a choice ("# Or manually via ECS") gives the decision its options ("Full Rollback: Manually via
    /// ECS"). A step keeps a condition of its own ("(if needed)"), asked once it is chosen. A subsection of several
    /// steps in sequence cannot be one option: then each step runs only if the engineer chooses its alternative (OnlyIf).
    /// </summary>
    private void MakeAlternatives(OutlineSection section, string title, List<(string Name, List<ImportedStep> Steps)> chosen)
    {
        var alternatives = chosen.Where(c => c.Steps.Count > 0).ToList();
        if (alternatives.Count < 2) return;
        if (AsOptions(title, alternatives) is { } options)
        {
            var decision = new ImportedChoice(title, null);
            foreach (var (option, optionTitle) in options)
            {
                option.Title = optionTitle;
                option.Choice = decision;
            }
            var offered = string.Join(", ", alternatives.Select(a => $"'{a.Name}'"));
            Warnings.Add($"line {section.Line}: '{title}' offers {alternatives.Count} alternatives ({offered}): imported as OneOf(\"{title}\"), so exactly one runs, or none, as the engineer chooses: check that they are alternatives");
            return;
        }
        var noun = AlternativeFixes.NounFor(title);
        foreach (var (name, steps) in alternatives)
        {
            var condition = AlternativeFixes.Condition(name, noun, alternatives.Count);
            foreach (var step in steps) step.Condition = step.Condition is { } own ? $"{condition}, and {own}" : condition;
        }
        var names = string.Join(", ", alternatives.Select(a => $"'{a.Name}'"));
        Warnings.Add($"line {section.Line}: '{title}' offers {alternatives.Count} alternatives ({names}): their steps run only if the engineer chooses that one (OnlyIf), so none runs unasked: check that they are alternatives, and the wording of each condition");
    }

    /// <summary>
    /// Adds the blocks of a phase or step heading in order; code a wiki wrote below a numbered item rather than inside it
    /// (<see cref="DetachedItemCode"/>) goes with that item, as if indented.
    /// </summary>
    private void AddAll(Cursor cursor, IReadOnlyList<Block> blocks)
    {
        var detached = DetachedItemCode.Find(blocks);
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is ListBlock list && detached.TryGetValue(list, out var code))
            {
                AddList(cursor, list, code);
                i += code.Count;
                continue;
            }
            Add(cursor, blocks[i]);
        }
    }

    /// <summary>
    /// Adds a block to the phase. <paramref name="withinStep"/>: the block is nested under a step's list item, so it
    /// belongs to that step: a bold paragraph does not start a step and a nested list adds actions, not sibling steps.
    /// </summary>
    private void Add(Cursor cursor, Block block, bool withinStep = false)
    {
        switch (block)
        {
            case ParagraphBlock paragraph:
                var text = outline.Inline(paragraph);
                var inlineCommand = InlineCommand.Read(paragraph, text);
                // The line under "**Step 1**" (or "#### Step 1") is that step's title; a command it gives inline runs.
                if (!withinStep && inlineCommand is null && cursor.TakeTitle(text)) return;
                if (!withinStep && StepNumber.IsBare(Text.Plain(text.Split('\n')[0])))
                {
                    cursor.Start(Text.Plain(text.Split('\n')[0]).TrimEnd(':', '.', ')').TrimEnd(), titledByParagraph: true);
                    cursor.AwaitTitle();
                    var under = string.Join("\n", text.Split('\n').Skip(1)).Trim();
                    if (under.Length > 0 && !cursor.TakeTitle(under)) cursor.Current.Actions.Add(new NoteAction(under));
                    break;
                }
                // "Step 1: `kubectl drain node-1`", "**Step 2:** Uncordon: `kubectl uncordon node-1`": a numbered step that
                // gives its command inline runs it, titled by its words or else by the command. Read as a numbered title,
                // the command was the step's title and the step did nothing.
                if (!withinStep && inlineCommand is { Numbered: true } numberedInline)
                {
                    cursor.Start(numberedInline.Title ?? numberedInline.Command);
                    AddInlineCommand(cursor.Current, numberedInline.Command, paragraph.Line + 1, null);
                }
                // "Step 1: Drain the node" over its commands is a step, as "1. **Drain the node**" is: read as a
                // note, every command of the procedure ran in one step named after the phase.
                else if (!withinStep && StepNumber.Title(Text.Plain(text.Split('\n')[0])) is { } numbered)
                {
                    cursor.Start(numbered);
                    var more = string.Join("\n", text.Split('\n').Skip(1)).Trim();
                    if (more.Length > 0) cursor.Current.Actions.Add(new NoteAction(more));
                }
                // "If the pods are stuck: `kubectl delete pod …`": a step of its own that runs only if that holds. Within a
                // step's item it stays words: run there, it would run every time.
                else if (inlineCommand is { Condition: { } condition } conditional)
                {
                    if (withinStep) cursor.Current.Actions.Add(new NoteAction(text));
                    else AddConditionalStep(cursor, conditional, condition, paragraph.Line + 1);
                }
                // "Check the error rate: `curl …`", "Run `kubectl …`.": a command written inline runs, as it would in a fence.
                else if (inlineCommand is { } inline)
                {
                    if (inline.Title is { } lead && !withinStep && !cursor.TakeTitle(lead)) cursor.Start(lead);
                    AddInlineCommand(cursor.Current, inline.Command, paragraph.Line + 1, withinStep ? inline.Title : null);
                }
                // "**Warning:** never flush db 1" and "**Impact:** users are logged out" are said about the step or
                // the incident, not a step "Warning" or "Impact" of its own that takes the commands after it.
                else if (!withinStep && BoldTitle().Match(text) is { Success: true } bold && !text.Contains('\n') &&
                    !RemarkLabel.IsRemark(Text.Plain(bold.Groups["title"].Value), hasValue: text[bold.Length..].Trim().Length > 0))
                {
                    var rest = text[bold.Length..].Trim().TrimStart(':').Trim();
                    var boldTitle = Text.Plain(WithoutStatus(bold.Groups["title"].Value, ref rest, paragraph.Line + 1)).TrimEnd(':');
                    // "**Add a second queue** (if needed)": the clause after the bold title is the step's condition.
                    if (rest.StartsWith('(') && ConditionalTitle.Split(boldTitle + " " + rest).Condition is not null)
                    {
                        cursor.Start(boldTitle + " " + rest);
                        break;
                    }
                    cursor.Start(boldTitle, titledByParagraph: true);
                    if (rest.Length > 0) cursor.Current.Actions.Add(new NoteAction(rest));
                }
                else
                {
                    cursor.PendingIntro = text;
                    cursor.Current.Actions.Add(new NoteAction(text));
                }
                break;
            case ListBlock list when withinStep:
                AddSubItems(cursor, list);
                break;
            case ListBlock list:
                AddList(cursor, list);
                break;
            case CodeBlock code:
                AddCode(cursor, code);
                break;
            case Table table when !withinStep && StepTable.Read(outline.Cells(table)) is { } steps:
                AddTableOfSteps(cursor, table.Line + 1, steps);
                break;
            case Table table:
                cursor.Current.Actions.Add(new NoteAction(outline.Source(table).Trim()));
                break;
            case QuoteBlock quote when GitHubAlert.AsRemark(outline.Source(quote).Trim()) is { } remark:
                cursor.Current.Actions.Add(new NoteAction(remark));
                break;
            default:
                var source = outline.Source(block).Trim();
                if (source.Length > 0) cursor.Current.Actions.Add(new NoteAction(source));
                break;
        }
        if (block is not ParagraphBlock) cursor.PendingIntro = null;
        if (block is not ParagraphBlock || withinStep || !StepNumber.IsBare(Text.Plain(outline.Inline((ParagraphBlock)block).Split('\n')[0])))
            cursor.StopAwaitingTitle();
    }

    /// <summary>
    /// A table of steps (<see cref="StepTable"/>): each row a step titled by its words, running its commands, with what
    /// its other columns say as notes after them; a row without a command is an instruction.
    /// </summary>
    private void AddTableOfSteps(Cursor cursor, int line, (IReadOnlyList<StepTable.Row> Rows, string TitleColumn, string CommandColumn) table)
    {
        foreach (var row in table.Rows)
        {
            cursor.Start(row.Title.Length > 0 ? row.Title : row.Commands[0]);
            if (row.Commands.Count == 0) cursor.Current.Actions.Add(new InstructionAction(row.Title));
            foreach (var command in row.Commands)
            {
                var pieces = ShellSplitter.Split(command);
                WarnAboutSplitBlock(line, pieces, alternativesSplit: false, $"the command in the '{table.CommandColumn}' column of row '{cursor.Current.Title}'");
                foreach (var piece in pieces) AddPiece(cursor.Current, piece, line);
            }
            foreach (var (header, text) in row.Remarks) cursor.Current.Actions.Add(new NoteAction($"**{header}:** {text}"));
        }
        Warnings.Add($"line {line}: the table's {table.Rows.Count} rows are imported as steps, one per row, titled by its '{table.TitleColumn}' column and running the code of its '{table.CommandColumn}' column: check the commands and their order");
    }

    /// <summary>
    /// A bold step title without the status the document wrote after it (<c>**Restart API** ✅</c>, <c>**Scale
    /// Workers (DONE)**</c>), as a heading is (<see cref="StatusMarker"/>): the marker says where the document stands, not
    /// what the step does. <paramref name="rest"/>, the text after the bold, is emptied when it was only the marker
    /// (else it would become a note "✅"); a dropped marker is a warning with <paramref name="line"/>.
    /// </summary>
    private string WithoutStatus(string title, ref string rest, int line)
    {
        if (rest.Length > 0 && StatusMarker.Split($"{title} {rest}") is { Marker: not null } whole && whole.Heading.Length <= title.Length)
        {
            WarnStatusDropped($"**{title}** {rest}", whole.Marker, whole.Heading, line);
            rest = "";
            return whole.Heading;
        }
        return WithoutStatus(title, line);
    }

    /// <summary>A step title's inline markdown without its trailing status marker; a dropped marker is a warning.</summary>
    private string WithoutStatus(string title, int line)
    {
        var (bare, marker) = StatusMarker.Split(title);
        if (marker is null) return title;
        WarnStatusDropped(title, marker, bare, line);
        return bare;
    }

    private void WarnStatusDropped(string written, string marker, string bare, int line) =>
        Warnings.Add($"line {line}: the step title '{written}' ends with the status '{marker}', which is no part of its name: "
            + $"imported as '{Text.Plain(bare).TrimEnd(':')}'");

    /// <summary>
    /// A list of a phase or step: its items are steps when <see cref="StepList.ItemsAreSteps"/> says so (one gives its
    /// command inline or has code, a list or a table under it, or <paramref name="detachedCode"/>, code the document wrote
    /// below the last item, and every item starts with words), else instructions.
    /// </summary>
    private void AddList(Cursor cursor, ListBlock list, IReadOnlyList<CodeBlock>? detachedCode = null)
    {
        var items = list.OfType<ListItemBlock>().ToList();
        detachedCode ??= [];
        // "1. **Assess Scope**" followed by a code block: each item is a step of its own.
        // "1. Check the error rate: `curl …`": an item that gives its command inline is a step running it, as one with a fence.
        // The rule is shared with the document reader, which counts such a list as something to do.
        if (!StepList.ItemsAreSteps(list, outline, detachedCode))
        {
            foreach (var item in items) cursor.Current.Actions.Add(new InstructionAction(Checklist(content.ItemText(item))));
            return;
        }
        var inlineCommands = items.ToDictionary(i => i, InlineCommandOf);
        // The step of the item before, when it was a command for a case: an "Otherwise" item after it is the other case.
        (ImportedStep Step, string Case)? lastCase = null;
        foreach (var item in items)
        {
            var below = item == items[^1] ? detachedCode : [];
            if (inlineCommands[item] is { Condition: { } condition } conditional)
            {
                // "- If the pods are stuck: `kubectl delete pod …`": run only if that holds.
                AddConditionalStep(cursor, conditional, condition, item.Line + 1);
                lastCase = cursor.Current.Condition == condition ? (cursor.Current, condition) : null;
                foreach (var block in item.Skip(1).Concat(below)) Add(cursor, block, withinStep: true);
                continue;
            }
            if (lastCase is var (ifStep, ifCase) && item.FirstOrDefault() is ParagraphBlock otherwiseParagraph
                && InlineCommand.ReadOtherwise(otherwiseParagraph, outline.Inline(otherwiseParagraph)) is { } otherwise)
            {
                // "- Otherwise: `kubectl rollout undo …`": the other case. Read alone, it stayed words after a step that
                // ran only if the case held, as if it were to be done whatever the case. The engineer picks the case
                // that applies, so neither asks its condition.
                AddOtherCase(cursor, ifStep, ifCase, otherwise, item.Line + 1);
                lastCase = null;
                foreach (var block in item.Skip(1).Concat(below)) Add(cursor, block, withinStep: true);
                continue;
            }
            lastCase = null;
            if (inlineCommands[item] is { } inline)
            {
                // Titled by its lead-in; "Run `kubectl …`" alone by its command, as a table's row without words is. What
                // the item has under it ("look for CrashLoopBackOff") is that step's, after the command.
                cursor.Start(inline.Title ?? inline.Command);
                AddInlineCommand(cursor.Current, inline.Command, item.Line + 1, null);
                foreach (var block in item.Skip(1).Concat(below)) Add(cursor, block, withinStep: true);
                continue;
            }
            var first = outline.Inline((ParagraphBlock)item[0]);
            // "- [ ] Tell #incidents" among checklist items with commands is the step "Tell #incidents", without the box.
            var firstLine = Checklist(first.Split('\n')[0]);
            cursor.Start(Text.Plain(WithoutStatus(firstLine, item[0].Line + 1)).TrimEnd(':'));
            if (item.Count == 1 && below.Count == 0)
            {
                // An item of words alone among items with code ("3. Tell the incident channel the restart is done") is
                // something the engineer does by hand, as it is in a list without code: an instruction, not a step with
                // nothing to do.
                cursor.Current.Actions.Add(new InstructionAction(Checklist(content.ItemText(item))));
                continue;
            }
            var restOfParagraph = string.Join("\n", first.Split('\n').Skip(1));
            if (restOfParagraph.Length > 0) cursor.Current.Actions.Add(new NoteAction(restOfParagraph));
            foreach (var block in item.Skip(1).Concat(below)) Add(cursor, block, withinStep: true);
        }
    }

    /// <summary>
    /// The sub-items of a step, in order, as that step's actions. One with nothing to run is an instruction (its own
    /// sub-items kept in its text); one with code keeps its words as a note before the commands they introduce.
    /// A sub-item with code that branches ("If a single key is over 500 MB:") is a step of its own after its step,
    /// run only if that holds, and an "Otherwise, …" sub-item with code right after it makes the two one decision: as
    /// commands of the step, the runner ran every branch. What follows a branch is a step of its own again.
    /// </summary>
    private void AddSubItems(Cursor cursor, ListBlock list)
    {
        string? owner = null;
        ImportedStep? lastIf = null;
        var lastIfWarning = 0;
        var inBranch = false;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var lead = item.FirstOrDefault() is ParagraphBlock first ? outline.Inline(first) : "";
            var hasCode = item.Descendants<CodeBlock>().Any();
            var branch = hasCode && !lead.Contains('\n') ? Branch().Match(Text.Plain(lead)) : Match.Empty;
            if (branch.Success && (branch.Groups["condition"].Success || lastIf is not null))
            {
                owner ??= cursor.EndForAlternatives();
                var title = Text.Plain(lead).TrimEnd(':').TrimEnd();
                var step = cursor.StartBranch($"{owner}: {title}");
                if (branch.Groups["condition"].Success)
                {
                    step.Condition = branch.Groups["condition"].Value.Trim();
                    lastIf = step;
                    lastIfWarning = Warnings.Count;
                    Warnings.Add($"line {item.Line + 1}: the sub-item '{title}' of step '{owner}' has commands for a case: imported as a step of its own that runs only if {step.Condition} (OnlyIf), instead of commands of '{owner}' that always run");
                }
                else
                {
                    // "Otherwise": the engineer picks the branch that applies, so neither needs its condition asked.
                    var decision = new ImportedChoice(owner, null);
                    lastIf!.Choice = step.Choice = decision;
                    lastIf.Condition = null;
                    lastIf.Title = lastIf.Title[(owner.Length + 2)..];
                    // The "If" branch is no OnlyIf step any more: this warning says what it became.
                    Warnings.RemoveAt(lastIfWarning);
                    Warnings.Add($"line {item.Line + 1}: the sub-item '{title}' of step '{owner}' is the other case of '{lastIf.Title}': imported as OneOf(\"{owner}\"), so exactly one of them runs, or none, as the engineer chooses");
                    step.Title = title;
                    lastIf = null;
                }
                foreach (var block in item.Skip(1)) Add(cursor, block, withinStep: true);
                inBranch = true;
                continue;
            }
            // "- If the pods are stuck: `kubectl delete pod …`" under a step's item: a branch as one with a fenced block is.
            if (!hasCode && item.Count == 1 && InlineCommandOf(item) is { Condition: { } inlineCondition } conditional)
            {
                owner ??= cursor.EndForAlternatives();
                var step = cursor.StartBranch($"{owner}: {conditional.Title}");
                step.Condition = inlineCondition;
                Warnings.Add($"line {item.Line + 1}: the sub-item '{conditional.Title}' of step '{owner}' has a command for a case: imported as a step of its own that runs only if {inlineCondition} (OnlyIf), instead of a command of '{owner}' that always runs");
                AddInlineCommand(step, conditional.Command, item.Line + 1, null);
                lastIf = null;
                inBranch = true;
                continue;
            }
            // After a branch, the rest of the list is its step's again, in a step of its own (the branch's ran only if).
            if (inBranch) cursor.StartBranch($"{owner} (continued)");
            inBranch = false;
            lastIf = null;
            if (!hasCode && item.Count == 1 && InlineCommandOf(item) is { } inline)
            {
                AddInlineCommand(cursor.Current, inline.Command, item.Line + 1, inline.Title);
                continue;
            }
            if (!hasCode)
            {
                cursor.Current.Actions.Add(new InstructionAction(Checklist(content.ItemText(item))));
                continue;
            }
            foreach (var block in item) Add(cursor, block, withinStep: true);
        }
    }

    // "If a single key is over 500 MB:", "If the pod is stuck, delete it" (the condition ends at the comma or colon);
    // "Otherwise, …", "Else: …".
    [GeneratedRegex(@"(?i)^(?:if\s+(?<condition>[^,:]+?)\s*(?:[,:].*)?|(?:otherwise|else)\b.*)$")]
    private static partial Regex Branch();

    private void AddCode(Cursor cursor, CodeBlock code)
    {
        var language = MarkdownOutline.Language(code).Split(' ')[0];
        var text = MarkdownOutline.Code(code);
        if (text.Trim().Length == 0) return;
        if (s_shellLanguages.Contains(language) || (language.Length == 0 && UnlabelledShell.Holds(text)))
        {
            if (ShellSplitter.IsChecklist(text))
            {
                foreach (var line in text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
                {
                    cursor.Current.Actions.Add(line.StartsWith('#')
                        ? new NoteAction(line.TrimStart('#').Trim())
                        : new InstructionAction(ShellSplitter.ChecklistText(line)));
                }
                return;
            }
            var pieces = ShellSplitter.Split(text);
            var choice = AlternativeFixes.Find(pieces, cursor.Current.Title);
            WarnAboutSplitBlock(code.Line + 1, pieces, alternativesSplit: choice is not null, "this shell block");
            if (choice is { } offered)
            {
                AddAlternatives(cursor, code.Line + 1, offered.LeadIn, offered.Alternatives);
                return;
            }
            foreach (var piece in pieces) AddPiece(cursor.Current, piece, code.Line + 1);
            return;
        }
        if (s_textLanguages.Contains(language) && templates.IsTemplate(cursor.Current.Title, cursor.PendingIntro, text))
        {
            var name = templates.Add(cursor.Current.Title, text, null);
            cursor.Current.Actions.Add(new NotifyAction(name));
            return;
        }
        if (s_windowsShellLanguages.Contains(language.ToLowerInvariant()))
        {
            // The runner runs bash: a PowerShell or cmd block is kept for the page, and the step asks the engineer to run
            // it, rather than pass at 3 a.m. having done nothing the document says to do.
            var shell = language.ToLowerInvariant() is "cmd" or "bat" or "batch" ? "cmd" : "PowerShell";
            cursor.Current.Actions.Add(new InstructionAction($"Run the {shell} below by hand: the runner runs bash commands only."));
            Warnings.Add($"line {code.Line + 1}: the {shell} block of step '{cursor.Current.Title}' is kept as a snippet the runner shows and never runs, with an instruction to run it by hand: rewrite it as bash (Run) or C# (Execute) for the runner to run it");
        }
        cursor.Current.Actions.Add(new SnippetAction(ContentReader.SnippetLanguage(code), text, null));
    }

    /// <summary>
    /// A step of its own for a command written inline for a case (<c>If the pods are stuck: `kubectl delete pod …`</c>),
    /// titled by its lead-in and run only if the case holds; a condition of the heading it is under holds too.
    /// </summary>
    private void AddConditionalStep(Cursor cursor, InlineCommand.Found inline, string condition, int line)
    {
        cursor.Start(inline.Title ?? inline.Command);
        var step = cursor.Current;
        step.Condition = step.Condition is { } held ? $"{held}, and {condition}" : condition;
        AddInlineCommand(step, inline.Command, line, null);
    }

    /// <summary>
    /// Makes <paramref name="ifStep"/> (a command for <paramref name="ifCase"/>) and the command of the other case one
    /// <c>OneOf</c> decision, "Whether …", of which the engineer picks the case that applies.
    /// </summary>
    private void AddOtherCase(Cursor cursor, ImportedStep ifStep, string ifCase, InlineCommand.Found otherwise, int line)
    {
        var decision = new ImportedChoice("Whether " + ifCase, null);
        ifStep.Condition = null;
        ifStep.Choice = decision;
        cursor.Start(otherwise.Title ?? "Otherwise");
        cursor.Current.Choice = decision;
        AddInlineCommand(cursor.Current, otherwise.Command, line, null);
        Warnings.Add($"line {line}: '{cursor.Current.Title}' is the other case of '{ifStep.Title}': imported as OneOf(\"{decision.Title}\"), so exactly one of them runs, or none, as the engineer chooses");
    }

    /// <summary>The command a list item's first paragraph gives inline (<see cref="InlineCommand"/>), or null.</summary>
    private InlineCommand.Found? InlineCommandOf(ListItemBlock item) => InlineCommand.ReadItem(item, outline);

    /// <summary>
    /// Runs a command written inline as a fenced one runs (split into commands, with the same warnings), after
    /// <paramref name="lead"/>, the words that introduced it inside a step, as a note.
    /// </summary>
    private void AddInlineCommand(ImportedStep step, string command, int line, string? lead)
    {
        if (lead is not null) step.Actions.Add(new NoteAction(lead));
        var pieces = ShellSplitter.Split(command);
        WarnAboutSplitBlock(line, pieces, alternativesSplit: false, "the command written inline");
        foreach (var piece in pieces) AddPiece(step, piece, line);
    }

    private static void AddPiece(ImportedStep step, ShellPiece piece, int line)
    {
        if (piece.Output is { } output)
        {
            step.Actions.Add(new SnippetAction("text", output, "Output shown in the document"));
            return;
        }
        step.Actions.Add(piece.Command is null
            ? new NoteAction(piece.Comment!.Replace("\n# ", "\n"))
            : new RunAction(piece.Command.StartsWith("$ ", StringComparison.Ordinal) ? piece.Command[2..] : piece.Command, piece.Comment) { Line = line });
    }

    /// <summary>
    /// The option steps of a catalogue's alternatives with their titles, or null when one alternative is several steps
    /// in sequence (no single option). An alternative that is one step is one option, titled by its name; one that is a
    /// decision of its own (a block with "# Or …") gives its options, titled "name: option". Titles are made unique,
    /// since the engineer chooses by title.
    /// </summary>
    private static List<(ImportedStep Step, string Title)>? AsOptions(string title, List<(string Name, List<ImportedStep> Steps)> alternatives)
    {
        var options = new List<(ImportedStep, string)>();
        foreach (var (name, steps) in alternatives)
        {
            // The step's title is the subsection's without its "(if …)" clause, which stays the step's condition.
            if (steps is [{ Choice: null } single])
                options.Add((single, single.Title.StartsWith(title + ": ", StringComparison.Ordinal) ? single.Title[(title.Length + 2)..] : single.Title));
            else if (steps[0].Choice is { } inner && steps.All(s => s.Choice == inner))
            {
                // The inner decision's note ("# Ways to scale") would be lost with it: it goes before its first option.
                if (inner.Note is { } note) steps[0].Actions.Insert(0, new NoteAction(note));
                var bare = ConditionalTitle.Split(name).Title;
                options.AddRange(steps.Select(s => (s, $"{bare}: {s.Title}")));
            }
            else return null;
        }
        return options.Select(o => o.Item1).Zip(UniqueTitles(options.Select(o => o.Item2))).ToList();
    }

    /// <summary>The titles, a repeated one numbered ("Restart (2)"): the engineer chooses an option by its title.</summary>
    private static List<string> UniqueTitles(IEnumerable<string> titles)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        return titles.Select(title =>
        {
            var unique = title;
            for (var n = 2; !seen.Add(unique); n++) unique = $"{title} ({n})";
            return unique;
        }).ToList();
    }

    /// <summary>
    /// A block of alternatives becomes a <c>OneOf</c> decision titled after the step the block was in (dropped when the
    /// block was all it had), one option per alternative titled by its name, the lead-in the decision's note.
    /// </summary>
    private void AddAlternatives(Cursor cursor, int line, List<ShellPiece> leadIn, List<Alternative> alternatives)
    {
        var owner = cursor.EndForAlternatives();
        var note = leadIn.Count == 0 ? null : string.Join("\n", leadIn.Select(p => p.Comment!.Replace("\n# ", "\n")));
        var decision = new ImportedChoice(owner, note);
        var titles = UniqueTitles(alternatives.Select(a => a.Name));
        for (var i = 0; i < alternatives.Count; i++)
        {
            var step = cursor.StartAlternative(titles[i], decision);
            foreach (var piece in alternatives[i].Pieces) AddPiece(step, piece, line);
        }
        var names = string.Join(", ", alternatives.Select(a => $"'{a.Name}'"));
        Warnings.Add($"line {line}: this shell block offers {alternatives.Count} alternatives ({names}): imported as OneOf(\"{owner}\"), so exactly one runs, or none, as the engineer chooses: check that they are alternatives");
    }

    /// <summary>
    /// Names what splitting a block into one Run per command changes: variables one command sets for later ones (each
    /// Run is a shell of its own) and alternatives ("# Or manually via ECS") that the runner would run one after the other.
    /// <paramref name="where"/> names what the commands were written as ("this shell block", "the command written inline"):
    /// a warning about "this shell block" sent the author looking for a fence on a line that had none.
    /// </summary>
    private void WarnAboutSplitBlock(int line, List<ShellPiece> pieces, bool alternativesSplit, string where)
    {
        var commandTexts = pieces.Select(p => p.Command).OfType<string>().ToList();
        var setEarlier = ShellVariables.UsedAcrossCommands(commandTexts);
        if (setEarlier is { Count: > 0 } variables)
        {
            var advice = variables.Count == 1 ? "it empty: make it a parameter" : "them empty: make them parameters";
            Warnings.Add($"line {line}: {where} sets {string.Join(", ", variables)}, which later commands use, but each Run(...) is a shell of its own and sees {advice}, or join the commands into one Run");
        }
        // What no command of the block sets (those set by an earlier command are named above) and the command reads.
        var unset = commandTexts.SelectMany(UnsetVariables.ReadButNotSet).Distinct().Where(v => !setEarlier.Contains(v)).ToList();
        // `LIMIT=5 kubectl logs --tail=$LIMIT`: set right there, so "nothing sets it" would send the author looking.
        var prefixOnly = unset.Where(v => commandTexts.Any(c => UnsetVariables.SetOnlyForItsCommand(c, v))).ToList();
        if (prefixOnly.Count > 0)
        {
            unset.RemoveAll(prefixOnly.Contains);
            var names = string.Join(", ", prefixOnly.Select(v => "$" + v));
            var (it, them) = prefixOnly.Count == 1 ? ("it", "it") : ("them", "them");
            Warnings.Add($"line {line}: {where} reads {names} where an assignment in front of a command set {it} (`NAME=value command …`): bash puts such a value in that command's environment alone, after expanding the command's own words, so {names} there and in later commands is empty: end the assignment with `;` (`NAME=value; command …`) or make {them} a parameter");
        }
        if (unset.Count > 0)
        {
            var names = string.Join(", ", unset.Select(v => "$" + v));
            var (them, parameters) = unset.Count == 1 ? ("it", "it a parameter") : ("them", "them parameters");
            Warnings.Add($"line {line}: {where} reads {names}, which nothing in it sets: each Run(...) starts a fresh shell, so it runs with {them} empty unless the engineer's environment has {them} (`rm -rf $DIR/` would be `rm -rf /`): make {parameters}, or set {them} in the command");
        }
        // A read that waits for the engineer gets the closed input at once: the value empty, the engineer never asked.
        var terminalReads = commandTexts.SelectMany(TerminalReads.Of).Distinct().ToList();
        if (terminalReads.Count > 0)
        {
            var reads = string.Join(", ", terminalReads.Select(r => $"`{r}`"));
            Warnings.Add($"line {line}: {where} waits for the engineer to answer {reads}, but the runner closes a command's standard input: the read gets nothing at once, what it sets is empty and it fails, and nobody is asked: make the value a parameter, which the runner asks for before the run, or make the pause a Manual(...) step");
        }
        // Alternatives made steps of their own no longer run one after the other: AddAlternatives says what it did.
        if (alternativesSplit) return;
        var commands = pieces.Where(p => p.Command is not null).ToList();
        foreach (var alternative in commands.Skip(1).Select(p => p.Comment?.Split("\n# ")[^1]).Where(c => c is not null && Alternative().IsMatch(c)))
            Warnings.Add($"line {line}: in {where}, '{alternative}' offers a command instead of the one before it, but the runbook runs both, one after the other: keep the one to run, or make the other a Note");
    }

    [GeneratedRegex(@"(?i)^(or|alternatively|alternative:)\b")]
    private static partial Regex Alternative();

    private static string Checklist(string text) => ChecklistBox().Replace(text, "");

    [GeneratedRegex(@"^\*\*(?<title>[^*]+)\*\*:?")]
    private static partial Regex BoldTitle();

    [GeneratedRegex(@"^\[[ xX]\]\s*")]
    private static partial Regex ChecklistBox();

    /// <summary>Where the next action goes: the current step, opened lazily with the default title.</summary>
    private sealed class Cursor(ImportedPhase phase, string defaultTitle)
    {
        private ImportedStep? _current;

        public string? PendingIntro { get; set; }

        public ImportedStep Current
        {
            get
            {
                if (_current is null) Start(defaultTitle);
                return _current!;
            }
        }

        /// <summary>The step of a heading, until a step of its own starts before it got anything.</summary>
        private ImportedStep? _heading;

        /// <summary>Put before the titles of steps under a heading that had nothing of its own ("Heading: ").</summary>
        private string _prefix = "";

        /// <summary>The condition of that heading ("#### Restart (if needed)"): the steps under it run only if it holds.</summary>
        private string? _prefixCondition;

        public void Start(string title, bool titledByParagraph = false)
        {
            // A heading whose content starts with steps of its own ("#### Common Issues" over "**High Error Rate**")
            // is no step: its words lead theirs, as they do for the subsections of a heading with only subsections.
            if (_heading is { IsEmpty: true } && _current == _heading)
            {
                phase.Steps.Remove(_heading);
                _prefix = _heading.Title.TrimEnd(':').TrimEnd() + ": ";
                _prefixCondition = _heading.Condition;
            }
            _heading = null;
            _titlePrefix = null;
            // "Emergency Rollback (if recent deployment)": the step runs only if that holds.
            var (bare, condition) = ConditionalTitle.Split(title.Length == 0 ? defaultTitle : _prefix + title);
            if (_prefixCondition is { } under) condition = condition is null ? under : $"{under}, and {condition}";
            _current = new ImportedStep(bare) { Condition = condition, TitledByParagraph = titledByParagraph };
            phase.Steps.Add(_current);
        }

        /// <summary>
        /// Before a block's alternatives: the title the current step has (their titles start with it). The step is
        /// dropped when the block is all it would have had.
        /// </summary>
        public string EndForAlternatives()
        {
            var owner = Current;
            if (owner.IsEmpty) phase.Steps.Remove(owner);
            _heading = null;
            return owner.Title;
        }

        /// <summary>Starts the step of one option of a decision; what follows the block opens a step of its own again.</summary>
        public ImportedStep StartAlternative(string title, ImportedChoice decision)
        {
            var step = new ImportedStep(title) { Choice = decision };
            phase.Steps.Add(step);
            // Content after the block is no part of the last alternative: it starts a step under the default title.
            _current = null;
            return step;
        }

        /// <summary>Starts a step of a branch under the current step (or of what follows the branch), for what comes next.</summary>
        public ImportedStep StartBranch(string title)
        {
            _heading = null;
            _current = new ImportedStep(title);
            phase.Steps.Add(_current);
            return _current;
        }

        // The prefix of the title a step numbered alone ("**Step 1**") takes from the line under it; null when none is awaited.
        private string? _titlePrefix;

        /// <summary>The current step is numbered alone: a paragraph of one line right under it is its title.</summary>
        public void AwaitTitle(string? prefix = null) => _titlePrefix = prefix ?? _prefix;

        /// <summary>Something else came under the number: the step keeps it as its title.</summary>
        public void StopAwaitingTitle() => _titlePrefix = null;

        /// <summary>
        /// Titles the current step by <paramref name="paragraph"/> (inline markdown) when it awaits one and the paragraph is
        /// one line: true when it did.
        /// </summary>
        public bool TakeTitle(string paragraph)
        {
            if (_titlePrefix is not { } prefix || _current is not { IsEmpty: true } step || paragraph.Contains('\n')) return false;
            _titlePrefix = null;
            var (bare, condition) = ConditionalTitle.Split(prefix + Text.Plain(paragraph).TrimEnd(':', '.').TrimEnd());
            if (bare.Length == 0) return false;
            step.Title = bare;
            if (condition is not null) step.Condition = step.Condition is { } held ? $"{held}, and {condition}" : condition;
            return true;
        }

        /// <summary>Starts the step of a heading.</summary>
        public void StartHeading(string title)
        {
            Start(title);
            _heading = _current;
        }
    }
}
