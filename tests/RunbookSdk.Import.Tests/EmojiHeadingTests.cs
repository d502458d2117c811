using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using RunbookSdk.Import.Source;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// A heading made only of emoji (<c>## 🚨</c>) has no words once its decoration is dropped: it used to become a
/// phase, step or section with an empty name. It gets a name that says where it came from, and the import says so.
/// </summary>
public sealed class EmojiHeadingTests
{
    private const string Markdown = """
        # Payments

        ## Playbook: API down

        ### 🚨

        ```bash
        kubectl get pods -n payments
        ```

        ### Mitigate (5-15 minutes)

        #### **⚠️**

        ```bash
        kubectl rollout restart deployment/api -n payments
        ```

        ### Rollback

        ```bash
        helm rollback api
        ```

        ### Verify

        ```bash
        curl -f http://localhost/health
        ```

        ## 📞

        Call the payments lead first.
        """;

    [Fact]
    public void An_emoji_only_heading_gets_a_name_with_its_line_and_the_import_reports_it()
    {
        var project = RunbookImporter.Generate(MarkdownSource.FromText("emoji.md", Markdown), "Emoji", allowIncomplete: true,
            Path.Combine(Seeds.RepositoryRoot, "artifacts", "emoji"), Seeds.RepositoryRoot);
        var code = string.Join("\n", project.Files.Values);

        // No DSL name is empty: Phase(""), Step(""), Section("").
        Assert.DoesNotMatch(new Regex(@"\.(Phase|Step|Section|Subsection)\(""""\s*[,)]"), code);
        Assert.Contains("\"Untitled heading at line 5 (🚨)\"", code, StringComparison.Ordinal);
        Assert.Contains("\"Untitled heading at line 13 (⚠️)\"", code, StringComparison.Ordinal);
        Assert.Contains("\"Untitled heading at line 31 (📞)\"", code, StringComparison.Ordinal);
        Assert.Contains(project.Warnings, w => w.Contains("emoji.md", StringComparison.Ordinal) && w.Contains("line 5", StringComparison.Ordinal)
            && w.Contains("## 🚨", StringComparison.Ordinal) && w.Contains("Untitled heading at line 5 (🚨)", StringComparison.Ordinal));
        Assert.Equal(3, project.Warnings.Count(w => w.Contains("Untitled heading", StringComparison.Ordinal)));
        var errors = InMemoryCompiler.Compile(project.Files).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, InMemoryCompiler.Describe(errors));
    }

    [Fact]
    public void A_document_whose_only_title_is_an_emoji_is_titled_after_its_file_and_the_import_says_so()
    {
        var project = RunbookImporter.Generate(MarkdownSource.FromText("payments-incidents.md", Markdown.Replace("# Payments", "# 🔥", StringComparison.Ordinal)), "Emoji",
            allowIncomplete: true, Path.Combine(Seeds.RepositoryRoot, "artifacts", "emoji"), Seeds.RepositoryRoot);

        Assert.Equal("payments-incidents", project.Document.Handbook.Title);
        Assert.Contains(project.Warnings, w => w.Contains("line 1", StringComparison.Ordinal) && w.Contains("# 🔥", StringComparison.Ordinal)
            && w.Contains("'payments-incidents'", StringComparison.Ordinal));
    }
}
