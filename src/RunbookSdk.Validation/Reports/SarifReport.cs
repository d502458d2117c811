using System.Text.Json;
using System.Text.Json.Nodes;

namespace RunbookSdk.Validation.Reports;

/// <summary>
/// The findings as SARIF 2.1.0, for GitHub code scanning (<c>upload-sarif</c>) and any SARIF viewer. Locations are
/// relative to the repository root (<c>%SRCROOT%</c>), so code scanning shows them on the right lines.
/// </summary>
public static class SarifReport
{
    /// <summary>The SARIF version written.</summary>
    public const string Version = "2.1.0";

    /// <summary>Renders <paramref name="result"/> as a SARIF log.</summary>
    /// <param name="result">The validation result.</param>
    public static string Render(ValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var findings = result.Findings.ToArray();
        var rules = new JsonArray(findings.GroupBy(f => f.RuleId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var rule = new JsonObject { ["id"] = g.Key };
            if (g.First().HelpUri is { } help) rule["helpUri"] = help;
            if (g.Key == Finding.StaleDocsRule) rule["shortDescription"] = new JsonObject { ["text"] = "Checked-in generated docs are stale" };
            if (g.Key == Finding.MissingRunbookSdkRule) rule["shortDescription"] = new JsonObject { ["text"] = "The project does not reference RunbookSdk" };
            if (g.Key == Finding.AnalyzersOffRule) rule["shortDescription"] = new JsonObject { ["text"] = "The project's build runs no analyzers; validate still does" };
            if (g.Key == Finding.RunbookSdkVersionRule) rule["shortDescription"] = new JsonObject { ["text"] = "The project references another RunbookSdk version than the one validate runs" };
            return (JsonNode)rule;
        }).ToArray());

        var results = new JsonArray(findings.Select(f =>
        {
            var entry = new JsonObject
            {
                ["ruleId"] = f.RuleId,
                ["level"] = f.Level switch { FindingLevel.Error => "error", FindingLevel.Warning => "warning", _ => "note" },
                ["message"] = new JsonObject { ["text"] = f.Message },
            };
            if (f.Path is not null)
            {
                var physical = new JsonObject { ["artifactLocation"] = new JsonObject { ["uri"] = Uri.EscapeDataString(f.Path).Replace("%2F", "/", StringComparison.Ordinal), ["uriBaseId"] = "%SRCROOT%" } };
                if (f.Line > 0)
                {
                    var region = new JsonObject { ["startLine"] = f.Line, ["startColumn"] = Math.Max(1, f.Column) };
                    // SARIF's endColumn is exclusive, as the finding's: code scanning underlines the span.
                    if (f.EndLine >= f.Line && f.EndColumn > 0)
                    {
                        region["endLine"] = f.EndLine;
                        region["endColumn"] = f.EndColumn;
                    }

                    physical["region"] = region;
                }
                entry["locations"] = new JsonArray(new JsonObject { ["physicalLocation"] = physical });
            }
            return (JsonNode)entry;
        }).ToArray());

        var log = new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = Version,
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "runbook validate",
                        ["informationUri"] = "https://github.com/runbooksdk/runbooksdk/blob/main/docs/validate.md",
                        ["rules"] = rules,
                    },
                },
                ["invocations"] = new JsonArray(Invocation(result)),
                ["originalUriBaseIds"] = new JsonObject { ["%SRCROOT%"] = new JsonObject { ["uri"] = new Uri(result.Root.TrimEnd('/') + "/").AbsoluteUri } },
                ["results"] = results,
            }),
        };
        return log.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>
    /// How the run went. Nothing validated is not a finding in any file, so it is no result: SARIF puts such a
    /// condition of the run in a tool execution notification, and the run did not do what it was asked
    /// (<c>executionSuccessful</c> false), so an empty result list is not read as "all clear".
    /// </summary>
    private static JsonObject Invocation(ValidationResult result)
    {
        var invocation = new JsonObject { ["executionSuccessful"] = result.Projects.Count > 0 };
        if (result.Projects.Count == 0)
        {
            var text = result.NoProjectReason is { } reason
                ? "No runbook project found: " + reason
                : "No runbook project found (no project whose sources declare [Runbook] or [Handbook]).";
            invocation["toolExecutionNotifications"] = new JsonArray(new JsonObject
            {
                ["level"] = "error",
                ["message"] = new JsonObject { ["text"] = text },
            });
        }
        return invocation;
    }
}
