namespace RunbookSdk;

/// <summary>
/// Base class of every runbook. Derive, add <see cref="RunbookAttribute"/>, declare parameters as
/// properties with <see cref="ParameterAttribute"/>, and describe the runbook in <see cref="Define"/>.
/// Declare the class <c>partial</c> so the generator can add its runner.
/// </summary>
public abstract class Runbook
{
    /// <summary>Describes the runbook through the fluent builder. Called once per run and once per docs rendering.</summary>
    /// <param name="rb">The builder that records the runbook's sections and steps.</param>
    public abstract void Define(IRunbookBuilder rb);

    /// <summary>The handbook type this runbook belongs to, or null for a standalone runbook.</summary>
    public virtual Type? HandbookType => null;
}

/// <summary>
/// A runbook that belongs to a handbook: it inherits the handbook's escalation policy, severity definitions,
/// contacts and communication templates.
/// </summary>
/// <typeparam name="THandbook">The handbook this runbook belongs to.</typeparam>
public abstract class Runbook<THandbook> : Runbook
    where THandbook : Handbook, new()
{
    /// <inheritdoc />
    public sealed override Type? HandbookType => typeof(THandbook);
}

/// <summary>
/// Base class of a handbook: the shared parts of an incident-response document. Derive, add
/// <see cref="HandbookAttribute"/>, and describe it in <see cref="Define"/>.
/// </summary>
public abstract class Handbook
{
    /// <summary>Describes the handbook through the fluent builder.</summary>
    /// <param name="hb">The builder that records the handbook's sections.</param>
    public abstract void Define(IHandbookBuilder hb);
}
