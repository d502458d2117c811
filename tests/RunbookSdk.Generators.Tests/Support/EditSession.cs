using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RunbookSdk.Generators.Tests.Support;

/// <summary>
/// One generator instance followed through edits, as the IDE runs it (without recording the driver's steps); after
/// each edit the outputs are compared with a fresh generator's over the same code, and a difference names the output
/// and its first differing line.
/// </summary>
internal sealed class EditSession
{
    private readonly RunbookGenerator _generator = new();
    private CSharpCompilation _compilation;
    private GeneratorDriver _driver;

    public EditSession(params string[] sources)
    {
        _compilation = GeneratorHarness.Compile(sources);
        _driver = GeneratorHarness.CreateDriver(generator: _generator, trackSteps: false).RunGenerators(_compilation);
    }

    /// <summary>
    /// Each run after the first sees every file parsed again, as a command-line build through the compiler server's
    /// cached driver does: new trees of the same paths and texts, new but equal options, new references to the same
    /// metadata.
    /// </summary>
    public bool EveryRunParsesAgain { get; init; }

    /// <summary>Runs the generator over the same code parsed again (<see cref="EveryRunParsesAgain"/>), and says how many runbooks it read.</summary>
    public int Build() => Run(ParsedAgain(_compilation));

    /// <summary>
    /// Runs the generator over the same code parsed again with <paramref name="parseOptions"/> (another language
    /// version or preprocessor symbols), and says how many runbooks it read.
    /// </summary>
    public int Build(CSharpParseOptions parseOptions) => Run(ParsedAgain(_compilation, parseOptions));

    /// <summary>Runs the generator over the same code parsed again with the files in reverse order, and says how many runbooks it read.</summary>
    public int BuildWithTheFilesReversed()
    {
        var reversed = _compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(_compilation.SyntaxTrees.Reverse());
        return Run(ParsedAgain(reversed));
    }

    /// <summary>Replaces the reference to the RunbookSdk assembly with one to another copy of it, and says how many runbooks it read.</summary>
    public int ReferenceAnotherCopyOfTheSdk()
    {
        var sdk = _compilation.References.OfType<PortableExecutableReference>().Last(r => r.FilePath == typeof(Runbook).Assembly.Location);
        return Run(_compilation.ReplaceReference(sdk, MetadataReference.CreateFromFile(sdk.FilePath!)));
    }

    /// <summary>Replaces text in the one file that has it, runs the generator, and says how many runbooks it read.</summary>
    public int Edit(string oldText, string newText)
    {
        var tree = FileWith(oldText);
        var edited = tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(tree.ToString().Replace(oldText, newText, StringComparison.Ordinal)));
        return Run(_compilation.ReplaceSyntaxTree(tree, edited));
    }

    /// <summary>Adds a file, runs the generator, and says how many runbooks it read.</summary>
    public int Add(string source) =>
        Run(_compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(source, (CSharpParseOptions)_compilation.SyntaxTrees.First().Options, "Added" + _compilation.SyntaxTrees.Count() + ".cs")));

    /// <summary>Removes the one file that has <paramref name="text"/>, runs the generator, and says how many runbooks it read.</summary>
    public int Remove(string text) => Run(_compilation.RemoveSyntaxTrees(FileWith(text)));

    /// <summary>The runbook models the generator keeps with the files it read them from.</summary>
    public IReadOnlyList<Model.Result<Model.RunbookModel>> HeldModels() => _generator.Reads.Held();

    /// <summary>Weak references to the files of the code as it is now: to check that a later run lets them go.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    public IReadOnlyList<WeakReference<SyntaxTree>> FilesHeldWeakly() =>
        _compilation.SyntaxTrees.Select(tree => new WeakReference<SyntaxTree>(tree)).ToList();

    /// <summary>What the generator reports for the code as it is now.</summary>
    public System.Collections.Immutable.ImmutableArray<Diagnostic> Diagnostics => _driver.GetRunResult().Results.Single().Diagnostics;

    public bool HasPage(string id) =>
        _driver.GetRunResult().Results.Single().GeneratedSources.Any(s => s.HintName == PartName(id));

    /// <summary>The page of runbook <paramref name="id"/>, or of the class whose generated part is named <paramref name="memberName"/> (a nested one).</summary>
    public string Page(string id, string? memberName = null) =>
        GeneratorHarness.EmbeddedMarkdown(_driver.GetRunResult().Results.Single().GeneratedSources
            .Single(s => s.HintName == (memberName is null ? PartName(id) : memberName + ".Runbook.g.cs")).SourceText.ToString());

    /// <summary>The text of runbook <paramref name="id"/>'s generated part, the object the driver holds (and the compiler embeds).</summary>
    public Microsoft.CodeAnalysis.Text.SourceText PartText(string id) =>
        _driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == PartName(id)).SourceText;

    private SyntaxTree FileWith(string text) => _compilation.SyntaxTrees.Single(t => t.ToString().Contains(text, StringComparison.Ordinal));

    private static string PartName(string id) => "Ops_Rb" + id.Replace("-", "") + ".Runbook.g.cs";

    /// <summary>Runs the generator over <paramref name="compilation"/>, checks its outputs are a fresh generator's, and says how many runbooks it read.</summary>
    private int Run(CSharpCompilation compilation)
    {
        if (EveryRunParsesAgain) compilation = ParsedAgain(compilation);
        var before = _generator.Reads.Count;
        _compilation = compilation;
        _driver = _driver.RunGenerators(_compilation);
        var reads = _generator.Reads.Count - before;

        var fresh = GeneratorHarness.CreateDriver(generator: new RunbookGenerator(bindEveryRunbook: true), trackSteps: false).RunGenerators(_compilation).GetRunResult().Results.Single();
        var reused = _driver.GetRunResult().Results.Single();
        var (expected, actual) = (Sources(fresh), Sources(reused));
        if (!expected.SequenceEqual(actual)) Assert.Fail("A stale model was reused:\n" + Describe(expected, actual));
        Assert.Equal(fresh.Diagnostics.Select(d => d.ToString()), reused.Diagnostics.Select(d => d.ToString()));
        return reads;
    }

    private static CSharpCompilation ParsedAgain(CSharpCompilation compilation, CSharpParseOptions? parseOptions = null)
    {
        var trees = compilation.SyntaxTrees.Select(t => CSharpSyntaxTree.ParseText(t.GetText(), parseOptions ?? (CSharpParseOptions)t.Options, t.FilePath));
        // New objects of equal value: a With… call that changes nothing returns the same object. And, as the compiler
        // server's options have, a new resolver of references that cannot be compared and a new syntax tree options
        // provider equal only to itself.
        var options = compilation.Options.WithConcurrentBuild(!compilation.Options.ConcurrentBuild).WithConcurrentBuild(compilation.Options.ConcurrentBuild)
            .WithMetadataReferenceResolver(new CompilerServerResolver())
            .WithSyntaxTreeOptionsProvider(new CompilerServerSyntaxTreeOptions());
        var references = compilation.References.Select(r => r is PortableExecutableReference file
            ? file.WithEmbedInteropTypes(!file.Properties.EmbedInteropTypes).WithEmbedInteropTypes(file.Properties.EmbedInteropTypes)
            : r);
        return CSharpCompilation.Create(compilation.AssemblyName, trees, references, options);
    }

    private static List<string> Sources(GeneratorRunResult run) =>
        run.GeneratedSources.OrderBy(s => s.HintName, StringComparer.Ordinal).Select(s => s.HintName + "\n" + s.SourceText).ToList();

    /// <summary>The outputs only one side has, and the first differing line of each output both have.</summary>
    private static string Describe(List<string> expected, List<string> actual)
    {
        static string Name(string source) => source[..source.IndexOf('\n', StringComparison.Ordinal)];
        var lines = new List<string>();
        foreach (var name in expected.Select(Name).Except(actual.Select(Name))) lines.Add("  only a fresh generator has " + name);
        foreach (var name in actual.Select(Name).Except(expected.Select(Name))) lines.Add("  only the reused generator has " + name);
        foreach (var fresh in expected)
        {
            if (actual.FirstOrDefault(a => Name(a) == Name(fresh)) is not { } reused || reused == fresh) continue;
            var (freshLines, reusedLines) = (fresh.Split('\n'), reused.Split('\n'));
            var i = 0;
            while (i < freshLines.Length && i < reusedLines.Length && freshLines[i] == reusedLines[i]) i++;
            lines.Add($"  {Name(fresh)} line {i}:\n    fresh:  {(i < freshLines.Length ? freshLines[i] : "<end>")}\n    reused: {(i < reusedLines.Length ? reusedLines[i] : "<end>")}");
        }

        return string.Join("\n", lines);
    }
}
