using System.Linq;
using Microsoft.CodeAnalysis;
using RunbookSdk.Generators.Docs;
using RunbookSdk.Generators.Model;

namespace RunbookSdk.Generators;

/// <summary>
/// A project that gets RunbookSdk only through a project it references (a runbook app referencing the shared handbook
/// library, without a <c>PackageReference</c> of its own). NuGet hands it the package's analyzers, and
/// <c>buildTransitive/RunbookSdk.targets</c> keeps only this generator there, with <see cref="Property"/> set: generating
/// its catalog would clash with a referenced app's (CS0436), and its build does not write docs. Its runbooks would be
/// left without runner and page, and an app without <c>Main</c> (CS5001, which says nothing of why), so they get RB0106.
/// </summary>
internal static class TransitiveReference
{
    /// <summary>The MSBuild property (compiler-visible) that marks such a project.</summary>
    public const string Property = "RunbookSdkTransitiveOnly";

    /// <summary>Reports RB0106 once for the project when it is such a project and declares runbooks or handbooks.</summary>
    public static void Report(SourceProductionContext context, EquatableArray<RunbookSummary> runbooks, EquatableArray<HandbookSummary> handbooks, bool transitiveOnly, string project)
    {
        if (!transitiveOnly || (runbooks.Count == 0 && handbooks.Count == 0)) return;
        var declared = runbooks.Select(r => "runbook '" + r.Id + "'").Concat(handbooks.Select(h => "handbook '" + h.Id + "'")).ToArray();
        var what = declared.Length <= 3 ? string.Join(", ", declared) : string.Join(", ", declared.Take(3)) + " and " + (declared.Length - 3) + " more";
        context.ReportDiagnostic(Diagnostic.Create(GeneratorDiagnostics.TransitiveReferenceOnly, Location.None, project, what));
    }
}
