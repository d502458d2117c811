using RunbookSdk.Commands;

namespace RunbookSdk.Dsl.Recording;

/// <summary>
/// A command's literal text with the line breaks bash reads. A verbatim or raw string in a file checked out with CRLF
/// line endings (git's autocrlf on Windows) holds <c>\r\n</c>, and bash takes the <c>\r</c> for part of the line: a
/// continuation backslash escaped it instead of the line break, so the next line ran as a command of its own, and a
/// here-document's terminator (<c>EOF\r</c>) never matched. The page and the dry run showed the command with plain
/// line breaks, so the runbook ran otherwise than it read, and otherwise than the same source built on Linux.
/// Holes are values, quoted as they are; only the text the author wrote is changed.
/// </summary>
internal static class CommandLineBreaks
{
    /// <summary><paramref name="command"/> with each <c>\r\n</c> of its literal text made <c>\n</c>; itself when it has none.</summary>
    /// <param name="command">The command as recorded.</param>
    public static CommandTemplate Normalized(CommandTemplate command)
    {
        if (!command.Segments.Any(static s => s is LiteralSegment literal && literal.Text.Contains("\r\n", StringComparison.Ordinal)))
            return command;
        return new CommandTemplate(command.Segments
            .Select(static s => s is LiteralSegment literal ? new LiteralSegment(literal.Text.Replace("\r\n", "\n", StringComparison.Ordinal)) : s)
            .ToArray());
    }
}
