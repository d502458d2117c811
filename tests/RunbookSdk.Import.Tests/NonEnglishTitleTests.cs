using Microsoft.CodeAnalysis;
using RunbookSdk.Import.Source;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// A document written in Turkish or German names its playbooks with letters outside ASCII. Their ids and class names
/// used to split every word at an accent (the accent, once decomposed, ended the word) and drop the letters with no
/// accent to drop (ı, ß): "Ödeme Servisi Çöktü" became <c>o-deme-servisi-c-o-ktu</c> and <c>ODemeServisiCO</c>, the
/// name on the command line and in every link to the page. Accents are dropped within the word, and ı and ß spelt as
/// ASCII writes them.
/// </summary>
public sealed class NonEnglishTitleTests
{
    private const string Markdown = """
        # İzmir Operasyon Rehberi

        ## Playbook: Ödeme Servisi Çöktü

        ### Düzeltme (0-5 minutes)

        ```bash
        kubectl rollout restart deployment/odeme -n odeme
        ```

        ## Playbook: Veritabanı Diski Dolu

        ### Teşhis (0-5 minutes)

        ```bash
        ssh db-izmir-1 df -h
        ```

        ## Playbook: Größe der Straße prüfen

        ### Prüfen (0-5 minutes)

        ```bash
        df -h
        ```
        """;

    [Fact]
    public void Accented_and_turkish_letters_keep_their_words_whole_in_ids_and_class_names()
    {
        var project = RunbookImporter.Generate(MarkdownSource.FromText("olay.md", Markdown), "Izmir", allowIncomplete: true,
            Path.Combine(Seeds.RepositoryRoot, "artifacts", "non-english"), Seeds.RepositoryRoot);
        var code = string.Join("\n", project.Files.Values);

        Assert.Contains("[Runbook(\"odeme-servisi-coktu\")]", code, StringComparison.Ordinal);
        Assert.Contains("public sealed class OdemeServisiCoktu ", code, StringComparison.Ordinal);
        Assert.Contains("[Runbook(\"veritabani-diski-dolu\")]", code, StringComparison.Ordinal);
        Assert.Contains("public sealed class VeritabaniDiskiDolu ", code, StringComparison.Ordinal);
        Assert.Contains("[Runbook(\"grosse-der-strasse-prufen\")]", code, StringComparison.Ordinal);
        var errors = InMemoryCompiler.Compile(project.Files).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, InMemoryCompiler.Describe(errors));
    }
}
