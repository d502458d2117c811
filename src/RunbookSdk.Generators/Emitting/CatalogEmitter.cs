using System.Collections.Generic;
using System.Linq;
using System.Text;
using RunbookSdk.Generators.Model;

using RunbookSdk.Generators.Docs;
using RunbookSdk.Generators.Reading;
using RunbookSdk.Hosting;

namespace RunbookSdk.Generators.Emitting;

/// <summary>Emits each handbook's part, the assembly's catalog and (for runbook apps) the entry point.</summary>
internal static class CatalogEmitter
{
    private const string Hosting = "global::RunbookSdk.Hosting.";

    /// <summary>A handbook's part: the class, its identity and its page.</summary>
    public static string EmitHandbook(HandbookModel handbook, string documentation)
    {
        var header = new DescriptorEncoding.Writer()
            .Value(DescriptorEncoding.IdRecord, handbook.Id)
            .Value(DescriptorEncoding.TitleRecord, handbook.Document.Title ?? handbook.Type.Name)
            .Value(DescriptorEncoding.FileRecord, handbook.Id + ".md");
        foreach (var severity in handbook.Severities)
            header.SeverityLevel(severity.Key, severity.Name, severity.Response?.Value, severity.Response?.Source);
        foreach (var level in handbook.Document.Escalation)
            header.Escalation(level.Who, level.After.Value, level.After.Source, level.Contact);
        foreach (var communication in handbook.Document.Communications.Where(c => c.NameIsConstant))
            header.Communication(communication.Name, communication.Template, communication.Channel);
        header.Value(DescriptorEncoding.CommunicationsKnownRecord, handbook.Document.Communications.All(c => c.NameIsConstant) ? "1" : "0");
        return RunbookEmitter.Part("handbook", handbook.Type, "GeneratedHandbook", header.ToString(), documentation);
    }

    /// <summary>
    /// <paramref name="text"/> with each half of a surrogate pair that stands alone (an emoji cut in half in a title)
    /// replaced by U+FFFD. Such a string is valid C#, but a UTF-8 literal holding it is not (CS9026), and the whole
    /// project failed to build; U+FFFD is also what the runtime reads from the pages, which attributes store as UTF-8.
    /// </summary>
    private static string WellFormed(string text)
    {
        StringBuilder? fixedText = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                fixedText?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (char.IsSurrogate(c)) (fixedText ??= new StringBuilder(text, 0, i, text.Length)).Append('\uFFFD');
            else fixedText?.Append(c);
        }

        return fixedText?.ToString() ?? text;
    }

    /// <summary>
    /// How the catalog names a library's assembly: through a public runbook class of it, which the compiler checks;
    /// by name when it has none (the runtime finds it where it found the app's references).
    /// </summary>
    private static string AssemblyOf(ReferencedLibrary library) =>
        library.PublicRunbook is { } type
            ? "typeof(" + type + ").Assembly"
            : "global::System.Reflection.Assembly.Load(new global::System.Reflection.AssemblyName(\"" + library.AssemblyName + "\"))";

    /// <param name="indexDocumentation">The index page.</param>
    /// <param name="entryPoint">Whether to emit <c>Main</c>.</param>
    /// <param name="language">
    /// What the project's language version has: UTF-8 literals (C# 11), which keep the page out of the assembly's
    /// user-string heap, and <c>#nullable</c> (C# 8). A project pinned to an older <c>LangVersion</c> gets a plain
    /// literal, no directive — and a block namespace, which every version has: the file-scoped one, the <c>u8</c>
    /// literal and the directive did not compile there.
    /// </param>
    /// <param name="libraries">The runbook libraries the assembly references, whose runbooks the catalog also lists.</param>
    public static string EmitCatalog(string indexDocumentation, bool entryPoint, CatalogLanguage language, EquatableArray<ReferencedLibrary> libraries)
    {
        var w = RunbookEmitter.Header("the runbooks and handbooks of this assembly", language.NullableDirective);
        w.Open("namespace " + RunbookEmitter.CatalogNamespace);
        w.Line("/// <summary>Every runbook and handbook of this assembly, ordered by id, and the runbooks of the runbook libraries it references: read from the attributes the generator put on them.</summary>");
        w.Open("internal static partial class " + RunbookEmitter.CatalogClass);
        w.Line("public static " + Hosting + "RunbookCatalog Catalog { get; } = " + Hosting + "GeneratedDescriptors.Catalog(");
        w.Line("    typeof(" + RunbookEmitter.CatalogClass + ").Assembly,");
        var end = libraries.Count == 0 ? ");" : ",";
        if (language.Utf8Literals) w.VerbatimLine("    global::System.Text.Encoding.UTF8.GetString(", WellFormed(indexDocumentation), "u8)" + end);
        else w.VerbatimLine("    ", indexDocumentation, end);
        if (libraries.Count > 0)
        {
            w.Line("    new global::System.Reflection.Assembly[]");
            w.Line("    {");
            foreach (var library in libraries) w.Line("        " + AssemblyOf(library) + ",");
            w.Line("    });");
        }

        w.Close();
        if (entryPoint)
        {
            w.Line();
            w.Line("/// <summary>The runbook app's entry point: list, docs and run.</summary>");
            w.Open("internal static class RunbookProgram");
            w.Line("public static global::System.Threading.Tasks.Task<int> Main(string[] args) => " + Hosting + "RunbookHost.RunAsync(args, " + RunbookEmitter.CatalogClass + ".Catalog);");
            w.Close();
        }

        w.Close();
        return w.ToString();
    }
}
