using System;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace RunbookSdk.Generators.Emitting;

/// <summary>
/// A generated file's text, compared by content (so an equal re-render leaves the output cached), and made so that
/// the compiler compresses it once, not in every build. The compiler embeds every generated file in the PDB and
/// compresses a text for that each time it emits — unless the text was made from bytes with <c>canBeEmbedded</c>,
/// whose compressed form is made with it. The compiler server keeps the generator's output from one build to the next
/// (<c>enable-generator-cache</c>), so an unchanged part is now compressed once: at 1,000 runbooks that was ≈35 ms of
/// every build's serial work, a page-sized text per runbook (docs/performance.md). The text, its checksum and what
/// the PDB holds are the same as for the plain string.
/// </summary>
/// <remarks>
/// <para>
/// SHA-256, because that is the checksum the compiler asks generated files for unless a project sets another
/// (<c>ChecksumAlgorithm</c>): a text of another algorithm is wrapped in one of the asked algorithm, which has no
/// compressed form, and the compiler compresses it again in every build — found in a trace of the compiler server,
/// where SHA-1 texts saved nothing.
/// </para>
/// <para>
/// The pipeline keeps this object, not the string it was made from: a text made from bytes decodes its own copy,
/// and keeping both held every page twice in the compiler server (11 MB at 1,000 runbooks).
/// </para>
/// </remarks>
internal sealed class GeneratedText : IEquatable<GeneratedText>
{
    // With the byte-order mark: the checksum of a text made from a string is computed over its encoding with the
    // preamble, so the two ways of making it agree.
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: true);

    public GeneratedText(string text)
    {
        var preamble = s_utf8.GetPreamble();
        var bytes = new byte[preamble.Length + s_utf8.GetByteCount(text)];
        preamble.CopyTo(bytes, 0);
        s_utf8.GetBytes(text, 0, text.Length, bytes, preamble.Length);
        Text = SourceText.From(bytes, bytes.Length, s_utf8, SourceHashAlgorithm.Sha256, throwIfBinaryDetected: false, canBeEmbedded: true);
    }

    /// <summary>The text to add as the generated file.</summary>
    public SourceText Text { get; }

    public bool Equals(GeneratedText? other) => other is not null && (ReferenceEquals(this, other) || Text.ContentEquals(other.Text));

    public override bool Equals(object? obj) => Equals(obj as GeneratedText);

    public override int GetHashCode() => Text.Length;

    public override string ToString() => Text.ToString();
}
