using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using RunbookSdk.Analyzers.Dsl;

namespace RunbookSdk.Analyzers.Text;

/// <summary>
/// RB0019: a placeholder — <c>TODO</c> or <c>FIXME</c> as a word of its own, in capitals — left
/// in the text of a runbook: a title, a step's title, an instruction, a note, a waiver's reason. The sections such a
/// runbook has satisfy RB0001–RB0003, so it builds and passes CI, and the on-call engineer meets
/// "TODO: how to undo what the phases changed" on the page in the middle of an incident. The section skeletons of
/// the RB0002/RB0003 code fix are written with such placeholders on purpose, so this rule keeps reporting them until
/// they are written. Commands (<see cref="Commands.CommandTextAnalyzer.CommandCalls"/>: <c>grep -rn TODO src</c>) and
/// snippets, which are code, are not read.
/// </summary>
/// <remarks>
/// Run by <see cref="Commands.CommandTextAnalyzer"/>, which every build runs anyway, and only for a file whose text
/// holds one of the words: nearly no file of a finished project, and that scan allocates nothing.
/// </remarks>
internal static class PlaceholderText
{
    // Not TBD or XXX: runbooks use them on purpose for what the engineer fills in during the incident
    // ("#incident-YYYY-MM-DD-XXX", "Cause: TBD" in a status-page template), where they are no unfinished writing.
    private static readonly string[] s_words = ["TODO", "FIXME"];

    /// <summary>Registers the check for the DSL calls that hold text a person reads.</summary>
    public static void Register(CompilationStartAnalysisContext start, RunbookCompilation runbooks) =>
        DslInvocation.Register(start, runbooks, ProseCalls(runbooks), Check, MayHold);

    private static ImmutableHashSet<string> ProseCalls(RunbookCompilation runbooks) =>
        runbooks.Symbols.Vocabulary.Names.Except(Commands.CommandTextAnalyzer.CommandCalls).Remove("Snippet");

    /// <summary>True when <paramref name="text"/> holds one of the placeholder words (as part of any word).</summary>
    internal static bool MayHold(SourceText text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is not ('T' or 'F')) continue;
            foreach (var word in s_words)
            {
                if (word[0] == c && At(text, i, word)) return true;
            }
        }

        return false;
    }

    private static bool At(SourceText text, int index, string word)
    {
        if (index + word.Length > text.Length) return false;
        for (var k = 1; k < word.Length; k++)
        {
            if (text[index + k] != word[k]) return false;
        }

        return true;
    }

    /// <summary>Reports the first placeholder of each string literal in <paramref name="call"/>'s arguments.</summary>
    private static void Check(DslInvocation call)
    {
        foreach (var token in DslStringTokens.Of(call))
        {
            if (Find(token.Text) is not { } found) continue;
            var location = Location.Create(token.SyntaxTree!, new TextSpan(token.SpanStart + found.Index, found.Word.Length));
            call.Report(DiagnosticDescriptors.PlaceholderText, location, found.Word, What(call.Name));
        }
    }

    /// <summary>The first placeholder word standing on its own in <paramref name="text"/> (not <c>TODOS</c>, <c>x_TODO</c>).</summary>
    internal static (int Index, string Word)? Find(string text)
    {
        (int Index, string Word)? first = null;
        foreach (var word in s_words)
        {
            for (var at = text.IndexOf(word, System.StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, System.StringComparison.Ordinal))
            {
                if (IsWordCharacter(text, at - 1) || IsWordCharacter(text, at + word.Length)) continue;
                if (first is null || at < first.Value.Index) first = (at, word);
                break;
            }
        }

        return first;
    }

    private static bool IsWordCharacter(string text, int index) =>
        index >= 0 && index < text.Length && (char.IsLetterOrDigit(text[index]) || text[index] == '_');

    private static string What(string call) => call switch
    {
        "Title" => "title",
        "Step" => "step",
        "Phase" => "phase",
        "Instruction" => "instruction",
        "NoRollback" => "reason for having no rollback",
        _ => call + "(...) text",
    };
}
