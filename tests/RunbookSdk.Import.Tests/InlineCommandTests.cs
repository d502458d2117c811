using Microsoft.CodeAnalysis;
using RunbookSdk.Import.Model;
using RunbookSdk.Import.Source;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// Many wiki runbooks write their commands inline (<c>1. Check the error rate: `curl …`</c>, <c>Run `kubectl …`.</c>)
/// rather than in fenced blocks. Each such command became an instruction or a note: the rollback ran nothing, the
/// verification checked nothing, and the runner asked the engineer to type by hand what the document gives as a command.
/// A list item or paragraph that tells the reader to run its one code span is a step running it; a code span that names
/// something stays text.
/// </summary>
public sealed class InlineCommandTests
{
    private const string WikiPage = """
        # API latency high

        ## Triage

        1. Check the error rate: `curl -fsS http://api.internal/metrics | grep http_errors_total`
        2. Look at recent deploys: `kubectl -n api rollout history deploy/api`

        ## Mitigation

        - [ ] Scale out: `kubectl -n api scale deploy/api --replicas=10`
        - [ ] Restart stuck pods: `kubectl -n api delete pod -l app=api`
        - [ ] Tell #incidents what you did

        ## Rollback

        Run `kubectl -n api scale deploy/api --replicas=4`.

        ## Verify

        `curl -fsS http://api.internal/health`
        """;

    /// <summary>A rollback, so that a page of one phase is a runbook.</summary>
    private const string Rollback = "## Rollback\n\n```bash\nhelm rollback api\n```";

    private static RunbookImporter.GeneratedProject Import(string markdown) =>
        RunbookImporter.Generate(MarkdownSource.FromText("api.md", markdown), "Api", allowIncomplete: true,
            Path.Combine(Seeds.RepositoryRoot, "artifacts", "inline-command"), Seeds.RepositoryRoot);

    private static ImportedRunbook Runbook(RunbookImporter.GeneratedProject project) => Assert.Single(project.Document.Runbooks);

    private static string Describe(ImportedStep step) =>
        step.Title + ": " + string.Join(" | ", step.Actions.Select(a => a switch
        {
            RunAction run => "Run " + run.Command,
            InstructionAction instruction => "Instruction " + instruction.Text,
            NoteAction note => "Note " + note.Text,
            _ => a.GetType().Name,
        }));

    [Fact]
    public void Items_that_give_a_command_after_a_lead_in_are_steps_running_it_titled_by_the_lead_in()
    {
        var runbook = Runbook(Import(WikiPage));

        var triage = runbook.Phases.Single(p => p.Name == "Triage").Steps.Select(Describe).ToList();
        Assert.Equal(
        [
            "Check the error rate: Run curl -fsS http://api.internal/metrics | grep http_errors_total",
            "Look at recent deploys: Run kubectl -n api rollout history deploy/api",
        ], triage);
    }

    [Fact]
    public void A_checklist_mixing_command_items_and_word_items_keeps_its_order_and_the_word_item_stays_an_instruction()
    {
        var runbook = Runbook(Import(WikiPage));

        var mitigation = runbook.Phases.Single(p => p.Name == "Mitigation").Steps.Select(Describe).ToList();
        Assert.Equal(
        [
            "Scale out: Run kubectl -n api scale deploy/api --replicas=10",
            "Restart stuck pods: Run kubectl -n api delete pod -l app=api",
            "Tell #incidents what you did: Instruction Tell #incidents what you did",
        ], mitigation);
    }

    [Fact]
    public void The_rollback_runs_its_command_and_the_verification_checks()
    {
        var project = Import(WikiPage);
        var runbook = Runbook(project);

        var rollback = Assert.Single(runbook.Rollback!.Steps);
        Assert.Equal("kubectl -n api scale deploy/api --replicas=4", Assert.IsType<RunAction>(Assert.Single(rollback.Actions)).Command);
        var verify = Assert.Single(runbook.Verification!.Steps);
        Assert.Equal("curl -fsS http://api.internal/health", Assert.IsType<RunAction>(Assert.Single(verify.Actions)).Command);

        var diagnostics = InMemoryCompiler.Compile(project.Files);
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        // The scale-down to 4 and the pod deletion are what RB0005 calls destructive: the runner asks before them.
        var code = string.Concat(project.Files.Values);
        Assert.Contains("Step(\"Restart stuck pods\", s => s", code, StringComparison.Ordinal);
        Assert.Contains(".RequiresConfirmation()", code, StringComparison.Ordinal);
        Assert.DoesNotContain(diagnostics, d => d.Id == "RB0005");
    }

    [Theory]
    [InlineData("Run `kubectl rollout undo deploy/api`.")]
    [InlineData("Execute `kubectl rollout undo deploy/api`")]
    [InlineData("Then run: `kubectl rollout undo deploy/api`")]
    [InlineData("`kubectl rollout undo deploy/api`")]
    [InlineData("`$ kubectl rollout undo deploy/api`")]
    [InlineData("``kubectl rollout undo deploy/api``")]
    public void A_paragraph_telling_to_run_its_code_span_runs_it_in_the_step_of_its_heading(string paragraph)
    {
        var runbook = Runbook(Import($"""
            # API

            ## Mitigation

            1. Scale out: `kubectl -n api scale deploy/api --replicas=10`

            ## Rollback

            {paragraph}
            """));

        var step = Assert.Single(runbook.Rollback!.Steps);
        Assert.Equal("Rollback", step.Title);
        Assert.Equal("kubectl rollout undo deploy/api", Assert.IsType<RunAction>(Assert.Single(step.Actions)).Command);
    }

    [Theory]
    [InlineData("Drain the `payments` queue first")]
    [InlineData("Set `replicas` to 4 on `deploy/api`")]
    [InlineData("Scale out with `kubectl scale` when the queue grows")]
    [InlineData("Queue: `payments`")]
    [InlineData("Use `kubectl`")]
    [InlineData("Example: `kubectl -n api get pods`")]
    [InlineData("Never run: `kubectl delete ns api`")]
    [InlineData("Do not use `redis-cli FLUSHALL`")]
    [InlineData("Unless the pods are stuck: `kubectl -n api delete pod -l app=api`")]
    [InlineData("**Warning:** `kubectl delete ns api`")]
    [InlineData("Run `kubectl get pods` and `kubectl get svc`")]
    [InlineData("Check: `aws_region: eu-west-1`")]
    public void A_code_span_that_names_something_or_is_not_an_order_to_run_it_stays_text(string item)
    {
        var project = Import($$"""
            # API

            ## Mitigation

            - {{item}}
            - Tell #incidents what you did
            {{Rollback}}
            """);

        var actions = Runbook(project).Phases[0].Steps.SelectMany(s => s.Actions).ToList();
        Assert.DoesNotContain(actions, a => a is RunAction);
    }

    [Fact]
    public void An_inline_command_goes_the_way_fenced_code_goes_parameters_secrets_and_warnings_alike()
    {
        string[] commands =
        [
            "kubectl -n api delete pod $POD",
            "curl -fsS -H \"Authorization: Bearer sk_live_abcdefghijklmnop1234\" https://status.example.com/page",
            "aws logs tail /api --region eu-central-1",
            "aws ecs list-tasks --region eu-central-1",
        ];
        var inline = Import($$"""
            # API

            ## Mitigation

            {{string.Join("\n", commands.Select((c, i) => $"{i + 1}. Do {i + 1}: `{c}`"))}}
            {{Rollback}}
            """);
        var fenced = Import($$"""
            # API

            ## Mitigation

            {{string.Join("\n", commands.Select((c, i) => $"{i + 1}. **Do {i + 1}**\n   ```bash\n   {c}\n   ```"))}}
            {{Rollback}}
            """);

        static List<string> Runs(RunbookImporter.GeneratedProject project) => Assert.Single(project.Document.Runbooks).Phases[0].Steps
            .Select(s => s.Title + ": " + string.Concat(Assert.IsType<RunAction>(Assert.Single(s.Actions)).Parts.Select(p => p.Parameter is null ? p.Text : "{" + p.Parameter + "}")))
            .ToList();
        Assert.Equal(Runs(fenced), Runs(inline));
        Assert.Equal(["Do 1: kubectl -n api delete pod $POD", "Do 2: curl -fsS -H \"Authorization: Bearer {ApiToken}\" https://status.example.com/page",
            "Do 3: aws logs tail /api --region {Region}", "Do 4: aws ecs list-tasks --region {Region}"], Runs(inline));
        Assert.Contains(inline.Warnings, w => w.Contains("reads $POD", StringComparison.Ordinal));
        Assert.DoesNotContain("sk_live_abcdefghijklmnop1234", string.Concat(inline.Files.Values), StringComparison.Ordinal);
        Assert.DoesNotContain(InMemoryCompiler.Compile(inline.Files), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void A_command_sub_item_of_a_step_runs_in_that_step()
    {
        var runbook = Runbook(Import($$"""
            # API

            ## Mitigation

            1. **Restart the API**
               - Check the pods first: `kubectl -n api get pods`
               - Tell #incidents
               ```bash
               kubectl -n api rollout restart deploy/api
               ```
            {{Rollback}}
            """));

        var step = Assert.Single(runbook.Phases[0].Steps);
        Assert.Equal(["Note Check the pods first", "Run kubectl -n api get pods", "Instruction Tell #incidents", "Run kubectl -n api rollout restart deploy/api"],
            step.Actions.Select(a => a switch { RunAction r => "Run " + r.Command, InstructionAction i => "Instruction " + i.Text, NoteAction n => "Note " + n.Text, _ => a.GetType().Name }));
    }

    [Fact]
    public void A_command_item_alone_is_titled_by_its_command()
    {
        var runbook = Runbook(Import($$"""
            # API

            ## Triage

            - `kubectl -n api get pods`
            - Run `kubectl -n api get events`
            {{Rollback}}
            """));

        Assert.Equal(["kubectl -n api get pods", "kubectl -n api get events"], runbook.Phases[0].Steps.Select(s => s.Title));
    }

    [Fact]
    public void A_command_under_a_bare_step_number_runs_in_that_step_titled_by_its_lead_in()
    {
        var runbook = Runbook(Import($$"""
            # API

            ## Mitigation

            **Step 1**

            Drain the node: `kubectl drain node-1 --ignore-daemonsets`

            **Step 2**

            `kubectl uncordon node-1`
            {{Rollback}}
            """));

        Assert.Equal(["Drain the node: Run kubectl drain node-1 --ignore-daemonsets", "Step 2: Run kubectl uncordon node-1"],
            runbook.Phases[0].Steps.Select(Describe));
    }

    [Fact]
    public void An_item_with_a_command_and_words_under_it_runs_the_command_and_keeps_the_words()
    {
        var runbook = Runbook(Import($$"""
            # API

            ## Triage

            1. Check the pods: `kubectl -n api get pods`
               - look for CrashLoopBackOff
            2. Tell #incidents what you saw
            {{Rollback}}
            """));

        Assert.Equal(["Check the pods: Run kubectl -n api get pods | Instruction look for CrashLoopBackOff",
            "Tell #incidents what you saw: Instruction Tell #incidents what you saw"], runbook.Phases[0].Steps.Select(Describe));
    }

    [Theory]
    [InlineData("To roll back, run `kubectl rollout undo deploy/api`.", "Roll back")]
    [InlineData("To undo the scale-out, execute: `kubectl rollout undo deploy/api`", "Undo the scale-out")]
    public void A_command_after_what_it_is_for_is_a_step_titled_by_its_purpose(string item, string title)
    {
        var runbook = Runbook(Import($$"""
            # API

            ## Mitigation

            - {{item}}
            {{Rollback}}
            """));

        Assert.Equal([$"{title}: Run kubectl rollout undo deploy/api"], runbook.Phases[0].Steps.Select(Describe));
    }

    /// <summary>
    /// "Restart the pods with `kubectl rollout restart deploy/api`" was an instruction: the engineer copied the command by
    /// hand and the runner could not run it. The order before the means (with, using, via, by running, a colon and run)
    /// titles a step that runs it.
    /// </summary>
    [Theory]
    [InlineData("Restart the pods with `kubectl -n api rollout restart deploy/api`", "Restart the pods", "kubectl -n api rollout restart deploy/api")]
    [InlineData("Restart the pods with:  `kubectl -n api rollout restart deploy/api`", "Restart the pods", "kubectl -n api rollout restart deploy/api")]
    [InlineData("Check the consumer lag using `kafka-consumer-groups.sh --describe --group api`.", "Check the consumer lag", "kafka-consumer-groups.sh --describe --group api")]
    [InlineData("Follow the rollout by running `kubectl -n api rollout status deploy/api`", "Follow the rollout", "kubectl -n api rollout status deploy/api")]
    [InlineData("Check the health with the following command: `curl -fsS http://api.internal/health`", "Check the health", "curl -fsS http://api.internal/health")]
    [InlineData("Look at the events: run `kubectl -n api get events`", "Look at the events", "kubectl -n api get events")]
    [InlineData("Look at the events, then run `kubectl -n api get events`", "Look at the events", "kubectl -n api get events")]
    [InlineData("Proceed with the rollback using `kubectl -n api rollout undo deploy/api`", "Proceed with the rollback", "kubectl -n api rollout undo deploy/api")]
    [InlineData("Open the tunnel via `ssh -N -L 5432:db:5432 bastion`", "Open the tunnel", "ssh -N -L 5432:db:5432 bastion")]
    public void A_command_after_an_order_and_its_means_is_a_step_titled_by_the_order(string item, string title, string command)
    {
        var project = Import($$"""
            # API

            ## Mitigation

            - {{item}}
            - Tell #incidents what you did
            {{Rollback}}
            """);

        var steps = Runbook(project).Phases[0].Steps;
        Assert.Equal($"{title}: Run {command}", Describe(steps[0]));
        Assert.Equal("Tell #incidents what you did: Instruction Tell #incidents what you did", Describe(steps[1]));
        Assert.DoesNotContain(InMemoryCompiler.Compile(project.Files), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void A_paragraph_giving_the_means_of_a_rollback_runs_it()
    {
        var runbook = Runbook(Import("""
            # API

            ## Mitigation

            1. Scale out: `kubectl -n api scale deploy/api --replicas=10`

            ## Rollback

            Roll back with `kubectl -n api rollout undo deploy/api`.
            """));

        Assert.Equal(["Roll back: Run kubectl -n api rollout undo deploy/api"], runbook.Rollback!.Steps.Select(Describe));
    }

    [Fact]
    public void A_case_whose_order_gives_its_means_runs_only_if_it_holds_and_so_does_its_other_case()
    {
        var runbook = Runbook(Import($$"""
            # API

            ## Mitigation

            - If the queue is stuck, restart the consumer with `kubectl -n api rollout restart deploy/consumer`
            - Otherwise, scale it using `kubectl -n api scale deploy/consumer --replicas=6`
            {{Rollback}}
            """));

        var steps = runbook.Phases[0].Steps;
        Assert.Equal(["Restart the consumer: Run kubectl -n api rollout restart deploy/consumer", "Otherwise, scale it: Run kubectl -n api scale deploy/consumer --replicas=6"],
            steps.Select(Describe));
        Assert.Equal("Whether the queue is stuck", Assert.IsType<ImportedChoice>(steps[0].Choice).Title);
        Assert.Same(steps[0].Choice, steps[1].Choice);
    }

    /// <summary>
    /// A code span after "with" that is no command — a file, a metric, a flag alone, a value — names something, and a
    /// sentence that says what someone did or does, or forbids, is no order to run it: each stays an instruction.
    /// </summary>
    [Theory]
    [InlineData("Edit the limits with `config.yaml`")]
    [InlineData("Watch the dashboard using `http_5xx_rate`")]
    [InlineData("Re-run the job with `--force`")]
    [InlineData("Set the feature flag with `true`")]
    [InlineData("Open the dashboard with `grafana`")]
    [InlineData("Restarted the pods with `kubectl -n api rollout restart deploy/api`")]
    [InlineData("The pods are restarted with `kubectl -n api rollout restart deploy/api`")]
    [InlineData("We restart the pods with `kubectl -n api rollout restart deploy/api`")]
    [InlineData("You can restart the pods with `kubectl -n api rollout restart deploy/api`")]
    [InlineData("Never restart the pods with `kubectl -n api delete pod -l app=api`")]
    [InlineData("Unless the pods are stuck, restart them with `kubectl -n api delete pod -l app=api`")]
    [InlineData("Otherwise, restart them with `kubectl -n api delete pod -l app=api`")]
    [InlineData("Restart the pods with `kubectl rollout restart` when the queue grows")]
    [InlineData("Open a shell and run `kubectl -n api exec -it deploy/api -- sh`")]
    public void A_code_span_after_with_that_is_no_command_or_a_sentence_that_is_no_order_stays_an_instruction(string item)
    {
        var runbook = Runbook(Import($$"""
            # API

            ## Mitigation

            - {{item}}
            - Tell #incidents what you did
            {{Rollback}}
            """));

        var actions = runbook.Phases[0].Steps.SelectMany(s => s.Actions).ToList();
        Assert.DoesNotContain(actions, a => a is RunAction);
        Assert.Equal(item, Assert.IsType<InstructionAction>(actions[0]).Text);
    }

    [Fact]
    public void A_bold_verify_part_over_inline_commands_is_the_verification()
    {
        var project = Import("""
            # Database Failover

            ## Procedures

            ### Procedure: Promote the replica

            **Steps**

            1. Promote: `kubectl exec -n ledger db-replica-0 -- pg_ctl promote`

            **Verify**

            - `kubectl exec -n ledger db-replica-0 -- pg_isready`

            **Rollback**

            - Run `kubectl rollout undo deploy/ledger-api -n ledger`
            """);

        var runbook = Runbook(project);
        Assert.Equal(["Promote: Run kubectl exec -n ledger db-replica-0 -- pg_ctl promote"], runbook.Phases.SelectMany(p => p.Steps).Select(Describe));
        Assert.Equal("kubectl exec -n ledger db-replica-0 -- pg_isready", Assert.IsType<RunAction>(Assert.Single(Assert.Single(runbook.Verification!.Steps).Actions)).Command);
        Assert.IsType<RunAction>(Assert.Single(Assert.Single(runbook.Rollback!.Steps).Actions));
        Assert.DoesNotContain("no actions in the source document", string.Concat(project.Files.Values), StringComparison.Ordinal);
    }

    /// <summary>
    /// The warnings about a command's variables said "this shell block" for a command written inline, so the author looked
    /// for a fence on a line that had none: they now say where the command was written.
    /// </summary>
    [Fact]
    public void A_warning_about_an_inline_command_says_it_was_written_inline()
    {
        var project = Import("""
            # API

            ## Mitigation

            1. Call the admin API: `curl -fsS -H "Authorization: Bearer $TOKEN" https://api.internal/admin/drain`
            2. Drain it: `NODE=node-1; kubectl drain $NODE`

            """ + Rollback);

        Assert.Contains("api.md: line 5: the command written inline reads $TOKEN, which nothing in it sets: each Run(...) starts a fresh shell, so it runs with it empty unless the engineer's environment has it (`rm -rf $DIR/` would be `rm -rf /`): make it a parameter, or set it in the command", project.Warnings);
        Assert.DoesNotContain(project.Warnings, w => w.Contains("shell block", StringComparison.Ordinal));
    }

    [Fact]
    public void A_warning_about_a_command_in_a_table_names_its_row()
    {
        var project = Import("""
            # API

            ## Mitigation

            | Step | Command |
            |---|---|
            | Drain the node | `kubectl drain $NODE` |

            """ + Rollback);

        Assert.Contains(project.Warnings, w => w.Contains("line 5: the command in the 'Command' column of row 'Drain the node' reads $NODE, which nothing in it sets", StringComparison.Ordinal));
        Assert.DoesNotContain(project.Warnings, w => w.Contains("shell block", StringComparison.Ordinal));
    }
}
