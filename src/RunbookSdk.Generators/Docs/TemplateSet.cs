using System;
using System.IO;
using System.Linq;
using Scriban;
using Scriban.Runtime;

namespace RunbookSdk.Generators.Docs;

/// <summary>
/// The three page templates. The built-in ones are embedded resources parsed once per process; a project
/// overrides any of them with an AdditionalFiles item of the same name (runbook.md.sbntxt, handbook.md.sbntxt, index.md.sbntxt).
/// </summary>
internal sealed class TemplateSet
{
    public const string RunbookName = "runbook.md.sbntxt";
    public const string HandbookName = "handbook.md.sbntxt";
    public const string IndexName = "index.md.sbntxt";

    private static readonly Lazy<TemplateSet> BuiltIn = new(() => new TemplateSet(Parse(RunbookName), Parse(HandbookName), Parse(IndexName)));

    /// <summary>
    /// How many times a built-in template was parsed in this process; tests assert it happens once, not per page or
    /// run. Only built-in ones: a project's own templates are parsed per file, and counting them too made the test
    /// depend on what other tests ran at the same time.
    /// </summary>
    internal static int BuiltInParseCount;

    private TemplateSet(Template runbook, Template handbook, Template index)
    {
        Runbook = runbook;
        Handbook = handbook;
        Index = index;
    }

    public static TemplateSet Default => BuiltIn.Value;

    public Template Runbook { get; }
    public Template Handbook { get; }
    public Template Index { get; }

    public TemplateSet With(string name, Template template) => name switch
    {
        RunbookName => new TemplateSet(template, Handbook, Index),
        HandbookName => new TemplateSet(Runbook, template, Index),
        IndexName => new TemplateSet(Runbook, Handbook, template),
        _ => this,
    };

    public static bool IsTemplateName(string fileName) => fileName is RunbookName or HandbookName or IndexName;

    /// <summary>
    /// A context for the built-in templates, one per thread and reused page after page: creating a
    /// <see cref="TemplateContext"/> deep-copies Scriban's built-in functions, which was a fifth of the garbage of
    /// rendering a page. Reuse is safe for our templates, which leave nothing behind; a project's own template gets a
    /// fresh context, since a template can change built-in state (<c>date.format</c>) that the next page would see.
    /// </summary>
    [ThreadStatic] private static TemplateContext? t_builtInContext;

    /// <summary>Renders a page with ordinal, culture-free settings and "\n" line endings, ending in one line feed.</summary>
    public static string Render(Template template, ScriptObject model)
    {
        var reusable = BuiltIn.IsValueCreated && BuiltIn.Value.IsOwnTemplate(template);
        var context = (reusable ? t_builtInContext : null) ?? NewContext();
        // Taken out while in use: a render that throws leaves no half-used context for the next page.
        if (reusable) t_builtInContext = null;
        context.PushGlobal(model);
        var text = template.Render(context).Replace("\r\n", "\n");
        context.PopGlobal();
        if (reusable) t_builtInContext = context;
        return text.EndsWith("\n", StringComparison.Ordinal) && !text.EndsWith("\n\n", StringComparison.Ordinal) ? text : text.TrimEnd('\n') + "\n";
    }

    private static TemplateContext NewContext()
    {
        var context = new TemplateContext
        {
            StrictVariables = false,
            LoopLimit = 0,
            RecursiveLimit = 0,
            NewLine = "\n",
            MemberRenamer = member => member.Name,
        };
        context.PushCulture(System.Globalization.CultureInfo.InvariantCulture);
        return context;
    }

    private bool IsOwnTemplate(Template template) =>
        ReferenceEquals(template, Runbook) || ReferenceEquals(template, Handbook) || ReferenceEquals(template, Index);

    private static Template Parse(string name)
    {
        using var stream = typeof(TemplateSet).Assembly.GetManifestResourceStream("RunbookSdk.Generators.Templates." + name)
            ?? throw new InvalidOperationException("Missing embedded template " + name);
        using var reader = new StreamReader(stream);
        System.Threading.Interlocked.Increment(ref BuiltInParseCount);
        var template = Template.Parse(reader.ReadToEnd(), name);
        // A broken built-in template is our bug: fail loudly in our own tests, never in a user's build.
        if (template.HasErrors) throw new InvalidOperationException(name + ": " + string.Join("; ", template.Messages.Select(m => m.ToString())));
        return template;
    }
}
