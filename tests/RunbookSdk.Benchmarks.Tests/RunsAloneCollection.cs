namespace RunbookSdk.Benchmarks.Tests;

/// <summary>
/// Tests that read what belongs to the whole process, so no other test may run while they do: an allocation count is
/// every thread's allocations, and a report's output is the process's one console. xUnit runs such a collection after
/// the parallel ones, one test at a time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAloneCollection
{
    public const string Name = "Runs alone";
}
