namespace RunbookSdk.Import.Tests;

/// <summary>
/// Reference-style links (<c>[status page][status]</c> with <c>[status]: https://…</c> elsewhere) keep their
/// definitions: without them the page shows the brackets as text and the address the document gave is gone.
/// </summary>
public sealed class ReferenceLinkTests
{
    private const string Document = """
        # Payments

        ## Playbook: Payments API down

        ### 1. Immediate Actions (0-5 minutes)

        Check the [status page][status] and the [dashboard].

        [status]: https://status.example.com/payments
        [dashboard]: https://grafana.example.com/d/payments "Payments"

        ```bash
        kubectl get pods -n payments
        ```

        ## Links

        See the [wiki][wiki].

        [wiki]: https://wiki.example.com/payments
        """;

    [Fact]
    public void Link_definitions_are_kept_beside_the_text_that_uses_them()
    {
        var code = Import(out var files);
        var errors = InMemoryCompiler.Compile(files).Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).ToList();

        Assert.True(errors.Count == 0, InMemoryCompiler.Describe(errors));
        Assert.Contains("[status]: https://status.example.com/payments", code);
        Assert.Contains("[dashboard]: https://grafana.example.com/d/payments \"Payments\"", code);
        Assert.Contains("[wiki]: https://wiki.example.com/payments", code);
    }

    private static string Import(out IReadOnlyDictionary<string, string> files)
    {
        var folder = Path.Combine(Path.GetTempPath(), "rb-import-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var file = Path.Combine(folder, "payments.md");
            File.WriteAllText(file, Document);
            var project = SeedImportTests.Generate(file, allowIncomplete: true);
            files = project.Files;
            return string.Join("\n", project.Files.Values);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
