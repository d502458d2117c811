using System.Text;
using Microsoft.CodeAnalysis;
using RunbookSdk.Import.Source;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// Random and mutated markdown (seeded, so a failure reproduces): the importer never crashes; it either writes
/// code that compiles without errors (with <c>--allow-incomplete</c>) or gives a clear <see cref="ImportException"/>.
/// </summary>
public sealed class FuzzTests
{
    private const int Iterations = 60;

    private static readonly string[] s_fragments =
    [
        "# Title", "## Severity Levels", "### Critical (P1) - Immediate Response", "## Escalation Matrix", "## Contacts",
        "## Playbook 1: Database down", "### Symptoms", "### Immediate Actions (0-5 minutes)", "### Verification", "### Rollback",
        "1. **Assess**", "2. Level 2 (15-30 minutes): Lead", "- **Email**: ops@example.com", "- [ ] check it", "- Response Time: 15 minutes",
        "```bash", "```", "```yaml", "```sql", "~~~", "curl -f https://api.example.com/health", "aws s3 ls --region eu-west-1",
        "kubectl -n prod rollout restart deployment/api", "cat <<EOF", "EOF", "echo \"{{.Value}}\" \\", "  --flag value",
        "if [ -z \"$X\" ]; then", "fi", "for i in 1 2; do", "done", "# comment", "| a | b |", "|---|---|", "| 1 | 2 |",
        "> quote", "<div>html</div>", "Plain paragraph with `code` and **bold** and \"quotes\" and {braces} and \\backslash.",
        "ðŸš¨ emergency", "âœ… done", "\"\"\"", "$$\"\"\"", "{{", "}}", "\t\tindented", "", "", "",
    ];

    [Fact]
    public void Random_and_mutated_markdown_never_crashes_and_compiles_or_gives_a_clear_error()
    {
        var random = new Random(20250905);
        var inputs = new List<string>();
        for (var i = 0; i < Iterations / 2; i++) inputs.Add(RandomDocument(random));
        var seeds = Seeds.Files.Select(File.ReadAllText).ToList();
        for (var i = 0; i < Iterations / 2 && seeds.Count > 0; i++) inputs.Add(Mutate(seeds[random.Next(seeds.Count)], random));

        var failures = new List<string>();
        var compiled = 0;
        for (var i = 0; i < inputs.Count; i++)
        {
            try
            {
                var source = MarkdownSource.FromBytes($"fuzz-{i}.md", Encoding.UTF8.GetBytes(inputs[i]));
                var project = RunbookImporter.Generate(source, "Fuzz", allowIncomplete: true, Path.Combine(Seeds.RepositoryRoot, "artifacts", "fuzz"), Seeds.RepositoryRoot);
                var errors = InMemoryCompiler.Compile(project.Files).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                if (errors.Count > 0) failures.Add($"input {i}: {InMemoryCompiler.Describe(errors.Take(3))}\n---\n{inputs[i]}\n---\n{string.Join("\n", project.Files.Values)}");
                else compiled++;
            }
            catch (ImportException e)
            {
                if (!e.Message.StartsWith($"fuzz-{i}.md", StringComparison.Ordinal) || e.Message.Contains('\n'))
                    failures.Add($"input {i}: unclear error '{e.Message}'");
            }
            catch (Exception e)
            {
                failures.Add($"input {i}: crashed with {e}\n---\n{inputs[i]}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(3)));
        Assert.True(compiled >= inputs.Count / 3, $"only {compiled} of {inputs.Count} inputs compiled; the rest were errors");
    }

    private static string RandomDocument(Random random)
    {
        var lines = new List<string>();
        var count = random.Next(1, 60);
        for (var i = 0; i < count; i++) lines.Add(s_fragments[random.Next(s_fragments.Length)]);
        // Keep most documents well-formed so the generated code gets exercised, not only the fence check.
        if (lines.Count(l => l.StartsWith("```", StringComparison.Ordinal)) % 2 == 1 && random.Next(4) > 0) lines.Add("```");
        return string.Join("\n", lines);
    }

    private static string Mutate(string text, Random random)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n').ToList();
        var mutations = random.Next(1, 12);
        for (var m = 0; m < mutations && lines.Count > 0; m++)
        {
            var at = random.Next(lines.Count);
            switch (random.Next(6))
            {
                case 0: lines.RemoveAt(at); break;
                case 1: lines.Insert(at, s_fragments[random.Next(s_fragments.Length)]); break;
                case 2: lines[at] = new string(lines[at].Reverse().ToArray()); break;
                case 3: lines.Insert(at, lines[random.Next(lines.Count)]); break;
                case 4: lines[at] = lines[at].Length > 2 ? lines[at][..random.Next(lines[at].Length)] : lines[at]; break;
                case 5: lines[at] += s_fragments[random.Next(s_fragments.Length)]; break;
            }
        }
        return string.Join("\n", lines);
    }
}
