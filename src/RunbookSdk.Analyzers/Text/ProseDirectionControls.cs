using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using RunbookSdk.Analyzers.Dsl;

namespace RunbookSdk.Analyzers.Text;

/// <summary>
/// RB0018 in the text a person reads: a bidirectional control in a title, instruction, note or any other DSL text
/// reorders it on the page the on-call engineer follows (an instruction can name one command and show another).
/// Only the bidirectional controls are reported here: a no-break space or a zero-width space in prose changes what
/// the page shows no more than it changes what a person reads. Commands, URLs, headers and bodies are read whole by
/// <see cref="Commands.CommandTextAnalyzer"/>, which also runs this check: it is an analyzer every build runs anyway.
/// Not RB0016's analyzer, which binds every DSL argument: its rule is Info, so command-line builds skip it, and a
/// Warning of its own would put that cost on every build.
/// </summary>
internal static class ProseDirectionControls
{
    private const string Effect = "it reorders the text around it, so the page reads differently from what was written";

    /// <summary>
    /// Registers the check for the DSL calls other than <see cref="Commands.CommandTextAnalyzer.CommandCalls"/>. A file
    /// whose text holds no bidirectional control and no escape that could spell one is not looked at further: that
    /// is nearly every file, and the scan allocates nothing.
    /// </summary>
    public static void Register(CompilationStartAnalysisContext start, RunbookCompilation runbooks) =>
        DslInvocation.Register(start, runbooks, ProseCalls(runbooks), Check, MayHold);

    private static ImmutableHashSet<string> ProseCalls(RunbookCompilation runbooks) =>
        runbooks.Symbols.Vocabulary.Names.Except(Commands.CommandTextAnalyzer.CommandCalls);

    /// <summary>True when <paramref name="text"/> may hold a bidirectional control, as itself or as a <c>\u</c>, <c>\U</c> or <c>\x</c> escape.</summary>
    internal static bool MayHold(SourceText text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length && text[i + 1] is 'u' or 'U' or 'x') return true;
            if (HiddenCharacters.IsReordering(c)) return true;
        }

        return false;
    }

    /// <summary>Reports every bidirectional control written in the string literals of <paramref name="call"/>'s arguments.</summary>
    private static void Check(DslInvocation call)
    {
        foreach (var token in DslStringTokens.Of(call))
        {
            if (HiddenCharacters.AnyReordering(token.ValueText)) Report(call, token);
        }
    }

    private static void Report(DslInvocation call, SyntaxToken token)
    {
        var reported = false;
        var text = token.Text;
        foreach (var hidden in HiddenCharacters.In(text))
        {
            if (!hidden.Reorders) continue;
            // Written as itself: the finding and the fix point at the character.
            var location = Location.Create(token.SyntaxTree!, new TextSpan(token.SpanStart + hidden.Index, 1));
            call.Report(DiagnosticDescriptors.HiddenCharacter, location,
                ImmutableDictionary<string, string?>.Empty.Add(HiddenCharacters.ReplacementProperty, ""), hidden.Description, "text", Effect);
            reported = true;
        }

        // Written as an escape (\u202E): the literal is reported, for a person to delete the escape.
        if (!reported)
        {
            foreach (var hidden in HiddenCharacters.In(token.ValueText))
            {
                if (!hidden.Reorders) continue;
                call.Report(DiagnosticDescriptors.HiddenCharacter, token.GetLocation(), hidden.Description, "text", Effect);
                break;
            }
        }
    }
}
