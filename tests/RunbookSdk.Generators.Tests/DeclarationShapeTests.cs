using Microsoft.CodeAnalysis;
using RunbookSdk.Generators.Tests.Support;

namespace RunbookSdk.Generators.Tests;

/// <summary>
/// Runbook and handbook classes declared the ways real code declares them — nested, in keyword-named namespaces, with
/// names that differ only where a file name cannot tell — generate parts that compile, or an RB01xx diagnostic;
/// never a generator failure (CS8785), which takes every generated part of the project with it.
/// </summary>
public class DeclarationShapeTests
{
    private const string Define = """public override void Define(IRunbookBuilder rb) => rb.Title("T").Phase("P", p => p.Step("S", s => s.Run("echo hi")));""";

    public static TheoryData<string, string> SameFileNameToday => new()
    {
        // A namespace segment with an underscore and a dot in another place: both were A_B_C_Rb.
        {
            "using RunbookSdk; namespace A.B_C { [Runbook(\"one\")] public sealed class Rb : Runbook { " + Define + " } }",
            "using RunbookSdk; namespace A_B.C { [Runbook(\"two\")] public sealed class Rb : Runbook { " + Define + " } }"
        },
        // A runbook nested in a class and one in a namespace spelled with an underscore: both were Ops_Teams_Rb.
        {
            "using RunbookSdk; namespace Ops { public static class Teams { [Runbook(\"one\")] public sealed class Rb : Runbook { " + Define + " } } }",
            "using RunbookSdk; namespace Ops_Teams { [Runbook(\"two\")] public sealed class Rb : Runbook { " + Define + " } }"
        },
        // A keyword namespace (`@event`): its name was written with the @, which no file name may hold.
        {
            "using RunbookSdk; namespace Ops.@event { [Runbook(\"one\")] public sealed class Rb : Runbook { " + Define + " } }",
            "using RunbookSdk; namespace Ops.@class { [Handbook(\"hb\")] public sealed class Hb : Handbook { public override void Define(IHandbookBuilder hb) => hb.Title(\"H\"); } }"
        },
    };

    [Theory]
    [MemberData(nameof(SameFileNameToday))]
    public void Every_runbook_gets_its_own_generated_file(string first, string second)
    {
        var (run, compileErrors) = GeneratorHarness.Run(first, second);

        Assert.All(run.Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(run.Diagnostics, d => d.Id is "CS8785" or "RB0104");
        Assert.Empty(compileErrors);
        var parts = run.Results.Single().GeneratedSources.Where(s => s.HintName != "RunbookCatalog.g.cs").ToList();
        Assert.Equal(2, parts.Count);
        Assert.Equal(2, parts.Select(p => p.HintName).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void A_plain_namespace_and_class_keep_their_readable_file_name()
    {
        var (run, _) = GeneratorHarness.Run(TestRunbooks.Handbook, TestRunbooks.Runbook);

        Assert.Contains(run.Results.Single().GeneratedSources, s => s.HintName == "Payments_ApiDown.Runbook.g.cs");
        Assert.Contains(run.Results.Single().GeneratedSources, s => s.HintName == "Payments_PaymentsHandbook.Handbook.g.cs");
    }

    [Theory]
    [InlineData("namespace Ops; [Runbook(\"a\")] public sealed class @class : Runbook { DEFINE }")]
    [InlineData("namespace Ops; public static class Teams { public static class Payments { [Runbook(\"a\")] public sealed class Drain : Runbook { DEFINE } } }")]
    [InlineData("namespace Ops.System; [Runbook(\"a\")] public sealed class Task : Runbook { DEFINE }")]
    [InlineData("[Runbook(\"a\")] public sealed class StepContext : Runbook { DEFINE }")]
    public void Generated_code_names_the_class_so_that_it_compiles(string declaration)
    {
        var (run, compileErrors) = GeneratorHarness.Run("using RunbookSdk;\n" + declaration.Replace("DEFINE", Define, StringComparison.Ordinal));

        Assert.DoesNotContain(run.Diagnostics, d => d.Id is "CS8785" or "RB0104");
        Assert.Empty(compileErrors);
        Assert.Contains(run.Results.Single().GeneratedSources, s => s.HintName.EndsWith(".Runbook.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void A_runbook_finds_its_handbook_whose_names_are_keywords()
    {
        const string source = """
            using System;
            using RunbookSdk;

            namespace Ops.@class;

            [Handbook("ops")]
            public sealed class @event : Handbook
            {
                public override void Define(IHandbookBuilder hb) => hb
                    .Title("Ops handbook")
                    .Escalation(e => e.Level("On-call", TimeSpan.Zero, "pager"));
            }

            [Runbook("drain")]
            public sealed class Drain : Runbook<@event>
            {
                public override void Define(IRunbookBuilder rb) => rb.Title("Drain").Phase("P", p => p.Step("S", s => s.Run("echo hi")));
            }
            """;
        var (run, compileErrors) = GeneratorHarness.Run(source);

        Assert.Empty(compileErrors);
        var page = GeneratorHarness.EmbeddedMarkdown(GeneratorHarness.GeneratedSource(run, "Drain.Runbook.g.cs"));
        Assert.Contains("[Ops handbook](ops.md)", page, StringComparison.Ordinal);
        Assert.Contains("Inherited from the handbook.", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public class Team { [Runbook(\"a\")] private sealed class Drain : Runbook { DEFINE } }")]
    [InlineData("public class Team { [Runbook(\"a\")] protected sealed class Drain : Runbook { DEFINE } }")]
    [InlineData("public class Team { [Runbook(\"a\")] private protected sealed class Drain : Runbook { DEFINE } }")]
    [InlineData("internal class Team { private class Inner { [Runbook(\"a\")] public sealed class Drain : Runbook { DEFINE } } }")]
    [InlineData("[Runbook(\"a\")] file sealed class Drain : Runbook { DEFINE }")]
    [InlineData("[Runbook(\"a\")] public sealed class Drain<TRegion> : Runbook { DEFINE }")]
    [InlineData("public class Team<TRegion> { [Runbook(\"a\")] public sealed class Drain : Runbook { DEFINE } }")]
    [InlineData("public class Team { [Handbook(\"h\")] private sealed class Drain : Handbook { public override void Define(IHandbookBuilder hb) => hb.Title(\"H\"); } }")]
    [InlineData("[Handbook(\"h\")] file sealed class Drain : Handbook { public override void Define(IHandbookBuilder hb) => hb.Title(\"H\"); }")]
    [InlineData("[Handbook(\"h\")] public sealed class Drain<T> : Handbook { public override void Define(IHandbookBuilder hb) => hb.Title(\"H\"); }")]
    public void A_class_the_runner_cannot_reach_gets_RB0105_and_no_part_that_breaks_the_build(string declaration)
    {
        var source = "using RunbookSdk;\nnamespace Ops;\n" + declaration.Replace("DEFINE", Define, StringComparison.Ordinal);

        var (run, compileErrors) = GeneratorHarness.Run(source);

        Assert.DoesNotContain(run.Diagnostics, d => d.Id is "CS8785" or "RB0104");
        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "RB0105");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("'Drain'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(compileErrors);
        Assert.DoesNotContain(run.Results.Single().GeneratedSources, s => s.HintName.Contains("Drain", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[Runbook(\"a\")] public sealed class Drain { public void Define(IRunbookBuilder rb) => rb.Title(\"Drain\"); }", "RunbookSdk.Runbook")]
    [InlineData("[Runbook(\"a\")] public sealed class Drain : Handbook { public override void Define(IHandbookBuilder hb) => hb.Title(\"Drain\"); }", "RunbookSdk.Runbook")]
    [InlineData("public abstract class TeamBase { } [Runbook(\"a\")] public sealed class Drain : TeamBase { public void Define(IRunbookBuilder rb) => rb.Title(\"Drain\"); }", "RunbookSdk.Runbook")]
    [InlineData("[Handbook(\"h\")] public sealed class Drain : Runbook { DEFINE }", "RunbookSdk.Handbook")]
    public void A_class_that_is_no_runbook_gets_RB0105_and_no_page(string declaration, string baseClass)
    {
        // A class marked [Runbook] before its base class is typed, or copied from a handbook, got a page saying it had
        // no rollback, verification or escalation and a catalog entry; no rule reported it, as the rules judge runbooks,
        // and `runbook run` failed casting it to Runbook.
        var source = "using RunbookSdk;\nnamespace Ops;\n" + declaration.Replace("DEFINE", Define, StringComparison.Ordinal);

        var (run, compileErrors) = GeneratorHarness.Run(source);

        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "RB0105");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("'Drain'", message, StringComparison.Ordinal);
        Assert.Contains("does not derive from " + baseClass, message, StringComparison.Ordinal);
        Assert.Equal(2, diagnostic.Location.GetLineSpan().StartLinePosition.Line); // the class's line, 0-based
        Assert.Empty(compileErrors);
        Assert.DoesNotContain(run.Results.Single().GeneratedSources, s => s.HintName.Contains("Drain", StringComparison.Ordinal));
    }

    // A base class the compiler cannot bind — a namespace Acme.Platform.Handbook hiding RunbookSdk.Handbook (CS0118),
    // or a base class misspelt (CS0246) — is the compiler's error to report: RB0105 added "does not derive from
    // RunbookSdk.Handbook ... derive it from Handbook" to a class that already did, which sent the author the wrong way.
    [Theory]
    [InlineData("namespace Acme.Platform.Handbook { public sealed class Note { } }\nnamespace Acme.Platform { [Handbook(\"platform\")] public sealed class PlatformHandbook : Handbook { public override void Define(IHandbookBuilder hb) => hb.Title(\"P\"); } }", "CS0118")]
    [InlineData("namespace Ops { [Runbook(\"a\")] public sealed class Drain : Runbok { DEFINE } }", "CS0246")]
    public void A_class_whose_base_class_does_not_bind_is_left_to_the_compilers_error(string declarations, string compilerError)
    {
        var source = "using RunbookSdk;\n" + declarations.Replace("DEFINE", Define, StringComparison.Ordinal);

        var (run, compileErrors) = GeneratorHarness.Run(source);

        Assert.Contains(compileErrors, e => e.Id == compilerError);
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "RB0105");
        // Nor does generated code add errors of its own to the compiler's one.
        Assert.All(compileErrors, e => Assert.Equal("", Path.GetFileName(e.Location.SourceTree?.FilePath) is { } file && file.EndsWith(".g.cs", StringComparison.Ordinal) ? e.ToString() : ""));
    }

    // An abstract class marked [Runbook] (a team base given the id of the runbook meant to derive from it) got nothing:
    // no page, no runner, no finding. The attribute is not inherited, so the runbook was silently missing.
    [Theory]
    [InlineData("[Runbook(\"a\")] public abstract class Drain : Runbook { DEFINE }", "[Runbook]")]
    [InlineData("[Handbook(\"h\")] public abstract class Drain : Handbook { public override void Define(IHandbookBuilder hb) => hb.Title(\"H\"); }", "[Handbook]")]
    public void An_abstract_class_marked_as_a_runbook_gets_RB0105(string declaration, string attribute)
    {
        var source = "using RunbookSdk;\nnamespace Ops;\n" + declaration.Replace("DEFINE", Define, StringComparison.Ordinal);

        var (run, compileErrors) = GeneratorHarness.Run(source);

        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "RB0105");
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("'Drain' cannot be reached by the runner because it is abstract", message, StringComparison.Ordinal);
        Assert.Contains("put " + attribute + " on each class that derives from it", message, StringComparison.Ordinal);
        Assert.Equal(2, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Empty(compileErrors);
    }

    [Theory]
    [InlineData("[Runbook(\"a\")] internal sealed class Drain : Runbook { DEFINE }")]
    [InlineData("internal static class Team { [Runbook(\"a\")] internal sealed class Drain : Runbook { DEFINE } }")]
    [InlineData("public class Team { [Runbook(\"a\")] protected internal sealed class Drain : Runbook { DEFINE } }")]
    public void An_internal_or_protected_internal_runbook_is_reached(string declaration)
    {
        var source = "using RunbookSdk;\nnamespace Ops;\n" + declaration.Replace("DEFINE", Define, StringComparison.Ordinal);

        var (run, compileErrors) = GeneratorHarness.Run(source);

        Assert.DoesNotContain(run.Diagnostics, d => d.Id.StartsWith("RB01", StringComparison.Ordinal));
        Assert.Empty(compileErrors);
        Assert.Contains(run.Results.Single().GeneratedSources, s => s.HintName.EndsWith("Drain.Runbook.g.cs", StringComparison.Ordinal));
    }

    private const string HandbookDefine = """public override void Define(IHandbookBuilder hb) => hb.Title("H");""";

    public static TheoryData<string, string, string> TwoAttributesOnOneClass => new()
    {
        // The attribute written on two parts of a partial class (CS0579 until one is deleted).
        { "[Runbook(\"a\")] public sealed partial class Drain : Runbook { DEFINE }", "[Runbook(\"b\")] public sealed partial class Drain { }", ".Runbook.g.cs" },
        // A runbook file copied to start the next one, before its class is renamed (CS0101).
        { "[Runbook(\"a\")] public sealed class Drain : Runbook { DEFINE }", "[Runbook(\"a\")] public sealed class Drain : Runbook { DEFINE }", ".Runbook.g.cs" },
        { "[Handbook(\"h\")] public sealed partial class Drain : Handbook { HANDBOOK }", "[Handbook(\"h2\")] public sealed partial class Drain { }", ".Handbook.g.cs" },
        { "[Handbook(\"h\")] public sealed class Drain : Handbook { HANDBOOK }", "[Handbook(\"h\")] public sealed class Drain : Handbook { HANDBOOK }", ".Handbook.g.cs" },
    };

    [Theory]
    [MemberData(nameof(TwoAttributesOnOneClass))]
    public void A_class_with_the_attribute_on_two_declarations_is_one_runbook_and_the_generator_does_not_fail(string first, string second, string suffix)
    {
        static string Source(string declaration) => "using RunbookSdk;\nnamespace Ops;\n"
            + declaration.Replace("DEFINE", Define, StringComparison.Ordinal).Replace("HANDBOOK", HandbookDefine, StringComparison.Ordinal);

        var (run, _) = GeneratorHarness.Run(Source(first), Source(second));

        Assert.All(run.Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(run.Diagnostics, d => d.Id is "CS8785" or "RB0104");
        Assert.Single(run.Results.Single().GeneratedSources, s => s.HintName.EndsWith(suffix, StringComparison.Ordinal));
        Assert.Contains(run.Results.Single().GeneratedSources, s => s.HintName == "RunbookCatalog.g.cs");
    }

    [Fact]
    public void Copying_a_runbook_file_and_then_deleting_the_original_keeps_one_page_while_typing()
    {
        const string runbook = "using RunbookSdk;\nnamespace Ops;\n[Runbook(\"a\")] public sealed class Rba : Runbook { " + Define + " }";
        var session = new EditSession(runbook);

        session.Add(runbook.Replace("echo hi", "echo copy", StringComparison.Ordinal));
        Assert.True(session.HasPage("a"));
        Assert.Contains("echo hi", session.Page("a"), StringComparison.Ordinal);

        session.Remove("echo hi");
        Assert.Contains("echo copy", session.Page("a"), StringComparison.Ordinal);
    }
}
