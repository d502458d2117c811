using System.Linq;
using Microsoft.CodeAnalysis;

namespace RunbookSdk.CodeFixes.Editing;

/// <summary>How code a fix writes names <see cref="System.TimeSpan"/> at a position of the file.</summary>
internal static class TimeSpanName
{
    /// <summary>
    /// <c>TimeSpan</c> where that name means System.TimeSpan (through <c>using System;</c> or implicit usings), else
    /// <c>System.TimeSpan</c>, so the written code compiles in a file that does not import System.
    /// </summary>
    public static string At(SemanticModel model, int position) =>
        model.LookupNamespacesAndTypes(position, name: "TimeSpan").Any(symbol => symbol.ToDisplayString() == "System.TimeSpan")
            ? "TimeSpan"
            : "System.TimeSpan";
}
