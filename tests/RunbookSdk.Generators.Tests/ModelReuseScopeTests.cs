using RunbookSdk.Generators.Tests.Support;
using static RunbookSdk.Generators.Tests.Support.ReuseSources;

namespace RunbookSdk.Generators.Tests;

/// <summary>
/// What C#'s name lookup consults beyond the runbook's own file, each edited where the model's reuse could miss it:
/// a partial part that says <c>abstract</c>, <c>file</c> types made visible, base classes between a type and the
/// member read from it, the scope a constant's value is bound in, <c>global using static</c>, enum members'
/// values, an interface's base interfaces, a new part of a grandparent class, a base class declared in namespace
/// <c>RunbookSdk</c>. Found by trying to break the reuse (2026-12-01); <see cref="EditSession"/> fails a test when the
/// reused outputs differ from a fresh generator's. The last group are edits the reuse already got right.
/// </summary>
public sealed class ModelReuseScopeTests
{
    // `abstract` on another partial part: an abstract class's read records nothing.
    [Fact]
    public void Abstract_removed_from_another_partial_part()
    {
        var session = new EditSession(
            HandbookFile, LimitsFile,
            Runbook("a", "\"A\"", classHead: "public partial class"),
            "namespace Ops;\npublic abstract partial class Rba { }",
            Runbook("b", "\"B\""));
        Assert.False(session.HasPage("a"));

        session.Edit("public abstract partial class Rba { }", "public partial class Rba { }");

        Assert.True(session.HasPage("a"));
    }

    // Same, by removing the file with the abstract part.
    [Fact]
    public void File_with_abstract_partial_part_removed()
    {
        var session = new EditSession(
            HandbookFile, LimitsFile,
            Runbook("a", "\"A\"", classHead: "public partial class"),
            "namespace Ops;\npublic abstract partial class Rba { }",
            Runbook("b", "\"B\""));
        Assert.False(session.HasPage("a"));

        session.Remove("public abstract partial class Rba { }");

        Assert.True(session.HasPage("a"));
    }

    // `file` types: the same qualified name, so no name "changed", but what it shadows does.
    [Fact]
    public void File_local_type_made_public_shadows_an_imported_type()
    {
        var shared = "namespace Shared;\npublic static class Names { public const string Title = \"From shared\"; }";
        var session = new EditSession(
            HandbookFile, shared, LimitsFile,
            "namespace Ops;\nfile static class Names { public const string Title = \"From ops\"; }",
            "using Shared;\n" + Runbook("a", "Names.Title"), Runbook("b", "\"B\""));
        Assert.Contains("# From shared", session.Page("a"), StringComparison.Ordinal);

        session.Edit("file static class Names", "public static class Names");

        Assert.Contains("# From ops", session.Page("a"), StringComparison.Ordinal);
    }

    [Fact]
    public void File_local_attribute_class_made_public_takes_the_runbook_attribute()
    {
        var session = new EditSession(
            HandbookFile, LimitsFile,
            "namespace Ops;\nfile sealed class RunbookAttribute(string id) : System.Attribute { }",
            Runbook("a", "\"A\""), Runbook("b", "\"B\""));
        Assert.True(session.HasPage("a"));

        session.Edit("file sealed class RunbookAttribute", "public sealed class RunbookAttribute");

        Assert.False(session.HasPage("a"));
    }

    // Member lookup through an intermediate base class of the class a constant is read from.
    [Fact]
    public void Constant_hidden_by_an_intermediate_base_class()
    {
        var session = new EditSession(
            HandbookFile,
            "namespace Ops;\npublic class RootLimits { public const string Title = \"From root\"; }",
            "namespace Ops;\npublic class MidLimits : RootLimits { }",
            "namespace Ops;\npublic class Limits : MidLimits { }",
            Runbook("a", "Limits.Title"), Runbook("b", "\"B\""));
        Assert.Contains("# From root", session.Page("a"), StringComparison.Ordinal);

        session.Edit("public class MidLimits : RootLimits { }", "public class MidLimits : RootLimits { public new const string Title = \"From mid\"; }");

        Assert.Contains("# From mid", session.Page("a"), StringComparison.Ordinal);
    }

    // A name in a constant's value is looked up in the constant's class's base class first.
    [Fact]
    public void Name_in_a_constants_value_shadowed_by_its_classes_base_class()
    {
        var session = new EditSession(
            HandbookFile, DefaultsFile,
            "namespace Ops;\npublic class LimitsBase { }",
            "using static Shared.Defaults;\nnamespace Ops;\npublic class Limits : LimitsBase { public const string Title = \"Drain \" + Region; }",
            Runbook("a", "Limits.Title"), Runbook("b", "\"B\""));
        Assert.Contains("# Drain eu-west-1", session.Page("a"), StringComparison.Ordinal);

        session.Edit("public class LimitsBase { }", "public class LimitsBase { public const string Region = \"us-east-2\"; }");

        Assert.Contains("# Drain us-east-2", session.Page("a"), StringComparison.Ordinal);
    }

    // ... and in the other partial parts of the class that declares the constant (reached by inheritance).
    [Fact]
    public void Name_in_an_inherited_constants_value_shadowed_by_another_part_of_its_class()
    {
        var session = new EditSession(
            HandbookFile, DefaultsFile,
            "using static Shared.Defaults;\nnamespace Ops;\npublic partial class LimitsBase { public const string Title = \"Drain \" + Region; }",
            "namespace Ops;\npublic partial class LimitsBase { }",
            "namespace Ops;\npublic class Limits : LimitsBase { }",
            Runbook("a", "Limits.Title"), Runbook("b", "\"B\""));
        Assert.Contains("# Drain eu-west-1", session.Page("a"), StringComparison.Ordinal);

        session.Edit("public partial class LimitsBase { }", "public partial class LimitsBase { public const string Region = \"us-east-2\"; }");

        Assert.Contains("# Drain us-east-2", session.Page("a"), StringComparison.Ordinal);
    }

    // A class imported by `global using static` in another file: its members are in scope in every file.
    [Fact]
    public void Member_added_to_a_class_imported_by_a_global_using_static_makes_a_name_ambiguous()
    {
        var more = "namespace Shared;\npublic static class More { /* more */ }";
        var session = new EditSession(
            HandbookFile, DefaultsFile, more, "global using static Shared.More;",
            "using static Shared.Defaults;\n" + Runbook("a", "\"Drain \" + Region"), Runbook("b", "\"B\""));
        Assert.Contains("# Drain eu-west-1", session.Page("a"), StringComparison.Ordinal);

        session.Edit("/* more */", "public const string Region = \"us-east-2\";");

        Assert.DoesNotContain("eu-west-1", session.Page("a"), StringComparison.Ordinal);
    }

    // A `global using static` written after a plain using (an error, CS8915, yet still bound as global?).
    [Fact]
    public void Misplaced_global_using_static_added_in_another_file()
    {
        var more = "namespace Shared;\npublic static class More { public const string Region = \"us-east-2\"; }";
        var session = new EditSession(
            HandbookFile, DefaultsFile, more, "using System;\n// g",
            "using static Shared.Defaults;\n" + Runbook("a", "\"Drain \" + Region"), Runbook("b", "\"B\""));
        Assert.Contains("# Drain eu-west-1", session.Page("a"), StringComparison.Ordinal);

        session.Edit("// g", "global using static Shared.More;");

        Assert.DoesNotContain("eu-west-1", session.Page("a"), StringComparison.Ordinal);
    }

    // Enum member values: the enum's tree is recorded, the names in the member's value are not followed.
    [Fact]
    public void Enum_member_value_from_a_constant_in_another_file()
    {
        var session = new EditSession(
            HandbookFile,
            "namespace Ops;\npublic static class Calendar { public const int Sixth = 6; }",
            "namespace Ops;\npublic enum Months { June = Calendar.Sixth }",
            Runbook("a", "\"A\"", chain: ".ReviewDate(2025, (int)Months.June, 1)"), Runbook("b", "\"B\""));
        Assert.Contains("2025-06-01", session.Page("a"), StringComparison.Ordinal);

        session.Edit("Sixth = 6", "Sixth = 7");

        Assert.Contains("2025-07-01", session.Page("a"), StringComparison.Ordinal);
    }

    // A runbook nested in an interface: the interface's base interfaces' members are in scope.
    [Fact]
    public void Nested_runbook_in_an_interface_whose_base_interface_declares_a_name()
    {
        var outer = "using static Shared.Defaults;\n" + Runbook("a", "\"Drain \" + Region")
            .Replace("[Runbook(\"a\")]", "public interface ITeam : ITeamBase {\n[Runbook(\"a\")]", StringComparison.Ordinal) + "\n}";
        var session = new EditSession(HandbookFile, LimitsFile, DefaultsFile, outer, "namespace Ops;\npublic interface ITeamBase { }", Runbook("b", "\"B\""));
        Assert.Contains("# Drain eu-west-1", session.Page("a", "Ops_ITeam-Rba"), StringComparison.Ordinal);

        session.Edit("public interface ITeamBase { }", "public interface ITeamBase { const string Region = \"us-east-2\"; }");

        Assert.Contains("# Drain us-east-2", session.Page("a", "Ops_ITeam-Rba"), StringComparison.Ordinal);
    }

    // A nested runbook's containing type's base class's base class, given a new partial part in a new file.
    [Fact]
    public void New_partial_part_of_the_containing_types_grandparent_class()
    {
        var outer = "using static Shared.Defaults;\n" + Runbook("a", "\"Drain \" + Region")
            .Replace("[Runbook(\"a\")]", "public class Team : TeamBase {\n[Runbook(\"a\")]", StringComparison.Ordinal) + "\n}";
        var session = new EditSession(
            HandbookFile, LimitsFile, DefaultsFile, outer,
            "namespace Ops;\npublic class TeamBase : TeamRoot { }",
            "namespace Ops;\npublic partial class TeamRoot { }",
            Runbook("b", "\"B\""));
        Assert.Contains("# Drain eu-west-1", session.Page("a", "Ops_Team-Rba"), StringComparison.Ordinal);

        session.Add("namespace Ops;\npublic partial class TeamRoot { public const string Region = \"us-east-2\"; }");

        Assert.Contains("# Drain us-east-2", session.Page("a", "Ops_Team-Rba"), StringComparison.Ordinal);
    }

    // A base class declared in namespace RunbookSdk: the base-class walk stops there, so its tree is not recorded.
    [Fact]
    public void Base_class_declared_in_the_RunbookSdk_namespace_changes_its_handbook()
    {
        var other = """
            using RunbookSdk;
            namespace Ops;
            [Handbook("other")]
            public sealed class OtherHandbook : Handbook
            {
                public override void Define(IHandbookBuilder hb) => hb.Title("Other");
            }
            """;
        var team = "namespace RunbookSdk;\npublic abstract class TeamRunbook : Runbook<Ops.OpsHandbook> { }";
        var session = new EditSession(HandbookFile, other, LimitsFile, team, Runbook("a", "\"A\"", baseType: "TeamRunbook"), Runbook("b", "\"B\""));
        Assert.Contains("(ops.md)", session.Page("a"), StringComparison.Ordinal);

        session.Edit("Runbook<Ops.OpsHandbook>", "Runbook<Ops.OtherHandbook>");

        Assert.Contains("(other.md)", session.Page("a"), StringComparison.Ordinal);
    }

    [Fact]
    public void Base_class_declared_in_the_RunbookSdk_namespace_declares_a_name()
    {
        var team = "namespace RunbookSdk;\npublic abstract class TeamRunbook : Runbook<Ops.OpsHandbook> { }";
        var session = new EditSession(
            HandbookFile, LimitsFile, DefaultsFile, team,
            "using static Shared.Defaults;\n" + Runbook("a", "\"Drain \" + Region", baseType: "TeamRunbook"), Runbook("b", "\"B\""));
        Assert.Contains("# Drain eu-west-1", session.Page("a"), StringComparison.Ordinal);

        session.Edit("public abstract class TeamRunbook : Runbook<Ops.OpsHandbook> { }", "public abstract class TeamRunbook : Runbook<Ops.OpsHandbook> { public const string Region = \"us-east-2\"; }");

        Assert.Contains("# Drain us-east-2", session.Page("a"), StringComparison.Ordinal);
    }

    // ---- Attempts expected to hold (reuse is correct) ----

    [Fact]
    public void Pass_parameter_added_in_a_new_partial_part_of_the_base_class()
    {
        var session = new EditSession(
            HandbookFile, LimitsFile, "using RunbookSdk;\nnamespace Ops;\npublic abstract partial class TeamBase : Runbook<OpsHandbook> { }",
            Runbook("a", "\"A\"", baseType: "TeamBase"), Runbook("b", "\"B\""));

        Assert.Equal(1, session.Add("using RunbookSdk;\nnamespace Ops;\npublic abstract partial class TeamBase { [Parameter(\"Zone\")] public string Zone { get; set; } = \"z\"; }"));
        Assert.Contains("Zone", session.Page("a"), StringComparison.Ordinal);
    }

    [Fact]
    public void Pass_define_added_in_a_new_partial_part()
    {
        var runbook = "using RunbookSdk;\nnamespace Ops;\n[Runbook(\"a\")]\npublic sealed partial class Rba : Runbook<OpsHandbook> { }";
        var session = new EditSession(HandbookFile, LimitsFile, runbook, Runbook("b", "\"B\""));

        session.Add("using RunbookSdk;\nnamespace Ops;\npublic sealed partial class Rba { public override void Define(IRunbookBuilder rb) => rb.Title(\"From part\"); }");
        Assert.Contains("# From part", session.Page("a"), StringComparison.Ordinal);
        session.Edit("\"From part\"", "\"From part, edited\"");
    }

    [Fact]
    public void Pass_type_of_the_same_name_and_another_arity_then_a_global_namespace_type()
    {
        var shared = "namespace Shared;\npublic static class Names { public const string Title = \"From shared\"; }";
        var session = new EditSession(HandbookFile, shared, LimitsFile, "// x", "using Shared;\n" + Runbook("a", "Names.Title"), Runbook("b", "\"B\""));

        session.Edit("// x", "namespace Ops { public static class Names<T> { public const string Title = \"generic\"; } }");
        session.Edit("namespace Ops { public static class Names<T> { public const string Title = \"generic\"; } }", "public static class Names { public const string Title = \"global\"; }");
        Assert.Contains("# global", session.Page("a"), StringComparison.Ordinal);
    }

    [Fact]
    public void Pass_alias_in_a_namespace_block_of_the_constants_file()
    {
        var limits = "namespace Ops { using D = Shared.Defaults; public static class Limits { public const string Title = \"Drain \" + D.Region; } }";
        var session = new EditSession(HandbookFile, DefaultsFile, limits, Runbook("a", "Limits.Title"), Runbook("b", "\"B\""));

        session.Edit("\"eu-west-1\"", "\"us-east-2\"");
        session.Edit("using D = Shared.Defaults;", "using D = Shared.More;");
        session.Add("namespace Shared;\npublic static class More { public const string Region = \"more\"; }");
        Assert.Contains("# Drain more", session.Page("a"), StringComparison.Ordinal);
    }

    [Fact]
    public void Pass_interface_constant_and_nameof()
    {
        var session = new EditSession(
            HandbookFile, "namespace Ops;\npublic interface ILimits { const string Title = \"From interface\"; const string Region = \"eu\"; }",
            Runbook("a", "ILimits.Title + nameof(ILimits.Region)"), Runbook("b", "\"B\""));

        session.Edit("\"From interface\"", "\"Edited\"");
        session.Edit("const string Region = \"eu\";", "");
        session.Edit("const string Title = \"Edited\";", "const string Title = \"Edited\"; const string Region = \"us\";");
        Assert.Contains("# EditedRegion", session.Page("a"), StringComparison.Ordinal);
    }

    [Fact]
    public void Pass_full_attribute_name_and_a_namespace_that_shadows_its_qualifier()
    {
        var runbook = Runbook("a", "\"A\"").Replace("[Runbook(\"a\")]", "[RunbookSdk.Runbook(\"a\")]", StringComparison.Ordinal);
        var session = new EditSession(HandbookFile, LimitsFile, runbook, Runbook("b", "\"B\""));

        Assert.True(session.HasPage("a"));

        // Ops.RunbookSdk comes before the global RunbookSdk for `RunbookSdk.Runbook` inside namespace Ops.
        session.Add("namespace Ops.RunbookSdk { public sealed class RunbookAttribute(string id) : System.Attribute { } }");
        Assert.False(session.HasPage("a"));
    }

    [Fact]
    public void Pass_nested_type_in_a_base_class_and_primary_constructor_in_another_part()
    {
        var shared = "namespace Shared;\npublic static class Names { public const string Title = \"From shared\"; }";
        var session = new EditSession(
            HandbookFile, shared, "using RunbookSdk;\nnamespace Ops;\npublic abstract class TeamBase : Runbook<OpsHandbook> { }",
            "using Shared;\n" + Runbook("a", "Names.Title", classHead: "public sealed partial class", baseType: "TeamBase"),
            "namespace Ops;\npublic sealed partial class Rba { }", Runbook("b", "\"B\""));

        session.Edit("public abstract class TeamBase : Runbook<OpsHandbook> { }", "public abstract class TeamBase : Runbook<OpsHandbook> { public static class Names { public const string Title = \"From base\"; } }");
        Assert.Contains("# From base", session.Page("a"), StringComparison.Ordinal);
        session.Edit("public sealed partial class Rba { }", "public sealed partial class Rba(int x) { }");
        Assert.False(session.HasPage("a"));
        session.Edit("public sealed partial class Rba(int x) { }", "public sealed partial class Rba(int x) { public Rba() : this(0) { } }");
        Assert.True(session.HasPage("a"));
    }

    [Fact]
    public void Pass_remove_the_file_of_a_constant_and_of_a_shadowing_type()
    {
        var shared = "namespace Shared;\npublic static class Names { public const string Title = \"From shared\"; }";
        var session = new EditSession(
            HandbookFile, shared, "namespace Ops;\npublic static class Names { public const string Title = \"From ops\"; }",
            "using Shared;\n" + Runbook("a", "Names.Title"), Runbook("b", "\"B\""));
        Assert.Contains("# From ops", session.Page("a"), StringComparison.Ordinal);

        session.Remove("\"From ops\"");
        Assert.Contains("# From shared", session.Page("a"), StringComparison.Ordinal);
        session.Remove("\"From shared\"");
    }

    [Fact]
    public void Pass_half_typed_using_static_then_completed()
    {
        var session = new EditSession(HandbookFile, DefaultsFile, "using static Shared.Def;\n" + Runbook("a", "\"Drain \" + Region"), Runbook("b", "\"B\""));

        session.Edit("namespace Shared;\npublic static class Defaults", "namespace Shared;\npublic static class Def");
        session.Edit("public static class Def {", "public static class Def { public const string Zone = \"z\";");
        session.Edit("public static class Def {", "public static class Defa {");
    }
}
