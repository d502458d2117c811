using System.Text.RegularExpressions;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using RunbookSdk.Import.Model;
using RunbookSdk.Import.Outline;

namespace RunbookSdk.Import.Recognition;

/// <summary>
/// Decides what each part of a document is: shared handbook parts (by heading: severities, escalation,
/// contacts, SLOs, post-incident, communication), runbooks (a section whose subsections are phases, a
/// "Playbook"/"Runbook" heading, or a procedure inside a "Runbooks"/"Procedures" container), or free-form
/// content kept as a handbook section.
/// </summary>
internal sealed partial class DocumentReader
{
    private readonly MarkdownOutline _outline;
    private readonly ImportedHandbook _handbook = new();
    private readonly List<ImportedRunbook> _runbooks = [];
    private readonly ContentReader _content;
    private readonly TemplateCollector _templates;
    private readonly HandbookReader _handbookReader;
    private readonly StepReader _steps;
    private readonly LeftOutHeadings _leftOut = new();
    private readonly List<string> _frontMatterWarnings = [];

    /// <summary>Empty rollback and verification headings: a gap the import reports, unless the runbook got one elsewhere.</summary>
    private readonly List<(OutlineSection Heading, ImportedRunbook Runbook, bool Verification)> _emptyGapHeadings = [];

    private DocumentReader(MarkdownOutline outline)
    {
        _outline = outline;
        _content = new ContentReader(outline);
        _templates = new TemplateCollector(_handbook);
        _handbookReader = new HandbookReader(outline, _content, _templates, _handbook, _leftOut);
        _steps = new StepReader(outline, _content, _templates, _leftOut);
    }

    /// <summary>Reads the document; <paramref name="fallbackTitle"/> is used when it has no single top heading.</summary>
    public static ImportedDocument Read(MarkdownOutline outline, string fallbackTitle)
    {
        var reader = new DocumentReader(outline);
        reader.ReadDocument(fallbackTitle);
        var document = new ImportedDocument(reader._handbook, reader._runbooks);
        reader.ReadWrittenEscalation(document.Warnings);
        // A matrix the import saw but could not take: said where it is and why, rather than only each runbook's RB0001.
        if (reader._handbook.Escalation.Count == 0 && reader._runbooks.Any(r => r.Escalation.Count == 0))
            document.Warnings.AddRange(reader._handbookReader.UnreadEscalations);
        document.Warnings.AddRange(reader._frontMatterWarnings);
        document.Warnings.AddRange(reader._steps.Warnings);
        reader.ReportUntitledHeadings(document.Warnings, fallbackTitle);
        reader.ReportStatusMarkers(document.Warnings);
        reader.ReportLeftOutHeadings(document.Warnings);
        return document;
    }

    /// <summary>
    /// Says which headings had nothing under them and were left out. An empty rollback or verification heading of a
    /// runbook that has none is not repeated here (the gap warning says it), nor an empty escalation heading when the
    /// handbook has no escalation (each runbook's RB0001 gap says it).
    /// </summary>
    private void ReportLeftOutHeadings(List<string> warnings)
    {
        var gaps = _emptyGapHeadings
            .Where(g => (g.Verification ? g.Runbook.Verification : g.Runbook.Rollback) is null)
            .Select(g => g.Heading)
            .ToHashSet();
        var leftOut = _leftOut.Headings
            .Concat(_emptyGapHeadings.Select(g => g.Heading).Where(h => !gaps.Contains(h)))
            .Where(h => !(HandbookReader.RoleOf(h) == HandbookRole.Escalation && _handbook.Escalation.Count == 0 && _runbooks.Count > 0))
            .OrderBy(h => h.Line);
        warnings.AddRange(leftOut.Select(LeftOutHeadings.Warning));
    }

    /// <summary>
    /// A document with no escalation heading may still say whom to call in a runbook's words ("If this doesn't work within
    /// 15 min, page the platform on-call."): that is the runbook's escalation, rather than the RB0001 gap it was. Only where
    /// the document gives no other, so a sentence never replaces the handbook's matrix; the sentence stays in its step.
    /// </summary>
    private void ReadWrittenEscalation(List<string> warnings)
    {
        if (_handbook.Escalation.Count > 0) return;
        foreach (var runbook in _runbooks.Where(r => r.Escalation.Count == 0))
        {
            if (EscalationLevels.WrittenIn(runbook) is not { } written) continue;
            runbook.Escalation.AddRange(written.Select(w => w.Level));
            foreach (var (level, sentence) in written)
            {
                var contact = level.Contact is null ? "" : $", contact '{level.Contact}'";
                warnings.Add($"runbook '{runbook.Title}': the sentence '{sentence.TrimEnd('.')}' is read as its escalation: '{level.Who}' after {level.After.TotalMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture)} minutes{contact}");
            }
        }
    }

    /// <summary>Says which headings had no words and what they were named, so the names can be replaced by real ones.</summary>
    private void ReportUntitledHeadings(List<string> warnings, string fallbackTitle)
    {
        var top = Top(_outline.Root);
        foreach (var section in _outline.Root.Descendants.Where(s => s.IsUntitled))
        {
            var name = section == top ? fallbackTitle + "' (the file's name)" : section.Title + "'";
            warnings.Add($"line {section.Line}: the heading '{section}' has no words; imported as '{name}: give it a name");
        }
    }

    /// <summary>Says which headings lost a status marker (<c>✅ IMPLEMENTED</c>), so a name that meant it can be restored.</summary>
    private void ReportStatusMarkers(List<string> warnings)
    {
        foreach (var section in _outline.Root.Descendants.Where(s => s.Status is not null))
            warnings.Add($"line {section.Line}: the heading '{section}' ends with the status '{section.Status}', which is no part of its name: "
                + $"imported as '{section.Title}'");
    }

    /// <summary>The document's single top heading, when it has one.</summary>
    private static OutlineSection? Top(OutlineSection root) =>
        root.Children.Count(c => c.Level == 1) == 1 && root.Children.Count == 1 ? root.Children[0] : null;

    /// <summary>
    /// The first of several top headings when it only titles the document: "# Payments incident response" with a line
    /// or two under it and no subsection, then "# Payments API down", "# Payments DB slow". Its words are the
    /// document's introduction, the other headings its parts. Null when the first top heading holds steps or
    /// subsections: it is a part of its own.
    /// </summary>
    private OutlineSection? TitleHeading(OutlineSection root) =>
        root.Children.Count >= 2 && root.Children[0] is { Level: 1, IsUntitled: false, Children.Count: 0 } first &&
        !HasActions(first) && root.Children.Skip(1).Any(c => c.Level == 1)
            ? first
            : null;

    private void ReadDocument(string fallbackTitle)
    {
        var root = _outline.Root;
        var top = Top(root);
        var titleHeading = top is null ? TitleHeading(root) : null;
        var body = top ?? root;
        var parts = titleHeading is null ? body.Children : body.Children.Skip(1).ToList();
        _handbook.Title = top is { IsUntitled: false } ? top.Title : titleHeading?.Title ?? fallbackTitle;

        var intro = new ContentSection("Overview");
        var preamble = (top ?? titleHeading) is { } heading ? root.Blocks.Concat(heading.Blocks) : root.Blocks;
        foreach (var block in preamble)
        {
            if (MarkdownOutline.IsFrontMatter(block))
            {
                _frontMatterWarnings.AddRange(new FrontMatterReader(_outline, _handbookReader, _handbook).Read(block, titleFromHeading: top is not null || titleHeading is not null));
                continue;
            }
            if (block is Table table && _handbookReader.ReadFactTable(table, out var read) is var rows && read)
            {
                if (rows is not null) intro.Blocks.Add(rows);
                continue;
            }
            if (block is ParagraphBlock paragraph)
            {
                var rest = _handbookReader.ReadFacts(paragraph);
                if (rest is null) continue;
                if (_handbook.Summary is null && !rest.Contains('\n')) { _handbook.Summary = rest; continue; }
                intro.Blocks.Add(new ParagraphContent(rest));
            }
            else
            {
                _content.Add(intro, block);
            }
        }
        if (!intro.IsEmpty) _handbook.Sections.Add(intro);

        // A document that is itself one procedure: "## 1. Immediate Response (0-5 minutes)", "## 2. Investigation ...".
        var topPhases = parts.Where(c => IsNumberedOrTimed(c.Title) && HandbookReader.RoleOf(c) == HandbookRole.None).ToList();
        if (topPhases.Count >= 2 && topPhases.Any(HasActions))
        {
            var runbook = new ImportedRunbook(_handbook.Title);
            foreach (var child in parts)
            {
                if (topPhases.Contains(child)) AddPhase(runbook, child);
                else Classify(child, inContainer: false);
            }
            Finish(runbook);
            return;
        }
        // A wiki page that is itself one runbook: "## Symptoms", "## Impact", "## Mitigation", "## Rollback", "## Verify"
        // under the page's title. None of its parts is a runbook, so each became a handbook section: the page's steps
        // were text on the handbook page, and nothing was left for the runner to run.
        if (IsRunbookPage(parts))
        {
            ReadRunbookPage(parts);
            return;
        }
        foreach (var child in parts) Classify(child, inContainer: false);
    }

    /// <summary>
    /// True when the document's parts make one runbook and none of them is one: a <i>Symptoms</i> part or two or more
    /// phase headings (<c>Mitigation</c>, <c>Rollback</c>, <c>Verify</c>), with something to do in them.
    /// </summary>
    private bool IsRunbookPage(List<OutlineSection> parts)
    {
        if (parts.Any(p => YieldsRunbook(p, inContainer: false))) return false;
        var own = parts.Where(p => HandbookReader.RoleOf(p) == HandbookRole.None).ToList();
        if (!own.Any(p => !Symptoms().IsMatch(p.Title) && HasActions(p))) return false;
        return own.Any(p => Symptoms().IsMatch(p.Title)) || own.Count(p => IsPhaseHeading(p.Title)) >= 2;
    }

    /// <summary>Whether <see cref="Classify"/> finds a runbook in <paramref name="section"/> or below it.</summary>
    private bool YieldsRunbook(OutlineSection section, bool inContainer)
    {
        if (HandbookReader.RoleOf(section) != HandbookRole.None && !IsRunbookHeading(section.OwnWords)) return false;
        if (IsRunbook(section, inContainer)) return true;
        if (!HoldsRunbooksOrStructure(section)) return false;
        var container = IsContainer(section.OwnWords) || inContainer && section.Blocks.Count == 0;
        return section.Children.Any(c => YieldsRunbook(c, container));
    }

    /// <summary>
    /// Reads a page that is one runbook (<see cref="IsRunbookPage"/>): its symptoms, its phases, and what it says about
    /// the incident (<i>Impact</i>, <i>Context</i>, <i>Background</i>) as sections of the runbook; the shared parts
    /// (escalation, contacts, severities) still go to the handbook.
    /// </summary>
    private void ReadRunbookPage(List<OutlineSection> parts)
    {
        var runbook = new ImportedRunbook(_handbook.Title) { ShortTitle = RunbookTitle(_handbook.Title), Summary = _handbook.Summary };
        foreach (var part in parts)
        {
            if (HandbookReader.RoleOf(part) != HandbookRole.None) Classify(part, inContainer: false);
            else if (Symptoms().IsMatch(part.Title)) ReadSymptoms(runbook, part);
            else if (HasActions(part) || IsPhaseHeading(part.Title)) AddPhase(runbook, part);
            else if (!_leftOut.IfEmpty(part)) runbook.Sections.Add(_content.Section(part));
        }
        Finish(runbook);
    }

    private void Classify(OutlineSection section, bool inContainer)
    {
        var role = HandbookReader.RoleOf(section);
        if (role != HandbookRole.None && !IsRunbookHeading(section.OwnWords))
        {
            _handbookReader.Read(section, role);
            return;
        }
        if (IsRunbook(section, inContainer))
        {
            ReadRunbook(section);
            return;
        }
        if (HoldsRunbooksOrStructure(section))
        {
            var own = ContentReader.For(section);
            _content.AddBlocks(own, section.Blocks);
            var facts = own.Blocks.Count;
            if (!own.IsEmpty) _handbook.Sections.Add(own);
            else _handbook.StructuredHeadings.Add(section.Title);
            var container = IsContainer(section.OwnWords) || inContainer && facts == 0;
            foreach (var child in section.Children) Classify(child, container);
            return;
        }
        _handbookReader.Read(section, HandbookRole.None);
    }

    /// <summary>
    /// True when a subsection, at any depth, is a runbook or a handbook part, so the section is read part by part. A
    /// subsection is judged in its parent's container ("## Runbooks" over "### Database Connection Issues"), or as a
    /// container itself.
    /// </summary>
    private bool HoldsRunbooksOrStructure(OutlineSection section) =>
        section.Children.Any(c =>
            IsRunbook(c, IsContainer(section.OwnWords) || IsContainer(c.OwnWords))
            || HandbookReader.RoleOf(c) != HandbookRole.None
            || HoldsRunbooksOrStructure(c));

    private bool IsRunbook(OutlineSection section, bool inContainer)
    {
        if (!HasActions(section)) return false;
        if (section.Children.Any(c => Symptoms().IsMatch(c.Title))) return true;
        if (section.Children.Count(c => IsPhaseHeading(c.Title)) >= 2 && !section.Children.Any(c => IsRunbookHeading(c.OwnWords))) return true;
        var childRunbooks = section.Children.Any(c => IsRunbookHeading(c.OwnWords) && HasActions(c));
        if (IsRunbookHeading(section.OwnWords) && !childRunbooks) return true;
        return inContainer && !childRunbooks && !section.Children.Any(c => IsContainer(c.OwnWords));
    }

    private void ReadRunbook(OutlineSection section)
    {
        var runbook = new ImportedRunbook(section.Title) { ShortTitle = RunbookTitle(section.Title) };
        var own = section.Blocks.ToList();
        if (section.Children.Count == 0)
        {
            // "**When:** memory above 90%", "**Impact:** …", "**Owner:** …" before the steps (a Notion page's
            // properties) say what the runbook is about, as the paragraphs under a runbook with phase headings do: its
            // summary and overview, not steps the runner asks the engineer to do.
            var facts = own.TakeWhile(b => b is ParagraphBlock p && RemarkLabel.IsFact(_outline.Inline(p))).Cast<ParagraphBlock>().ToList();
            if (facts.Count > 0)
            {
                own.RemoveRange(0, facts.Count);
                runbook.Summary = _outline.Inline(facts[0]);
                var overview = new ContentSection("Overview");
                foreach (var fact in facts.Skip(1)) _content.Add(overview, fact);
                if (!overview.IsEmpty) runbook.Sections.Add(overview);
            }
            var procedure = _steps.Phase(own, "Procedure");
            // Without headings, a procedure marks its parts with bold paragraphs ("**Steps**", "**Verify**",
            // "**Rollback**"). The one named as a rollback is the runbook's rollback, as a "### Rollback" heading is:
            // as the last step, the runner told the engineer to undo the procedure right after doing it. A numbered
            // step ("3. Revert the worker count") is a step of the procedure and stays one.
            if (LabelledSteps(procedure, RollbackPart()) is { Count: > 0 } rollback)
            {
                procedure.Steps.RemoveAll(rollback.Contains);
                runbook.Rollback = new ImportedPhase("Rollback", null);
                runbook.Rollback.Steps.AddRange(rollback.Where(s => !s.IsEmpty));
            }
            // "**Verify**" over a list of inline commands is the verification, when nothing after it runs a command (the
            // rollback is out of the way): as steps of the procedure, an empty "Verify" step stood before its checks.
            if (LabelledSteps(procedure, Verification()) is [{ IsEmpty: true }, _, ..] checks
                && !procedure.Steps.Skip(procedure.Steps.IndexOf(checks[^1]) + 1).Any(s => s.Actions.OfType<RunAction>().Any()))
            {
                procedure.Steps.RemoveAll(checks.Contains);
                runbook.Verification = new ImportedPhase("Verification", null);
                runbook.Verification.Steps.AddRange(checks.Skip(1));
            }
            // "**Symptoms**" over a list says how to recognise the incident, as a "### Symptoms" heading does: the
            // runbook's symptoms, not a first step telling the engineer to "Error rate above 5%".
            if (procedure.Steps.FirstOrDefault(s => s.TitledByParagraph && !s.IsEmpty && Symptoms().IsMatch(s.Title)
                    && s.Actions.All(a => a is InstructionAction)) is { } symptoms)
            {
                procedure.Steps.Remove(symptoms);
                runbook.Symptoms.AddRange(symptoms.Actions.Cast<InstructionAction>().Select(a => a.Text));
            }
            // "**Steps**" over the numbered steps only labels them: an empty step of that name was all it became.
            procedure.Steps.RemoveAll(s => s.TitledByParagraph && s.IsEmpty && s.Condition is null && s.Choice is null && StepsLabel().IsMatch(s.Title));
            AddPhase(runbook, procedure);
        }
        else
        {
            var overview = new ContentSection("Overview");
            foreach (var block in own)
            {
                if (block is ParagraphBlock p && runbook.Summary is null) runbook.Summary = _outline.Inline(p);
                else _content.Add(overview, block);
            }
            if (!overview.IsEmpty) runbook.Sections.Add(overview);
            foreach (var child in section.Children)
            {
                if (Symptoms().IsMatch(child.Title)) ReadSymptoms(runbook, child);
                else if (!ReadOwnEscalation(runbook, child)) AddPhase(runbook, child);
            }
        }
        Finish(runbook);
    }

    private void ReadSymptoms(ImportedRunbook runbook, OutlineSection section)
    {
        var rest = ContentReader.For(section);
        foreach (var block in section.Blocks)
        {
            if (block is ListBlock list) runbook.Symptoms.AddRange(list.OfType<ListItemBlock>().Select(_content.ItemText));
            else _content.Add(rest, block);
        }
        foreach (var child in section.Children) rest.Blocks.Add(new SubsectionContent(_content.Section(child)));
        if (!rest.IsEmpty) runbook.Sections.Add(rest);
        _leftOut.IfEmpty(section);
    }

    /// <summary>
    /// A runbook's own "Escalation" section that gives levels with times (a list, YAML or a table, as the handbook's):
    /// the runbook's escalation, which the runner announces instead of the handbook's. What else the section says stays
    /// a section of the runbook. False when it gives no levels: it is read as a phase, as before.
    /// </summary>
    private bool ReadOwnEscalation(ImportedRunbook runbook, OutlineSection section)
    {
        if (HandbookReader.RoleOf(section) != HandbookRole.Escalation || runbook.Escalation.Count > 0 ||
            EscalationLevels.Read(section, _outline, _content) is not { } found)
            return false;

        runbook.Escalation.AddRange(found.Levels);
        var rest = ContentReader.For(section);
        foreach (var block in section.Blocks)
        {
            if (block != found.Block) _content.Add(rest, block);
        }
        foreach (var child in section.Children) rest.Blocks.Add(new SubsectionContent(_content.Section(child)));
        if (!rest.IsEmpty) runbook.Sections.Add(rest);
        return true;
    }

    private void AddPhase(ImportedRunbook runbook, OutlineSection section)
    {
        var (box, rest) = Times.TimeBox(section.Title);
        var name = Numbering().Replace(rest, "").Trim();
        if (name.Length == 0) name = section.Title;
        if (!AddPhase(runbook, _steps.Phase(section, name, box), section))
            _emptyGapHeadings.Add((section, runbook, Verification().IsMatch(name)));
    }

    /// <summary>
    /// Adds the phase read from <paramref name="heading"/> (null: loose blocks) as a phase, the rollback or the
    /// verification; false when it was left out as a gap.
    /// </summary>
    private bool AddPhase(ImportedRunbook runbook, ImportedPhase phase, OutlineSection? heading = null)
    {
        // A Rollback or Verification heading with nothing under it says nothing about how to undo or check: it stays a
        // gap (RB0002/RB0003, reported by the import and the build, waived with --allow-incomplete) instead of a section
        // whose only step is a placeholder the analyzers would count as a rollback or verification.
        var empty = phase.Steps.All(step => step.IsEmpty);
        if (Verification().IsMatch(phase.Name) && runbook.Verification is null)
        {
            if (empty) return false;
            runbook.Verification = WithAStep(phase);
        }
        else if (Rollback().IsMatch(phase.Name) && runbook.Rollback is null)
        {
            if (empty) return false;
            runbook.Rollback = WithAStep(phase);
        }
        // An empty phase heading, or one whose subsections are all empty, is left out and named like an empty step
        // heading: a phase whose only step is a placeholder is a section the on-call engineer opens and finds empty.
        else if (phase.Steps.Count == 0 && heading is not null && _leftOut.IfEmpty(heading)) return true;
        else runbook.Phases.Add(WithAStep(phase));
        return true;
    }

    /// <summary>
    /// The steps of a procedure's bold part <paramref name="part"/> names (<c>**Rollback**</c>, <c>**Verify**</c>): the step it titles, or, when its list's items
    /// became steps of their own (<c>2. `kubectl rollout undo …`</c> runs its command), the empty label and the steps
    /// after it up to the next bold part. Empty when it has none.
    /// </summary>
    private static List<ImportedStep> LabelledSteps(ImportedPhase procedure, Regex part)
    {
        var steps = procedure.Steps;
        for (var at = 0; at < steps.Count; at++)
        {
            var label = steps[at];
            if (!label.TitledByParagraph || !part.IsMatch(label.Title)) continue;
            if (!label.IsEmpty) return [label];
            var under = steps.Skip(at + 1).TakeWhile(s => !s.TitledByParagraph).ToList();
            if (under.Count > 0) return [label, .. under];
        }
        return [];
    }

    private static ImportedPhase WithAStep(ImportedPhase phase)
    {
        if (phase.Steps.Count == 0) phase.Steps.Add(new ImportedStep(phase.Name));
        return phase;
    }

    private void Finish(ImportedRunbook runbook)
    {
        // A step that verifies ("Verify Fix", "Validate the deployment") is what the runner should run after every run,
        // but only the last step that runs commands: a check with commands after it ("Confirm the primary is really
        // down" before "Promote the replica") guards them, and moved to the verification it would run after them.
        if (runbook.Verification is null &&
            runbook.Phases.SelectMany(p => p.Steps, (phase, step) => (Phase: phase, Step: step))
                .LastOrDefault(s => s.Step.Actions.OfType<RunAction>().Any()) is { Step: { } last, Phase: { } phase } &&
            Verification().IsMatch(last.Title))
        {
            phase.Steps.Remove(last);
            runbook.Verification = new ImportedPhase("Verification", null);
            runbook.Verification.Steps.Add(last);
            if (phase.Steps.Count == 0) phase.Steps.Add(new ImportedStep(phase.Name) { Actions = { new NoteAction("See Verification.") } });
        }
        if (runbook.Phases.Count == 0 && runbook.Verification is { } only && runbook.Rollback is null)
        {
            runbook.Phases.Add(only);
            runbook.Verification = null;
        }
        _runbooks.Add(runbook);
    }

    private static string RunbookTitle(string title)
    {
        var stripped = PlaybookPrefix().Replace(title, "").Trim();
        return stripped.Length == 0 ? title : stripped;
    }

    /// <summary>
    /// Whether <paramref name="section"/> or a subsection has something to do: code, a numbered list, or a list whose
    /// items the step reader makes steps (<see cref="StepList.ItemsAreSteps"/>: bullets that give their commands inline,
    /// <c>- Restart the pods with `kubectl rollout restart deploy/api`</c>). Without the last, a wiki page whose actions
    /// were such bullets was no runbook: the import found none and kept the page as handbook text. Decided by the step
    /// reader's own rule, so a list whose items become instructions makes nothing a runbook. A paragraph that gives its
    /// command inline (<c>Restart the pods with `kubectl rollout restart deploy/api`.</c>) counts as such a bullet does:
    /// the step reader makes it a step running the command, and a page whose actions were such sentences imported as a
    /// handbook alone.
    /// </summary>
    private bool HasActions(OutlineSection section) =>
        section.AllBlocks.Any(b => b is FencedCodeBlock or ListBlock { IsOrdered: true }
            || b is ListBlock list && StepList.ItemsAreSteps(list, _outline)
            || b is ParagraphBlock paragraph && InlineCommand.Read(paragraph, _outline.Inline(paragraph)) is not null);

    private static bool IsPhaseHeading(string title) =>
        IsNumberedOrTimed(title) || PhaseWords().IsMatch(title);

    private static bool IsNumberedOrTimed(string title) =>
        Numbering().IsMatch(title) || Times.TimeBox(title).Box is not null;

    private static bool IsRunbookHeading(string title) => RunbookWord().IsMatch(title);

    private static bool IsContainer(string title) => ContainerWords().IsMatch(title);

    [GeneratedRegex(@"^\s*(step\s+)?\d+[.):]\s*|^\s*step\s+\d+\s*[-:]\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Numbering();

    [GeneratedRegex(@"(?i)\b(immediate|investigat|diagnos|mitigat|resolution|resolve|recover|triage|detect|assess|verif|validat|rollback|roll back|remediat|containment|escalat|actions?|response|initial)\w*")]
    private static partial Regex PhaseWords();

    // A bold paragraph that only labels the steps after it.
    [GeneratedRegex(@"(?i)^(steps?|procedure|actions?|instructions|what to do|resolution( steps)?|remediation( steps)?|mitigation( steps)?)\s*:?$")]
    private static partial Regex StepsLabel();

    [GeneratedRegex(@"(?i)^symptoms?\b|^signs\b|^how to recogni[sz]e")]
    private static partial Regex Symptoms();

    [GeneratedRegex(@"(?i)\b(playbook|runbook)\b(?!s)")]
    private static partial Regex RunbookWord();

    [GeneratedRegex(@"(?i)\b(playbooks|runbooks|procedures|issues and solutions|scenarios|common issues)\b")]
    private static partial Regex ContainerWords();

    [GeneratedRegex(@"(?i)^(verif|validat|confirm|post-recovery check)")]
    private static partial Regex Verification();

    [GeneratedRegex(@"(?i)^(rollback|roll back|revert|undo)\b")]
    private static partial Regex Rollback();

    // The name of a procedure's rollback part, not a step that rolls something back ("Rollback deployment").
    [GeneratedRegex(@"(?i)^(rollback|roll back|roll-back|undo|revert)( plan| procedure| steps)?$")]
    private static partial Regex RollbackPart();

    [GeneratedRegex(@"(?i)^\s*(playbook|runbook)\s*\d*\s*[:.-]\s*")]
    private static partial Regex PlaybookPrefix();
}
