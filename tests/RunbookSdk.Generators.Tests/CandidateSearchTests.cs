using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunbookSdk.Generators.Reading;
using RunbookSdk.Generators.Tests.Support;

namespace RunbookSdk.Generators.Tests;

/// <summary>
/// The generator looks for runbook classes only where a class can be declared — the file, namespaces, types — not in
/// the statements and expressions of every <c>Define</c> body, which a syntax provider's predicate is shown. It must
/// find exactly the classes a visit of every node finds, in the same order, in whole and half-typed code alike.
/// </summary>
public sealed class CandidateSearchTests
{
    public static TheoryData<string> Shapes => new()
    {
        "[A] class Top { [B] class Nested { [C] class Deeper { } } }",
        "namespace N { [A] class InBlock { } namespace M { [A] class InNested { } } }",
        "namespace N;\n[A] class FileScoped { [A] private sealed partial class Nested { } }",
        "[A] struct S { [A] class InStruct { } }\n[A] record R { [A] class InRecord { } }\ninterface I { [A] class InInterface { } }\n[A] record struct RS { [A] class InRecordStruct { } }",
        "System.Console.WriteLine();\n[A] class AfterTopLevelStatements { }",
        "class Broken { void M() { [A] class InsideABody { } } }",
        "class Broken { void M( [A] class AfterAnUnclosedList { }",
        "[A] class Generic<T> where T : class { [A] class Inner<U> { } }",
        "enum E { A, B }\ndelegate void D();\n[A] class AfterOthers { int P => new Func<int>(() => 1)(); }",
        "[A] class Unclosed { [A] class StillNested {",
        "namespace N { [A class Half",
        "",
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Finds_what_a_visit_of_every_node_finds(string source) => AssertSameAsEveryNode(source);

    [Fact]
    public void Finds_what_a_visit_of_every_node_finds_in_the_fuzzers_projects_whole_and_cut_short()
    {
        var files = 0;
        var found = 0;
        for (var seed = 0; seed < 40; seed++)
        {
            foreach (var text in ReuseFuzzer.Generate(seed, 40).Select(op => op.Text).OfType<string>().Distinct())
            {
                // Whole, and cut at a few places: half-typed code.
                foreach (var cut in new[] { text.Length, text.Length * 3 / 4, text.Length / 2, text.Length / 3 })
                {
                    found += AssertSameAsEveryNode(text[..cut]);
                    files++;
                }
            }
        }

        Assert.True(files > 1000 && found > 1000, $"{files} files, {found} candidates: the fuzzer's projects changed shape");
    }

    private static int AssertSameAsEveryNode(string source)
    {
        var root = CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions).GetRoot();
        var expected = root.DescendantNodesAndSelf().Where(RunbookDeclarations.IsCandidate).ToList();
        var actual = RunbookDeclarations.Candidates(root, CancellationToken.None);
        Assert.True(expected.SequenceEqual(actual), $"expected {Names(expected)}, found {Names(actual)} in:\n{source}");
        return actual.Length;
    }

    private static string Names(IEnumerable<SyntaxNode> classes) =>
        "[" + string.Join(", ", classes.Cast<ClassDeclarationSyntax>().Select(c => c.Identifier.ValueText)) + "]";
}
