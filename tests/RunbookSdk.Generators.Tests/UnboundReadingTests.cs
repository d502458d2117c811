using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunbookSdk.Generators.Reading;
using RunbookSdk.Generators.Tests.Support;

namespace RunbookSdk.Generators.Tests;

/// <summary>
/// A runbook whose declaration says what its attributes and base class mean is read without binding them
/// (<c>UnboundRunbook</c>); every other declaration is bound. Either way the generator must write what a generator
/// that binds every runbook writes: each case compares the two, and counts which way the runbook went.
/// </summary>
public sealed class UnboundReadingTests
{
    private const string Runbook = TestRunbooks.Runbook;

    [Fact]
    public void A_plainly_written_runbook_is_read_without_binding_and_generates_what_binding_does()
    {
        var second = Runbook.Replace("payments-api-down", "payments-db-down").Replace("ApiDown", "DbDown");
        var (unbound, _) = Compare(TestRunbooks.Handbook, Runbook, second);

        Assert.Equal(2, unbound.Reads.CountWithoutBinding);
        Assert.Equal(2, unbound.Reads.Count);
    }

    [Fact]
    public void The_names_of_a_scope_are_looked_up_once_for_all_its_runbooks()
    {
        // Not a count of lookups, but what would break without the scope key: runbooks of two namespaces with other
        // usings each find their own handbook.
        var other = """
            using System;
            using RunbookSdk;

            namespace Billing;

            [Handbook("billing")]
            public sealed class PaymentsHandbook : Handbook
            {
                public override void Define(IHandbookBuilder hb) => hb.Title("Billing handbook");
            }
            """;
        var billingRunbook = Runbook.Replace("namespace Payments;", "namespace Billing;").Replace("payments-api-down", "billing-api-down");
        var (unbound, run) = Compare(TestRunbooks.Handbook, other, Runbook, billingRunbook);

        Assert.Equal(2, unbound.Reads.CountWithoutBinding);
        Assert.Contains("Billing handbook", GeneratorHarness.EmbeddedMarkdown(GeneratorHarness.GeneratedSource(run, "Billing_ApiDown.Runbook.g.cs")), StringComparison.Ordinal);
        Assert.Contains("Payments incident handbook", GeneratorHarness.EmbeddedMarkdown(GeneratorHarness.GeneratedSource(run, "Payments_ApiDown.Runbook.g.cs")), StringComparison.Ordinal);
    }

    // The samples' shape: a team's class that derives from Runbook<THandbook> and declares the parameters every
    // runbook of the team shares, with a secret among them; another base between it and the runbook.
    private const string TeamBase = """
        using RunbookSdk;

        namespace Payments;

        public abstract class PaymentsRunbook : Runbook<PaymentsHandbook>
        {
            [Parameter("Cluster region")] public string Region { get; init; } = "eu-central-1";
            [Parameter("Deploy key"), Secret] public string DeployKey { get; init; } = "";
        }
        """;

    private static readonly string s_teamRunbook = Runbook.Replace("Runbook<PaymentsHandbook>", "PaymentsRunbook");

    [Fact]
    public void A_runbook_deriving_from_a_teams_base_class_is_read_without_binding_and_has_the_base_classs_parameters_first()
    {
        var second = s_teamRunbook.Replace("payments-api-down", "payments-db-down").Replace("ApiDown", "DbDown");
        var (unbound, run) = Compare(TestRunbooks.Handbook, TeamBase, s_teamRunbook, second);

        Assert.Equal(2, unbound.Reads.CountWithoutBinding);
        var page = GeneratorHarness.EmbeddedMarkdown(GeneratorHarness.GeneratedSource(run, "Payments_ApiDown.Runbook.g.cs"));
        Assert.True(page.IndexOf("Cluster region", StringComparison.Ordinal) is var region and >= 0 && region < page.IndexOf("Kubernetes namespace", StringComparison.Ordinal), page);
        Assert.Contains("Payments incident handbook", page, StringComparison.Ordinal);
    }

    public static TheoryData<string> Samples => SampleProjects.Names();

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_runbook_of_a_sample_is_read_without_binding(string sample)
    {
        var (unbound, _) = Compare(SampleProjects.Sources(sample));

        Assert.True(unbound.Reads.Count > 0, $"{sample} has no runbook");
        Assert.Equal(unbound.Reads.Count, unbound.Reads.CountWithoutBinding);
    }

    [Fact]
    public void A_runbook_two_team_classes_down_from_the_sdk_is_read_without_binding()
    {
        var middle = TeamBase.Replace("public abstract class PaymentsRunbook : Runbook<PaymentsHandbook>", "public abstract class PaymentsRunbook : CompanyRunbook")
            + "\npublic abstract class CompanyRunbook : Runbook<PaymentsHandbook> { [Parameter(\"Company\")] public string Company { get; init; } = \"acme\"; }\n";
        var (unbound, _) = Compare(TestRunbooks.Handbook, middle, s_teamRunbook);

        Assert.Equal(1, unbound.Reads.CountWithoutBinding);
    }

    [Fact]
    public void A_runbook_without_a_handbook_is_read_without_binding()
    {
        var (unbound, _) = Compare(Runbook.Replace("Runbook<PaymentsHandbook>", "Runbook"));

        Assert.Equal(1, unbound.Reads.CountWithoutBinding);
    }

    [Fact]
    public void A_team_base_class_from_a_referenced_assembly_is_read_as_binding_reads_it()
    {
        var compilation = GeneratorHarness.Compile(s_teamRunbook).AddReferences(Assembly("TeamRunbooks", TestRunbooks.Handbook, TeamBase));

        var (unbound, run) = Compare(compilation);

        Assert.Equal(1, unbound.Reads.CountWithoutBinding);
        Assert.Contains("Cluster region", GeneratorHarness.EmbeddedMarkdown(GeneratorHarness.GeneratedSource(run, "Payments_ApiDown.Runbook.g.cs")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_base_class_whose_base_nests_a_class_of_its_name_is_looked_up_as_the_base_list_sees_it()
    {
        // The runbook's attributes see the nested types it inherits (Company.PaymentsRunbook); its base list does not.
        var company = """
            using RunbookSdk;

            namespace Payments;

            public abstract class CompanyRunbook : Runbook<PaymentsHandbook>
            {
                public abstract class PaymentsRunbook : Runbook<OtherHandbook> { }
            }

            [Handbook("other")]
            public sealed class OtherHandbook : Handbook
            {
                public override void Define(IHandbookBuilder hb) => hb.Title("Other handbook");
            }
            """;
        var (unbound, run) = Compare(TestRunbooks.Handbook, TeamBase.Replace(": Runbook<PaymentsHandbook>", ": CompanyRunbook"), company, s_teamRunbook);

        Assert.Equal(1, unbound.Reads.CountWithoutBinding);
        Assert.Contains("Payments incident handbook", GeneratorHarness.EmbeddedMarkdown(GeneratorHarness.GeneratedSource(run, "Payments_ApiDown.Runbook.g.cs")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_scope_found_clean_for_one_runbook_does_not_clear_another_whose_base_class_nests_an_sdk_name()
    {
        // What a scope's names mean is asked once, at the first runbook read: it must not answer for the nested types
        // another runbook of the scope inherits from its own base class.
        var dirtyBase = """
            using RunbookSdk;

            namespace Payments;

            public abstract class TaggedRunbook : Runbook<PaymentsHandbook>
            {
                protected sealed class ParameterAttribute : System.Attribute { public ParameterAttribute(string description) { } }
            }
            """;
        var dirty = Runbook.Replace("Runbook<PaymentsHandbook>", "TaggedRunbook").Replace("ApiDown", "Tagged").Replace("payments-api-down", "payments-tagged");
        var compilation = GeneratorHarness.Compile(TestRunbooks.Handbook, Runbook, dirtyBase, dirty);
        var scopes = new SdkNameScopes();
        var version = CompilationVersion.Of(compilation);

        UnboundRunbook? Match(string className)
        {
            var declaration = compilation.SyntaxTrees.SelectMany(t => t.GetRoot().DescendantNodes()).OfType<ClassDeclarationSyntax>().Single(c => c.Identifier.ValueText == className);
            return UnboundRunbook.Match(declaration, compilation.GetSemanticModel(declaration.SyntaxTree), version, scopes, CancellationToken.None);
        }

        Assert.NotNull(Match("ApiDown"));
        Assert.Null(Match("Tagged"));
    }

    public static TheoryData<string, string[]> DeclarationsBindingMustRead => new()
    {
        // A team's attribute of the SDK's name, in the runbook's namespace: [Parameter] is not ours there.
        { "a team's ParameterAttribute", [Runbook, "namespace Payments; public sealed class ParameterAttribute : System.Attribute { public ParameterAttribute(string d) { } }"] },
        { "a team's Secret namespace", [Runbook, "namespace Payments.Secret { public static class Keys { } }"] },
        { "a team's Runbook class in an imported namespace", [Runbook.Replace("using RunbookSdk;", "using RunbookSdk;\nusing Ops;"), "namespace Ops; public class Runbook<T> { }"] },
        { "a using alias in the file", [Runbook.Replace("using System;", "using P = RunbookSdk.ParameterAttribute;")] },
        { "a using static in the file", [Runbook.Replace("using System;", "using static System.Math;")] },
        { "a global using static elsewhere", [Runbook, "global using static System.Math;"] },
        { "a file-local type in the file", [Runbook + "\nfile sealed class Helper { }"] },
        { "a partial class", [Runbook.Replace("public sealed class ApiDown", "public sealed partial class ApiDown"), "namespace Payments; public sealed partial class ApiDown { }"] },
        { "the class declared twice", [Runbook, Runbook.Replace("payments-api-down", "payments-api-down-copy")] },
        { "a nested type", [Runbook.Replace("public override void Define", "private sealed class Nested { }\n    public override void Define")] },
        { "the id a constant", [Runbook.Replace("[Runbook(\"payments-api-down\")]", "[Runbook(Ids.ApiDown)]"), "namespace Payments; public static class Ids { public const string ApiDown = \"payments-api-down\"; }"] },
        { "a qualified attribute name", [Runbook.Replace("[Runbook(", "[RunbookSdk.Runbook(")] },
        { "a team's base class with a nested Parameter type", [s_teamRunbook, TeamBase.Replace("public abstract class PaymentsRunbook : Runbook<PaymentsHandbook>\n{", "public abstract class PaymentsRunbook : Runbook<PaymentsHandbook>\n{\n    protected sealed class ParameterAttribute : System.Attribute { public ParameterAttribute(string d) { } }")] },
        { "a team's base class whose base declares a nested Secret type", [s_teamRunbook, TeamBase.Replace("PaymentsRunbook : Runbook<PaymentsHandbook>", "PaymentsRunbook : CompanyRunbook") + "\npublic abstract class CompanyRunbook : Runbook<PaymentsHandbook> { public static class Secret { } }\n"] },
        { "a team's base class named in two imported namespaces", [s_teamRunbook.Replace("using RunbookSdk;", "using RunbookSdk;\nusing Ops;\nusing Company;"), TeamBase.Replace("namespace Payments;", "using Payments;\nnamespace Company;"), "namespace Ops { public abstract class PaymentsRunbook : RunbookSdk.Runbook<Payments.PaymentsHandbook> { } }"] },
        { "a generic team base class", [Runbook.Replace("Runbook<PaymentsHandbook>", "PaymentsRunbook<PaymentsHandbook>"), "using RunbookSdk; namespace Payments; public abstract class PaymentsRunbook<T> : Runbook<T> where T : Handbook, new() { }"] },
        { "a team's base class written with its namespace", [Runbook.Replace("Runbook<PaymentsHandbook>", "Payments.PaymentsRunbook"), TeamBase] },
        { "a team's base class that is no runbook", [Runbook.Replace("Runbook<PaymentsHandbook>", "NotARunbook"), "namespace Payments; public abstract class NotARunbook { }"] },
        { "a handbook name that means two classes", [Runbook.Replace("using RunbookSdk;", "using RunbookSdk;\nusing Ops;\nusing Billing;").Replace("Runbook<PaymentsHandbook>", "Runbook<SharedHandbook>"), "namespace Ops { public sealed class SharedHandbook : RunbookSdk.Handbook { public override void Define(RunbookSdk.IHandbookBuilder hb) { } } }", "namespace Billing { public sealed class SharedHandbook : RunbookSdk.Handbook { public override void Define(RunbookSdk.IHandbookBuilder hb) { } } }"] },
        { "no public parameterless constructor", [Runbook.Replace("public override void Define", "public ApiDown(int x) { }\n    public override void Define")] },
        { "a private nested runbook", ["using RunbookSdk; namespace Payments; public static class Outer { " + Runbook[Runbook.IndexOf("[Runbook(", StringComparison.Ordinal)..].Replace("public sealed class ApiDown", "private sealed class ApiDown") + " }"] },
    };

    [Theory]
    [MemberData(nameof(DeclarationsBindingMustRead))]
    public void A_declaration_whose_names_syntax_cannot_settle_is_bound(string what, string[] sources)
    {
        var (unbound, _) = Compare([TestRunbooks.Handbook, .. sources]);

        Assert.True(unbound.Reads.CountWithoutBinding == 0, $"{what}: {unbound.Reads.CountWithoutBinding} runbooks read without binding");
    }

    [Fact]
    public void A_referenced_assemblys_attribute_of_the_sdks_name_in_an_imported_namespace_sends_the_runbook_to_binding()
    {
        var compilation = GeneratorHarness.Compile(TestRunbooks.Handbook, Runbook.Replace("using RunbookSdk;", "using RunbookSdk;\nusing Ops;"))
            .AddReferences(Assembly("TeamAttributes", "namespace Ops; public sealed class SecretAttribute : System.Attribute { }"));

        var (unbound, run) = Compare(compilation);

        Assert.Equal(0, unbound.Reads.CountWithoutBinding);
        Assert.Contains(run.Results.Single().GeneratedSources, s => s.HintName.EndsWith("ApiDown.Runbook.g.cs", StringComparison.Ordinal));
    }

    private static (RunbookGenerator Unbound, GeneratorDriverRunResult Run) Compare(params string[] sources) => Compare(GeneratorHarness.Compile(sources));

    /// <summary>Another project's assembly, compiled from <paramref name="sources"/>, as a build references it.</summary>
    private static MetadataReference Assembly(string name, params string[] sources)
    {
        var compilation = CSharpCompilation.Create(
            name,
            sources.Select(source => CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions)),
            GeneratorHarness.Compile().References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        Assert.True(compilation.Emit(image).Success);
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    /// <summary>Runs the generator and one that binds every runbook over <paramref name="compilation"/>; their outputs must be the same.</summary>
    private static (RunbookGenerator Unbound, GeneratorDriverRunResult Run) Compare(CSharpCompilation compilation)
    {
        var unbound = new RunbookGenerator();
        var run = GeneratorHarness.CreateDriver(generator: unbound, trackSteps: false).RunGenerators(compilation).GetRunResult();
        var bound = new RunbookGenerator(bindEveryRunbook: true);
        var expected = GeneratorHarness.CreateDriver(generator: bound, trackSteps: false).RunGenerators(compilation).GetRunResult();

        Assert.Equal(0, bound.Reads.CountWithoutBinding);
        var (want, got) = (Texts(expected), Texts(run));
        for (var i = 0; i < Math.Min(want.Length, got.Length); i++)
        {
            if (want[i] == got[i]) continue;
            var at = 0;
            while (at < want[i].Length && at < got[i].Length && want[i][at] == got[i][at]) at++;
            Assert.Fail($"{want[i][..want[i].IndexOf('\n')]} differs at {at}:\n  bound:   {want[i].Substring(Math.Max(0, at - 80), Math.Min(160, want[i].Length - Math.Max(0, at - 80)))}\n  unbound: {got[i].Substring(Math.Max(0, at - 80), Math.Min(160, got[i].Length - Math.Max(0, at - 80)))}");
        }

        Assert.Equal(want.Length, got.Length);
        Assert.Equal(expected.Diagnostics.Select(d => d.ToString()), run.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(bound.Reads.Count, unbound.Reads.Count);
        return (unbound, run);
    }

    private static ImmutableArray<string> Texts(GeneratorDriverRunResult run) =>
        run.Results.Single().GeneratedSources.Select(s => s.HintName + "\n" + s.SourceText).ToImmutableArray();
}
