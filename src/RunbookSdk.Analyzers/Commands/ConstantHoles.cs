using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunbookSdk.Analyzers.Text;
using RunbookSdk.Commands;

namespace RunbookSdk.Analyzers.Commands;

/// <summary>
/// RB0017: constants in the command handler's holes that read as several shell words. The handler quotes every
/// hole, so <c>$"{Kubectl} get pods -n {Namespace}"</c> with <c>Kubectl = "kubectl --context prod"</c> runs a program
/// named <c>'kubectl --context prod'</c>. Only the two shapes where splitting was plainly meant are reported — a hole
/// at a command's start, and a hole whose value starts with an option (<c>"--all --force"</c>) — both outside quotes;
/// <c>git commit -m {Message}</c> with a sentence is one word on purpose. In a command line handed to another shell
/// (<c>ssh HOST '…'</c>, <c>sh -c "…"</c>, a script fed to <c>bash &lt;&lt;EOF</c>) the shape is judged where that shell reads it.
/// </summary>
internal static class ConstantHoles
{
    // The words a command's name follows: the shell's reserved words (then, do, …) and the prefixes that run the command after them.
    private static readonly string[] s_commandPrefixes = [.. ShellCommandBounds.ReservedWords, "sudo", "exec", "nohup"];

    /// <summary>The constant holes of a command bound to the handler that the author most likely meant as several words.</summary>
    public static IEnumerable<(InterpolationSyntax Hole, string Value)> MeantAsSeveralWords(CommandText text)
    {
        if (!AnyCandidate(text)) yield break;

        // The whole text, as the runner reads it: echo's holes piped into a shell are read by that shell too.
        var whole = new List<string?>(text.Pieces.Length);
        foreach (var piece in text.Pieces) whole.Add(piece.Literal?.Value);
        var shell = new ShellQuoteContext(ShellQuoteContext.WholeText(whole));
        foreach (var piece in text.Pieces)
        {
            if (piece.Literal is { } literal)
            {
                shell.Advance(literal.Value);
                continue;
            }

            // Asked of the shell that reads the hole last: in ssh HOST '{Kubectl} get pods' the runner quotes the constant
            // for the remote shell too, which then looks for a program named after all of it.
            if (piece.ConstantHole is { } hole && IsCandidate(piece.Constant!) && shell.AtInnermostBareWord &&
                (piece.Constant!.TrimStart()[0] == '-' || AtCommandStart(text.Shell, piece.FlatStart) || shell.AtInnermostCommandStart))
                yield return (hole, piece.Constant!);

            shell.AfterHole(piece.FlatText);
        }
    }

    private static bool AnyCandidate(CommandText text)
    {
        foreach (var piece in text.Pieces)
        {
            if (piece.ConstantHole is not null && IsCandidate(piece.Constant!)) return true;
        }

        return false;
    }

    /// <summary>Text with a space or tab between two words.</summary>
    private static bool IsCandidate(string value)
    {
        var trimmed = value.Trim();
        return trimmed.IndexOf(' ') > 0 || trimmed.IndexOf('\t') > 0;
    }

    /// <summary>
    /// Whether a word at <paramref name="position"/> is a command's name: after nothing, an operator or a prefix such as
    /// sudo. Read in the shell's reading (<see cref="ShellOperators"/>): after a quoted or escaped <c>;</c> (<c>-exec rm {} \;</c>)
    /// a word is an argument.
    /// </summary>
    private static bool AtCommandStart(string flat, int position)
    {
        var end = position;
        while (end > 0 && flat[end - 1] is ' ' or '\t') end--;
        if (end == 0) return true;
        if (flat[end - 1] is ';' or '|' or '&' or '(' or '\n' or '{' or '`') return true;
        foreach (var prefix in s_commandPrefixes)
        {
            var start = end - prefix.Length;
            if (start >= 0 && string.CompareOrdinal(flat, start, prefix, 0, prefix.Length) == 0 &&
                (start == 0 || flat[start - 1] is ' ' or '\t' or ';' or '|' or '&' or '(' or '\n'))
                return true;
        }

        return false;
    }
}
