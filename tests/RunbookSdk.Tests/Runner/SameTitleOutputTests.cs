using RunbookSdk.Execution;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// Two steps of one title (a rollback step named as the phase step it undoes, "Switch off maintenance mode" in the
/// project template) are fine, but what an observer (the incident issue) is told of a step is that step's own output.
/// Before, the output was looked up by title, so a rollback step that failed, or C# code that printed nothing, was
/// reported with what the phase step of its title had printed.
/// </summary>
public sealed class SameTitleOutputTests
{
    [Fact]
    public async Task A_step_is_reported_with_its_own_output_not_that_of_an_earlier_step_of_its_title()
    {
        using var run = new TestRun(rb => rb
            .Phase("Mitigate", p => p
                .Step("Switch off maintenance mode", s => s.Run("echo maintenance-was-switched-off"))
                .Step("Deploy", s => s.Run("exit 1")))
            .Rollback(r => r.Step("Switch off maintenance mode", s => s.Run("exit 3")))
            .Verification(v => v.Step("Switch off maintenance mode", s => s.Execute("check", _ => Task.CompletedTask))));
        var observer = new StepObserver();

        await run.RunAsync(TestRun.NonInteractive with { Observers = [observer] });

        var steps = observer.Steps.Where(s => s.Step == "Switch off maintenance mode").ToArray();
        Assert.Equal(["phase-1", "rollback", "verification"], steps.Select(s => s.Section));
        Assert.Contains("maintenance-was-switched-off", steps[0].Detail);
        Assert.DoesNotContain("maintenance-was-switched-off", steps[1].Detail);
        Assert.Null(steps[2].Detail);
    }

    private sealed class StepObserver : IRunObserver
    {
        private readonly List<StepFinishedEvent> _steps = [];

        public string Name => "Steps";
        public IReadOnlyList<StepFinishedEvent> Steps { get { lock (_steps) return _steps.ToArray(); } }

        public Task RunStartedAsync(RunStartedEvent run, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StepFinishedAsync(StepFinishedEvent step, CancellationToken cancellationToken)
        {
            lock (_steps) _steps.Add(step);
            return Task.CompletedTask;
        }

        public Task RunEndedAsync(RunEndedEvent run, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
