using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;
using RunbookSdk.Generators.Tests.Support;
using static RunbookSdk.Generators.Tests.Support.ReuseSources;

namespace RunbookSdk.Generators.Tests;

/// <summary>
/// The compiler embeds every generated file in the PDB, compressing its text each time it emits, unless the text
/// came with its compressed form. The generator's texts do (<c>GeneratedText</c>), and the compiler server keeps an
/// unchanged part's text from build to build, so a build compresses only the parts that changed: at 1,000 runbooks,
/// page-sized texts, ≈35 ms of every build's serial work before (docs/performance.md).
/// </summary>
public sealed class GeneratedTextEmbeddingTests
{
    // Roslyn's own name for the compressed form a text was made with; the compiler uses it instead of compressing.
    private static readonly PropertyInfo s_precomputedBlob =
        typeof(SourceText).GetProperty("PrecomputedEmbeddedTextBlob", BindingFlags.Instance | BindingFlags.NonPublic)
        ?? throw new InvalidOperationException("Roslyn no longer has SourceText.PrecomputedEmbeddedTextBlob: check how EmbeddedText.FromSource avoids compressing again.");

    private static bool CarriesItsCompressedForm(SourceText text) => !((ImmutableArray<byte>)s_precomputedBlob.GetValue(text)!).IsDefault;

    [Fact]
    public void Every_generated_file_comes_with_its_compressed_form_for_the_pdb()
    {
        var (run, errors) = GeneratorHarness.Run(TestRunbooks.Handbook, TestRunbooks.Runbook);
        Assert.Empty(errors);

        var sources = run.Results.Single().GeneratedSources;
        Assert.Contains(sources, s => s.HintName.EndsWith(".Runbook.g.cs", StringComparison.Ordinal));
        Assert.Contains(sources, s => s.HintName.EndsWith(".Handbook.g.cs", StringComparison.Ordinal));
        Assert.Contains(sources, s => s.HintName == "RunbookCatalog.g.cs");
        Assert.All(sources, s => Assert.True(s.SourceText.CanBeEmbedded && CarriesItsCompressedForm(s.SourceText), s.HintName + " would be compressed in every build"));
        // The compiler asks generated files for SHA-256 checksums; a text of another algorithm is wrapped in one without
        // its compressed form (SourceText.WithChecksumAlgorithmIfAny), and compressed again in every build.
        Assert.All(sources, s => Assert.Equal(SourceHashAlgorithm.Sha256, s.SourceText.ChecksumAlgorithm));
    }

    [Fact]
    public void What_the_pdb_embeds_is_the_generated_text_with_its_checksum()
    {
        // Non-ASCII on the page: the bytes the text was made from must decode to the same text.
        var runbook = TestRunbooks.Runbook.Replace(".Title(\"Payments API down\")", ".Title(\"Payments API down — Zahlungen ⚠ 支付\")", StringComparison.Ordinal);
        Assert.Contains("支付", runbook, StringComparison.Ordinal);
        var compilation = GeneratorHarness.Compile(TestRunbooks.Handbook, runbook);
        // A PDB needs every file's encoding, as the compiler reads them from disk.
        foreach (var tree in compilation.SyntaxTrees)
            compilation = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(tree.ToString(), System.Text.Encoding.UTF8)));
        var driver = GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var part = driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName.EndsWith(".Runbook.g.cs", StringComparison.Ordinal));
        Assert.Contains("支付", part.SourceText.ToString(), StringComparison.Ordinal);
        // The same checksum a text made from the plain string has: the PDB's document matches its embedded source.
        Assert.Equal(Checksum(SourceText.From(part.SourceText.ToString(), System.Text.Encoding.UTF8, SourceHashAlgorithm.Sha256)), Checksum(part.SourceText));

        var generatedTree = output.SyntaxTrees.Single(t => t.FilePath.EndsWith(part.HintName, StringComparison.Ordinal));
        using var pe = new MemoryStream();
        using var pdb = new MemoryStream();
        var emitted = output.Emit(pe, pdb, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb),
            embeddedTexts: [EmbeddedText.FromSource(generatedTree.FilePath, generatedTree.GetText())]);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));

        pdb.Position = 0;
        using var provider = MetadataReaderProvider.FromPortablePdbStream(pdb);
        var reader = provider.GetMetadataReader();
        var handle = reader.Documents.Single(d => reader.GetString(reader.GetDocument(d).Name) == generatedTree.FilePath);
        Assert.Equal(Checksum(part.SourceText), Convert.ToHexString(reader.GetBlobBytes(reader.GetDocument(handle).Hash)));
        Assert.Equal(part.SourceText.ToString(), EmbeddedSource(reader, handle));
    }

    [Fact]
    public void A_build_that_leaves_a_runbook_unchanged_keeps_its_parts_text_so_the_compiler_does_not_compress_it_again()
    {
        var session = new EditSession(HandbookFile, LimitsFile, Runbook("a", "\"A\""), Runbook("b", "\"B\""))
        {
            EveryRunParsesAgain = true,
        };
        var (a, b) = (session.PartText("a"), session.PartText("b"));

        session.Build();
        Assert.Same(a, session.PartText("a"));
        Assert.Same(b, session.PartText("b"));

        session.Edit("\"B\"", "\"B, edited\"");
        Assert.Same(a, session.PartText("a"));
        Assert.NotSame(b, session.PartText("b"));
        Assert.True(CarriesItsCompressedForm(session.PartText("b")));
    }

    private static string Checksum(SourceText text) => Convert.ToHexString(text.GetChecksum().AsSpan());

    [Fact]
    public void Generated_texts_compare_by_content_so_an_equal_render_leaves_the_output_cached()
    {
        var page = "// <auto-generated/>\n[assembly: X(\"Payments API down — 支付\")]\n";
        Assert.Equal(new Emitting.GeneratedText(page), new Emitting.GeneratedText(string.Concat(page.AsSpan(0, 10), page.AsSpan(10))));
        Assert.Equal(new Emitting.GeneratedText(page).GetHashCode(), new Emitting.GeneratedText(page).GetHashCode());
        Assert.NotEqual(new Emitting.GeneratedText(page), new Emitting.GeneratedText(page.Replace("down", "up", StringComparison.Ordinal)));
        Assert.Equal(page, new Emitting.GeneratedText(page).ToString());
    }

    /// <summary>The source the PDB embeds for <paramref name="handle"/>'s document, decompressed as a debugger does.</summary>
    private static string EmbeddedSource(MetadataReader reader, DocumentHandle handle)
    {
        var embeddedSource = new Guid("0E8A571B-6926-466E-B4AD-8AB04611F5FE");
        var blob = reader.GetCustomDebugInformation(handle).Select(reader.GetCustomDebugInformation)
            .Single(info => reader.GetGuid(info.Kind) == embeddedSource).Value;
        var bytes = reader.GetBlobBytes(blob);
        var uncompressedLength = BitConverter.ToInt32(bytes, 0);
        byte[] content;
        if (uncompressedLength == 0)
        {
            content = bytes[4..];
        }
        else
        {
            using var inflate = new System.IO.Compression.DeflateStream(new MemoryStream(bytes, 4, bytes.Length - 4), System.IO.Compression.CompressionMode.Decompress);
            content = new byte[uncompressedLength];
            inflate.ReadExactly(content);
        }

        return SourceText.From(content, content.Length).ToString();
    }
}
