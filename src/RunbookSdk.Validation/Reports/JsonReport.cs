using System.Text.Json;
using System.Text.Json.Nodes;

namespace RunbookSdk.Validation.Reports;

/// <summary>The whole result as JSON (<c>--json FILE</c>), for scripts: passed, why no project was validated (if a solution's configuration builds none), runbook rows, docs and findings per project.</summary>
public static class JsonReport
{
    /// <summary>Renders <paramref name="result"/>.</summary>
    /// <param name="result">The validation result.</param>
    public static string Render(ValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var root = new JsonObject
        {
            ["passed"] = result.Passed,
            ["errors"] = result.Count(FindingLevel.Error),
            ["warnings"] = result.Count(FindingLevel.Warning),
            ["docsCurrent"] = !result.HasStaleDocs,
            // Null unless a solution's configuration builds no project, so a script can tell that from "no runbooks here".
            ["noProjectReason"] = result.NoProjectReason,
            ["projects"] = new JsonArray(result.Projects.Select(p => (JsonNode)new JsonObject
            {
                ["name"] = p.Name,
                ["projectFile"] = p.ProjectFile,
                ["runbooks"] = new JsonArray(p.Runbooks.Select(r => (JsonNode)new JsonObject
                {
                    ["id"] = r.Id,
                    ["title"] = r.Title,
                    ["severity"] = r.Severity,
                    ["escalation"] = r.Escalation,
                    ["escalationInherited"] = r.EscalationInherited,
                    ["rollback"] = r.Rollback,
                    ["rollbackWaived"] = r.RollbackWaived,
                    ["verification"] = r.Verification,
                    ["status"] = r.Status,
                    ["findingsByRule"] = new JsonObject(r.FindingsByRule.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)f.Value))),
                }).ToArray()),
                ["docs"] = new JsonObject
                {
                    ["directory"] = p.Docs.Directory,
                    ["checked"] = p.Docs.Checked,
                    ["current"] = p.Docs.IsCurrent,
                    ["missing"] = new JsonArray(p.Docs.Missing.Select(f => (JsonNode)f).ToArray()),
                    ["stale"] = new JsonArray(p.Docs.Stale.Select(f => (JsonNode)f).ToArray()),
                    ["extra"] = new JsonArray(p.Docs.Extra.Select(f => (JsonNode)f).ToArray()),
                },
                ["findings"] = new JsonArray(p.Findings.Select(f => (JsonNode)new JsonObject
                {
                    ["ruleId"] = f.RuleId,
                    ["level"] = f.Level.ToString().ToLowerInvariant(),
                    ["message"] = f.Message,
                    ["path"] = f.Path,
                    ["line"] = f.Line,
                    ["column"] = f.Column,
                    // Where the analyzer's span ends (0 when not known), so a script can underline what was flagged
                    // as the check run and SARIF do, not one character.
                    ["endLine"] = f.EndLine,
                    ["endColumn"] = f.EndColumn,
                }).ToArray()),
            }).ToArray()),
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
