using RunbookSdk.Commands;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Commands;

/// <summary>
/// What the tests of a hole that reaches a second shell share: stand-in programs on PATH (ssh, gcloud, ansible: there
/// is no remote side here) that hand their command line or input to a real shell as the real program's remote side
/// would, the hostile values with forms that would touch a marker file if a shell split them, and a run through the
/// real bash after which that marker must not exist.
/// </summary>
public abstract class StandInShellTests : IDisposable
{
    /// <summary>The folder holding the stand-ins and the marker; commands run in it.</summary>
    private protected TempDirectory Temp { get; } = new();

    /// <summary>The file a value touches if some shell runs what it holds.</summary>
    protected string Marker => Temp.File("PWNED");

    /// <summary>The hostile values, and those that would run a command, touching the marker, if a shell split them.</summary>
    public static TheoryData<string> Values
    {
        get
        {
            var data = HostileValues.Theory();
            data.Add("; touch MARKER");
            data.Add("x; touch MARKER");
            data.Add("$(touch MARKER)");
            data.Add("`touch MARKER`");
            data.Add("a' ; touch MARKER ; '");
            data.Add("a\" ; touch MARKER ; \"");
            return data;
        }
    }

    /// <summary>Writes an executable stand-in for <paramref name="name"/>, found before the real one on PATH.</summary>
    protected void StandIn(string name, string script)
    {
        var path = Temp.File(name);
        File.WriteAllText(path, script.Replace("\r", "", StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>A value of <see cref="Values"/> with <c>MARKER</c> standing for the marker's full path.</summary>
    protected string Hostile(string value) => value.Replace("MARKER", Marker, StringComparison.Ordinal);

    /// <summary>The command a <c>Run($"…")</c> records.</summary>
    protected static CommandTemplate Command(CommandInterpolationHandler handler) => handler.ToTemplate();

    /// <summary>The script that runs <paramref name="rendered"/> in the folder, with the stand-ins first on PATH.</summary>
    protected string InFolder(string rendered) =>
        $"cd {ShellQuoting.QuoteBare(Temp.Path)}\nPATH={ShellQuoting.QuoteBare(Temp.Path)}:\"$PATH\"\n" + rendered;

    /// <summary>Runs the rendered command through the real bash; the marker file must not appear.</summary>
    protected string Run(CommandTemplate command)
    {
        var rendered = command.Render();
        var (exitCode, output, error) = Bash.Execute(InFolder(rendered));
        // A test in parallel that forks while a stand-in is being written holds the script open for writing until its
        // child execs, and the kernel then refuses to run the script (ETXTBSY: bash exits 126, "Text file busy"). The
        // stand-in did not start, so nothing ran on its side: running the command again is the same test.
        for (var attempt = 1; exitCode == 126 && error.Contains("Text file busy", StringComparison.Ordinal) && attempt < 10; attempt++)
        {
            Thread.Sleep(20 * attempt);
            (exitCode, output, error) = Bash.Execute(InFolder(rendered));
        }

        Assert.True(exitCode == 0, $"bash exited {exitCode}: {error}\ncommand: {rendered}");
        Assert.False(File.Exists(Marker), "a value ran a command in a shell it reached: " + rendered);
        return output;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Temp.Dispose();
        GC.SuppressFinalize(this);
    }
}
