using System.Text;

namespace RunbookSdk.Cli.Tests;

/// <summary><c>runbook import</c>: good input writes a project; bad input gives one error line naming the file and writes nothing.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "runbook-cli-" + Guid.NewGuid().ToString("N"));

    public ImportCommandTests() => Directory.CreateDirectory(_work);

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private const string Runbook = """
        # Payments incident response

        ## Escalation
        1. On-call engineer (0-15 minutes)
        2. Payments lead (15-30 minutes)

        ## Playbook: Card processor outage

        ### Immediate Actions (0-5 minutes)
        1. **Check the gateway**
           ```bash
           # Gateway health
           curl -f https://gateway.example.com/health
           ```

        ### Verify recovery
        ```bash
        curl -f https://gateway.example.com/health
        ```
        """;

    private (int Code, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = RunbookCli.RunAsync(args, output, error).GetAwaiter().GetResult();
        return (code, output.ToString(), error.ToString());
    }

    private string Input(string name, string text) => Input(name, Encoding.UTF8.GetBytes(text));

    private string Input(string name, byte[] bytes)
    {
        var path = Path.Combine(_work, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void An_empty_out_is_a_bad_command_line_that_says_so()
    {
        var file = Input("payments.md", Runbook);

        var (code, _, error) = Run("import", file, "--out", "");

        Assert.Equal(2, code);
        Assert.Contains("--out is empty: give the folder for the project.", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("class")]
    [InlineData("Acme.namespace")]
    public void A_namespace_that_is_a_csharp_keyword_is_refused_and_nothing_is_written(string ns)
    {
        var file = Input("payments.md", Runbook);
        var dir = Path.Combine(_work, "Payments");

        var (code, _, error) = Run("import", file, "--out", dir, "--namespace", ns);

        Assert.Equal(1, code);
        Assert.Contains($"--namespace {ns} has a part named {ns.Split('.').Last()}, a C# keyword", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void A_document_with_no_runbook_imports_the_handbook_and_warns()
    {
        var file = Input("notes.md", """
            1. Check the dashboard
            2. Clean up

            ```bash
            rm -rf /var/cache/app
            ```
            """);

        var (code, output, error) = Run("import", file, "--out", Path.Combine(_work, "Notes"));

        Assert.Equal(0, code);
        Assert.Contains("Imported 0 runbooks", output, StringComparison.Ordinal);
        Assert.Contains("warning: " + file + ": no runbook was found", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_writes_a_project_and_names_its_runbooks()
    {
        var file = Input("payments.md", Runbook);
        var dir = Path.Combine(_work, "Payments");

        var (code, output, error) = Run("import", file, "--out", dir, "--allow-incomplete");

        Assert.Equal(0, code);
        Assert.Contains("card-processor-outage", output);
        Assert.True(File.Exists(Path.Combine(dir, "Payments.csproj")), error);
        Assert.True(File.Exists(Path.Combine(dir, "PaymentsHandbook.cs")));
        Assert.True(File.Exists(Path.Combine(dir, "CardProcessorOutage.cs")));
    }

    [Fact]
    public void Import_outside_the_repository_references_the_package()
    {
        var dir = Path.Combine(_work, "Payments");

        Run("import", Input("payments.md", Runbook), "--out", dir);

        Assert.Contains("<PackageReference Include=\"RunbookSdk\"", File.ReadAllText(Path.Combine(dir, "Payments.csproj")));
    }

    [Fact]
    public void Namespace_option_names_the_namespace()
    {
        var dir = Path.Combine(_work, "out");

        var (code, _, _) = Run("import", Input("payments.md", Runbook), "--out", dir, "--namespace", "Acme.Payments");

        Assert.Equal(0, code);
        Assert.Contains("namespace Acme.Payments;", File.ReadAllText(Path.Combine(dir, "PaymentsHandbook.cs")));
    }

    public static TheoryData<string, byte[], string> BadInputs() => new()
    {
        { "empty.md", [], "is empty" },
        { "blank.md", Encoding.UTF8.GetBytes("   \n\n  \n"), "is empty" },
        { "binary.md", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D], "binary" },
        { "latin1.md", [0x23, 0x20, 0x43, 0x61, 0x66, 0xE9, 0x0A], "not UTF-8" },
        { "utf16.md", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("# Title\n")).ToArray(), "UTF-16" },
        { "prose.md", Encoding.UTF8.GetBytes("Just a sentence, no structure at all."), "does not look like markdown" },
        { "fence.md", Encoding.UTF8.GetBytes("# Runbook\n\n## Step\n\n```bash\ncurl -f https://x.example.com\n"), ":5: code fence ```bash is never closed" },
        { "long-line.md", Encoding.UTF8.GetBytes("# T\n" + new string('a', 30_000)), ":2: has a line longer than" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_gives_one_error_line_naming_the_file_and_writes_nothing(string name, byte[] bytes, string expected)
    {
        var file = Input(name, bytes);
        var dir = Path.Combine(_work, "out");

        var (code, _, error) = Run("import", file, "--out", dir);

        Assert.Equal(1, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: {file}", line);
        Assert.Contains(expected, line);
        Assert.False(Directory.Exists(dir));
        Assert.Empty(Directory.GetDirectories(_work)); // no staging folder left behind either
    }

    [Fact]
    public void Missing_file_is_an_error_naming_it()
    {
        var (code, _, error) = Run("import", Path.Combine(_work, "nope.md"), "--out", Path.Combine(_work, "out"));

        Assert.Equal(1, code);
        Assert.Contains("nope.md: file not found", error);
    }

    [Fact]
    public void Absurdly_large_file_is_refused_before_reading()
    {
        var file = Path.Combine(_work, "huge.md");
        using (var stream = File.Create(file)) stream.SetLength(5L * 1024 * 1024);

        var (code, _, error) = Run("import", file, "--out", Path.Combine(_work, "out"));

        Assert.Equal(1, code);
        Assert.Contains("huge.md: is 5 MB; a markdown runbook is at most 4 MB", error);
    }

    [Fact]
    public void Folder_with_other_files_is_refused_and_left_alone()
    {
        var dir = Path.Combine(_work, "out");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "Mine.cs"), "// mine");

        var (code, _, error) = Run("import", Input("payments.md", Runbook), "--out", dir);

        Assert.Equal(1, code);
        Assert.Contains("Mine.cs", error);
        Assert.Equal(["Mine.cs"], Directory.GetFiles(dir).Select(Path.GetFileName));
    }

    [Fact]
    public void Importing_again_into_the_same_folder_replaces_the_earlier_import()
    {
        var dir = Path.Combine(_work, "out");
        var file = Input("payments.md", Runbook);
        Run("import", file, "--out", dir);

        var (code, _, error) = Run("import", file, "--out", dir);

        Assert.True(code == 0, error);
    }

    [Fact]
    public void Importing_again_over_an_edited_file_refuses_lists_it_and_writes_nothing()
    {
        // Re-running an import used to replace the classes the user had edited since, silently.
        var dir = Path.Combine(_work, "Payments");
        var file = Input("payments.md", Runbook);
        Run("import", file, "--out", dir);
        var handbook = Path.Combine(dir, "PaymentsHandbook.cs");
        var edited = File.ReadAllText(handbook) + "// escalation reviewed with the payments lead\n";
        File.WriteAllText(handbook, edited);
        var runbook = Path.Combine(dir, "CardProcessorOutage.cs");
        File.Delete(runbook);

        var (code, output, error) = Run("import", file, "--out", dir);

        Assert.True(code == 1, output + error);
        Assert.Contains("error: ", error);
        Assert.Contains("--force", error);
        Assert.Contains(": 1 file in ", error);
        Assert.Contains(" differs from what this import writes; nothing was written.", error); // one file: not "1 file … differ"
        Assert.Contains("  replaced: " + handbook, error);
        Assert.Equal(edited, File.ReadAllText(handbook));
        Assert.False(File.Exists(runbook)); // all or nothing: the file that was missing is not written either
        Assert.DoesNotContain(Directory.GetDirectories(_work), d => Path.GetFileName(d).StartsWith('.')); // no staging folder left
    }

    [Fact]
    public void Force_replaces_an_edited_file()
    {
        var dir = Path.Combine(_work, "Payments");
        var file = Input("payments.md", Runbook);
        Run("import", file, "--out", dir);
        var handbook = Path.Combine(dir, "PaymentsHandbook.cs");
        var imported = File.ReadAllText(handbook);
        File.WriteAllText(handbook, imported + "// edited\n");

        var (code, output, error) = Run("import", file, "--out", dir, "--force");

        Assert.True(code == 0, output + error);
        Assert.Equal(imported, File.ReadAllText(handbook));
    }

    [Fact]
    public void Importing_again_over_a_file_the_updated_document_no_longer_writes_refuses_to_remove_it()
    {
        // A runbook left out of the updated document: its class (perhaps edited) would be deleted.
        var dir = Path.Combine(_work, "Payments");
        var file = Input("payments.md", Runbook);
        Run("import", file, "--out", dir);
        File.WriteAllText(file, Runbook.Replace("Playbook: Card processor outage", "Playbook: Card network outage"));

        var (code, output, error) = Run("import", file, "--out", dir);

        Assert.True(code == 1, output + error);
        Assert.Contains("  removed:  " + Path.Combine(dir, "CardProcessorOutage.cs"), error);
        Assert.True(File.Exists(Path.Combine(dir, "CardProcessorOutage.cs")));
        Assert.False(File.Exists(Path.Combine(dir, "CardNetworkOutage.cs")));

        var (forced, _, forcedError) = Run("import", file, "--out", dir, "--force");

        Assert.True(forced == 0, forcedError);
        Assert.False(File.Exists(Path.Combine(dir, "CardProcessorOutage.cs")));
        Assert.True(File.Exists(Path.Combine(dir, "CardNetworkOutage.cs")));
    }

    [Fact]
    public void Mojibake_is_repaired_with_a_warning()
    {
        var file = Input("mojibake.md", Runbook.Replace("## Escalation", "## ðŸš¨ Escalation"));
        var dir = Path.Combine(_work, "out");

        var (code, _, error) = Run("import", file, "--out", dir, "--allow-incomplete");

        Assert.Equal(0, code);
        Assert.Contains("warning: " + file + ": repaired 1 mis-decoded character sequence", error);
    }

    [Fact]
    public void Unknown_option_is_a_usage_error()
    {
        var (code, _, error) = Run("import", "x.md", "--out", "y", "--frobnicate");

        Assert.Equal(2, code);
        Assert.StartsWith("error:", error);
    }

    [Fact]
    public void Help_lists_the_import_command()
    {
        var (code, output, _) = Run("--help");

        Assert.Equal(0, code);
        Assert.Contains("import", output);
    }
}
