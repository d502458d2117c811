using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunbookSdk.Generators.Docs;
using RunbookSdk.Generators.Emitting;
using RunbookSdk.Generators.Model;
using RunbookSdk.Generators.Reading;

namespace RunbookSdk.Generators;

/// <summary>
/// Reads every <c>[Runbook]</c> and <c>[Handbook]</c> class into an equatable model and emits, per runbook, its
/// runner part and markdown page; per handbook, its page; per assembly, the catalog with the index page.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class RunbookGenerator : IIncrementalGenerator
{
    /// <summary>Reads runbooks, reusing a model while its runbook's file and what it depends on are unchanged (the IDE's keystrokes).</summary>
    internal RunbookReads Reads { get; }

    /// <summary>Creates the generator, as Roslyn does.</summary>
    public RunbookGenerator()
        : this(bindEveryRunbook: false)
    {
    }

    /// <param name="bindEveryRunbook">Bind every runbook class (<see cref="RunbookReads(bool)"/>), for the tests that compare the reads.</param>
    internal RunbookGenerator(bool bindEveryRunbook)
    {
        Reads = new RunbookReads(bindEveryRunbook);
        HandbookReads = new HandbookReads(Reads.VersionOf);
    }

    /// <summary>Reads handbooks, reusing a model while its handbook's file and what its Define reads are unchanged.</summary>
    internal HandbookReads HandbookReads { get; }

    /// <summary>Renders runbooks' parts, reusing a part while its runbook's model and the shared inputs are unchanged.</summary>
    internal RunbookRenders Renders { get; } = new();

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var readRunbook = Safe<(ClassDeclarationSyntax Declaration, Compilation Compilation), Result<RunbookModel>?>(
            (candidate, ct) => Reads.Read(candidate.Declaration, candidate.Compilation, ct), static c => c.Declaration, static failure => new Result<RunbookModel>(null, failure));
        var readHandbook = Safe<GeneratorAttributeSyntaxContext, Result<HandbookModel>>(
            HandbookReads.Read, static c => c.TargetNode, static failure => new Result<HandbookModel>(null, failure));

        // Runbooks are found by syntax, so that an unchanged one is reused before anything is bound (RunbookReads):
        // each file's candidates once per parse of it (a file the compilation still has is not visited again), then
        // every candidate against each compilation, as a syntax provider's transform would be — all of them together,
        // so that a build reads them on all cores (Concurrently). Handbooks are few, and Roslyn's attribute search
        // binds them; HandbookReads reads one again only when what it was read from changed.
        var runbookResults = context.CompilationProvider
            .SelectMany(static (compilation, _) => compilation.SyntaxTrees)
            .SelectMany(static (tree, ct) => RunbookDeclarations.Candidates(tree.GetRoot(ct), ct))
            .Collect()
            .Combine(context.CompilationProvider)
            .SelectMany((input, ct) => ReadEach(input.Left, input.Right, readRunbook, ct))
            .WithTrackingName(TrackingNames.RunbookResults);
        var handbookResults = context.SyntaxProvider
            .ForAttributeWithMetadataName(HandbookReader.AttributeName, static (node, _) => node is ClassDeclarationSyntax, readHandbook)
            .WithTrackingName(TrackingNames.HandbookResults);

        // A project that gets RunbookSdk only through a project it references (buildTransitive/RunbookSdk.targets says
        // so) generates nothing: its build does not write docs, and a test project's entry point or catalog would clash.
        // Its runbooks and handbooks get one error saying which reference is missing instead of a silent CS5001.
        var transitiveOnly = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => IsTrue(provider.GlobalOptions, "build_property." + TransitiveReference.Property));

        // Reported in the compilation's own trees, where #pragma warning disable, [SuppressMessage] and .editorconfig apply.
        var sourceTrees = context.CompilationProvider.Select(static (compilation, _) => new SourceTrees(compilation));
        // Once per place and text: a base's Define several runbooks (or handbooks) run is read once per class (ReportedOnce).
        var runbookDiagnostics = runbookResults.Select(static (r, _) => r.Diagnostics).Collect()
            .SelectMany(static (all, _) => ReportedOnce.Merge(all));
        context.RegisterSourceOutput(runbookDiagnostics.Combine(transitiveOnly).Combine(sourceTrees),
            static (spc, d) => { if (!d.Left.Right) spc.ReportDiagnostic(d.Left.Left.ToDiagnostic(d.Right)); });
        var handbookDiagnostics = handbookResults.Select(static (r, _) => r.Diagnostics).Collect()
            .SelectMany(static (all, _) => ReportedOnce.Merge(all));
        context.RegisterSourceOutput(handbookDiagnostics.Combine(transitiveOnly).Combine(sourceTrees),
            static (spc, d) => { if (!d.Left.Right) spc.ReportDiagnostic(d.Left.Left.ToDiagnostic(d.Right)); });

        var runbooks = runbookResults.Where(static r => r.Model is not null).Select(static (r, _) => r.Model!);
        var handbookList = handbookResults.Where(static r => r.Model is not null).Select(static (r, _) => r.Model!);
        var handbooks = handbookList.Collect()
            .Select(static (all, _) => all.OrderBy(h => h.Id, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.Handbooks);
        // Summarised one by one before they are collected: an edit that leaves a runbook's id, title and severity as
        // they were (most keystrokes) then leaves the collection unchanged, and the list is not sorted again.
        var runbookSummaries = runbooks.Select(static (r, _) => Summarize(r)).Collect()
            .Select(static (all, _) => all.OrderBy(r => r.Id, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.RunbookSummaries);
        var handbookSummaries = handbooks
            .Select(static (all, _) => all.Select(h => new HandbookSummary(h.Id, h.Document.Title ?? h.Type.Name, h.Type.FullName)).ToEquatableArray())
            .WithTrackingName(TrackingNames.HandbookSummaries);
        var templates = context.AdditionalTextsProvider
            .Where(static text => TemplateSet.IsTemplateName(System.IO.Path.GetFileName(text.Path)))
            .Select(static (text, ct) => new TemplateText(System.IO.Path.GetFileName(text.Path), text.Path, text.GetText(ct)?.ToString() ?? ""))
            .Collect()
            .Select(static (all, _) => all.OrderBy(t => t.Path, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.Templates);
        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => new GeneratorOptions(
                IsTrue(provider.GlobalOptions, "build_property.RunbookSdkGenerateEntryPoint"),
                IsTrue(provider.GlobalOptions, "build_property.RunbookSdkEmbedOutline")))
            .WithTrackingName(TrackingNames.Options);

        // All runbooks at once, so that their parts render on all cores; Renders reuses what Roslyn's cache would.
        var renderInputs = handbooks.Combine(templates).Combine(options)
            .Select(static (input, _) => new RenderInputs(input.Left.Left, input.Left.Right, input.Right.EmbedOutline));
        var concurrentBuild = context.CompilationProvider.Select(static (compilation, _) => compilation.Options.ConcurrentBuild);
        var runbookSources = runbooks.Collect().Combine(renderInputs).Combine(concurrentBuild)
            .SelectMany((input, ct) => Renders.RenderEach(input.Left.Left, input.Left.Right, input.Right,
                static (runbook, inputs, ct) => Guard(runbook, GeneratorFailure.OfRunbook, r => RenderRunbook(r, inputs.Handbooks, inputs.Templates, inputs.EmbedOutline, ct)), ct))
            .WithTrackingName(TrackingNames.RunbookSources);
        var handbookSources = handbookList.Combine(runbookSummaries).Combine(templates)
            .Select(static (input, ct) => Guard(input, static i => GeneratorFailure.OfHandbook(i.Left.Left), i => RenderHandbook(i.Left.Left, i.Left.Right, i.Right, ct)))
            .WithTrackingName(TrackingNames.HandbookSources);
        // What the catalog may use under the project's LangVersion: UTF-8 literals (C# 11), #nullable (C# 8).
        var catalogLanguage = context.ParseOptionsProvider.Select(static (parse, _) => CatalogLanguage.Of(parse));
        // The runbook libraries the project references: the catalog lists their runbooks too. Runs on every
        // compilation; what each referenced assembly is, is read once (ReferencedRunbookLibraries).
        var libraries = context.CompilationProvider
            .Select(static (compilation, ct) => ReferencedRunbookLibraries.Of(compilation, ct))
            .WithTrackingName(TrackingNames.ReferencedLibraries);
        var catalogSource = runbookSummaries.Combine(handbookSummaries).Combine(templates).Combine(options).Combine(catalogLanguage).Combine(libraries)
            .Select(static (input, ct) => Guard(input, static _ => GeneratorFailure.OfCatalog, i => RenderCatalog(i.Left.Left.Left.Left.Left, i.Left.Left.Left.Left.Right, i.Left.Left.Left.Right, i.Left.Left.Right, i.Left.Right, i.Right, ct)))
            .WithTrackingName(TrackingNames.CatalogSource);

        // Runbook and handbook parts are assembly attributes no code refers to: implementation outputs, which the IDE
        // skips while it analyses code as the user types and produces only when it emits (or a build runs). Pages
        // are rendered then, not on every keystroke. The catalog declares a class users call, so it is always there.
        context.RegisterImplementationSourceOutput(runbookSources.Combine(transitiveOnly), static (spc, source) => { if (!source.Right) Add(spc, source.Left); });
        context.RegisterImplementationSourceOutput(handbookSources.Combine(transitiveOnly), static (spc, source) => { if (!source.Right) Add(spc, source.Left); });
        context.RegisterSourceOutput(catalogSource.Combine(transitiveOnly), static (spc, source) => { if (!source.Right) Add(spc, source.Left); });
        context.RegisterSourceOutput(runbookSummaries.Combine(handbookSummaries).Combine(transitiveOnly).Combine(context.CompilationProvider.Select(static (c, _) => c.AssemblyName ?? "")),
            static (spc, input) => TransitiveReference.Report(spc, input.Left.Left.Left, input.Left.Left.Right, input.Left.Right, input.Right));
    }

    /// <summary>The models of a compilation's candidate classes, read on all cores when the compilation allows it.</summary>
    private static ImmutableArray<Result<RunbookModel>> ReadEach(
        ImmutableArray<ClassDeclarationSyntax> candidates, Compilation compilation,
        Func<(ClassDeclarationSyntax Declaration, Compilation Compilation), System.Threading.CancellationToken, Result<RunbookModel>?> read,
        System.Threading.CancellationToken cancellationToken)
    {
        var results = Concurrently.Map(candidates, compilation.Options.ConcurrentBuild, (candidate, ct) => read((candidate, compilation), ct), cancellationToken);
        var builder = ImmutableArray.CreateBuilder<Result<RunbookModel>>(results.Length);
        foreach (var result in results)
        {
            if (result is not null) builder.Add(result);
        }

        return builder.ToImmutable();
    }

    private static RunbookSummary Summarize(RunbookModel r) =>
        new(r.Id, r.Document.Title ?? r.Type.Name, r.Severity, r.HandbookType);

    private static bool IsTrue(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    private static GeneratedSource RenderRunbook(RunbookModel runbook, EquatableArray<HandbookModel> handbooks, EquatableArray<TemplateText> templates, bool embedOutline, System.Threading.CancellationToken cancellationToken)
    {
        var handbook = handbooks.FirstOrDefault(h => h.Type.GlobalName == runbook.HandbookType);
        var (set, _) = TemplateOverrides.Resolve(templates);
        var markdown = set.RenderPage(TemplateSet.RunbookName, () => DocumentViews.Runbook(runbook, handbook), cancellationToken, out var failure);
        return GeneratedSource.Of(runbook.Type.FileName + ".Runbook.g.cs", RunbookEmitter.Emit(runbook, handbook?.Id ?? runbook.ReferencedHandbook?.Id, markdown, embedOutline), Diagnostics(failure));
    }

    private static GeneratedSource RenderHandbook(HandbookModel handbook, EquatableArray<RunbookSummary> runbooks, EquatableArray<TemplateText> templates, System.Threading.CancellationToken cancellationToken)
    {
        var (set, _) = TemplateOverrides.Resolve(templates);
        var members = runbooks.Where(r => r.HandbookType == handbook.Type.GlobalName);
        var markdown = set.RenderPage(TemplateSet.HandbookName, () => DocumentViews.Handbook(handbook, members), cancellationToken, out var failure);
        return GeneratedSource.Of(handbook.Type.FileName + ".Handbook.g.cs", CatalogEmitter.EmitHandbook(handbook, markdown), Diagnostics(failure));
    }

    private static GeneratedSource RenderCatalog(EquatableArray<RunbookSummary> runbooks, EquatableArray<HandbookSummary> handbooks, EquatableArray<TemplateText> templates, GeneratorOptions options, CatalogLanguage language, EquatableArray<ReferencedLibrary> libraries, System.Threading.CancellationToken cancellationToken)
    {
        // A project with no runbooks of its own (a test project referencing a runbook app, say) gets no catalog,
        // unless it is a runbook app that asked for an entry point.
        if (runbooks.Count == 0 && handbooks.Count == 0 && !options.EmitEntryPoint)
            return GeneratedSource.Of("RunbookCatalog.g.cs", "", EquatableArray<DiagnosticInfo>.Empty);
        var (set, diagnostics) = TemplateOverrides.Resolve(templates);
        var index = set.RenderPage(TemplateSet.IndexName, () => DocumentViews.Index(handbooks, runbooks), cancellationToken, out var failure);
        // Template parse errors are reported once, with the catalog, not once per page; a page whose template failed while
        // rendering reports it with that page.
        if (failure is not null) diagnostics = diagnostics.Concat(new[] { failure }).ToEquatableArray();
        return GeneratedSource.Of("RunbookCatalog.g.cs", CatalogEmitter.EmitCatalog(index, options.EmitEntryPoint, language, libraries), diagnostics);
    }

    private static EquatableArray<DiagnosticInfo> Diagnostics(DiagnosticInfo? failure) =>
        failure is null ? EquatableArray<DiagnosticInfo>.Empty : new EquatableArray<DiagnosticInfo>(new[] { failure });

    private static void Add(SourceProductionContext context, GeneratedSource source)
    {
        // A page's or the catalog's diagnostics name a template file or no place at all: none is in a source tree.
        foreach (var diagnostic in source.Diagnostics) context.ReportDiagnostic(diagnostic.ToDiagnostic(trees: null));
        if (source.Text is { } text) context.AddSource(source.HintName, text.Text);
    }

    /// <summary>
    /// Reading must never take the compiler down (CS8785 would hide every other output): an unexpected exception
    /// in one class becomes an RB0104 diagnostic on that class and the rest of the project still generates.
    /// </summary>
    /// <param name="read">Reads the class.</param>
    /// <param name="nodeOf">The class's declaration, where the diagnostic goes.</param>
    /// <param name="failed">The result that carries the diagnostic.</param>
    internal static Func<TContext, System.Threading.CancellationToken, TResult> Safe<TContext, TResult>(
        Func<TContext, System.Threading.CancellationToken, TResult> read, Func<TContext, SyntaxNode> nodeOf, Func<EquatableArray<DiagnosticInfo>, TResult> failed) =>
        (context, cancellationToken) =>
        {
            try
            {
                return read(context, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var node = nodeOf(context);
                var name = node is BaseTypeDeclarationSyntax type ? type.Identifier.ValueText : node.ToString();
                return failed(new EquatableArray<DiagnosticInfo>(new[] { GeneratorFailure.Diagnostic(GeneratorFailure.OfClass(name), e, node.GetLocation()) }));
            }
        };

    /// <summary>
    /// Rendering must never take the compiler down either: an unexpected exception while producing one output becomes
    /// an RB0104 diagnostic naming it, and that output is left out.
    /// </summary>
    /// <param name="subject">What the output is produced from.</param>
    /// <param name="describe">Names the output and what leaving it out means, only when it failed.</param>
    /// <param name="render">Produces the output.</param>
    internal static GeneratedSource Guard<TSubject>(TSubject subject, Func<TSubject, GeneratorFailure.Output> describe, Func<TSubject, GeneratedSource> render)
    {
        try
        {
            return render(subject);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var output = describe(subject);
            return GeneratedSource.Of(output.Name, "", new EquatableArray<DiagnosticInfo>(new[] { GeneratorFailure.Diagnostic(output, e, null) }));
        }
    }
}
