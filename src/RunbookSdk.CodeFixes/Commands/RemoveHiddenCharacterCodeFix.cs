using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using RunbookSdk.Analyzers.Text;

namespace RunbookSdk.CodeFixes.Commands;

/// <summary>
/// RB0018: the hidden character goes — a space look-alike becomes an ASCII space, a bidirectional or invisible
/// character is removed — whether the source holds it as itself or as an escape (<c>\u202E</c>). Offered only where
/// the analyzer found the character's own place in the source (not inside a constant declared elsewhere).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveHiddenCharacterCodeFix)), Shared]
public sealed class RemoveHiddenCharacterCodeFix : CodeFixProvider
{
    internal const string Key = "RemoveHiddenCharacter";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("RB0018");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var text = await context.Document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(HiddenCharacters.ReplacementProperty, out var replacement) || replacement is null) continue;
            var span = diagnostic.Location.SourceSpan;
            if (!IsOneCharacter(text.ToString(span))) continue;
            var title = replacement.Length == 0 ? "Remove the hidden character" : "Replace with an ordinary space";
            context.RegisterCodeFix(
                CodeAction.Create(title, token => FixAsync(context.Document, span, replacement, token), Key),
                diagnostic);
        }
    }

    /// <summary>The character itself, or one C# escape of it: what a span of one character of a string's value can be.</summary>
    private static bool IsOneCharacter(string source) =>
        source.Length == 1 || (source.Length >= 2 && source[0] == '\\' && source[1] is 'u' or 'U' or 'x');

    private static async Task<Document> FixAsync(Document document, TextSpan span, string replacement, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return document.WithText(text.WithChanges(new TextChange(span, replacement)));
    }
}
