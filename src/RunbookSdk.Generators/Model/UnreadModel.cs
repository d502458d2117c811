using System.Collections.Generic;

namespace RunbookSdk.Generators.Model;

/// <summary>
/// A part of a <c>Define</c> the generator could not read (what RB0101 reports): the page says it may be incomplete
/// and names it, because the on-call engineer reading the page never sees the build's warning. Plain data, so the
/// model stays equatable: the short text RB0101 quotes, and where it is written.
/// </summary>
/// <param name="What">The code as RB0101 quotes it (one line, shortened): <c>Helpers.AddAll(rb)</c>.</param>
/// <param name="FileName">The file's name without its folders (a page must not depend on where the repository is checked out); empty when the code has no file.</param>
/// <param name="Line">The line it starts on, from 1; 0 when unknown.</param>
internal sealed record UnreadModel(string What, string FileName, int Line)
{
    /// <summary>The parts RB0101 reports among <paramref name="diagnostics"/>, in the order they were read.</summary>
    public static EquatableArray<UnreadModel> From(IEnumerable<DiagnosticInfo> diagnostics)
    {
        List<UnreadModel>? unread = null;
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Id != GeneratorDiagnostics.UnreadableDefinition.Id || diagnostic.MessageArgs.Count < 2) continue;
            var location = diagnostic.Location;
            (unread ??= new List<UnreadModel>()).Add(new UnreadModel(
                diagnostic.MessageArgs[1], location is null ? "" : FileNameOf(location.FilePath), location is null ? 0 : location.LineSpan.Start.Line + 1));
        }

        return unread is null ? EquatableArray<UnreadModel>.Empty : unread.ToEquatableArray();
    }

    // Split at either separator: a path written on Windows is read the same on any machine, so checked-in pages agree.
    private static string FileNameOf(string path) => path.Substring(path.LastIndexOfAny(new[] { '/', '\\' }) + 1);
}
