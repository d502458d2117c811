using System.Linq;
using Microsoft.CodeAnalysis;

namespace RunbookSdk.Generators;

/// <summary>
/// Diagnostics the generator itself reports (RB01xx). The runbook rule catalog (RB0001-RB0024) lives in the analyzers.
/// The generator only reports what it alone can know: that the docs it wrote may not be what runs.
/// </summary>
internal static class GeneratorDiagnostics
{
    private const string Category = "RunbookSdk.Generator";
    private const string HelpBase = "https://github.com/runbooksdk/runbooksdk/blob/main/docs/rules/";

    public static readonly DiagnosticDescriptor UnreadableDefinition = new(
        "RB0101",
        "Runbook definition cannot be read statically",
        "{0}: the generator cannot read '{1}' statically, so the generated docs may not describe what the runner does; {2}",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpBase + "RB0101.md");

    public static readonly DiagnosticDescriptor TemplateError = new(
        "RB0102",
        "Documentation template has errors",
        "Template '{0}' has errors, the built-in template is used instead: {1}",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpBase + "RB0102.md");

    public static readonly DiagnosticDescriptor NoParameterlessConstructor = new(
        "RB0103",
        "Runbook or handbook needs a public parameterless constructor",
        "'{0}' needs a public parameterless constructor: the runner creates it and binds parameters through properties",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "RB0103.md");

    // An error, as RB0105 is: a runbook left without a runner is found missing only when someone needs to run it, and a
    // build that succeeds without it says nothing is wrong. A team can lower it in a .globalconfig until a fix ships.
    public static readonly DiagnosticDescriptor InternalError = new(
        "RB0104",
        "The runbook generator failed",
        "The runbook generator failed on the {0} ({1}; the rest of the project was still generated): this is a bug in RunbookSdk, please report it with this message: {2}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "RB0104.md");

    public static readonly DiagnosticDescriptor UnreachableClass = new(
        "RB0105",
        "Runbook or handbook class cannot be reached by the runner",
        "'{0}' cannot be reached by the runner because {1}; no runner or page is generated for it: {2}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "RB0105.md");

    // An error: the project's runbooks would get no runner and no page, and an app no Main (CS5001, which names no cause).
    public static readonly DiagnosticDescriptor TransitiveReferenceOnly = new(
        "RB0106",
        "RunbookSdk is referenced only through another project",
        "{0} declares {1} but gets RunbookSdk only through a project it references, so no runner, page or entry point is generated for it: add <PackageReference Include=\"RunbookSdk\" /> to {0}'s project file",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "RB0106.md");

    private static readonly DiagnosticDescriptor[] All = { UnreadableDefinition, TemplateError, NoParameterlessConstructor, InternalError, UnreachableClass, TransitiveReferenceOnly };

    public static DiagnosticDescriptor ById(string id) => All.First(d => d.Id == id);
}
