using System.Text.RegularExpressions;

namespace RunbookSdk.Import.Recognition;

/// <summary>
/// Variables a shell block sets in one command and reads in a later one. Each imported command runs in a shell of its
/// own, so the later command sees such a variable empty: the import names them, so the author can make them parameters.
/// </summary>
internal static partial class ShellVariables
{
    /// <summary>
    /// The variables set by a command of <paramref name="commands"/> (an assignment, or a name a <c>read</c> or a
    /// declaration sets, <see cref="UnsetVariables.SetsForWhatFollows"/>) and read by a later one, in order.
    /// </summary>
    public static List<string> UsedAcrossCommands(IReadOnlyList<string> commands)
    {
        var found = new List<string>();
        for (var i = 0; i < commands.Count; i++)
        {
            // Only a command that is nothing but an assignment sets a variable for what follows; "LIMIT=5 kubectl ..." sets
            // it for that command alone. The assignment may follow what the block set up before it ("cd app && MODE=$2",
            // "export NAMESPACE=bridge && MODE=$2"), which the splitter puts before every later command.
            if (Assignment().Match(commands[i].Trim()) is not { Success: true } assignment)
            {
                // A read, mapfile or declaration sets its names for what follows it too (read -r HOST, then ssh $HOST).
                foreach (var unset in commands.Skip(i + 1).SelectMany(UnsetVariables.ReadButNotSet))
                {
                    if (!found.Contains(unset) && UnsetVariables.SetsForWhatFollows(commands[i], unset)) found.Add(unset);
                }

                continue;
            }
            var name = assignment.Groups["name"].Value;
            var read = new Regex(@"\$(\{)?" + name + @"(?(1)[}:#%/\[-]|(?![A-Za-z0-9_]))");
            if (!found.Contains(name) && commands.Skip(i + 1).Any(read.IsMatch)) found.Add(name);
        }
        return found;
    }

    [GeneratedRegex(@"^(?:.*?&&\s*)?(?:export\s+|readonly\s+|declare(?:\s+-\w+)*\s+)?(?<name>[A-Za-z_]\w*)=(?:""[^""]*""|'[^']*'|\$\(.*\)|\S*)(?:\s+#.*)?$", RegexOptions.Singleline)]
    private static partial Regex Assignment();
}
