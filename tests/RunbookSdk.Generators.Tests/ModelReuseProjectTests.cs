using RunbookSdk.Generators.Tests.Support;
using static RunbookSdk.Generators.Tests.Support.ReuseSources;

namespace RunbookSdk.Generators.Tests;

/// <summary>
/// A third pass at breaking the reuse (2026-12-01), with the edits a team makes first: titles composed from constants
/// in several files, parameters and defaults in base classes, ids from constants, durations and review dates from
/// constants and enums, switching handbooks through a generic base class, renamed files, partial runbooks — and a
/// <c>Program.cs</c> whose top-level statements declare a local (a deconstruction, <c>out var</c>, a pattern, a
/// labelled local function) named like a constant a runbook reads. Every step is checked against a fresh generator
/// (<see cref="EditSession"/>).
/// </summary>
public sealed class ModelReuseProjectTests
{
    // ---------------- realistic: shared constants ----------------

    // A title composed from constants in three files; each file edited in turn.
    [Fact]
    public void Title_composed_from_constants_in_three_files()
    {
        var naming = "namespace Ops.Shared;\npublic static class Naming { public const string Prefix = \"[payments]\"; }";
        var regions = "namespace Ops.Shared;\npublic static class Regions { public const string Primary = \"eu-west-1\"; }";
        var titles = "using Ops.Shared;\nnamespace Ops;\npublic static class Titles { public const string Drain = Naming.Prefix + \" Drain \" + Regions.Primary; }";
        var session = new EditSession(HandbookFile, naming, regions, titles, Runbook("a", "Titles.Drain"), Runbook("b", "\"B\""));
        Assert.Contains("# [payments] Drain eu-west-1", session.Page("a"), StringComparison.Ordinal);

        Assert.Equal(1, session.Edit("\"eu-west-1\"", "\"us-east-2\""));
        Assert.Equal(1, session.Edit("\"[payments]\"", "\"[billing]\""));
        Assert.Contains("# [billing] Drain us-east-2", session.Page("a"), StringComparison.Ordinal);
    }

    // A base runbook class with parameters whose defaults come from constants, then [Secret] and a description edit.
    [Fact]
    public void Base_runbook_parameters_with_constant_defaults_and_secret()
    {
        var limits = "namespace Ops;\npublic static class Limits { public const string DefaultRegion = \"eu-west-1\"; }";
        var teamBase = """
            using RunbookSdk;
            namespace Ops;
            public abstract class TeamRunbook : Runbook<OpsHandbook>
            {
                [Parameter("Region to drain")] public string Region { get; set; } = Limits.DefaultRegion;
                [Parameter("API token")] public string Token { get; set; } = "";
            }
            """;
        var session = new EditSession(HandbookFile, limits, teamBase,
            Runbook("a", "\"Drain \" + Limits.DefaultRegion", baseType: "TeamRunbook", chain: ".Summary($\"Drains {Region}\")"),
            Runbook("b", "\"B\""));

        session.Edit("[Parameter(\"API token\")]", "[Parameter(\"API token\"), Secret]");
        session.Edit("\"Region to drain\"", "\"Region to drain first\"");
        session.Edit("\"eu-west-1\"", "\"us-east-2\"");
        session.Edit("public string Token { get; set; } = \"\";", "public string Token { get; set; } = \"\";\n    [Parameter(\"Zone\", Required = true)] public string Zone { get; init; } = Limits.DefaultRegion + \"a\";");
        Assert.Contains("Zone", session.Page("a"), StringComparison.Ordinal);
    }

    // Steps whose text and command come from constants declared in the base class, read unqualified.
    [Fact]
    public void Step_text_and_command_from_inherited_constants()
    {
        var teamBase = """
            using RunbookSdk;
            namespace Ops;
            public abstract class TeamRunbook : Runbook<OpsHandbook>
            {
                protected const string Ns = "payments";
                protected const string Deploy = "api";
            }
            """;
        var runbook = """
            using System;
            using RunbookSdk;
            namespace Ops;
            [Runbook("a")]
            public sealed class Rba : TeamRunbook
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Title("Restart " + Deploy)
                    .Phase("Restart", p => p.Step($"Restart {Deploy} in {Ns}", s => s.Run($"kubectl -n {Ns} rollout restart deploy/{Deploy}").Timeout(TimeSpan.FromMinutes(Minutes))))
                    .NoRollback("stateless");
            }
            """;
        var session = new EditSession(HandbookFile, LimitsFile, teamBase, runbook, Runbook("b", "\"B\""));

        session.Edit("protected const string Ns = \"payments\";", "protected const string Ns = \"billing\";\n    protected const int Minutes = 5;");
        Assert.Contains("kubectl -n billing rollout restart deploy/api", session.Page("a"), StringComparison.Ordinal);
        session.Edit("protected const int Minutes = 5;", "protected const int Minutes = 10;");
        // A new intermediate class between the runbook's base and Runbook<T> that hides Ns.
        session.Add("using RunbookSdk;\nnamespace Ops;\npublic abstract class PlatformRunbook : Runbook<OpsHandbook> { protected const string Ns = \"platform\"; }");
        session.Edit("public abstract class TeamRunbook : Runbook<OpsHandbook>", "public abstract class TeamRunbook : PlatformRunbook");
        session.Edit("protected const string Ns = \"billing\";", "");
        Assert.Contains("kubectl -n platform", session.Page("a"), StringComparison.Ordinal);
        session.Edit("\"platform\"", "\"platform-2\"");
        Assert.Contains("kubectl -n platform-2", session.Page("a"), StringComparison.Ordinal);
    }

    // An id from a constant composed in a partial class split over two files.
    [Fact]
    public void Id_from_a_constant_of_a_partial_ids_class()
    {
        var ids = "namespace Ops;\npublic static partial class Ids { public const string Drain = Prefix + \"drain\"; }";
        var prefix = "namespace Ops;\npublic static partial class Ids { public const string Prefix = \"pay-\"; }";
        var runbook = Runbook("pay-drain", "\"Drain\"").Replace("[Runbook(\"pay-drain\")]", "[Runbook(Ids.Drain)]", StringComparison.Ordinal);
        var session = new EditSession(HandbookFile, LimitsFile, ids, prefix, runbook, Runbook("b", "\"B\""));
        Assert.True(session.HasPage("pay-drain"));

        session.Edit("\"pay-\"", "\"bill-\"");
        Assert.Contains("bill-drain", session.Page("pay-drain"), StringComparison.Ordinal); // the page is named by the class
        session.Edit("\"bill-\"", "\"pay-\"");
        Assert.Contains("pay-drain", session.Page("pay-drain"), StringComparison.Ordinal);
    }

    // Durations and review dates from constants composed in other files, and enums.
    [Fact]
    public void Durations_and_dates_from_composed_constants_and_enums()
    {
        var limits = "namespace Ops;\npublic static class Limits { public const int DrainMinutes = Base.Minutes * 2; }";
        var baseFile = "namespace Ops;\npublic static class Base { public const int Minutes = 5; }\npublic enum Quarter { Q1 = 1, Q2 = 4, Q3 = 7, Q4 = 10 }";
        var session = new EditSession(HandbookFile, limits, baseFile,
            Runbook("a", "\"A\"", chain: ".ReviewDate(2025, (int)Quarter.Q3, 1).Phase(\"Drain\", TimeBox.Minutes(Limits.DrainMinutes), p => p.Step(\"Wait\", s => s.Wait(TimeSpan.FromMinutes(Limits.DrainMinutes), \"drain\")))"),
            Runbook("b", "\"B\""));

        session.Edit("Minutes = 5", "Minutes = 7");
        session.Edit("Q3 = 7", "Q3 = 8");
        session.Edit("Q1 = 1, Q2 = 4, Q3 = 8", "Q1 = 1, Q2, Q3");
    }

    // Switching a runbook between handbooks by editing its base class in another file.
    [Fact]
    public void Switching_handbook_through_the_base_class()
    {
        var other = "using RunbookSdk;\nnamespace Ops;\n[Handbook(\"payments\")]\npublic sealed class PaymentsHandbook : Handbook { public override void Define(IHandbookBuilder hb) => hb.Title(\"Payments\"); }";
        var teamBase = "using RunbookSdk;\nnamespace Ops;\npublic abstract class TeamRunbook<THandbook> : Runbook<THandbook> where THandbook : Handbook, new() { }\npublic abstract class PaymentsRunbook : TeamRunbook<OpsHandbook> { }";
        var session = new EditSession(HandbookFile, other, LimitsFile, teamBase, Runbook("a", "\"A\"", baseType: "PaymentsRunbook"), Runbook("b", "\"B\""));
        Assert.Contains("(ops.md)", session.Page("a"), StringComparison.Ordinal);

        session.Edit("PaymentsRunbook : TeamRunbook<OpsHandbook>", "PaymentsRunbook : TeamRunbook<PaymentsHandbook>");
        Assert.Contains("(payments.md)", session.Page("a"), StringComparison.Ordinal);
        session.Edit("TeamRunbook<THandbook> : Runbook<THandbook>", "TeamRunbook<THandbook> : Runbook<OpsHandbook>");
        Assert.Contains("(ops.md)", session.Page("a"), StringComparison.Ordinal);
    }

    // Renaming (remove + add) the file of the constants and of the base class.
    [Fact]
    public void Renaming_the_files_of_constants_and_base_class()
    {
        var limits = "namespace Ops;\npublic static class Limits { public const string Region = \"eu-west-1\"; }";
        var teamBase = "using RunbookSdk;\nnamespace Ops;\npublic abstract class TeamRunbook : Runbook<OpsHandbook> { [Parameter(\"Zone\")] public string Zone { get; set; } = \"a\"; }";
        var session = new EditSession(HandbookFile, limits, teamBase, Runbook("a", "\"Drain \" + Limits.Region", baseType: "TeamRunbook"), Runbook("b", "\"B\""));

        session.Remove("public static class Limits");
        session.Add(limits.Replace("eu-west-1", "us-east-2", StringComparison.Ordinal));
        Assert.Contains("# Drain us-east-2", session.Page("a"), StringComparison.Ordinal);
        session.Remove("public abstract class TeamRunbook");
        session.Add(teamBase.Replace("Zone", "Cell", StringComparison.Ordinal));
        Assert.Contains("Cell", session.Page("a"), StringComparison.Ordinal);
    }

    // A partial runbook whose Define is in a second file that imports the constants with `using static`.
    [Fact]
    public void Partial_runbook_define_in_second_file_with_its_own_using_static()
    {
        var head = "using RunbookSdk;\nnamespace Ops;\n[Runbook(\"a\")]\npublic sealed partial class Rba : Runbook<OpsHandbook> { }";
        var body = "using RunbookSdk;\nusing static Shared.Defaults;\nnamespace Ops;\npublic sealed partial class Rba { public override void Define(IRunbookBuilder rb) => rb.Title(\"Drain \" + Region); }";
        var session = new EditSession(HandbookFile, LimitsFile, DefaultsFile, head, body, Runbook("b", "\"B\""));
        Assert.Contains("# Drain eu-west-1", session.Page("a"), StringComparison.Ordinal);

        session.Edit("\"eu-west-1\"", "\"us-east-2\"");
        Assert.Contains("# Drain us-east-2", session.Page("a"), StringComparison.Ordinal);
        session.Edit("public sealed partial class Rba : Runbook<OpsHandbook> { }", "public sealed partial class Rba : Runbook<OpsHandbook> { const string Region = \"local\"; }");
        Assert.Contains("# Drain local", session.Page("a"), StringComparison.Ordinal);
    }

    // A constant moved from a class into its base class in another file.
    [Fact]
    public void Constant_moved_into_the_base_class_in_another_file()
    {
        var session = new EditSession(
            HandbookFile,
            "namespace Ops;\npublic class LimitsBase { }",
            "namespace Ops;\npublic class Limits : LimitsBase { public const string Region = \"eu-west-1\"; }",
            Runbook("a", "\"Drain \" + Limits.Region"), Runbook("b", "\"B\""));

        session.Edit("public class LimitsBase { }", "public class LimitsBase { public const string Region = \"us-east-2\"; }");
        session.Edit("public class Limits : LimitsBase { public const string Region = \"eu-west-1\"; }", "public class Limits : LimitsBase { }");
        Assert.Contains("# Drain us-east-2", session.Page("a"), StringComparison.Ordinal);
    }

    // ---------------- realistic: half-typed sequences ----------------

    [Fact]
    public void Half_typed_constant_value_in_a_shared_file()
    {
        var session = new EditSession(
            HandbookFile, "namespace Ops;\npublic static class Limits { public const string Region = \"eu-west-1\"; }\npublic static class After { }",
            Runbook("a", "\"Drain \" + Limits.Region"), Runbook("b", "\"B\""));

        session.Edit("\"eu-west-1\";", "\"us");
        session.Edit("\"us", "\"us-east");
        session.Edit("\"us-east", "\"us-east-2\"");
        session.Edit("\"us-east-2\"", "\"us-east-2\";");
    }

    [Fact]
    public void Half_typed_base_class_name_and_attribute_in_the_base_file()
    {
        var teamBase = "using RunbookSdk;\nnamespace Ops;\npublic abstract class TeamRunbook : Runbook<OpsHandbook>\n{\n    public string Zone { get; set; } = \"a\";\n}";
        var session = new EditSession(HandbookFile, LimitsFile, teamBase, Runbook("a", "\"A\"", baseType: "TeamRunbook"), Runbook("b", "\"B\""));

        foreach (var step in new[] { "[", "[P", "[Param", "[Parameter(", "[Parameter(\"Zo", "[Parameter(\"Zone\")", "[Parameter(\"Zone\")]" })
        {
            session.Edit("public string Zone", step + " public string Zone");
            session.Edit(step + " public string Zone", "public string Zone");
        }

        session.Edit("public string Zone", "[Parameter(\"Zone\")] public string Zone");
        foreach (var (from, to) in new[] { ("class TeamRunbook :", "class TeamRunboo :"), ("class TeamRunboo :", "class TeamRunbook2 :"), ("class TeamRunbook2 :", "class TeamRunbook :") })
            session.Edit(from, to);
        Assert.Contains("Zone", session.Page("a"), StringComparison.Ordinal);
    }

    [Fact]
    public void Half_typed_comment_in_an_untracked_file_swallows_a_shadowing_type()
    {
        var shared = "namespace Shared;\npublic static class Names { public const string Title = \"From shared\"; }";
        var ops = "namespace Ops;\npublic static class Other { }\npublic static class Names { public const string Title = \"From ops\"; }";
        var session = new EditSession(HandbookFile, shared, ops, "using Shared;\n" + Runbook("a", "Names.Title"), Runbook("b", "\"B\""));
        Assert.Contains("# From ops", session.Page("a"), StringComparison.Ordinal);

        session.Edit("public static class Other { }", "public static class Other { }\n/*");
        Assert.Contains("# From shared", session.Page("a"), StringComparison.Ordinal);
        session.Edit("/*", "/**/");
        Assert.Contains("# From ops", session.Page("a"), StringComparison.Ordinal);
        session.Edit("public static class Other { }\n/**/", "#if NOPE\npublic static class Other { }");
        Assert.Contains("# From shared", session.Page("a"), StringComparison.Ordinal);
    }

    // ---------------- exotic: top-level statements ----------------
    // TreeFacts.Walk.TopLevel records top-level locals only from LocalDeclarationStatementSyntax (and local
    // functions); a deconstruction, an `out var` or a pattern variable at top level declares a local too, which
    // every file's lookups find (CS8801), and the file already declared Program: no name changes, the model is reused.

    // The realistic form: Program.cs of a runbook app gains `var (Region, Zone) = ...`.
    [Fact]
    public void Program_cs_gains_a_deconstruction_named_like_an_imported_constant()
    {
        var program = "using RunbookSdk;\nSystem.Console.WriteLine(\"runbooks\");";
        var session = new EditSession(
            HandbookFile, DefaultsFile, program,
            "using static Shared.Defaults;\n" + Runbook("a", "\"Drain \" + Region"), Runbook("b", "\"B\""));
        Assert.Contains("# Drain eu-west-1", session.Page("a"), StringComparison.Ordinal);

        session.Edit("System.Console.WriteLine(\"runbooks\");", "var (Region, Zone) = (args.Length > 0 ? args[0] : \"eu\", \"a\");\nSystem.Console.WriteLine(\"runbooks\");");

        Assert.DoesNotContain("# Drain eu-west-1", session.Page("a"), StringComparison.Ordinal);
    }

    // A deconstruction at top level declares locals every file's lookups find (Walk reads only declarations).
    [Fact]
    public void Top_level_deconstruction_declares_a_local_named_like_a_constant()
    {
        var session = new EditSession(
            HandbookFile, DefaultsFile, "System.Console.WriteLine();",
            "using static Shared.Defaults;\n" + Runbook("a", "\"Drain \" + Region"), Runbook("b", "\"B\""));
        Assert.Contains("# Drain eu-west-1", session.Page("a"), StringComparison.Ordinal);

        session.Edit("System.Console.WriteLine();", "var (Region, Zone) = (\"us-east-2\", \"b\");");

        Assert.DoesNotContain("# Drain eu-west-1", session.Page("a"), StringComparison.Ordinal);
    }

    [Fact]
    public void Top_level_out_var_declares_a_local_named_like_a_constant()
    {
        var session = new EditSession(
            HandbookFile, DefaultsFile, "System.Console.WriteLine();",
            "using static Shared.Defaults;\n" + Runbook("a", "\"Drain \" + Region"), Runbook("b", "\"B\""));

        session.Edit("System.Console.WriteLine();", "System.Console.WriteLine(int.TryParse(\"1\", out var Region));");

        Assert.DoesNotContain("# Drain eu-west-1", session.Page("a"), StringComparison.Ordinal);
    }

    [Fact]
    public void Top_level_if_pattern_declares_a_local_named_like_a_constant()
    {
        var session = new EditSession(
            HandbookFile, DefaultsFile, "System.Console.WriteLine();",
            "using static Shared.Defaults;\n" + Runbook("a", "\"Drain \" + Region"), Runbook("b", "\"B\""));

        session.Edit("System.Console.WriteLine();", "if (System.Environment.GetEnvironmentVariable(\"REGION\") is string Region) System.Console.WriteLine(Region);");

        Assert.DoesNotContain("# Drain eu-west-1", session.Page("a"), StringComparison.Ordinal);
    }

    // ---------------- realistic: more ----------------

    // GlobalUsings.cs imports two constant classes with `global using static`; one gains a member of the other's name.
    [Fact]
    public void Global_using_static_classes_gain_a_clashing_constant()
    {
        var naming = "namespace Ops;\npublic static class Naming { public const string Prefix = \"[pay]\"; }";
        var regions = "namespace Ops;\npublic static class Regions { public const string Primary = \"eu-west-1\"; }";
        var session = new EditSession(HandbookFile, naming, regions, "global using static Ops.Naming;\nglobal using static Ops.Regions;",
            Runbook("a", "Prefix + \" Drain \" + Primary"), Runbook("b", "\"B\""));
        Assert.Contains("# [pay] Drain eu-west-1", session.Page("a"), StringComparison.Ordinal);

        session.Edit("public const string Prefix = \"[pay]\";", "public const string Prefix = \"[pay]\"; public const string Primary = \"us\";");
        Assert.DoesNotContain("eu-west-1", session.Page("a"), StringComparison.Ordinal);
    }

    // Constants in a generic base runbook class, read through the constructed base; the generic argument changes.
    [Fact]
    public void Constants_in_a_generic_base_runbook_and_its_argument_changed()
    {
        var other = "using RunbookSdk;\nnamespace Ops;\n[Handbook(\"payments\")]\npublic sealed class PaymentsHandbook : Handbook { public override void Define(IHandbookBuilder hb) => hb.Title(\"Payments\"); }";
        var teamBase = """
            using RunbookSdk;
            namespace Ops;
            public abstract class TeamRunbook<THandbook> : Runbook<THandbook> where THandbook : Handbook, new()
            {
                protected const string Team = "payments";
                public static class Defaults { public const string Region = "eu-west-1"; }
                [Parameter("Zone")] public string Zone { get; set; } = Defaults.Region + "a";
            }
            """;
        var session = new EditSession(HandbookFile, other, LimitsFile, teamBase,
            Runbook("a", "Team + \" drain \" + Defaults.Region", baseType: "TeamRunbook<OpsHandbook>"), Runbook("b", "\"B\""));
        Assert.Contains("# payments drain eu-west-1", session.Page("a"), StringComparison.Ordinal);

        session.Edit("\"eu-west-1\"", "\"us-east-2\"");
        session.Edit("protected const string Team = \"payments\";", "protected const string Team = \"billing\";");
        Assert.Contains("# billing drain us-east-2", session.Page("a"), StringComparison.Ordinal);
        session.Edit("TeamRunbook<OpsHandbook>", "TeamRunbook<PaymentsHandbook>");
        Assert.Contains("(payments.md)", session.Page("a"), StringComparison.Ordinal);
    }

    // A handbook named through an alias in the base class's file; the alias is retargeted.
    [Fact]
    public void Handbook_alias_in_the_base_class_file_retargeted()
    {
        var other = "using RunbookSdk;\nnamespace Ops.Payments;\n[Handbook(\"payments\")]\npublic sealed class OpsHandbook : Handbook { public override void Define(IHandbookBuilder hb) => hb.Title(\"Payments\"); }";
        var teamBase = "using RunbookSdk;\nusing TeamHandbook = Ops.OpsHandbook;\nnamespace Ops.Teams;\npublic abstract class TeamRunbook : Runbook<TeamHandbook> { }";
        var session = new EditSession(HandbookFile, other, LimitsFile, teamBase,
            "using Ops.Teams;\n" + Runbook("a", "\"A\"", baseType: "TeamRunbook"), Runbook("b", "\"B\""));
        Assert.Contains("(ops.md)", session.Page("a"), StringComparison.Ordinal);

        session.Edit("using TeamHandbook = Ops.OpsHandbook;", "using TeamHandbook = Ops.Payments.OpsHandbook;");
        Assert.Contains("(payments.md)", session.Page("a"), StringComparison.Ordinal);
    }

    // The runbook's Severity, Symptoms and Owner from constants and an enum in a shared file.
    [Fact]
    public void Owner_symptoms_and_tags_from_shared_constants()
    {
        var team = "namespace Ops;\npublic static class Team { public const string Owner = \"payments-oncall\"; public const string Symptom = \"5xx from \" + Service; public const string Service = \"api\"; }";
        var session = new EditSession(HandbookFile, team,
            Runbook("a", "\"A\"", chain: ".Owner(Team.Owner).Severity(Severity.P2).Symptoms(Team.Symptom, $\"latency on {Team.Service}\").Tags(Team.Service, nameof(Team))"),
            Runbook("b", "\"B\""));

        session.Edit("Service = \"api\"", "Service = \"gateway\"");
        session.Edit("public static class Team", "public static class Team2");
        session.Edit("public static class Team2", "public static class Team");
    }

    // ---------------- exotic: C# 14 extension members ----------------

    // nameof a static extension property: a second extension block in an untracked file makes it ambiguous.
    [Fact]
    public void Nameof_static_extension_property_made_ambiguous_by_another_extension_block()
    {
        var ext1 = "namespace Ops;\npublic static class LimitsExtensions { extension(Limits) { public static string Region => \"eu\"; } }";
        var session = new EditSession(HandbookFile, LimitsFile, ext1, "namespace Ops;\npublic static class MoreExtensions { }",
            Runbook("a", "\"Drain \" + nameof(Limits.Region)"), Runbook("b", "\"B\""));
        Assert.Contains("# Drain Region", session.Page("a"), StringComparison.Ordinal);

        // Holds: a fresh generator reads the same (nameof still binds), so nothing is stale.
        session.Edit("public static class MoreExtensions { }", "public static class MoreExtensions { extension(Limits) { public static string Region => \"us\"; } }");
    }

    // Same root cause when the deconstruction is the file's first statement: only Program is declared, which a did not look up.
    [Fact]
    public void First_top_level_statement_is_a_deconstruction()
    {
        var session = new EditSession(
            HandbookFile, DefaultsFile, "// scratch",
            "using static Shared.Defaults;\n" + Runbook("a", "\"Drain \" + Region"), Runbook("b", "\"B\""));

        session.Edit("// scratch", "var (Region, Zone) = (\"us\", \"a\");");

        Assert.DoesNotContain("# Drain eu-west-1", session.Page("a"), StringComparison.Ordinal);
    }

    // A local function behind a label at top level (probe: is it a top-level local function the walk misses?).
    [Fact]
    public void Top_level_labeled_local_function_named_like_a_constant()
    {
        var session = new EditSession(
            HandbookFile, DefaultsFile, "System.Console.WriteLine();",
            "using static Shared.Defaults;\n" + Runbook("a", "\"Drain \" + Region"), Runbook("b", "\"B\""));

        session.Edit("System.Console.WriteLine();", "System.Console.WriteLine();\nstart: static string Region() => \"us\";");
    }
}
