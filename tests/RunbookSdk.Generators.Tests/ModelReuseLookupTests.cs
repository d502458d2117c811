using RunbookSdk.Generators.Tests.Support;
using static RunbookSdk.Generators.Tests.Support.ReuseSources;

namespace RunbookSdk.Generators.Tests;

/// <summary>
/// A second pass at breaking the reuse (2026-12-01), after <see cref="ModelReuseScopeTests"/>: a runbook id that does
/// not bind yet, types written through a qualifier whose base class changes (an alias, a <c>using static</c>, a
/// handbook or base class named <c>Outer.Nested</c>, a global alias), a member named <c>nameof</c>, a constant's
/// declared type, and top-level statements, which declare <c>Program</c> and locals every file's lookups find. The
/// tests named <c>Pass_…</c> are edits the reuse already got right.
/// </summary>
public sealed class ModelReuseLookupTests
{
    private static string WithAttribute(string runbook, string id, string attribute) =>
        runbook.Replace("[Runbook(\"" + id + "\")]", attribute, StringComparison.Ordinal);

    // the id names a constant that does not exist yet.
    [Fact]
    public void Attribute_id_binds_to_nothing_then_declared()
    {
        var session = new EditSession(HandbookFile, LimitsFile, WithAttribute(Runbook("a", "\"A\""), "a", "[Runbook(Limits.Id)]"), Runbook("b", "\"B\""));
        Assert.False(session.HasPage("a"));

        session.Edit("public static class Limits { }", "public static class Limits { public const string Id = \"a\"; }");

        Assert.True(session.HasPage("a"));
    }

    // the id is a static readonly field, then made const.
    [Fact]
    public void Attribute_id_readonly_made_const()
    {
        var session = new EditSession(
            HandbookFile, "namespace Ops;\npublic static class Limits { public static readonly string Id = \"a\"; }",
            WithAttribute(Runbook("a", "\"A\""), "a", "[Runbook(Limits.Id)]"), Runbook("b", "\"B\""));
        Assert.False(session.HasPage("a"));

        session.Edit("public static readonly string Id", "public const string Id");

        Assert.True(session.HasPage("a"));
    }

    // the id constant has the wrong type, then is fixed.
    [Fact]
    public void Attribute_id_of_the_wrong_type_fixed()
    {
        var session = new EditSession(
            HandbookFile, "namespace Ops;\npublic static class Limits { public const int Id = 1; }",
            WithAttribute(Runbook("a", "\"A\""), "a", "[Runbook(Limits.Id)]"), Runbook("b", "\"B\""));
        Assert.False(session.HasPage("a"));

        session.Edit("public const int Id = 1;", "public const string Id = \"a\";");

        Assert.True(session.HasPage("a"));
    }

    // `nameof(...)` is an invocation when a member named nameof is invocable: a field whose type becomes a delegate.
    [Fact]
    public void Field_named_nameof_whose_type_becomes_a_delegate()
    {
        var session = new EditSession(
            HandbookFile, LimitsFile, "namespace Ops;\npublic class Fn { }",
            Runbook("a", "nameof(Rba)", members: "private Fn? nameof = null;"), Runbook("b", "\"B\""));
        Assert.Contains("# Rba", session.Page("a"), StringComparison.Ordinal);

        session.Edit("public class Fn { }", "public delegate string Fn(object o);");

        Assert.DoesNotContain("# Rba", session.Page("a"), StringComparison.Ordinal);
    }

    // Color Color: a property Names of type Names; Names.Title is the type's (inherited) constant.
    [Fact]
    public void Color_color_constant_hidden_in_the_derived_type()
    {
        var session = new EditSession(
            HandbookFile, LimitsFile,
            "namespace Ops;\npublic class NamesBase { public const string Title = \"From base\"; }",
            "namespace Ops;\npublic class Names : NamesBase { }",
            Runbook("a", "Names.Title", members: "public Names Names { get; } = new();"), Runbook("b", "\"B\""));
        Assert.Contains("# From base", session.Page("a"), StringComparison.Ordinal);

        session.Edit("public class Names : NamesBase { }", "public class Names : NamesBase { public new const string Title = \"From names\"; }");

        Assert.Contains("# From names", session.Page("a"), StringComparison.Ordinal);
    }

    // does `using static` import inherited static members?
    [Fact]
    public void Using_static_class_base_class_declares_a_name()
    {
        var session = new EditSession(
            HandbookFile, LimitsFile,
            "namespace Shared;\npublic class Defaults : DefaultsBase { public const string Zone = \"z\"; }",
            "namespace Shared;\npublic class DefaultsBase { }",
            "namespace Shared;\npublic static class More { public const string Region = \"eu-west-1\"; }",
            "using static Shared.Defaults;\nusing static Shared.More;\n" + Runbook("a", "\"Drain \" + Region"), Runbook("b", "\"B\""));
        Assert.Contains("# Drain eu-west-1", session.Page("a"), StringComparison.Ordinal);

        session.Edit("public class DefaultsBase { }", "public class DefaultsBase { public const string Region = \"us-east-2\"; }");
    }

    private const string OuterBases =
        "namespace Ops;\npublic class OuterBase { public static class Limits { public const string Title = \"From base\"; } }\n" +
        "public class OtherBase { public static class Limits { public const string Title = \"From other\"; } }";

    // an alias whose target is a nested type reached through the base class of its qualifier.
    [Fact]
    public void Alias_to_a_nested_type_inherited_by_its_qualifier()
    {
        var session = new EditSession(
            HandbookFile, OuterBases, "namespace Ops;\npublic class Outer : OuterBase { }",
            "using L = Ops.Outer.Limits;\n" + Runbook("a", "L.Title"), Runbook("b", "\"B\""));
        Assert.Contains("# From base", session.Page("a"), StringComparison.Ordinal);

        session.Edit("public class Outer : OuterBase { }", "public class Outer : OtherBase { }");

        Assert.Contains("# From other", session.Page("a"), StringComparison.Ordinal);
    }

    // the same through `using static`.
    [Fact]
    public void Using_static_of_a_nested_type_inherited_by_its_qualifier()
    {
        var session = new EditSession(
            HandbookFile, OuterBases, "namespace Ops;\npublic class Outer : OuterBase { }",
            "using static Ops.Outer.Limits;\n" + Runbook("a", "Title"), Runbook("b", "\"B\""));
        Assert.Contains("# From base", session.Page("a"), StringComparison.Ordinal);

        session.Edit("public class Outer : OuterBase { }", "public class Outer : OtherBase { }");

        Assert.Contains("# From other", session.Page("a"), StringComparison.Ordinal);
    }

    // the handbook named by a nested type its qualifier inherits.
    [Fact]
    public void Handbook_nested_type_inherited_by_its_qualifier()
    {
        var hbs = """
            using RunbookSdk;
            namespace Ops;
            public class HbBase { [Handbook("base")] public sealed class Hb : Handbook { public override void Define(IHandbookBuilder hb) => hb.Title("Base"); } }
            public class OtherHbBase { [Handbook("other")] public sealed class Hb : Handbook { public override void Define(IHandbookBuilder hb) => hb.Title("Other"); } }
            """;
        var session = new EditSession(
            HandbookFile, LimitsFile, hbs, "namespace Ops;\npublic class Hbs : HbBase { }",
            Runbook("a", "\"A\"", baseType: "Runbook<Hbs.Hb>"), Runbook("b", "\"B\""));
        Assert.Contains("(base.md)", session.Page("a"), StringComparison.Ordinal);

        session.Edit("public class Hbs : HbBase { }", "public class Hbs : OtherHbBase { }");

        Assert.Contains("(other.md)", session.Page("a"), StringComparison.Ordinal);
    }

    // the runbook's base class named through a qualifier that inherits it.
    [Fact]
    public void Base_class_nested_type_inherited_by_its_qualifier()
    {
        var bases = """
            using RunbookSdk;
            namespace Ops;
            public class TeamsA { public abstract class TeamBase : Runbook<OpsHandbook> { [Parameter("Zone")] public string Zone { get; set; } = "z"; } }
            public class TeamsB { public abstract class TeamBase : Runbook<OpsHandbook> { [Parameter("Cell")] public string Cell { get; set; } = "c"; } }
            """;
        var session = new EditSession(
            HandbookFile, LimitsFile, bases, "namespace Ops;\npublic class Teams : TeamsA { }",
            Runbook("a", "\"A\"", baseType: "Teams.TeamBase"), Runbook("b", "\"B\""));
        Assert.Contains("Zone", session.Page("a"), StringComparison.Ordinal);

        session.Edit("public class Teams : TeamsA { }", "public class Teams : TeamsB { }");

        Assert.Contains("Cell", session.Page("a"), StringComparison.Ordinal);
    }

    // top-level statements in another file declare the global class Program.
    [Fact]
    public void Top_level_statement_declares_Program()
    {
        var session = new EditSession(
            HandbookFile, LimitsFile, "namespace Shared;\npublic static class Program { public const string Title = \"From shared\"; }",
            "// nothing yet",
            "using Shared;\n" + Runbook("a", "Program.Title"), Runbook("b", "\"B\""));
        Assert.Contains("# From shared", session.Page("a"), StringComparison.Ordinal);

        session.Edit("// nothing yet", "System.Console.WriteLine();");

        Assert.DoesNotContain("# From shared", session.Page("a"), StringComparison.Ordinal);
    }

    // a top-level local constant in another file: does it shadow a using-static name in every file?
    [Fact]
    public void Top_level_local_constant_in_another_file()
    {
        var session = new EditSession(
            HandbookFile, DefaultsFile, "// nothing yet",
            "using static Shared.Defaults;\n" + Runbook("a", "\"Drain \" + Region"), Runbook("b", "\"B\""));
        Assert.Contains("# Drain eu-west-1", session.Page("a"), StringComparison.Ordinal);

        session.Edit("// nothing yet", "const string Region = \"us-east-2\";");
    }

    // a `global using static` written inside a namespace block of another file.
    [Fact]
    public void Global_using_static_inside_a_namespace_block()
    {
        var more = "namespace Shared;\npublic static class More { public const string Region = \"us-east-2\"; }";
        var session = new EditSession(
            HandbookFile, DefaultsFile, more, "namespace Other { }",
            "using static Shared.Defaults;\n" + Runbook("a", "\"Drain \" + Region"), Runbook("b", "\"B\""));
        Assert.Contains("# Drain eu-west-1", session.Page("a"), StringComparison.Ordinal);

        session.Edit("namespace Other { }", "namespace Other { global using static Shared.More; }");
    }

    [Fact]
    public void Global_using_namespace_inside_a_namespace_block()
    {
        var shared = "namespace Shared;\npublic static class Names { public const string Title = \"From shared\"; }";
        var other = "namespace Elsewhere;\npublic static class Names { public const string Title = \"From elsewhere\"; }";
        var session = new EditSession(
            HandbookFile, shared, other, "namespace Other { }",
            "using Shared;\n" + Runbook("a", "Names.Title"), Runbook("b", "\"B\""));
        Assert.Contains("# From shared", session.Page("a"), StringComparison.Ordinal);

        session.Edit("namespace Other { }", "namespace Other { global using Elsewhere; }");
    }

    // a global alias in another file to a nested type its qualifier inherits (global using text unchanged).
    [Fact]
    public void Global_alias_in_another_file_to_a_nested_type_inherited_by_its_qualifier()
    {
        var session = new EditSession(
            HandbookFile, OuterBases, "namespace Ops;\npublic class Outer : OuterBase { }", "global using L = Ops.Outer.Limits;",
            Runbook("a", "L.Title"), Runbook("b", "\"B\""));
        Assert.Contains("# From base", session.Page("a"), StringComparison.Ordinal);

        session.Edit("public class Outer : OuterBase { }", "public class Outer : OtherBase { }");

        Assert.Contains("# From other", session.Page("a"), StringComparison.Ordinal);
    }

    // the class a constant is read from derives from a class named through a qualifier that inherits it.
    [Fact]
    public void Constants_class_base_named_through_an_inheriting_qualifier()
    {
        var bases = "namespace Ops;\npublic class KitA { public class LimitsBase { public const string Title = \"From A\"; } }\npublic class KitB { public class LimitsBase { public const string Title = \"From B\"; } }";
        var session = new EditSession(
            HandbookFile, bases, "namespace Ops;\npublic class Kit : KitA { }",
            "namespace Ops;\npublic class Limits : Kit.LimitsBase { }",
            Runbook("a", "Limits.Title"), Runbook("b", "\"B\""));
        Assert.Contains("# From A", session.Page("a"), StringComparison.Ordinal);

        session.Edit("public class Kit : KitA { }", "public class Kit : KitB { }");

        Assert.Contains("# From B", session.Page("a"), StringComparison.Ordinal);
    }

    // A field named nameof with the field in the base class and the kind change class -> delegate in a third file.
    [Fact]
    public void Nameof_field_in_base_class_type_becomes_delegate_in_a_constant_of_another_file()
    {
        var session = new EditSession(
            HandbookFile, "namespace Ops;\npublic class Fn { }",
            "namespace Ops;\npublic class Limits { private static Fn? nameof = null; public const string Title = \"T \" + nameof(Limits); }",
            Runbook("a", "Limits.Title"), Runbook("b", "\"B\""));
        Assert.Contains("# T Limits", session.Page("a"), StringComparison.Ordinal);

        session.Edit("public class Fn { }", "public delegate string Fn(object o);");
    }

    // ---- expected to hold ----

    [Fact]
    public void Pass_non_attribute_RunbookAttribute_is_not_skipped()
    {
        var session = new EditSession(
            HandbookFile, LimitsFile, "namespace Ops;\npublic sealed class RunbookAttribute : System.Attribute { public RunbookAttribute(string id) { } }",
            Runbook("a", "\"A\""), Runbook("b", "\"B\""));
        Assert.False(session.HasPage("a"));
        session.Edit(" : System.Attribute {", " {");
        Assert.False(session.HasPage("a"));
        session.Remove("public sealed class RunbookAttribute");
        Assert.True(session.HasPage("a"));
    }

    [Fact]
    public void Pass_const_local_in_define_flags_enum_timespan_and_interpolation()
    {
        var limits = "namespace Ops;\n[System.Flags] public enum Perm { Read = 1, Write = 2 }\npublic static class Limits { public const int Minutes = 5; public const string Region = \"eu\"; public const char C = 'x'; }";
        var runbook = """
            using System;
            using RunbookSdk;
            namespace Ops;
            [Runbook("a")]
            public sealed class Rba : Runbook<OpsHandbook>
            {
                public override void Define(IRunbookBuilder rb)
                {
                    const string Local = "L-" + Limits.Region;
                    rb.Title(Local + (int)(Perm.Read | Perm.Write))
                      .ReviewDate(2025, (int)Perm.Write, checked(Limits.Minutes + 1))
                      .Phase("Check", p => p.Step($"Step {Limits.Region} {nameof(Limits.Region)}", s => s.Run($"kubectl {Limits.C} {Limits.Minutes}").Timeout(TimeSpan.FromMinutes(Limits.Minutes))))
                      .NoRollback("read-only");
                }
            }
            """;
        var session = new EditSession(HandbookFile, limits, runbook, Runbook("b", "\"B\""));
        session.Edit("Write = 2", "Write = 4");
        session.Edit("Minutes = 5", "Minutes = 7");
        session.Edit("'x'", "'y'");
        session.Edit("Region = \"eu\"", "Region = \"us\"");
        session.Edit("[System.Flags] public enum Perm { Read = 1, Write = 4 }", "[System.Flags] public enum Perm { Read = 1, Write = Read << 3 }");
    }

    [Fact]
    public void Pass_two_runbooks_in_one_file_duplicate_id_move_and_rename_namespace()
    {
        var two = Runbook("a", "\"A\"") + "\n" + Runbook("c", "\"C\"").Replace("using RunbookSdk;\nnamespace Ops;\n", "", StringComparison.Ordinal);
        var session = new EditSession(HandbookFile, LimitsFile, two, Runbook("b", "\"B\""));
        session.Edit("[Runbook(\"c\")]", "[Runbook(\"b\")]");
        session.Edit("[Runbook(\"b\")]\npublic sealed class Rbc", "[Runbook(\"c\")]\npublic sealed class Rbc");
        session.Remove("\"B\"");
        session.Add(Runbook("b", "\"B again\""));
        session.Edit("namespace Ops;\n[Handbook", "namespace Ops2;\n[Handbook");
        session.Edit("namespace Ops2;\n[Handbook", "namespace Ops;\n[Handbook");
    }

    [Fact]
    public void Pass_global_alias_edited_and_generic_type_parameter_named_like_a_type()
    {
        var shared = "namespace Shared;\npublic static class Names { public const string Title = \"From shared\"; }\npublic static class Other { public const string Title = \"From other\"; }";
        var holder = "namespace Ops;\npublic static class Holder<Names> { public const string Title = \"H \" + nameof(Names); }";
        var session = new EditSession(HandbookFile, shared, holder, "global using N = Shared.Names;", Runbook("a", "N.Title + Holder<int>.Title"), Runbook("b", "\"B\""));
        session.Edit("global using N = Shared.Names;", "global using N = Shared.Other;");
        session.Edit("Holder<Names>", "Holder<TNames>");
        session.Edit("Holder<TNames>", "Holder<Names>");
    }

    // `const Fn X = null` is a constant while Fn is a reference type; Fn made a struct in its own file.
    [Fact]
    public void Null_constant_of_a_type_that_becomes_a_struct()
    {
        var session = new EditSession(
            HandbookFile, "namespace Ops;\npublic class Fn { }",
            "namespace Ops;\npublic static class Limits { public const Fn Nothing = null!; }",
            Runbook("a", "$\"Drain{Limits.Nothing}\""), Runbook("b", "\"B\""));
        Assert.Contains("# Drain\n", session.Page("a").Replace("\r", ""), StringComparison.Ordinal);

        session.Edit("public class Fn { }", "public struct Fn { }");

        Assert.DoesNotContain("# Drain\n", session.Page("a").Replace("\r", ""), StringComparison.Ordinal);
    }

    // a top-level local function named nameof in another file: nameof(...) in every file becomes an invocation.
    [Fact]
    public void Top_level_local_function_named_nameof_in_another_file()
    {
        var session = new EditSession(HandbookFile, LimitsFile, "// nothing yet", Runbook("a", "nameof(Limits)"), Runbook("b", "\"B\""));
        Assert.Contains("# Limits", session.Page("a"), StringComparison.Ordinal);

        session.Edit("// nothing yet", "static string nameof(object o) => \"x\";");
    }

    // the same constant's type name bound to another type: a struct Fn declared in the constant's namespace
    // shadows the imported class (the name Fn was never recorded).
    [Fact]
    public void Null_constants_type_name_shadowed_by_a_new_struct()
    {
        var session = new EditSession(
            HandbookFile, "namespace Shared;\npublic class Fn { }", "// nothing yet",
            "using Shared;\nnamespace Ops;\npublic static class Limits { public const Fn Nothing = null!; }",
            Runbook("a", "$\"Drain{Limits.Nothing}\""), Runbook("b", "\"B\""));
        Assert.Contains("# Drain\n", session.Page("a").Replace("\r", ""), StringComparison.Ordinal);

        session.Edit("// nothing yet", "namespace Ops;\npublic struct Fn { }");

        Assert.DoesNotContain("# Drain\n", session.Page("a").Replace("\r", ""), StringComparison.Ordinal);
    }

    // typing a top-level statement char by char in another file (a half-typed file declares Program).
    [Fact]
    public void Half_typed_top_level_statement()
    {
        var session = new EditSession(
            HandbookFile, LimitsFile, "namespace Shared;\npublic static class Program { public const string Title = \"From shared\"; }",
            "// scratch",
            "using Shared;\n" + Runbook("a", "Program.Title"), Runbook("b", "\"B\""));

        // Each keystroke is a top-level statement, half-typed until the last: already the first declares Program.
        session.Edit("// scratch", "Qz");
        session.Edit("Qz", "Qzy");
        session.Edit("Qzy", "Qzy;");
    }
}
