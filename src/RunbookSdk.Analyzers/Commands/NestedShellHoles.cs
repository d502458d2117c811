using System.Collections.Generic;
using RunbookSdk.Analyzers.Text;

namespace RunbookSdk.Analyzers.Commands;

/// <summary>
/// RB0020: a parameter hole inside the quoted command line that another shell runs — <c>ssh {Host} 'rm -rf {Dir}'</c>,
/// <c>sh -c "systemctl restart {Unit}"</c>. The interpolation handler quotes a hole for the shell that runs the
/// command, and inside quotes that means escaping it for those quotes only; the quotes go, and the shell at the other
/// end (<see cref="NestedShells"/>) reads the value as words again. A value with a space is split, and one with
/// <c>;</c> or <c>$(...)</c> runs a command of its own: the injection the handler exists to prevent.
/// </summary>
/// <remarks>
/// Not a hole in a here-document fed to a shell: there the handler quotes it as a word of the shell that reads the
/// body. Only holes of the safe handler: a parameter pasted any other way is RB0013 already.
/// </remarks>
internal static class NestedShellHoles
{
    /// <summary>The holes of <paramref name="text"/> inside a quoted nested command line, with the command that runs it.</summary>
    public static IEnumerable<(CommandPiece Hole, string Carrier)> In(CommandText text)
    {
        var shell = text.Shell;
        if (shell.IndexOf(ShellOperators.NestedStart) < 0) yield break;
        foreach (var piece in text.Pieces)
        {
            if (piece.Hole is null) continue;
            var open = ShellOperators.EnclosingStart(shell, piece.FlatStart);
            if (open < 0 || text.Flat[open] is not ('\'' or '"')) continue;
            var start = ShellCommandBounds.CommandStart(shell, open);
            yield return (piece, text.Flat.Substring(start, open - start).Trim());
        }
    }
}
