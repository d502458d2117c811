using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunbookSdk.Generators.Model;
using RunbookSdk.Generators.Reading;
using RunbookSdk.Generators.Tests.Support;

namespace RunbookSdk.Generators.Tests;

/// <summary>
/// The generator catches its own failures so that one bad output never hides the rest (RB0104). What it must not do is
/// let the build succeed without a runbook's runner (the on-call engineer would find it missing only when they need
/// it), so the diagnostic is an error, which fails the build. No runbook makes the generator fail (that would be a bug
/// to fix), so these tests throw from inside its guards.
/// </summary>
public sealed class GeneratorFailureTests
{
    [Fact]
    public void A_runbook_whose_part_fails_to_render_is_an_error_naming_the_runbook()
    {
        var runbook = ReadModel(TestRunbooks.Runbook, "ApiDown");

        var source = RunbookGenerator.Guard(runbook, GeneratorFailure.OfRunbook, _ => throw new InvalidOperationException("mutant"));

        Assert.Null(source.Text);
        var diagnostic = Assert.Single(source.Diagnostics).ToDiagnostic(trees: null);
        Assert.Equal("RB0104", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(
            "The runbook generator failed on the runbook 'payments-api-down' (Payments.ApiDown) (it has no runner and no page; the rest of the project was still generated): "
            + "this is a bug in RunbookSdk, please report it with this message: InvalidOperationException: mutant",
            diagnostic.GetMessage());
    }

    [Fact]
    public void A_class_that_fails_to_be_read_is_an_error_at_the_class()
    {
        var declaration = Declaration(GeneratorHarness.Compile(TestRunbooks.Handbook, TestRunbooks.Runbook), "ApiDown");
        var read = RunbookGenerator.Safe<ClassDeclarationSyntax, Result<RunbookModel>>(
            (_, _) => throw new NullReferenceException("mutant"), static c => c, static failure => new Result<RunbookModel>(null, failure));

        var result = read(declaration, CancellationToken.None);

        Assert.Null(result.Model);
        var diagnostic = Assert.Single(result.Diagnostics).ToDiagnostic(trees: null);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(declaration.GetLocation().GetLineSpan(), diagnostic.Location.GetLineSpan());
        Assert.StartsWith("The runbook generator failed on the class 'ApiDown' (nothing is generated for it;", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.EndsWith("NullReferenceException: mutant", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_catalog_that_fails_to_render_is_an_error_saying_the_runner_finds_no_runbook()
    {
        var source = RunbookGenerator.Guard(0, static _ => GeneratorFailure.OfCatalog, _ => throw new KeyNotFoundException("no such page"));

        var diagnostic = Assert.Single(source.Diagnostics).ToDiagnostic(trees: null);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("failed on the catalog (the runner finds none of the project's runbooks", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.EndsWith("KeyNotFoundException: no such page", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_runbook_that_renders_is_passed_through_untouched()
    {
        var runbook = ReadModel(TestRunbooks.Runbook, "ApiDown");
        var rendered = GeneratedSource.Of("Payments_ApiDown.Runbook.g.cs", "// part", EquatableArray<DiagnosticInfo>.Empty);

        Assert.Same(rendered, RunbookGenerator.Guard(runbook, GeneratorFailure.OfRunbook, _ => rendered));
    }

    [Fact]
    public void A_cancelled_render_is_cancelled_not_reported()
    {
        var runbook = ReadModel(TestRunbooks.Runbook, "ApiDown");

        Assert.Throws<OperationCanceledException>(() => RunbookGenerator.Guard(runbook, GeneratorFailure.OfRunbook, _ => throw new OperationCanceledException()));
    }

    private static RunbookModel ReadModel(string source, string className)
    {
        var compilation = GeneratorHarness.Compile(TestRunbooks.Handbook, source);
        var result = new RunbookReads(bindEveryRunbook: false).Read(Declaration(compilation, className), compilation, CancellationToken.None);
        return Assert.IsType<RunbookModel>(result?.Model);
    }

    private static ClassDeclarationSyntax Declaration(Compilation compilation, string className) =>
        compilation.SyntaxTrees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>()).Single(c => c.Identifier.ValueText == className);
}
