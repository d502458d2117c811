using System;
using System.IO;
using System.Linq;
using System.Threading;
using RunbookSdk.Generators.Model;
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

    private TemplateSet(Template runbook, Template handbook, Template index, string? runbookPath = null, string? handbookPath = null, string? indexPath = null)
    {
        Runbook = runbook;
        Handbook = handbook;
        Index = index;
        _runbookPath = runbookPath;
        _handbookPath = handbookPath;
        _indexPath = indexPath;
    }

    // Where a project's own template came from (null: the built-in one), for RB0102 when it fails while rendering.
    private readonly string? _runbookPath;
    private readonly string? _handbookPath;
    private readonly string? _indexPath;

    /// <summary>
    /// How long a project's own template may take to render one page. A page takes milliseconds; a template that runs
    /// longer is stuck (<c>while true</c>, a runaway recursion) and would otherwise hang the build, or the IDE.
    /// </summary>
    public static readonly TimeSpan ProjectTemplateTimeLimit = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How many characters a project's own template may write for one page, counted by Scriban as it writes (captures
    /// included), so a template that loops and writes (<c>while true</c> printing, a recursion that prints) is stopped
    /// at once, holding a few megabytes, instead of growing a string in the build's or the IDE's memory for
    /// <see cref="ProjectTemplateTimeLimit"/>. Far above any real page: the largest sample page is 14,746 characters
    /// (samples/OmniNodeBridge/docs/omninode-bridge.md), and over the 1,000-runbook benchmark corpus a runbook page is
    /// at most 4,455, the handbook page listing all of them 78,342 and the index page 77,896: this is about fifty
    /// times the largest. A template that writes nothing while it loops is still stopped by the time limit.
    /// </summary>
    public const int ProjectPageSizeLimit = 4 * 1024 * 1024;

    public static TemplateSet Default => BuiltIn.Value;

    public Template Runbook { get; }
    public Template Handbook { get; }
    public Template Index { get; }

    /// <summary>The set with a project's own template, read from <paramref name="path"/>, for page <paramref name="name"/>.</summary>
    public TemplateSet With(string name, string path, Template template) => name switch
    {
        RunbookName => new TemplateSet(template, Handbook, Index, path, _handbookPath, _indexPath),
        HandbookName => new TemplateSet(Runbook, template, Index, _runbookPath, path, _indexPath),
        IndexName => new TemplateSet(Runbook, Handbook, template, _runbookPath, _handbookPath, path),
        _ => this,
    };

    /// <summary>
    /// Renders page <paramref name="name"/> with this set's template. A project's own template is the project's code,
    /// not ours: when it fails while rendering (a runtime error, a page growing past <see cref="ProjectPageSizeLimit"/>,
    /// or it runs past <see cref="ProjectTemplateTimeLimit"/>),
    /// the built-in template renders the page instead and <paramref name="failure"/> says why (RB0102), so the runbook
    /// keeps its part in the app and the build finishes instead of hanging.
    /// </summary>
    /// <param name="name">The template's file name (<see cref="RunbookName"/>, ...).</param>
    /// <param name="model">Builds the page's view; called again for the fallback, since a template may change the view it was given.</param>
    /// <param name="cancellationToken">The generator's: the IDE cancels a run it no longer needs.</param>
    /// <param name="failure">RB0102 when the project's template failed, else null.</param>
    public string RenderPage(string name, Func<ScriptObject> model, CancellationToken cancellationToken, out DiagnosticInfo? failure)
    {
        failure = null;
        var (template, path, builtIn) = name switch
        {
            RunbookName => (Runbook, _runbookPath, Default.Runbook),
            HandbookName => (Handbook, _handbookPath, Default.Handbook),
            _ => (Index, _indexPath, Default.Index),
        };
        if (path is null) return Render(template, model());

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(ProjectTemplateTimeLimit);
        try
        {
            var view = model();
            var marker = view["marker"] as string;
            var page = Render(template, view, limit.Token);
            // The docs command replaces only files whose first line is the marker and keeps every other file as
            // hand-written: a page without it would be refused by the next build. A template need not write it.
            return marker is null || page.StartsWith(DocumentViews.MarkerPrefix, StringComparison.Ordinal) ? page : marker + "\n" + page;
        }
        catch (Exception e)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var reason = IsPageSizeLimit(e)
                ? "the page grew past " + ProjectPageSizeLimit.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " characters while rendering (an endless loop or recursion that writes?)"
                : limit.IsCancellationRequested
                    ? "rendering a page took longer than " + ProjectTemplateTimeLimit.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + " seconds (an endless loop or recursion?)"
                    : e.Message;
            failure = new DiagnosticInfo(GeneratorDiagnostics.TemplateError.Id, null, new EquatableArray<string>(new[] { path, reason }));
            return Render(builtIn, model());
        }
    }

    // Scriban reports its output limit as a plain ScriptRuntimeException; its message is the only thing that tells it
    // apart (the size-limit test pins it, so a Scriban update that rewords it fails there, not in a user's build).
    private static bool IsPageSizeLimit(Exception e) =>
        e is Scriban.Syntax.ScriptRuntimeException runtime && runtime.OriginalMessage.StartsWith("Rendered output exceeds OutputLimit", StringComparison.Ordinal);

    public static bool IsTemplateName(string fileName) => fileName is RunbookName or HandbookName or IndexName;

    /// <summary>
    /// A context for the built-in templates, one per thread and reused page after page: creating a
    /// <see cref="TemplateContext"/> deep-copies Scriban's built-in functions, which was a fifth of the garbage of
    /// rendering a page. Reuse is safe for our templates, which leave nothing behind; a project's own template gets a
    /// fresh context, since a template can change built-in state (<c>date.format</c>) that the next page would see.
    /// </summary>
    [ThreadStatic] private static TemplateContext? t_builtInContext;

    /// <summary>Renders a page with ordinal, culture-free settings and "\n" line endings, ending in one line feed.</summary>
    public static string Render(Template template, ScriptObject model, CancellationToken cancellationToken = default)
    {
        var reusable = BuiltIn.IsValueCreated && BuiltIn.Value.IsOwnTemplate(template);
        var context = (reusable ? t_builtInContext : null) ?? NewContext();
        if (!reusable)
        {
            // Scriban checks it in every loop iteration: how a project's template that never ends is stopped.
            context.CancellationToken = cancellationToken;
            // Checked on every write, before the text is kept: how one that never ends and writes is stopped, long
            // before the time limit. Throw, not Scriban's default of cutting the page short with "..." without a word.
            context.OutputLimit = ProjectPageSizeLimit;
            context.OnOutputLimit = ScriptLimitBehavior.Throw;
        }

        // Taken out while in use: a render that throws leaves no half-used context for the next page.
        if (reusable) t_builtInContext = null;
        context.PushGlobal(model);
        // Every text a template wrote, however it wrote it (a project's template may print a title raw): a hidden
        // character a view missed is shown here rather than reordering the page.
        var text = Markdown.Prose(template.Render(context).Replace("\r\n", "\n"));
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
            // No limit on what the built-in templates write: by default Scriban cuts a render's output at 1,048,576
            // characters with "..." and no error, and the index and handbook pages grow about 78 characters a runbook.
            // A project's own template gets ProjectPageSizeLimit instead (Render).
            OutputLimit = 0,
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
