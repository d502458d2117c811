using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using RunbookSdk.Analyzers.Dsl;

namespace RunbookSdk.Analyzers.Text;

/// <summary>
/// RB0018 in the text a person reads: a bidirectional control in a title, instruction, note or any other DSL text
/// reorders it on the page the on-call engineer follows (an instruction can name one command and show another).
/// Only the bidirectional controls are reported here: a no-break space or a zero-width space in prose changes what
/// the page shows no more than it changes what a person reads. Commands, URLs, headers and bodies are read whole by
/// <see cref="Commands.CommandTextAnalyzer"/>.
/// </summary>
internal static class ProseDirectionControls
{
    private const string Effect = "it reorders the text around it, so the page reads differently from what was written";

    /// <summary>Reports every bidirectional control written in the string literals of <paramref name="call"/>'s arguments.</summary>
    public static void Check(DslInvocation call)
    {
        if (Commands.CommandTextAnalyzer.CommandCalls.Contains(call.Name)) return;
        foreach (var argument in call.Syntax.ArgumentList.Arguments)
        {
            // Not into a lambda (a step's body): the calls in it are DSL calls of their own, checked when they are visited.
            foreach (var token in argument.Expression.DescendantTokens(static node => node is not AnonymousFunctionExpressionSyntax))
            {
                if (!token.IsKind(SyntaxKind.StringLiteralToken) && !token.IsKind(SyntaxKind.InterpolatedStringTextToken) &&
                    !token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) && !token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken)) continue;
                if (!HiddenCharacters.AnyReordering(token.ValueText)) continue;
                Report(call, token);
            }
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
