using Microsoft.CodeAnalysis;
using RunbookSdk.Commands;
using RunbookSdk.Import.Model;
using RunbookSdk.Import.Source;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// Hostile but realistic markdown: here-documents with quoted delimiters, here-strings, redirected loops, console
/// transcripts, shell variables inside values that become parameters, C#-hostile text and headings. Each command
/// the runner would execute must be the command the markdown wrote, and the imported code must compile.
/// </summary>
public sealed class HostileInputTests
{
    internal static RunbookImporter.GeneratedProject Generate(string markdown) =>
        RunbookImporter.Generate(MarkdownSource.FromText("hostile.md", markdown), "Hostile", allowIncomplete: true,
            Path.Combine(Seeds.RepositoryRoot, "artifacts", "hostile"), Seeds.RepositoryRoot);

    /// <summary>A runbook with one phase holding <paramref name="code"/> as a fenced block in <paramref name="language"/>.</summary>
    internal static string Runbook(string code, string language = "bash") => $"""
        # Hostile

        ## Playbook: Hostile input

        ### Immediate (0-5 minutes)

        ```{language}
        {code}
        ```

        ### Rollback

        ```bash
        helm rollback api
        ```

        ### Verify

        ```bash
        curl -f http://localhost/health
        ```
        """;

    private static List<RunAction> Runs(RunbookImporter.GeneratedProject project) =>
        project.Document.Runbooks.SelectMany(r => r.AllPhases).SelectMany(p => p.Steps).SelectMany(s => s.Actions).OfType<RunAction>().ToList();

    /// <summary>What the runner executes for an imported command with its parameters at their defaults.</summary>
    private static string Executed(RunAction run, RunbookImporter.GeneratedProject project)
    {
        var parameters = project.Document.SharedParameters.Concat(project.Document.Runbooks.SelectMany(r => r.Parameters)).ToDictionary(p => p.Name, p => p.Default);
        var segments = run.Parts.Select(p => p.Parameter is null ? (CommandSegment)new LiteralSegment(p.Text) : new HoleSegment([parameters[p.Parameter]])).ToList();
        return new CommandTemplate(segments).Render();
    }

    private static void AssertCompiles(RunbookImporter.GeneratedProject project)
    {
        var errors = InMemoryCompiler.Compile(project.Files).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, InMemoryCompiler.Describe(errors) + "\n\n" + string.Join("\n\n", project.Files.Values));
    }

    [Theory]
    [InlineData("'EOF'")]
    [InlineData("\"EOF\"")]
    [InlineData("\\EOF")]
    public void Here_document_with_a_quoted_delimiter_is_one_command_and_its_body_never_runs_as_commands(string delimiter)
    {
        var heredoc = $"cat <<{delimiter} > /tmp/patch.json\n{{\"replicas\": \"$REPLICAS\"}}\nrm -rf /var/lib/data\nEOF";
        var project = Generate(Runbook(heredoc + "\nkubectl apply -f /tmp/patch.json"));

        var runs = Runs(project).Select(r => r.Command).ToList();

        Assert.Contains(heredoc, runs);
        Assert.Contains("kubectl apply -f /tmp/patch.json", runs);
        Assert.DoesNotContain("rm -rf /var/lib/data", runs);
    }

    [Fact]
    public void Here_string_is_not_a_here_document_and_the_commands_after_it_stay_separate()
    {
        var project = Generate(Runbook("cut -d, -f1 <<< abc,def\nkubectl get pods\nkubectl get nodes"));

        Assert.Equal(["cut -d, -f1 <<< abc,def", "kubectl get pods", "kubectl get nodes"], Runs(project).Take(3).Select(r => r.Command));
    }

    [Theory]
    [InlineData("done < pods.txt")]
    [InlineData("done 2>&1 > /tmp/restart.log")]
    [InlineData("done >> /tmp/restart.log")]
    public void Loop_whose_output_or_input_is_redirected_ends_at_its_done_and_a_done_word_inside_it_does_not_end_it(string closer)
    {
        var loop = $"while read -r pod; do\n  kubectl delete pod \"$pod\"\n  echo done\n{closer}";
        var project = Generate(Runbook(loop + "\nkubectl get pods\nkubectl get nodes"));

        Assert.Equal([loop, "kubectl get pods", "kubectl get nodes"], Runs(project).Take(3).Select(r => r.Command));
    }

    [Theory]
    [InlineData("console")]
    [InlineData("bash")]
    public void Console_transcript_runs_only_the_prompted_commands_and_keeps_their_output_as_a_snippet(string language)
    {
        var transcript = "$ kubectl get pods\nNAME      READY   STATUS\napi-1     1/1     Running\n$ kubectl rollout status deploy/api\ndeployment \"api\" successfully rolled out";
        var project = Generate(Runbook(transcript, language));

        var phase = project.Document.Runbooks.Single().Phases[0];
        var actions = phase.Steps.SelectMany(s => s.Actions).ToList();
        Assert.Equal(["kubectl get pods", "kubectl rollout status deploy/api"], actions.OfType<RunAction>().Select(r => r.Command));
        var outputs = actions.OfType<SnippetAction>().Select(s => s.Code).ToList();
        Assert.Equal(["NAME      READY   STATUS\napi-1     1/1     Running", "deployment \"api\" successfully rolled out"], outputs);
        AssertCompiles(project);
    }

    // Copied from a terminal, a transcript carries the terminal's prompt: "ops@bastion:~$ kubectl get pods" ran as a
    // command named "ops@bastion:~$", and the output under it ("NAME READY") ran as commands too.
    [Theory]
    [InlineData("ops@bastion:~$ ", "bash")]
    [InlineData("ops@bastion-1.prod:/var/log$ ", "console")]
    [InlineData("[ops@bastion ~]$ ", "bash")]
    [InlineData("ops@bastion:~$ ", "")] // a wiki export that dropped the block's language
    public void A_terminals_own_prompt_is_a_prompt(string prompt, string language)
    {
        var transcript = $"{prompt}kubectl get pods\nNAME      READY   STATUS\napi-1     1/1     Running\n{prompt}kubectl rollout status deploy/api";
        var project = Generate(Runbook(transcript, language));

        var actions = project.Document.Runbooks.Single().Phases[0].Steps.SelectMany(s => s.Actions).ToList();
        Assert.Equal(["kubectl get pods", "kubectl rollout status deploy/api"], actions.OfType<RunAction>().Select(r => r.Command));
        Assert.Equal(["NAME      READY   STATUS\napi-1     1/1     Running"], actions.OfType<SnippetAction>().Select(s => s.Code));
        AssertCompiles(project);
    }

    // A transcript shows bash's "> " before each line that goes on a command; kept, it became part of the command:
    // "TIMEOUT_MS=5000 \" over "> RETRIES=3" redirected the output to a file named RETRIES=3, and "> EOF" never ended
    // the here-document, so its body swallowed the commands after it.
    [Fact]
    public void Transcript_continuation_prompts_are_not_part_of_the_command()
    {
        var transcript = """
            $ kubectl set env deploy/gateway TIMEOUT_MS=5000 \
            >   RETRIES=3
            $ cat <<EOF > /tmp/patch.json
            > {"spec": {"replicas": 4}}
            > EOF
            $ kubectl patch deploy gateway --patch-file /tmp/patch.json
            deployment.apps/gateway patched
            """;
        var project = Generate(Runbook(transcript, "console"));

        Assert.Equal(
            [
                "kubectl set env deploy/gateway TIMEOUT_MS=5000 \\\n  RETRIES=3",
                "cat <<EOF > /tmp/patch.json\n{\"spec\": {\"replicas\": 4}}\nEOF",
                "kubectl patch deploy gateway --patch-file /tmp/patch.json",
                "helm rollback api",
                "curl -f http://localhost/health",
            ],
            Runs(project).Select(r => r.Command));
        AssertCompiles(project);
    }

    // Wikis leave blanks after a continuation's backslash, invisible on the page. The import dropped them and kept the
    // lines apart: "kubectl scale deploy/api \" ran alone and "--replicas=3" as a command of its own.
    [Theory]
    [InlineData(" ")]
    [InlineData("  ")]
    [InlineData("\t")]
    public void A_backslash_with_blanks_after_it_continues_the_command(string blanks)
    {
        var project = Generate(Runbook($"kubectl scale deploy/api \\{blanks}\n  --replicas=3\nkubectl get pods"));

        Assert.Equal(["kubectl scale deploy/api \\\n  --replicas=3", "kubectl get pods"], Runs(project).Take(2).Select(r => r.Command));
        AssertCompiles(project);
    }

    [Fact]
    public void Values_lifted_into_parameters_keep_the_shell_expansions_around_them()
    {
        var project = Generate(Runbook("""
            curl -f https://api.example.com/$STAGE/v1/health
            curl -f "https://api.example.com/$STAGE/v1/status"
            curl -f https://cdn.example.com/${ASSET_PREFIX}/app.js
            curl -f https://cdn.example.com/${ASSET_PREFIX}/app.css
            tail -n 50 /home/jon/logs/{api,worker}/current
            ls /home/jon/logs/{api,worker}/
            aws s3 ls s3://backups --region eu-west-1
            """));

        var runs = Runs(project);

        Assert.Contains(runs, r => r.Parts.Any(p => p.Parameter is not null));
        Assert.All(runs, run => Assert.Equal(run.Command, Executed(run, project)));
    }

    // A quoted home path with a blank was cut at the blank: "/home/jon/payments scripts" lifted "/home/jon/payments",
    // a folder that does not exist, and an operator who set it to their own got "<theirs> scripts".
    [Fact]
    public void A_quoted_home_path_with_a_blank_lifts_the_home_folder_not_a_cut_folder()
    {
        var project = Generate(Runbook("""
            cd "/home/jon/payments scripts" && ./check.sh
            ls '/Users/ana/My Drive/runbooks'
            """));

        var parameters = project.Document.Runbooks.Single().Parameters.Concat(project.Document.SharedParameters).ToList();
        Assert.Equal(["/Users/ana", "/home/jon"], parameters.Select(p => p.Default).Order(StringComparer.Ordinal));
        var runs = Runs(project);
        Assert.All(runs, run => Assert.Equal(run.Command, Executed(run, project)));
        Assert.Contains(runs, run => run.Parts is [{ Text: "cd \"", Parameter: null }, { Text: "/home/jon", Parameter: not null }, { Text: "/payments scripts\" && ./check.sh" }]);
        AssertCompiles(project);
    }

    [Theory]
    [MemberData(nameof(Seeds.Names), MemberType = typeof(Seeds))]
    public void Seed_commands_execute_exactly_as_written_with_parameters_at_their_defaults(string seed)
    {
        var project = SeedImportTests.Generate(Seeds.Path_(seed), allowIncomplete: true);

        Assert.All(Runs(project), run => Assert.Equal(run.Command, Executed(run, project)));
    }

    [Theory]
    [InlineData('\u2028')]
    [InlineData('\u2029')]
    [InlineData('\u0085')]
    public void Text_with_a_unicode_line_separator_imports_to_code_that_compiles_and_keeps_it(char separator)
    {
        var markdown = Runbook($"echo \"a{separator}b\"\ncurl -f https://api.example.com/v1/a{separator}\ncurl -f https://api.example.com/v1/b")
            .Replace("## Playbook: Hostile input", $"## Playbook: Hostile{separator}input\n\nCopied from a web page:{separator}it keeps the separator.");
        var project = Generate(markdown);

        AssertCompiles(project);
        Assert.Contains(Runs(project), r => r.Command == $"echo \"a{separator}b\"");
        Assert.Contains($"Copied from a web page:{separator}it keeps the separator.", project.Document.Runbooks.Single().Summary);
    }

    [Fact]
    public void Runbooks_titled_like_the_dsl_types_or_their_own_members_get_class_names_that_compile()
    {
        var titles = new[] { "Define", "Time Box", "Parameter", "Secret", "I Runbook Builder", "Handbook Attribute", "Runbook Sdk", "Region" };
        var markdown = "# Hostile\n\n" + string.Concat(titles.Select(t => $"""
            ## Playbook: {t}

            ### Immediate (0-5 minutes)

            ```bash
            aws ecs describe-services --cluster api --region eu-west-1
            ```

            ### Verify

            ```bash
            curl -f http://localhost/health
            ```


            """));
        var project = Generate(markdown);

        Assert.Equal(titles.Length, project.RunbookIds.Count);
        AssertCompiles(project);
    }

    [Theory]
    [InlineData("incident--response.md")]
    [InlineData("runbook-.md")]
    public void Document_named_with_double_hyphens_gives_a_project_file_that_is_valid_xml(string name)
    {
        var project = RunbookImporter.Generate(MarkdownSource.FromText(name, Runbook("kubectl get pods")), "Hostile", allowIncomplete: true,
            Path.Combine(Seeds.RepositoryRoot, "artifacts", "hostile"), Seeds.RepositoryRoot);

        var csproj = project.Files["Hostile.csproj"];
        var exception = Record.Exception(() => System.Xml.Linq.XDocument.Parse(csproj));

        Assert.Null(exception);
        Assert.Contains("by `runbook import`", csproj.Split('\n')[1]);
    }

    [Theory]
    [InlineData("runbook")]
    [InlineData("time-box")]
    [InlineData("system")]
    [InlineData("handbook")]
    [InlineData("parameter")]
    public void Output_folder_named_like_a_dsl_type_gives_a_namespace_that_compiles(string folder)
    {
        var output = Path.Combine(Path.GetTempPath(), "rb-import-" + Guid.NewGuid().ToString("N"), folder);
        var file = Path.Combine(Path.GetDirectoryName(output)!, "doc.md");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        try
        {
            File.WriteAllText(file, Runbook("kubectl get pods"));
            RunbookImporter.Import(file, new ImportOptions { OutputDirectory = output, AllowIncomplete = true, RepositoryRoot = Seeds.RepositoryRoot });

            var files = Directory.GetFiles(output, "*.cs").ToDictionary(f => Path.GetFileName(f), File.ReadAllText);
            var errors = InMemoryCompiler.Compile(files).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, InMemoryCompiler.Describe(errors));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(output)!, recursive: true);
        }
    }

    [Fact]
    public void Namespace_named_like_a_dsl_type_is_refused_with_a_clear_error_and_nothing_is_written()
    {
        var root = Path.Combine(Path.GetTempPath(), "rb-import-" + Guid.NewGuid().ToString("N"));
        var file = Path.Combine(root, "doc.md");
        Directory.CreateDirectory(root);
        try
        {
            File.WriteAllText(file, Runbook("kubectl get pods"));

            var error = Assert.Throws<ImportException>(() => RunbookImporter.Import(file, new ImportOptions { OutputDirectory = Path.Combine(root, "out"), Namespace = "Acme.TimeBox" }));

            Assert.StartsWith(file + ": --namespace Acme.TimeBox", error.Message);
            Assert.False(Directory.Exists(Path.Combine(root, "out")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Importing_another_document_into_a_folder_holding_an_import_is_refused_and_the_earlier_import_is_kept()
    {
        var root = Path.Combine(Path.GetTempPath(), "rb-import-" + Guid.NewGuid().ToString("N"));
        var output = Path.Combine(root, "out");
        Directory.CreateDirectory(root);
        try
        {
            File.WriteAllText(Path.Combine(root, "payments.md"), Runbook("kubectl get pods"));
            File.WriteAllText(Path.Combine(root, "search.md"), Runbook("kubectl get nodes").Replace("Playbook: Hostile input", "Playbook: Search down"));
            var first = RunbookImporter.Import(Path.Combine(root, "payments.md"), new ImportOptions { OutputDirectory = output, RepositoryRoot = Seeds.RepositoryRoot });
            var before = first.Files.ToDictionary(f => f, File.ReadAllText);

            var error = Assert.Throws<ImportException>(() => RunbookImporter.Import(Path.Combine(root, "search.md"), new ImportOptions { OutputDirectory = output, RepositoryRoot = Seeds.RepositoryRoot }));

            Assert.Contains("choose an empty folder", error.Message);
            Assert.All(before, f => Assert.Equal(f.Value, File.ReadAllText(f.Key)));
            Assert.Equal(before.Keys.Order(), Directory.GetFiles(output).Order());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    // The refusal named three files in the order the folder listed them, and no more: a reader who removed those met
    // the same refusal again, naming the next three.
    [Fact]
    public void The_refusal_of_a_folder_holding_other_files_says_how_many_and_names_them_in_order()
    {
        var root = Path.Combine(Path.GetTempPath(), "rb-import-" + Guid.NewGuid().ToString("N"));
        var output = Path.Combine(root, "out");
        Directory.CreateDirectory(output);
        try
        {
            File.WriteAllText(Path.Combine(root, "payments.md"), Runbook("kubectl get pods"));
            foreach (var name in new[] { "g.txt", "f.txt", "e.txt", "d.txt", "c.txt", "b.txt", "a.txt" })
                File.WriteAllText(Path.Combine(output, name), "notes");

            var error = Assert.Throws<ImportException>(() => RunbookImporter.Import(Path.Combine(root, "payments.md"), new ImportOptions { OutputDirectory = output, RepositoryRoot = Seeds.RepositoryRoot }));

            Assert.Contains("already holds 7 files this import did not write (a.txt, b.txt, c.txt, d.txt, e.txt and 2 more)", error.Message);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Importing_another_document_of_the_same_name_is_refused_even_with_force_and_the_earlier_import_is_kept(bool force)
    {
        var root = Path.Combine(Path.GetTempPath(), "rb-import-" + Guid.NewGuid().ToString("N"));
        var output = Path.Combine(root, "out");
        Directory.CreateDirectory(Path.Combine(root, "payments"));
        Directory.CreateDirectory(Path.Combine(root, "search"));
        try
        {
            File.WriteAllText(Path.Combine(root, "payments", "incident-response.md"), Runbook("kubectl get pods"));
            File.WriteAllText(Path.Combine(root, "search", "incident-response.md"), Runbook("kubectl get nodes").Replace("Playbook: Hostile input", "Playbook: Search down"));
            var first = RunbookImporter.Import(Path.Combine(root, "payments", "incident-response.md"), new ImportOptions { OutputDirectory = output, RepositoryRoot = Seeds.RepositoryRoot });
            var before = first.Files.ToDictionary(f => f, File.ReadAllText);
            Assert.StartsWith("// Imported from ../payments/incident-response.md by `runbook import`.", before.First(f => f.Key.EndsWith(".cs", StringComparison.Ordinal)).Value, StringComparison.Ordinal);

            var error = Assert.Throws<ImportException>(() => RunbookImporter.Import(Path.Combine(root, "search", "incident-response.md"),
                new ImportOptions { OutputDirectory = output, RepositoryRoot = Seeds.RepositoryRoot, ReplaceChangedFiles = force }));

            Assert.Contains("choose an empty folder", error.Message);
            Assert.All(before, f => Assert.Equal(f.Value, File.ReadAllText(f.Key)));
            Assert.Equal(before.Keys.Order(), Directory.GetFiles(output).Order());
            // The same document again is an earlier import of it, as before.
            RunbookImporter.Import(Path.Combine(root, "payments", "incident-response.md"), new ImportOptions { OutputDirectory = output, RepositoryRoot = Seeds.RepositoryRoot });
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void A_file_of_an_import_that_named_the_document_by_its_file_name_alone_is_still_an_earlier_import_of_it()
    {
        var root = Path.Combine(Path.GetTempPath(), "rb-import-" + Guid.NewGuid().ToString("N"));
        var output = Path.Combine(root, "out");
        Directory.CreateDirectory(root);
        try
        {
            File.WriteAllText(Path.Combine(root, "payments.md"), Runbook("kubectl get pods"));
            var first = RunbookImporter.Import(Path.Combine(root, "payments.md"), new ImportOptions { OutputDirectory = output, RepositoryRoot = Seeds.RepositoryRoot });
            foreach (var file in first.Files)
                File.WriteAllText(file, File.ReadAllText(file).Replace("Imported from ../payments.md by", "Imported from payments.md by", StringComparison.Ordinal));

            var again = RunbookImporter.Import(Path.Combine(root, "payments.md"), new ImportOptions { OutputDirectory = output, RepositoryRoot = Seeds.RepositoryRoot, ReplaceChangedFiles = true });

            Assert.All(again.Files, f => Assert.Contains("Imported from ../payments.md by", File.ReadAllText(f), StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Hand_written_file_with_the_name_an_import_writes_is_not_overwritten()
    {
        var root = Path.Combine(Path.GetTempPath(), "rb-import-" + Guid.NewGuid().ToString("N"));
        var output = Path.Combine(root, "out");
        Directory.CreateDirectory(output);
        try
        {
            File.WriteAllText(Path.Combine(root, "payments.md"), Runbook("kubectl get pods"));
            File.WriteAllText(Path.Combine(output, "HostileInput.cs"), "// my own runbook, not imported");

            var error = Assert.Throws<ImportException>(() => RunbookImporter.Import(Path.Combine(root, "payments.md"), new ImportOptions { OutputDirectory = output, RepositoryRoot = Seeds.RepositoryRoot }));

            Assert.Contains("HostileInput.cs", error.Message);
            Assert.Equal("// my own runbook, not imported", File.ReadAllText(Path.Combine(output, "HostileInput.cs")));
            Assert.Single(Directory.GetFiles(output));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
