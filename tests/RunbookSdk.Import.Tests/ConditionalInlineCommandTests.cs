using Microsoft.CodeAnalysis;
using RunbookSdk.Import.Model;
using RunbookSdk.Import.Source;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// Wikis write a command for a case inline: <c>- If the pods are stuck: `kubectl delete pod -l app=api`</c>. Such an item
/// stayed an instruction, so the runner asked the engineer to type the command by hand and the runbook ran nothing for
/// it. It is now a step of its own that runs the command only if the case holds (<c>OnlyIf</c>), as a heading's
/// <c>(if …)</c> clause and a sub-item with a fenced block for a case already were.
/// </summary>
public sealed class ConditionalInlineCommandTests
{
    private static RunbookImporter.GeneratedProject Import(string steps) =>
        RunbookImporter.Generate(MarkdownSource.FromText("api.md", $"""
            # API

            ## Playbook: API down

            ### Mitigation (0-15 minutes)

            {steps}

            ### Rollback

            ```bash
            helm rollback api
            ```

            ### Verify

            ```bash
            curl -f http://api/health
            ```
            """), "Api", allowIncomplete: true, Path.Combine(Seeds.RepositoryRoot, "artifacts", "conditional-inline"), Seeds.RepositoryRoot);

    private static List<ImportedStep> Steps(RunbookImporter.GeneratedProject project) =>
        Assert.Single(project.Document.Runbooks).Phases.SelectMany(p => p.Steps).ToList();

    private static string Describe(ImportedStep step) =>
        step.Title + (step.Condition is { } condition ? $" [only if {condition}]" : "") + ": " + string.Join(" | ", step.Actions.Select(a => a switch
        {
            RunAction run => "Run " + run.Command,
            InstructionAction instruction => "Instruction " + instruction.Text,
            NoteAction note => "Note " + note.Text,
            _ => a.GetType().Name,
        }));

    private static void AssertCompiles(RunbookImporter.GeneratedProject project)
    {
        var errors = InMemoryCompiler.Compile(project.Files).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, InMemoryCompiler.Describe(errors) + "\n\n" + string.Join("\n\n", project.Files.Values));
    }

    [Fact]
    public void A_list_item_with_a_command_for_a_case_is_a_step_that_runs_it_only_if_the_case_holds()
    {
        var project = Import("""
            - Check the dashboard
            - If the pods are stuck: `kubectl delete pod -l app=api`
            - When the queue is over 10k, run `kubectl scale deploy/worker --replicas=10`
            - If the lag keeps growing, restart the consumer: `kubectl rollout restart deploy/consumer`
            """);

        Assert.Equal([
            "Check the dashboard: Instruction Check the dashboard",
            "If the pods are stuck [only if the pods are stuck]: Run kubectl delete pod -l app=api",
            "When the queue is over 10k [only if the queue is over 10k]: Run kubectl scale deploy/worker --replicas=10",
            "Restart the consumer [only if the lag keeps growing]: Run kubectl rollout restart deploy/consumer",
        ], Steps(project).Select(Describe));
        var code = string.Join("\n", project.Files.Values);
        Assert.Contains(".Step(\"If the pods are stuck\", s => s\n                .OnlyIf(\"the pods are stuck\")", code, StringComparison.Ordinal);
        AssertCompiles(project);
    }

    [Fact]
    public void A_paragraph_with_a_command_for_a_case_is_such_a_step_too()
    {
        var project = Import("""
            ```bash
            kubectl get pods -l app=api
            ```

            If the pods are stuck: `kubectl delete pod -l app=api`
            """);

        Assert.Equal("If the pods are stuck [only if the pods are stuck]: Run kubectl delete pod -l app=api", Describe(Steps(project)[^1]));
        Assert.Equal("Run kubectl get pods -l app=api", string.Join(" | ", Steps(project)[0].Actions.OfType<RunAction>().Select(r => "Run " + r.Command)));
        AssertCompiles(project);
    }

    [Fact]
    public void A_sub_item_with_a_command_for_a_case_is_a_branch_after_its_step()
    {
        var project = Import("""
            1. **Check the pods**
               ```bash
               kubectl get pods -l app=api
               ```
               - If the pods are stuck: `kubectl delete pod -l app=api`
               - Tell #incidents what you found
            """);

        Assert.Equal([
            "Check the pods: Run kubectl get pods -l app=api",
            "Check the pods: If the pods are stuck [only if the pods are stuck]: Run kubectl delete pod -l app=api",
            "Check the pods (continued): Instruction Tell #incidents what you found",
        ], Steps(project).Select(Describe));
        Assert.Contains(project.Warnings, w => w.Contains("the sub-item 'If the pods are stuck' of step 'Check the pods' has a command for a case: imported as a step of its own that runs only if the pods are stuck (OnlyIf)", StringComparison.Ordinal));
        AssertCompiles(project);
    }

    [Fact]
    public void An_otherwise_item_after_a_case_is_the_other_option_of_one_decision()
    {
        var project = Import("""
            - Check the error rate: `curl -fsS http://api/metrics`
            - If the last deploy is under an hour old: `helm rollback api`
            - Otherwise, restart the pods: `kubectl rollout restart deploy/api`
            - Tell #incidents what you did
            """);

        // "Otherwise" stayed words after a step that ran only if the deploy was recent: the engineer was asked to
        // restart the pods by hand whatever the case.
        var steps = Steps(project);
        Assert.Equal([
            "Check the error rate: Run curl -fsS http://api/metrics",
            "If the last deploy is under an hour old: Run helm rollback api",
            "Otherwise, restart the pods: Run kubectl rollout restart deploy/api",
            "Tell #incidents what you did: Instruction Tell #incidents what you did",
        ], steps.Select(Describe));
        Assert.Same(steps[1].Choice, steps[2].Choice);
        Assert.Equal("Whether the last deploy is under an hour old", steps[1].Choice!.Title);
        Assert.Null(steps[3].Choice);
        Assert.Contains(project.Warnings, w => w.Contains("'Otherwise, restart the pods' is the other case of 'If the last deploy is under an hour old': imported as OneOf(\"Whether the last deploy is under an hour old\")", StringComparison.Ordinal));
        AssertCompiles(project);
        Assert.Contains(".OneOf(\"Whether the last deploy is under an hour old\"", string.Join("\n", project.Files.Values), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("- Otherwise: `kubectl rollout restart deploy/api`")]
    [InlineData("- Else, run `kubectl rollout restart deploy/api`")]
    public void Otherwise_in_any_form_joins_the_case_before_it(string otherwise)
    {
        var project = Import("- If the last deploy is under an hour old: `helm rollback api`\n" + otherwise);

        var steps = Steps(project);
        Assert.Equal(2, steps.Count);
        Assert.NotNull(steps[0].Choice);
        Assert.Same(steps[0].Choice, steps[1].Choice);
        Assert.Equal(["kubectl rollout restart deploy/api"], steps[1].Actions.OfType<RunAction>().Select(r => r.Command));
        AssertCompiles(project);
    }

    [Theory]
    [InlineData("- Unless the pods are stuck: `kubectl delete pod -l app=api`")]
    [InlineData("- Otherwise: `kubectl delete pod -l app=api`")]
    [InlineData("- If the pods are stuck, delete them `kubectl delete pod -l app=api`")]
    [InlineData("- If you are unsure what `kubectl delete pod` does, ask")]
    public void A_case_without_an_order_to_run_stays_words(string item)
    {
        var project = Import("- Check the dashboard\n" + item);

        Assert.DoesNotContain(Steps(project), s => s.Actions.OfType<RunAction>().Any());
    }
}
