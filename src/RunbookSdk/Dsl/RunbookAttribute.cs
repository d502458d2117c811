namespace RunbookSdk;

/// <summary>
/// Marks a class deriving from <see cref="Runbook"/> as a runbook with a stable, kebab-case id.
/// The source generator emits a runner and markdown documentation for every class carrying it.
/// </summary>
/// <param name="id">Stable kebab-case id, e.g. <c>omnix-api-lambda-failure</c>. Used on the command line and in file names.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RunbookAttribute(string id) : Attribute
{
    /// <summary>The runbook's stable id.</summary>
    public string Id { get; } = id;
}

/// <summary>
/// Marks a class deriving from <see cref="Handbook"/> as a handbook: the parts of an incident-response
/// document that all of its runbooks share (severities, SLOs, escalation, contacts, templates).
/// </summary>
/// <param name="id">Stable kebab-case id of the handbook.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class HandbookAttribute(string id) : Attribute
{
    /// <summary>The handbook's stable id.</summary>
    public string Id { get; } = id;
}

/// <summary>
/// Declares a property of a runbook as a typed parameter, bound from <c>name=value</c> on the command line.
/// The property's initializer is its default value.
/// </summary>
/// <param name="description">What the parameter means, shown in the parameters table of the docs and in <c>--help</c>.</param>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class ParameterAttribute(string? description = null) : Attribute
{
    /// <summary>What the parameter means.</summary>
    public string? Description { get; } = description;

    /// <summary>
    /// When true, the run refuses to start until a value is given. A property declared with C#'s <c>required</c>
    /// modifier is required the same way.
    /// </summary>
    // set, not init: an attribute's named argument needs only a setter, and init is C# 9, so with init a project
    // pinned to an older LangVersion could not write Required = true at all (CS8400).
    public bool Required { get; set; }
}

/// <summary>
/// Marks a parameter as secret: its value is masked in the docs, the console, dry-run plans and the journal,
/// and in any command output that happens to contain it.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class SecretAttribute : Attribute;
