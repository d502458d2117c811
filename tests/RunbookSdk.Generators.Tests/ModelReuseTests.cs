using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RunbookSdk.Generators.Tests.Support;
using static RunbookSdk.Generators.Tests.Support.ReuseSources;

namespace RunbookSdk.Generators.Tests;

/// <summary>
/// Roslyn runs the generator's reading of every runbook again whenever the compilation changes — in the IDE, on
/// every keystroke. A runbook whose file, and every file its model was read from, is unchanged keeps its model
/// (<c>RunbookReads</c>). These tests count the reads, and check after every edit that the outputs are exactly
/// what a fresh generator produces from the same code: reuse must never show a stale model.
/// </summary>
public sealed class ModelReuseTests
{
    [Fact]
    public void Editing_one_runbook_reads_only_that_runbook_again()
    {
        var session = new EditSession(HandbookFile, LimitsFile, Runbook("a", "\"A\""), Runbook("b", "\"B\""), Runbook("c", "\"C\""));

        var reads = session.Edit("\"B\"", "\"B, edited\"");

        Assert.Equal(1, reads);
        Assert.Contains("B, edited", session.Page("b"), StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_a_file_no_runbook_was_read_from_reads_no_runbook_again()
    {
        var session = new EditSession(HandbookFile, LimitsFile, Runbook("a", "\"A\""), Runbook("b", "\"B\""), Runbook("c", "\"C\""));

        Assert.Equal(0, session.Edit("public static class Limits { }", "public static class Limits { public const int Unused = 1; }"));
        Assert.Equal(0, session.Edit("public const int Unused = 1;", "public const int Unused = 2; static int Twice(int x) => x * 2;"));
    }

    [Fact]
    public void Editing_the_handbook_reads_no_runbook_again_and_their_pages_show_the_edit()
    {
        var session = new EditSession(HandbookFile, LimitsFile, Runbook("a", "\"A\""), Runbook("b", "\"B\""), Runbook("c", "\"C\""));

        Assert.Equal(0, session.Edit("\"On-call\"", "\"Primary on-call\""));
        Assert.Contains("Primary on-call", session.Page("a"), StringComparison.Ordinal); // the inherited escalation
    }

    [Fact]
    public void Renaming_the_handbook_class_reads_its_runbooks_again()
    {
        var session = new EditSession(HandbookFile, LimitsFile, Runbook("a", "\"A\""), Runbook("b", "\"B\""));

        Assert.Contains("(ops.md)", session.Page("a"), StringComparison.Ordinal);

        // Moved out of the runbooks' namespace, it is no longer the type their `Runbook<OpsHandbook>` names.
        Assert.Equal(2, session.Edit("namespace Ops;\n[Handbook", "namespace Ops.Shared;\n[Handbook"));
        Assert.DoesNotContain("(ops.md)", session.Page("a"), StringComparison.Ordinal);
    }

    [Fact]
    public void Typing_a_new_type_reads_again_only_the_runbooks_that_look_up_its_name()
    {
        var shared = "namespace Shared;\npublic static class Names { public const string Title = \"From shared\"; }";
        var session = new EditSession(HandbookFile, shared, LimitsFile, "using Shared;\n" + Runbook("a", "Names.Title"), Runbook("b", "\"B\""), Runbook("c", "\"C\""));

        // Each keystroke declares a type of another name: no runbook looked any of them up.
        Assert.Equal(0, session.Edit("public static class Limits { }", "public static class Limits { }\npublic static class N { }"));
        Assert.Equal(0, session.Edit("class N { }", "class Na { }"));
        Assert.Equal(0, session.Edit("class Na { }", "class Nam { }"));
        Assert.Equal(0, session.Edit("class Nam { }", "class Name { }"));

        // The next one declares Ops.Names, which comes before the imported Shared.Names for a.
        Assert.Equal(1, session.Edit("class Name { }", "class Names { public const string Title = \"From ops\"; }"));
        Assert.Contains("# From ops", session.Page("a"), StringComparison.Ordinal);
    }

    [Fact]
    public void Adding_a_runbook_reads_only_the_new_one()
    {
        var session = new EditSession(HandbookFile, LimitsFile, Runbook("a", "\"A\""), Runbook("b", "\"B\""));

        Assert.Equal(1, session.Add(Runbook("c", "\"C\"")));
        Assert.Contains("# C", session.Page("c"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_attribute_class_declared_with_the_runbook_attributes_name_is_picked_up()
    {
        var session = new EditSession(HandbookFile, LimitsFile, Runbook("a", "\"A\""), Runbook("b", "\"B\""));

        // Ops.RunbookAttribute comes before the imported RunbookSdk.RunbookAttribute: [Runbook] is no longer ours.
        session.Edit("public static class Limits { }", "public static class Limits { }\npublic sealed class RunbookAttribute(string id) : System.Attribute { }");

        Assert.False(session.HasPage("a"));
        Assert.False(session.HasPage("b"));
    }

    [Fact]
    public void A_base_class_declared_with_the_runbooks_base_name_is_picked_up()
    {
        var session = new EditSession(HandbookFile, LimitsFile, Runbook("a", "\"A\""));
        Assert.Contains("(ops.md)", session.Page("a"), StringComparison.Ordinal);

        // Ops.Runbook<T> comes before the imported RunbookSdk.Runbook<T>: a no longer belongs to the handbook.
        session.Edit("public static class Limits { }", "public static class Limits { }\npublic abstract class Runbook<T> : RunbookSdk.Runbook { }");

        Assert.DoesNotContain("(ops.md)", session.Page("a"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_namespace_that_changes_what_a_using_imports_is_picked_up()
    {
        // `using Shared;` inside namespace Ops imports Ops.Shared once it exists, which has no Names.
        var shared = "namespace Shared;\npublic static class Names { public const string Title = \"From shared\"; }";
        var runbook = Runbook("a", "Names.Title").Replace("namespace Ops;", "namespace Ops;\nusing Shared;", StringComparison.Ordinal);
        var session = new EditSession(HandbookFile, shared, LimitsFile, runbook, "// more", Runbook("b", "\"B\""));
        Assert.Contains("# From shared", session.Page("a"), StringComparison.Ordinal);

        session.Edit("// more", "namespace Ops.Shared { public static class Other { } }");

        Assert.Contains("# {Names.Title}", session.Page("a"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_constant_in_a_shared_file_is_read_again_when_that_file_changes()
    {
        var session = new EditSession(
            HandbookFile, "namespace Ops;\npublic static class Limits { public const string Region = \"eu-west-1\"; }",
            Runbook("a", "\"Drain \" + Limits.Region"), Runbook("b", "\"B\""));

        var reads = session.Edit("\"eu-west-1\"", "\"us-east-2\"");

        Assert.Equal(1, reads); // a, not b
        Assert.Contains("# Drain us-east-2", session.Page("a"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_static_readonly_table_row_is_read_again_when_its_initializer_or_a_constant_in_it_changes()
    {
        var session = new EditSession(
            HandbookFile, "namespace Ops;\npublic static class Limits { public const string Team = \"Payments\"; }",
            Runbook("a", "\"A\"", members: "private static readonly string[] Headers = [\"Severity\", \"Who\"]; private static readonly string[] Row1 = { \"P1\", Limits.Team };",
                chain: ".Section(\"Owners\", s => s.Table(Headers, Row1))"),
            Runbook("b", "\"B\""));
        Assert.Contains("| Severity | Who |\n|---|---|\n| P1 | Payments |\n", session.Page("a"), StringComparison.Ordinal);

        var reads = session.Edit("\"P1\"", "\"P2\"");
        Assert.Equal(1, reads); // a, not b
        Assert.Contains("| P2 | Payments |\n", session.Page("a"), StringComparison.Ordinal);

        reads = session.Edit("\"Payments\"", "\"SRE\"");
        Assert.Equal(1, reads); // a reads the constant in its row; not b
        Assert.Contains("| P2 | SRE |\n", session.Page("a"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_static_readonly_table_header_of_another_file_is_one_cell_of_source()
    {
        // The generator's semantic model reads the runbook's tree only: an array declared elsewhere is shown as written.
        var session = new EditSession(
            HandbookFile, "namespace Ops;\npublic static class Limits { public static readonly string[] Headers = [\"Severity\", \"Who\"]; }",
            Runbook("a", "\"A\"", chain: ".Section(\"Owners\", s => s.Table(Limits.Headers, [\"P1\", \"Ops\"]))"));

        Assert.Contains("| {Limits.Headers} |\n|---|\n| P1 | Ops |\n", session.Page("a"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_parameter_default_from_a_constant_in_a_shared_file_is_read_again_when_that_file_changes()
    {
        var session = new EditSession(
            HandbookFile, "namespace Ops;\npublic static class Limits { public const string Region = \"eu-west-1\"; }",
            Runbook("a", "\"A\"", members: "[Parameter(\"Region\")] public string Region { get; init; } = Limits.Region;"), Runbook("b", "\"B\""));
        Assert.Contains("`\"eu-west-1\"`", session.Page("a"), StringComparison.Ordinal);

        var reads = session.Edit("\"eu-west-1\"", "\"us-east-2\"");

        Assert.Equal(1, reads); // a, not b
        Assert.Contains("`\"us-east-2\"`", session.Page("a"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_type_declared_in_a_shared_file_that_shadows_a_name_is_picked_up()
    {
        // a's Names is Shared.Names, imported by a using, until another file declares Ops.Names, which comes first.
        var shared = "namespace Shared;\npublic static class Names { public const string Title = \"From shared\"; }";
        var session = new EditSession(HandbookFile, shared, LimitsFile, "using Shared;\n" + Runbook("a", "Names.Title"), Runbook("b", "\"B\""));
        Assert.Contains("# From shared", session.Page("a"), StringComparison.Ordinal);

        session.Edit("public static class Limits { }", "public static class Limits { }\npublic static class Names { public const string Title = \"From ops\"; }");

        Assert.Contains("# From ops", session.Page("a"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_type_moved_into_the_runbooks_namespace_within_one_file_is_picked_up()
    {
        // The file declares the same names before and after; only the namespace the type is in changes.
        var elsewhere = "namespace Shared { public static class Names { public const string Title = \"From shared\"; } }";
        var moving = "namespace Parked { public static class Names { public const string Title = \"From ops\"; } }\nnamespace Ops { public static class Other { } }";
        var session = new EditSession(HandbookFile, elsewhere, moving, "using Shared;\n" + Runbook("a", "Names.Title"), Runbook("b", "\"B\""));
        Assert.Contains("# From shared", session.Page("a"), StringComparison.Ordinal);

        session.Edit(moving, "namespace Parked { public static class Other { } }\nnamespace Ops { public static class Names { public const string Title = \"From ops\"; } }");

        Assert.Contains("# From ops", session.Page("a"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_that_binds_to_nothing_yet_is_picked_up_when_another_file_declares_it()
    {
        // `Title` binds to nothing until LimitsFile, imported with `using static`, declares it: no tree stands for that,
        // so a is read on every edit until it binds; b, which reads nothing from elsewhere, is not.
        var session = new EditSession(HandbookFile, LimitsFile, "using static Ops.Limits;\n" + Runbook("a", "Title"), Runbook("b", "\"B\""));
        Assert.Contains("# {Title}", session.Page("a"), StringComparison.Ordinal); // not a constant yet: its source text

        var reads = session.Edit("public static class Limits { }", "public static class Limits { public const string Title = \"Drain the queue\"; }");

        Assert.Equal(1, reads);
        Assert.Contains("# Drain the queue", session.Page("a"), StringComparison.Ordinal);
        Assert.Equal(1, session.Edit("\"Drain the queue\"", "\"Drain it\"")); // a, through the constant it now binds to
        Assert.Equal(1, session.Edit("\"B\"", "\"B, edited\"")); // b alone: a binds now, and is reused
    }

    [Fact]
    public void A_member_that_makes_a_name_ambiguous_between_two_using_static_classes_is_picked_up()
    {
        // Region is Defaults.Region until More declares one too: then it binds to neither, and no type name changed.
        var more = "namespace Shared;\npublic static class More { /* more */ }";
        var runbook = "using static Shared.Defaults;\nusing static Shared.More;\n" + Runbook("a", "\"Drain \" + Region");
        var session = new EditSession(HandbookFile, DefaultsFile, more, runbook, Runbook("b", "\"B\""));
        Assert.Contains("# Drain eu-west-1", session.Page("a"), StringComparison.Ordinal);

        session.Edit("/* more */", "public const string Region = \"us-east-2\";");

        Assert.DoesNotContain("eu-west-1", session.Page("a"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_nested_runbook_is_read_again_when_its_containing_types_base_class_changes()
    {
        // Ops.Team derives from TeamBase, declared in another file; once TeamBase declares Region, it comes before the
        // Region imported with `using static`.
        var outer = "using static Shared.Defaults;\n" + Runbook("a", "\"Drain \" + Region")
            .Replace("[Runbook(\"a\")]", "public class Team : TeamBase {\n[Runbook(\"a\")]", StringComparison.Ordinal) + "\n}";
        var session = new EditSession(
            HandbookFile, LimitsFile, DefaultsFile,
            outer, "namespace Ops;\npublic class TeamBase { }", Runbook("b", "\"B\""));
        Assert.Contains("# Drain eu-west-1", session.Page("a", "Ops_Team-Rba"), StringComparison.Ordinal);

        session.Edit("public class TeamBase { }", "public class TeamBase { public const string Region = \"us-east-2\"; }");

        Assert.Contains("# Drain us-east-2", session.Page("a", "Ops_Team-Rba"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_nested_runbook_is_read_again_when_its_containing_type_changes_in_another_file()
    {
        // Ops.Team is partial across two files; its runbook reads `Region`, which the other part declares later,
        // shadowing the one imported with `using static`.
        var outer = "using static Shared.Defaults;\n" + Runbook("a", "\"Drain \" + Region")
            .Replace("[Runbook(\"a\")]", "public static partial class Team {\n[Runbook(\"a\")]", StringComparison.Ordinal) + "\n}";
        var session = new EditSession(
            HandbookFile, LimitsFile, DefaultsFile,
            outer, "namespace Ops;\npublic static partial class Team { }", Runbook("b", "\"B\""));
        Assert.Contains("# Drain eu-west-1", session.Page("a", "Ops_Team-Rba"), StringComparison.Ordinal);

        session.Edit("public static partial class Team { }", "public static partial class Team { public const string Region = \"us-east-2\"; }");

        Assert.Contains("# Drain us-east-2", session.Page("a", "Ops_Team-Rba"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_constant_declared_in_another_runbooks_file_is_read_again_when_that_file_changes()
    {
        var session = new EditSession(
            HandbookFile, LimitsFile,
            Runbook("a", "\"Drain \" + Rbb.Region"),
            Runbook("b", "\"B\"", "public const string Region = \"eu-west-1\";"),
            Runbook("c", "\"C\""));

        var reads = session.Edit("\"eu-west-1\"", "\"us-east-2\"");

        Assert.Equal(2, reads); // b (its own file) and a (it reads b's constant); not c
        Assert.Contains("Drain us-east-2", session.Page("a"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_constant_that_reaches_a_runbook_through_another_constant_is_followed_to_its_end()
    {
        // a reads Limits.Title (a shared file), which is b's constant: editing b's file must reach a.
        var session = new EditSession(
            HandbookFile,
            "namespace Ops;\npublic static class Limits { public const string Title = \"Drain \" + Rbb.Region; }",
            Runbook("a", "Limits.Title"),
            Runbook("b", "\"B\"", "public const string Region = \"eu-west-1\";"),
            Runbook("c", "\"C\""));
        Assert.Contains("# Drain eu-west-1", session.Page("a"), StringComparison.Ordinal);

        var reads = session.Edit("\"eu-west-1\"", "\"us-east-2\"");

        Assert.Equal(2, reads); // b (its own file) and a (through LimitsFile); not c
        Assert.Contains("# Drain us-east-2", session.Page("a"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_type_declared_in_another_runbooks_file_that_shadows_a_name_is_picked_up()
    {
        // a's Limits is Shared.Limits, imported by a using, until b's file declares Ops.Limits, which comes first.
        var shared = "namespace Shared;\npublic static class Limits { public const string Title = \"From shared\"; }";
        var session = new EditSession(HandbookFile, shared, "using Shared;\n" + Runbook("a", "Limits.Title"), Runbook("b", "\"B\""), Runbook("c", "\"C\""));
        Assert.Contains("# From shared", session.Page("a"), StringComparison.Ordinal);

        session.Edit("public sealed class Rbb : Runbook<OpsHandbook>", "public static class Limits { public const string Title = \"From b\"; }\npublic sealed class Rbb : Runbook<OpsHandbook>");

        Assert.Contains("# From b", session.Page("a"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_constant_declared_after_the_runbook_that_uses_it_is_picked_up()
    {
        var session = new EditSession(HandbookFile, LimitsFile, Runbook("a", "Limits.Title"), Runbook("b", "\"B\""));
        Assert.Contains("Limits.Title", session.Page("a"), StringComparison.Ordinal); // not a constant yet: its source text

        session.Edit("public static class Limits { }", "public static class Limits { public const string Title = \"Drain the queue\"; }");

        Assert.Contains("# Drain the queue", session.Page("a"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_handbook_id_links_its_runbooks_to_the_new_page()
    {
        var session = new EditSession(HandbookFile, LimitsFile, Runbook("a", "\"A\""));

        session.Edit("[Handbook(\"ops\")]", "[Handbook(\"platform\")]");

        Assert.Contains("platform.md", session.Page("a"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_global_alias_added_or_removed_in_another_file_finds_or_drops_the_runbooks_that_use_it()
    {
        var aliased = Runbook("b", "\"B\"").Replace("[Runbook(\"b\")]", "[Rb(\"b\")]", StringComparison.Ordinal);
        var session = new EditSession(HandbookFile, LimitsFile, Runbook("a", "\"A\""), aliased, "// aliases");
        Assert.False(session.HasPage("b"));

        session.Edit("// aliases", "global using Rb = RunbookSdk.RunbookAttribute;");
        Assert.True(session.HasPage("b"));

        session.Edit("global using Rb = RunbookSdk.RunbookAttribute;", "// aliases");
        Assert.False(session.HasPage("b"));
    }

    [Fact]
    public void A_global_alias_removed_from_a_runbooks_file_drops_the_unchanged_runbook_that_used_it()
    {
        var aliased = Runbook("a", "\"A\"").Replace("[Runbook(\"a\")]", "[Rb(\"a\")]", StringComparison.Ordinal);
        var session = new EditSession(HandbookFile, LimitsFile, aliased, "global using Rb = RunbookSdk.RunbookAttribute;\n" + Runbook("b", "\"B\""), Runbook("c", "\"C\""));
        Assert.True(session.HasPage("a"));

        // a's file is unchanged, but what its attribute names is not: every runbook is looked at again.
        Assert.Equal(2, session.Edit("global using Rb = RunbookSdk.RunbookAttribute;", "global using System.Text;"));
        Assert.False(session.HasPage("a"));
        Assert.Equal(1, session.Edit("\"B\"", "\"B, edited\""));
    }

    /// <summary>
    /// Edits that each change what some runbook reads — a type that shadows an imported one, a constant's value, a
    /// constant that a name binds to once declared, a namespace that changes what a using imports, a global using, a
    /// type moved between namespaces, a renamed handbook — applied and undone in a random order: after every step
    /// the outputs must equal a fresh generator's (<see cref="EditSession"/> checks), whatever came before.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Any_order_of_edits_leaves_the_outputs_a_fresh_generator_produces(int seed)
    {
        var shared = "namespace Shared\n{\n    public static class Names { public const string Title = \"From shared\"; }\n    /* S1 */\n}";
        var helper = "namespace Ops\n{\n    public static class Limits { public const string Region = \"eu\"; /* L */ }\n    /* H */\n}\nnamespace Parked\n{\n    /* P */\n}";
        var toggles = new (string Off, string On)[]
        {
            ("/* H */", "public static class Names { public const string Title = \"From ops\"; }"),
            ("\"eu\"", "\"us\""),
            ("/* L */", "public const string Region2 = \"r2\";"),
            ("/* S2 */", "namespace Ops.Shared { public static class Other { } }"),
            ("/* G */", "global using Shared;"),
            ("/* P */", "public static class Names { public const string Title = \"From parked\"; }"),
            ("/* S1 */", "public static class Extra { public const string Title = \"Extra\"; }"),
            ("[Handbook(\"ops\")]", "[Handbook(\"platform\")]"),
            ("\"D\"", "\"D, edited\""),
        };
        var session = new EditSession(
            HandbookFile, shared, helper, "/* G */", "/* S2 */",
            "using Shared;\n" + Runbook("a", "Names.Title"),
            Runbook("b", "\"Drain \" + Limits.Region"),
            "using static Ops.Limits;\n" + Runbook("c", "\"R \" + Region2"),
            Runbook("d", "Names.Title + \"D\"").Replace("namespace Ops;", "namespace Ops;\nusing Shared;", StringComparison.Ordinal),
            "using Shared;\n" + Runbook("e", "Extra.Title"),
            Runbook("f", "\"F\"", members: "[Parameter(\"Region\")] public string Region { get; init; } = Limits.Region2 + Limits.Region;"));
        var on = new bool[toggles.Length];
        var random = new Random(seed);

        for (var step = 0; step < 60; step++)
        {
            var i = random.Next(toggles.Length);
            var (from, to) = on[i] ? (toggles[i].On, toggles[i].Off) : (toggles[i].Off, toggles[i].On);
            session.Edit(from, to); // throws when the outputs differ from a fresh generator's
            on[i] = !on[i];
        }
    }
}
