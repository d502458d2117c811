using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RunbookSdk.Generators.Tests.Support;

namespace RunbookSdk.Generators.Tests;

/// <summary>
/// The generator's diagnostics are turned off the usual ways, as the analyzers' are: <c>#pragma warning disable</c>
/// around the code, <c>[SuppressMessage]</c> on the class, a file's <c>.editorconfig</c> severity. They were reported
/// at a location made from the file's path, which is outside the compilation's sources for the compiler, so none of
/// the three applied: a strict repository's only way out of an RB0101 was <c>NoWarn</c> for the whole project.
/// </summary>
public sealed class DiagnosticSuppressionTests
{
    private static string Unreadable(string name, string before = "", string around = "") => $$"""
        using System;
        using RunbookSdk;

        namespace Payments;

        {{before}}
        [Runbook("payments-{{name.ToLowerInvariant()}}")]
        public sealed class {{name}} : Runbook
        {
            private static bool Flag => true;

            public override void Define(IRunbookBuilder rb)
            {
                rb.Title("{{name}}");
        {{(around.Length > 0 ? "#pragma warning disable " + around : "")}}
                if (Flag) rb.Symptoms("sometimes");
        {{(around.Length > 0 ? "#pragma warning restore " + around : "")}}
                rb.NoRollback("read-only").Verification(v => v.Step("Healthy", s => s.Http("GET", "https://status.example.com/health").ExpectStatus(200)));
            }
        }
        """;

    [Fact]
    public void RB0101_is_suppressed_by_a_pragma_an_attribute_or_the_files_editorconfig_severity_and_reported_elsewhere()
    {
        var compilation = GeneratorHarness.Compile().AddSyntaxTrees(
            Tree(Unreadable("Pragma", around: "RB0101"), "Pragma.cs"),
            Tree(Unreadable("Attribute", before: "[System.Diagnostics.CodeAnalysis.SuppressMessage(\"Generator\", \"RB0101\", Justification = \"read by hand\")]"), "Attribute.cs"),
            Tree(Unreadable("Quiet"), "Quiet.cs"),
            Tree(Unreadable("Loud"), "Loud.cs"));
        compilation = compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(new QuietFileOptions()));

        // The driver filters them as the compiler does: the file's severity drops one; a pragma or an attribute
        // marks one suppressed, which the build does not print.
        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out _, out var generatorDiagnostics);

        var reported = generatorDiagnostics.Where(d => d.Id == "RB0101").ToDictionary(d => d.Location.GetLineSpan().Path, d => d.IsSuppressed);
        Assert.Equal(new Dictionary<string, bool> { ["Pragma.cs"] = true, ["Attribute.cs"] = true, ["Loud.cs"] = false }, reported);
    }

    private static SyntaxTree Tree(string source, string path) => CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, path);

    /// <summary>What <c>[Quiet.cs] dotnet_diagnostic.RB0101.severity = none</c> in an .editorconfig gives the compiler.</summary>
    private sealed class QuietFileOptions : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.NotGenerated;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Suppress;
            return tree.FilePath == "Quiet.cs" && diagnosticId == "RB0101";
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Default;
            return false;
        }
    }
}
