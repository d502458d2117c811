using System.Runtime.CompilerServices;

namespace RunbookSdk.Generators.Tests.Support;

/// <summary>
/// Compares output with a checked-in <c>Snapshots/NAME.verified.*</c> file. On a difference it writes
/// <c>NAME.received.*</c> beside it; run the tests with RUNBOOK_ACCEPT_SNAPSHOTS=1 to accept the new output.
/// </summary>
internal static class Snapshot
{
    public static void Match(string actual, string name, [CallerFilePath] string callerFile = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(callerFile)!, "Snapshots");
        var verified = Path.Combine(directory, name.Replace(".", ".verified.", StringComparison.Ordinal));
        var received = Path.Combine(directory, name.Replace(".", ".received.", StringComparison.Ordinal));
        actual = actual.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable("RUNBOOK_ACCEPT_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(verified, actual);
            return;
        }
        var expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }
        File.WriteAllText(received, actual);
        Assert.Fail($"Snapshot {name} differs from {verified} (see {received}); accept with RUNBOOK_ACCEPT_SNAPSHOTS=1 if the change is intended.");
    }
}
