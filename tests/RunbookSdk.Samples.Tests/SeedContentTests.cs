using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace RunbookSdk.Samples.Tests;

/// <summary>
/// Every sample written from a seed document carries that document: each heading, list item, table cell and code
/// line of the seed appears in the sample's generated pages, or, for a command whose values became parameters, in
/// the dry run with the default values filled in. Text is compared, not formatting (see <see cref="Normalize"/>).
/// </summary>
public partial class SeedContentTests
{
    /// <summary>
    /// Seed lines a sample changed on purpose, each with the reason. Keep this list short: a line belongs here only
    /// when the sample deliberately says something else (its README's deviations table says what and why).
    /// </summary>
    private static readonly Dictionary<string, (string Line, string Reason)[]> DeliberatelyChanged = new()
    {
        ["Omnix"] =
        [
            ("cd /home/jonmax1987/projects/omnix-ai-professional/apps/backend", "a developer's home directory became the BackendDirectory parameter (RB0007)"),
        ],
        ["OmniNodeBridge"] =
        [
            ("[[ \"$1\" == \"--restart\" ]]", "the script's --restart flag became the confirmation of the restart step"),
            ("[[ \"$1\" == \"--emergency-restart\" ]]", "the script's --emergency-restart flag became the confirmation of the restart step"),
            ("conn = await asyncpg.connect('postgresql://omninode_bridge:PASSWORD@", "the password placeholder became the [Secret] DatabasePassword parameter (RB0006)"),
            ("-H \"Authorization: OAuth TOKEN\"", "the token placeholder became the [Secret] StatusPageToken parameter (RB0006)"),
            ("echo \"$(date): Escalated to Level $((CURRENT_LEVEL + 1))", "the script's CURRENT_LEVEL variable became the CurrentLevel parameter inside $(( ))"),
        ],
    };

    /// <summary>
    /// Seed texts the generated pages carry in their own structure rather than verbatim: the handbook page has fixed
    /// sections (Contacts, Escalation, Severity levels, ...) and a runbook's title is its page heading. Each entry
    /// names the page text that carries the seed text, and the test checks that text is there.
    /// </summary>
    private static readonly Dictionary<string, (string Seed, string Page)[]> CarriedAs = new()
    {
        ["Omnix"] =
        [
            ("Emergency Contact Information", "## Contacts"),
            ("Primary On-Call Team", "| Who | How to reach |"),
            ("Escalation Matrix", "## Escalation"),
            ("Level 1 (0-15 minutes): Development Team", "| 1 | immediately | Development Team |"),
            ("Level 2 (15-30 minutes): Senior Engineering + DevOps", "| 2 | after 15 minutes | Senior Engineering + DevOps |"),
            ("Level 3 (30+ minutes): CTO + Business Leadership", "| 3 | after 30 minutes | CTO + Business Leadership |"),
            ("Service Level Objectives (SLOs)", "## Service level objectives"),
            ("Production SLA Targets", "| Objective | Target | Notes |"),
            ("Alert Severity Levels", "## Severity levels"),
            ("Critical (P1) - Immediate Response", "| P1 | Critical | Immediate |"),
            ("High (P2) - 30 Minute Response", "| P2 | High | 30 minutes |"),
            ("Medium (P3) - 2 Hour Response", "| P3 | Medium | 2 hours |"),
            ("Incident Response Playbooks", "## Runbooks"),
            ("Playbook 1: API Gateway/Lambda Failure", "# API Gateway/Lambda Failure"),
            ("Playbook 2: Database Performance Issues", "# Database Performance Issues"),
            ("Playbook 3: Data Accuracy Issues", "# Data Accuracy Issues"),
            ("Playbook 4: Performance Degradation", "# Performance Degradation"),
            ("CloudWatch Dashboard URLs", "## References"),
            ("Recovery Procedures", "# Full System Recovery"),
            ("Incident Documentation Template", "## Communication templates"),
            ("Incident Report Template", "### Incident Report"),
            ("Post-Incident Activities", "## Post-incident process"),
            // A title's "(if …)" is the step's condition: the runner asks it, the page shows it under the title.
            ("Emergency Rollback (if recent deployment)", "### 1.3 Emergency Rollback\n\n> **Only if** a deployment went out recently."),
            ("Enable Auto-Scaling (if not enabled)", "Enable Auto-Scaling\n\n> **Only if** auto-scaling is not enabled on the table yet."),
            ("Disable AI Analysis (if corrupted by AI processing)", "### 1.3 Disable AI Analysis\n\n> **Only if** the data was corrupted by AI processing."),
        ],
        ["OmniNodeBridge"] =
        [
            ("Incident Response Procedures", "# OmniNode Bridge - Incident Response Procedures"),
            ("Overview", "This document outlines comprehensive incident response procedures"),
            ("Table of Contents", "## Runbooks"),
            ("Post-Incident Procedures", "## Post-incident process"),
            ("Immediate Post-Resolution", "### Post-Resolution Immediate Actions"),
            ("Resolution Checklist", "### Post-Resolution Immediate Actions"),
            ("Quick Reference Runbooks", "## Runbooks"),
        ],
        ["AuraConnect"] =
        [
            ("Overview", "This document outlines the incident response procedures for the AuraConnect AI production system"),
            ("Alert Severity Levels", "## Severity levels"),
            ("Critical (Response Time: Immediate)", "| Critical | System down or at risk | Immediate |"),
            ("Warning (Response Time: 15 minutes)", "| Warning | Degraded | 15 minutes |"),
            ("Info (Response Time: 1 hour)", "| Info | Informational | 1 hour |"),
            ("Post-Incident", "## Post-incident process"),
            ("Contact Information", "## Contacts"),
            ("Emergency Contacts", "| Who | How to reach |"),
        ],
        ["MacroAi"] =
        [
            ("Related Documentation", "## References"),
        ],
        ["ModAx"] =
        [
            ("Severity Levels", "## Severity levels"),
            ("P1 (Critical): Complete outage, data loss risk, security breach", "### P1 Critical - Complete outage, data loss risk, security breach"),
            ("P2 (High): Major feature broken, significant performance degradation", "### P2 High - Major feature broken, significant performance degradation"),
            ("P3 (Medium): Minor feature issues, non-critical bugs", "### P3 Medium - Minor feature issues, non-critical bugs"),
            ("P4 (Low): Cosmetic issues, minor inconveniences", "### P4 Low - Cosmetic issues, minor inconveniences"),
            ("Post-Incident", "## Post-incident process"),
            ("Emergency Contacts", "## Contacts"),
            ("Escalation Path", "## Escalation"),
            ("On-call engineer (0-15 min)", "| 1 | immediately | On-call engineer |"),
            ("Engineering lead (15-30 min)", "| 2 | after 15 minutes | Engineering lead |"),
            ("CTO (30+ min for P1)", "| 3 | after 30 minutes | CTO (for P1) |"),
            ("CEO (60+ min for P1 with customer impact)", "| 4 | after 1 hour | CEO (for P1 with customer impact) |"),
        ],
    };

    public static TheoryData<string> SeededSamples => new(Samples.Seeds.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(SeededSamples))]
    public async Task Generated_docs_carry_every_heading_list_item_table_cell_and_code_line_of_the_seed(string sample)
    {
        var catalog = Samples.Catalog(sample);
        var pages = catalog.Runbooks.Select(r => r.Documentation)
            .Concat(catalog.Handbooks.Select(h => h.Documentation))
            .Append(catalog.IndexDocumentation)
            .ToList();
        var dryRuns = new List<string>();
        foreach (var runbook in catalog.Runbooks) dryRuns.Add((await DryRun.Run(catalog, runbook.Id)).Output);
        var docs = Normalize(string.Join("\n", pages).Replace("\\|", "|").Replace("<br>", " "));
        var executed = Normalize(string.Join("\n", dryRuns));
        var docLines = string.Join("\n", pages).Replace("\\|", "|").Split('\n').Select(Normalize).ToList();
        var changed = DeliberatelyChanged.GetValueOrDefault(sample, []);
        var carriedAs = CarriedAs.GetValueOrDefault(sample, []).ToDictionary(c => Normalize(c.Seed), c => Normalize(c.Page));

        var missing = SeedTexts(File.ReadAllText(Samples.SeedPath(sample)))
            .Where(t => !changed.Any(c => t.Text.StartsWith(Normalize(c.Line), StringComparison.Ordinal)))
            .Where(t => carriedAs.TryGetValue(t.Text, out var page)
                ? !docs.Contains(page, StringComparison.Ordinal)
                : !Carries(docs, t.Text) && !Carries(executed, t.Text) && !IsTableRow(t.Text, docLines))
            .Select(t => $"{t.Kind}: {t.Text}")
            .Distinct()
            .ToList();

        Assert.True(missing.Count == 0, $"{sample} does not carry {missing.Count} seed texts:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Normalizing_drops_emoji_mojibake_emphasis_and_backticks_and_unifies_variables()
    {
        Assert.Equal("INCIDENT: [Brief description]", Normalize("ðŸš¨ INCIDENT: [Brief description]"));
        Assert.Equal("PRODUCTION-READY", Normalize("‚úÖ **PRODUCTION-READY**"));
        Assert.Equal("curl -f https://$VAR.omninode.ai/health", Normalize("curl   -f `https://{Service}.omninode.ai/health`"));
        Assert.Equal(Normalize("docker-compose ps \"$SERVICE\""), Normalize("docker-compose ps \"{Service}\""));
    }

    /// <summary>
    /// Whether <paramref name="text"/> contains the seed text. A seed variable (<c>$VAR</c>) stands for a value:
    /// the page shows a parameter there, the dry run the parameter's value (one word).
    /// </summary>
    private static bool Carries(string text, string seed) =>
        seed.Contains("$VAR", StringComparison.Ordinal)
            ? Regex.IsMatch(text, string.Join(@"\S*?", seed.Split("$VAR").Select(Regex.Escape)))
            : text.Contains(seed, StringComparison.Ordinal);

    /// <summary>A <c>Term: value</c> list item is carried by a page line holding both, e.g. the table row <c>| Term | value |</c>.</summary>
    private static bool IsTableRow(string text, List<string> docLines)
    {
        var colon = text.IndexOf(": ", StringComparison.Ordinal);
        if (colon <= 0) return false;
        var (term, value) = (text[..colon], text[(colon + 2)..]);
        return docLines.Any(l => l.Contains(term, StringComparison.Ordinal) && l.Contains(value, StringComparison.Ordinal));
    }

    /// <summary>The seed's headings, list items, table cells and code lines, each normalized.</summary>
    private static IEnumerable<(string Kind, string Text)> SeedTexts(string seed)
    {
        var document = Markdown.Parse(seed, new MarkdownPipelineBuilder().UsePipeTables().Build());
        foreach (var block in document.Descendants())
        {
            switch (block)
            {
                case HeadingBlock heading:
                    // A heading's number is formatting: the pages number phases and steps themselves.
                    yield return ("heading", ListMarker().Replace(Normalize(InlineText(heading.Inline)), "").TrimEnd(':'));
                    break;
                case ListItemBlock item:
                    foreach (var paragraph in item.OfType<ParagraphBlock>())
                        yield return ("list item", Normalize(InlineText(paragraph.Inline)));
                    break;
                case TableCell cell:
                    foreach (var paragraph in cell.OfType<ParagraphBlock>())
                        yield return ("table cell", Normalize(InlineText(paragraph.Inline)));
                    break;
                case CodeBlock code:
                    foreach (var line in code.Lines.Lines.Take(code.Lines.Count))
                        if (CodeLine(line.ToString()) is { Length: > 0 } text) yield return ("code line", text);
                    break;
            }
        }
    }

    /// <summary>
    /// A code line as the sample may carry it. Shell plumbing that a runbook expresses with the DSL instead of
    /// text is reduced to what the reader still sees: a comment marker or list number is formatting (the text
    /// becomes a step title, a command comment or a checklist item), and so is a YAML key's trailing colon (the
    /// key becomes a heading or a table cell); <c>echo "progress"</c> becomes the step's title
    /// or comment; <c>sleep N</c> becomes a Wait; a shebang, a positional-argument assignment and bare control-flow
    /// keywords and <c>case</c> labels (the runner fails the step on a failed command, and a branch becomes a step
    /// named after it), and a banner <c>echo "=== SECTION ==="</c> (the phase or step heading replaces it) have no
    /// text; <c>if COMMAND; then</c> is carried by COMMAND.
    /// </summary>
    private static string CodeLine(string raw)
    {
        var line = Normalize(raw);
        if (line.StartsWith("#!", StringComparison.Ordinal) || ControlFlow().IsMatch(line) || PositionalArgument().IsMatch(line)) return "";
        if (Sleep().Match(line) is { Success: true } sleep)
            return "Wait " + Durations.Format(TimeSpan.FromSeconds(int.Parse(sleep.Groups[1].Value)));
        if (line.StartsWith("if ", StringComparison.Ordinal) && line.EndsWith("; then", StringComparison.Ordinal)) line = line[3..^6];
        if (Banner().IsMatch(line)) return "";
        line = Echo().Replace(line, "$1");
        line = CommentMarker().Replace(line, "");
        line = ListMarker().Replace(line, "");
        return line.TrimEnd(':').Trim();
    }

    private static string InlineText(ContainerInline? container)
    {
        var text = new StringBuilder();
        Append(container);
        return text.ToString();

        void Append(Inline? inline)
        {
            switch (inline)
            {
                case null: break;
                case LiteralInline literal: text.Append(literal.Content.ToString()); break;
                case CodeInline code: text.Append(code.Content); break;
                case LineBreakInline: text.Append(' '); break;
                case HtmlEntityInline entity: text.Append(entity.Transcoded.ToString()); break;
                case ContainerInline children:
                    for (var child = children.FirstChild; child is not null; child = child.NextSibling) Append(child);
                    break;
            }
        }
    }

    /// <summary>
    /// Text without formatting: no emoji or mojibake (anything outside printable ASCII), no emphasis asterisks or
    /// backticks, whitespace collapsed; a shell variable (<c>$SERVICE</c>, <c>${ID}</c>, <c>$1</c>) and a documented
    /// parameter hole (<c>{Service}</c>) both read as <c>$VAR</c>, because samples turn script variables into parameters.
    /// </summary>
    internal static string Normalize(string text)
    {
        var ascii = new StringBuilder(text.Length);
        foreach (var c in text) ascii.Append(c is >= ' ' and <= '~' ? c : ' ');
        var plain = ascii.ToString().Replace("*", "").Replace("`", "");
        plain = Variable().Replace(plain, "$$VAR");
        return Whitespace().Replace(plain, " ").Trim();
    }

    [GeneratedRegex(@"\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|\$[0-9]|\{[A-Za-z][A-Za-z0-9]*\}")]
    private static partial Regex Variable();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(fi|else|then|done|esac|;;|exit [0-9]+|if \[ \$\? -(eq|ne) 0 \]; then|case .* in|""[^""]*""\)|\))$")]
    private static partial Regex ControlFlow();

    [GeneratedRegex(@"^[A-Z_]+=""\$VAR""")]
    private static partial Regex PositionalArgument();

    [GeneratedRegex(@"^sleep ([0-9]+)$")]
    private static partial Regex Sleep();

    [GeneratedRegex(@"^echo ""([^""]*)""$")]
    private static partial Regex Echo();

    [GeneratedRegex(@"^echo ""=+ .* =+""$")]
    private static partial Regex Banner();


    [GeneratedRegex(@"^(#+|//|--)\s*")]
    private static partial Regex CommentMarker();

    [GeneratedRegex(@"^(Step [0-9]+:|[0-9]+\.|[-+])\s+(\[[ xX]\]\s*)?")]
    private static partial Regex ListMarker();
}
