namespace RunbookSdk.Cli.Tests;

/// <summary>Runs the <c>runbook</c> command line in-process and captures what it writes.</summary>
internal static class Cli
{
    public static async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await RunbookCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}

/// <summary>Paths in this repository, found from the test's output folder.</summary>
internal static class Repository
{
    public static string Path(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Directory.Packages.props")))
                return System.IO.Path.Combine(directory.FullName, relative);
        }

        throw new DirectoryNotFoundException("repository root not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>Tests that set process environment variables (GITHUB_TOKEN) run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "process environment";
}

/// <summary>Sets an environment variable for a test and restores it afterwards.</summary>
internal sealed class EnvironmentVariable : IDisposable
{
    private readonly string _name;
    private readonly string? _before;

    public EnvironmentVariable(string name, string? value)
    {
        _name = name;
        _before = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable(name, value);
    }

    public void Dispose() => Environment.SetEnvironmentVariable(_name, _before);
}
