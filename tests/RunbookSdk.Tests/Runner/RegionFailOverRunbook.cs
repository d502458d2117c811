namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A runbook that drains a region, then fails over, the fail-over failing until <see cref="Heal"/>: a first run stops
/// there and a resume goes on. It records the <c>Region</c> each step ran with and the <c>ApiToken</c> (a secret) the
/// fail-over was handed, for the tests of which values a resume takes from its journal.
/// </summary>
internal sealed class RegionFailOverRunbook : IDisposable
{
    private bool _fails = true;

    public RegionFailOverRunbook() =>
        Run = new TestRun(rb => rb
                .Phase("Mitigate", p => p
                    .Step("Drain the region", s => s.Execute("drain", ctx =>
                    {
                        Regions.Add(ctx.Parameters["Region"]);
                        return Task.CompletedTask;
                    }))
                    .Step("Fail over", s => s.Execute("fail over", ctx =>
                    {
                        Regions.Add(ctx.Parameters["Region"]);
                        Tokens.Add(ctx.Parameters["ApiToken"]);
                        return _fails ? throw new InvalidOperationException("not yet") : Task.CompletedTask;
                    })))
                .NoRollback("test"))
            .Parameter("Region", "us-east-1")
            .Parameter("ApiToken", "", secret: true);

    public TestRun Run { get; }

    /// <summary>The region each step ran with, in order, across runs.</summary>
    public List<string> Regions { get; } = [];

    /// <summary>The token each fail-over was handed, in order, across runs.</summary>
    public List<string> Tokens { get; } = [];

    /// <summary>Lets the fail-over succeed from now on: the resume after the failed run.</summary>
    public void Heal() => _fails = false;

    public void Dispose() => Run.Dispose();
}
