using System.Collections.Generic;
using System.Linq;
using RunbookSdk.Generators.Model;

using RunbookSdk.Generators.Docs;

namespace RunbookSdk.Generators.Emitting;

/// <summary>Emits the assembly's catalog, each handbook's descriptor, and (for runbook apps) the entry point.</summary>
internal static class CatalogEmitter
{
    private const string Hosting = "global::RunbookSdk.Hosting.";

    public static string EmitHandbook(HandbookModel handbook, string documentation)
    {
        var w = RunbookEmitter.Header("handbook " + handbook.Type.FullName, fileScopedNamespace: false);
        RunbookEmitter.OpenPart(w, Hosting + "HandbookDescriptor", handbook.Type.MemberName,
            "Descriptor of <see cref=\"" + handbook.Type.GlobalName + "\"/> (" + handbook.Id + ").");
        w.Line("Id = " + CodeWriter.Literal(handbook.Id) + ",");
        w.Line("Title = " + CodeWriter.Literal(handbook.Document.Title ?? handbook.Type.Name) + ",");
        w.Line("HandbookType = typeof(" + handbook.Type.GlobalName + "),");
        w.Line("Create = static () => new " + handbook.Type.GlobalName + "(),");
        w.Line("DocumentFileName = " + CodeWriter.Literal(handbook.Id + ".md") + ",");
        w.Line("Documentation = " + RunbookEmitter.Utf8Text(documentation) + ",");
        w.Close(";");
        RunbookEmitter.ClosePart(w);
        return w.ToString();
    }

    public static string EmitCatalog(IEnumerable<RunbookSummary> runbooks, IEnumerable<HandbookSummary> handbooks, string indexDocumentation, bool entryPoint)
    {
        var w = RunbookEmitter.Header("the runbooks and handbooks of this assembly");
        w.Line("/// <summary>Every runbook and handbook of this assembly, ordered by id.</summary>");
        w.Open("internal static partial class " + RunbookEmitter.CatalogClass);
        w.Line("public static " + Hosting + "RunbookCatalog Catalog { get; } = new(");
        w.Line("    new " + Hosting + "RunbookDescriptor[] { " + string.Join(", ", runbooks.Select(r => r.MemberName)) + " },");
        w.Line("    new " + Hosting + "HandbookDescriptor[] { " + string.Join(", ", handbooks.Select(h => h.MemberName)) + " },");
        w.Line("    " + RunbookEmitter.Utf8Text(indexDocumentation) + ");");
        w.Close();
        if (entryPoint)
        {
            w.Line();
            w.Line("/// <summary>The runbook app's entry point: list, docs and run.</summary>");
            w.Open("internal static class RunbookProgram");
            w.Line("public static global::System.Threading.Tasks.Task<int> Main(string[] args) => " + Hosting + "RunbookHost.RunAsync(args, " + RunbookEmitter.CatalogClass + ".Catalog);");
            w.Close();
        }
        return w.ToString();
    }
}
