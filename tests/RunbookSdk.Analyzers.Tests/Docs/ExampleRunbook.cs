using System.Text;
using System.Text.RegularExpressions;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Docs;

/// <summary>
/// Places a rule page's example in a runbook that is otherwise complete, the way a reader pastes it into theirs:
/// <list type="bullet">
/// <item>a block that declares a class is a whole file and is used as it is (with the usings, and the rule tests'
/// handbook when it names <c>OmnixHandbook</c> without declaring it);</item>
/// <item>otherwise each line is a member (<c>[Parameter] public string X …</c>, <c>private const …</c>, a whole
/// <c>Define</c>), the runbook's attribute (<c>[Runbook("…")]</c>), or part of a fluent chain; <c>...</c> and blank
/// lines separate chains, and each chain goes where its first call belongs: <c>.Verification(…)</c> or
/// <c>rb.Severity(…)</c> on the runbook, <c>.Step(…)</c> in a phase, <c>.Run(…)</c> in a step of its own.</item>
/// </list>
/// The wrapper adds what the example leaves out — a title, a severity, a rollback, a verification, the parameters the
/// example names (<c>Region</c>, <c>FunctionName</c>, <c>ApiToken</c>, <c>Namespace</c>) — unless the example writes it.
/// Its own parts are complete and quiet: a finding of another rule is never asserted, but the wrapper does not cause one.
/// </summary>
internal static class ExampleRunbook
{
    private static readonly (string Name, string Declaration)[] s_parameters =
    [
        ("Region", """[Parameter("AWS region")] public string Region { get; init; } = "eu-central-1";"""),
        ("FunctionName", """[Parameter("Lambda function")] public string FunctionName { get; init; } = "omnix-ai-backend";"""),
        ("ApiToken", """[Parameter, Secret] public string ApiToken { get; init; } = "";"""),
        ("Namespace", """[Parameter("Kubernetes namespace")] public string Namespace { get; init; } = "api";"""),
    ];

    // Calls of the runbook builder (IRunbookBuilder and the document calls it shares with handbooks) and of a phase.
    private static readonly HashSet<string> s_runbookCalls =
    [
        "Title", "Summary", "Owner", "Contact", "Escalation", "Communication", "PostIncident", "Reference", "ReviewDate",
        "LastUpdated", "Environment", "Tags", "Section", "Severity", "Symptoms", "Phase", "Rollback", "NoRollback", "Verification",
    ];

    private static readonly HashSet<string> s_phaseCalls = ["Step", "OneOf"];

    private static readonly Regex s_class = new(@"\bclass\s+\w+");
    private static readonly Regex s_documentAttribute = new(@"^\[(Runbook|Handbook)\(");
    private static readonly Regex s_member = new(@"^(\[|(private|public|internal|protected|static|const|readonly)\s)");
    private static readonly Regex s_leadingAttributes = new(@"^(\[[^\]]*\]\s*)+");
    private static readonly Regex s_memberName = new(@"(?<name>\w+)\s*(\{|=>|=|;|\()");
    private static readonly Regex s_firstCall = new(@"^(rb)?\s*\.\s*(?<name>\w+)");

    /// <summary>The whole source a reader would compile with <paramref name="example"/> in it.</summary>
    public static string Wrap(string example)
    {
        if (s_class.IsMatch(example)) return WholeFile(example);

        var attribute = """[Runbook("docs-example")]""";
        var members = new List<string>();
        var chains = new List<string>();
        var chain = new StringBuilder();
        var defineIsMember = example.Contains("override void Define", StringComparison.Ordinal);
        foreach (var raw in example.Split('\n'))
        {
            var line = raw.Trim();
            if (defineIsMember)
            {
                if (line is not ("..." or "…")) members.Add(raw);
                continue;
            }

            if (line is "" or "..." or "…")
            {
                EndChain();
            }
            else if (s_documentAttribute.IsMatch(line))
            {
                attribute = line;
            }
            else if (s_member.IsMatch(line))
            {
                EndChain();
                members.Add(raw);
            }
            else
            {
                chain.Append(raw).Append('\n');
            }
        }

        EndChain();
        return Runbook(attribute, members, chains, defineIsMember);

        void EndChain()
        {
            if (chain.ToString().Trim().Length > 0) chains.Add(chain.ToString());
            chain.Clear();
        }
    }

    private static string WholeFile(string example)
    {
        var source = new StringBuilder("using System;\nusing RunbookSdk;\n\n").Append(example).Append('\n');
        if (example.Contains("OmnixHandbook", StringComparison.Ordinal) && !example.Contains("class OmnixHandbook", StringComparison.Ordinal))
            source.Append('\n').Append(Sources.Handbook).Append('\n');
        return source.ToString();
    }

    private static string Runbook(string attribute, List<string> members, List<string> chains, bool defineIsMember)
    {
        var declared = members.Select(MemberName).ToHashSet(StringComparer.Ordinal);
        var source = new StringBuilder("using System;\nusing RunbookSdk;\n\n")
            .Append(attribute).Append('\n')
            .Append("public sealed class DocsExample : Runbook<OmnixHandbook>\n{\n");
        // Only the parameters the example names: one nothing reads would be RB0031's finding.
        var text = string.Join("\n", members.Concat(chains));
        foreach (var (name, declaration) in s_parameters.Where(p => !declared.Contains(p.Name) && Regex.IsMatch(text, @"\b" + p.Name + @"\b")))
            source.Append("    ").Append(declaration).Append('\n');
        foreach (var member in members)
            source.Append("    ").Append(member.Trim()).Append('\n');

        if (!defineIsMember)
        {
            var runbookParts = new List<string>();
            var phaseParts = new List<string>();
            var step = 0;
            foreach (var chain in chains)
            {
                var code = ChainText(chain);
                var first = FirstCall(code);
                if (first is null) runbookParts.Add(code);                    // a comment alone
                else if (s_runbookCalls.Contains(first)) runbookParts.Add(code);
                else if (s_phaseCalls.Contains(first)) phaseParts.Add(code);
                else phaseParts.Add($".Step(\"Example step {++step}\", s => s\n{code}\n)");
            }

            var all = string.Join("\n", runbookParts);
            source.Append("\n    public override void Define(IRunbookBuilder rb) => rb\n        .Title(\"Docs example\")\n");
            if (!all.Contains(".Severity(", StringComparison.Ordinal)) source.Append("        .Severity(Severity.P1)\n");
            foreach (var part in runbookParts) source.Append(part).Append('\n');
            if (phaseParts.Count > 0)
                source.Append("        .Phase(\"Example\", p => p\n").Append(string.Join("\n", phaseParts)).Append("\n        )\n");
            if (!all.Contains(".Rollback(", StringComparison.Ordinal) && !all.Contains(".NoRollback(", StringComparison.Ordinal))
                source.Append("        .Rollback(r => r.Step(\"Roll back\", s => s.Run(\"./rollback-plan.sh\").RequiresConfirmation()))\n");
            if (!all.Contains(".Verification(", StringComparison.Ordinal))
                source.Append("        .Verification(v => v.Step(\"Health is green\", s => s.Http(\"GET\", \"https://api.example.com/health\").ExpectStatus(200)))\n");
            source.Append("        ;\n");
        }

        return source.Append("}\n\n").Append(Sources.Handbook).Append('\n').ToString();
    }

    /// <summary>A chain as it continues the wrapper's: without a leading <c>rb</c> and a trailing <c>;</c>.</summary>
    private static string ChainText(string chain)
    {
        var lines = chain.TrimEnd().Split('\n');
        var first = Array.FindIndex(lines, l => l.Trim() is not "" && !l.Trim().StartsWith("//", StringComparison.Ordinal));
        if (first >= 0 && lines[first].TrimStart() is var start && (start.StartsWith("rb.", StringComparison.Ordinal) || start == "rb"))
            lines[first] = lines[first][..(lines[first].Length - start.Length)] + start[2..];
        var code = string.Join("\n", lines);
        var semicolon = LastCodeSemicolon(code);
        return semicolon < 0 ? code : code.Remove(semicolon, 1);
    }

    // The `;` that ends the statement, before any comment on its line (`…(30)));   // RB0009`).
    private static int LastCodeSemicolon(string code)
    {
        var lastLine = code.LastIndexOf('\n') + 1;
        var comment = code.IndexOf("//", lastLine, StringComparison.Ordinal);
        var end = comment < 0 ? code.Length : comment;
        var semicolon = code.LastIndexOf(';', end - 1, end - lastLine);
        return semicolon >= 0 && code[(semicolon + 1)..end].Trim().Length == 0 ? semicolon : -1;
    }

    private static string? FirstCall(string chain)
    {
        foreach (var line in chain.Split('\n'))
        {
            var text = line.Trim();
            if (text is "" || text.StartsWith("//", StringComparison.Ordinal)) continue;
            return s_firstCall.Match(text) is { Success: true } match ? match.Groups["name"].Value : null;
        }

        return null;
    }

    private static string MemberName(string member) =>
        s_memberName.Match(s_leadingAttributes.Replace(member.Trim(), "")) is { Success: true } match ? match.Groups["name"].Value : "";
}
