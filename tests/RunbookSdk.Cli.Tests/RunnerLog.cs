namespace RunbookSdk.Cli.Tests;

/// <summary>Reads a job log as the GitHub Actions runner does, to see which workflow commands it would carry out.</summary>
internal static class RunnerLog
{
    /// <summary>
    /// The workflow commands the GitHub Actions runner would carry out for <paramref name="log"/>, as it reads them
    /// (actions/runner ActionCommandManager): a line that starts with <c>::name …::</c> after spaces, or that holds
    /// <c>##[name …]</c> anywhere; after <c>::stop-commands::T</c> none until <c>::T::</c>.
    /// </summary>
    public static List<(string Name, string Data)> Commands(string log)
    {
        var commands = new List<(string Name, string Data)>();
        string? stopToken = null;
        foreach (var raw in log.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            (string Name, string Data)? command = null;
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("::", StringComparison.Ordinal) && trimmed.IndexOf("::", 2, StringComparison.Ordinal) is var end and > 0)
                command = (trimmed[2..end].Split(' ')[0], trimmed[(end + 2)..]);
            else if (line.IndexOf("##[", StringComparison.Ordinal) is var start and >= 0 && line.IndexOf(']', start) is var close and > 0)
                command = (line[(start + 3)..close].Split(' ')[0], line[(close + 1)..]);
            if (command is not { } found) continue;
            if (stopToken is not null)
            {
                if (string.Equals(found.Name, stopToken, StringComparison.OrdinalIgnoreCase)) stopToken = null;
                continue;
            }

            if (found.Name == "stop-commands") stopToken = found.Data;
            commands.Add(found);
        }

        return commands;
    }
}
