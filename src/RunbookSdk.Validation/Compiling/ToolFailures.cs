using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace RunbookSdk.Validation.Compiling;

/// <summary>
/// RunbookSdk's own failures in a validation: a rule that threw (AD0001) did not check the code it threw on, and a
/// generator that threw (CS8785) generated no runner and no page for the project. A build reports both as warnings, so
/// a CI job would pass a runbook that no one checked. Validation is the CI gate for runbooks, so it reports them as
/// errors — unless the project chose their severity itself (<c>NoWarn</c>, <c>WarningsAsErrors</c>,
/// <c>WarningsNotAsErrors</c>, <c>dotnet_diagnostic.AD0001.severity</c> in a <c>.globalconfig</c>), which it keeps. A
/// rule's failure is placed where the compiler says it threw (the file and the node it was given), so the finding is on a
/// line and counts against the runbook declared there.
/// </summary>
internal static partial class ToolFailures
{
    private const string RuleThrew = "AD0001";
    private const string GeneratorThrew = "CS8785";

    /// <summary>True for the ids a validation reports although they are neither errors nor RB findings.</summary>
    public static bool IsFailure(Diagnostic diagnostic) => diagnostic.Id is RuleThrew or GeneratorThrew;

    /// <summary>
    /// <paramref name="diagnostic"/> as validation reports it: a failure as an error (unless its severity is the project's
    /// choice), with what it means first and the compiler's own text (the exception and its stack) after, placed at
    /// the node the rule threw on when the compiler names one; any other diagnostic as it is.
    /// </summary>
    /// <param name="diagnostic">A diagnostic of the compilation.</param>
    /// <param name="compilation">The compilation (its options and trees).</param>
    public static Diagnostic AsValidated(Diagnostic diagnostic, Compilation compilation)
    {
        if (!IsFailure(diagnostic)) return diagnostic;
        var severity = Chosen(diagnostic.Id, compilation.Options) ? diagnostic.Severity : DiagnosticSeverity.Error;
        var meaning = diagnostic.Id == RuleThrew
            ? "A RunbookSdk rule threw, so it did not check this code and validation cannot vouch for it"
            : "The runbook generator threw, so this project's runbooks have no runner and no page";
        var text = $"{meaning}: this is a bug in RunbookSdk, please report it with this message. "
            + diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        var location = diagnostic.Location.IsInSource ? diagnostic.Location : ThrownAt(diagnostic, compilation) ?? diagnostic.Location;
        return RewrittenDiagnostic.Of(diagnostic, location, severity, text);
    }

    /// <summary>Whether the project set the id's severity (a diagnostic with no place in source is not reached by an <c>.editorconfig</c> section).</summary>
    private static bool Chosen(string id, CompilationOptions options) =>
        options.SpecificDiagnosticOptions.ContainsKey(id)
        || options.SyntaxTreeOptionsProvider?.TryGetGlobalDiagnosticValue(id, CancellationToken.None, out _) == true;

    /// <summary>
    /// The node a rule threw on, read from the context the compiler adds to AD0001 (<c>SyntaxTree: path</c>,
    /// <c>SyntaxNode: … @[start..end)</c>); the whole tree when only the tree is named; null when neither is found.
    /// </summary>
    private static Location? ThrownAt(Diagnostic diagnostic, Compilation compilation)
    {
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        if (TreeLine().Match(message) is not { Success: true } treeLine) return null;
        var path = treeLine.Groups["path"].Value.TrimEnd('\r');
        var tree = compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == path);
        if (tree is null) return null;
        var length = tree.Length;
        return NodeLine().Match(message) is { Success: true } node
            && int.TryParse(node.Groups["start"].Value, out var start) && int.TryParse(node.Groups["end"].Value, out var end)
            && start <= end && end <= length
                ? Location.Create(tree, TextSpan.FromBounds(start, end))
                : Location.Create(tree, new TextSpan(0, 0));
    }

    [GeneratedRegex(@"^SyntaxTree: (?<path>.+)$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex TreeLine();

    [GeneratedRegex(@"^SyntaxNode: .*@\[(?<start>[0-9]{1,9})\.\.(?<end>[0-9]{1,9})\)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex NodeLine();
}
