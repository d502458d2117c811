using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Tests.Infrastructure;
using RunbookSdk.CodeFixes.Commands;

namespace RunbookSdk.Analyzers.Tests.Fixes;

/// <summary>The RB0006/RB0007 fix and parameters inherited from a base runbook (the Omnix sample's shape): it reuses them or
/// avoids their names, never hiding one (CS0108, an error under the template's TreatWarningsAsErrors).</summary>
public sealed class LiteralToParameterInheritanceTests
{
    private static string Source(string command) => $$"""
        using System;
        using RunbookSdk;

        public abstract class OmnixRunbook : Runbook<OmnixHandbook>
        {
            [Parameter("Database password"), Secret] public string Password { get; init; } = "";
            [Parameter("Checkout of the backend")] public string BackendDirectory { get; init; } = "./apps/backend";
        }

        [Runbook("sample")]
        public sealed class Sample : OmnixRunbook
        {
            public override void Define(IRunbookBuilder rb) => rb
                .Title("Sample")
                .Severity(Severity.P1)
                .Phase("Immediate actions", TimeBox.Minutes(0, 5), p => p
                    .Step("Db", s => s.Run({{command}})))
                .Rollback(r => r.Step("Roll back", s => s.Run("./rollback-plan.sh").RequiresConfirmation()))
                .Verification(v => v.Step("Health is green", s => s.Http("GET", "https://api.omnix.ai/health").ExpectStatus(200)));
        }

        {{Sources.Handbook}}
        """;

    [Fact]
    public Task RB0007_PicksANameTheBaseDoesNotAlreadyUse() =>
        Verify<CommandTextAnalyzer>.FixAsync<LiteralToParameterCodeFix>(
            Source("\"cd {|RB0007:/home/jon/apps/backend|} && git status\""),
            Source("$\"cd {BackendDirectory2} && git status\"").Replace(
                "    public override void Define(IRunbookBuilder",
                "    [Parameter(\"Path of 'backend' on the operator's machine\")] public string BackendDirectory2 { get; init; } = \"/home/jon/apps/backend\";\n    public override void Define(IRunbookBuilder"));

    [Fact]
    public Task ReusesTheSecretParameterTheRunbookInheritsFromItsBase() =>
        Verify<CommandTextAnalyzer>.FixAsync<LiteralToParameterCodeFix>(
            Source("\"psql postgresql://admin:{|RB0006:s3cr3t|}@db.omnix.ai:5432/app -c 'SELECT 1'\""),
            Source("$\"psql postgresql://admin:{Password}@db.omnix.ai:5432/app -c 'SELECT 1'\""));

    [Fact]
    public Task DoesNotReuseAPropertyMarkedWithATeamsOwnParameterAndSecretAttributes()
    {
        // Ops.ParameterAttribute is the team's, for its own tooling: the runner never sets such a property, so a hole
        // reading it would put "" into the command where the secret was. By name, the fix reused it.
        const string ops = """

            namespace Ops
            {
                [System.AttributeUsage(System.AttributeTargets.Property)] public sealed class ParameterAttribute(string d) : System.Attribute;
                [System.AttributeUsage(System.AttributeTargets.Property)] public sealed class SecretAttribute : System.Attribute;
            }
            """;
        static string WithTeamAttributes(string source) => source.Replace(
            "[Parameter(\"Database password\"), Secret] public string Password",
            "[Ops.Parameter(\"Database password\"), Ops.Secret] public string Password", StringComparison.Ordinal) + ops;
        return Verify<CommandTextAnalyzer>.FixAsync<LiteralToParameterCodeFix>(
            WithTeamAttributes(Source("\"psql postgresql://admin:{|RB0006:s3cr3t|}@db.omnix.ai:5432/app -c 'SELECT 1'\"")),
            WithTeamAttributes(Source("$\"psql postgresql://admin:{Password2}@db.omnix.ai:5432/app -c 'SELECT 1'\"")).Replace(
                "    public override void Define(IRunbookBuilder",
                "    [Parameter(\"Password\"), Secret] public string Password2 { get; init; } = \"\";\n    public override void Define(IRunbookBuilder", StringComparison.Ordinal));
    }

    [Fact]
    public Task SecretsInTwoPartsOfAPartialRunbookShareOneProperty()
    {
        const string main = """
            using RunbookSdk;

            [Runbook("split")]
            public sealed partial class Split : Runbook
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Title("Split")
                    .Phase("Db", p => p.Step("Db", s => s.Run({{command}})))
                    .Phase("More", More);
            }
            """;
        const string more = """
            using RunbookSdk;

            public sealed partial class Split
            {
                private void More(IPhaseBuilder p) => p.Step("Db2", s => s.Run({{command}}));
            }
            """;
        const string before = "\"psql postgresql://admin:{|RB0006:s3cr3t|}@db.omnix.ai:5432/app -c 'SELECT 1'\"";
        const string after = "$\"psql postgresql://admin:{Password}@db.omnix.ai:5432/app -c 'SELECT 1'\"";
        return Verify<CommandTextAnalyzer>.FixAsync<LiteralToParameterCodeFix>(
            [("Split.cs", main.Replace("{{command}}", before)), ("Split.More.cs", more.Replace("{{command}}", before))],
            [
                ("Split.cs", main.Replace("{{command}}", after).Replace(
                    "{\n    public override", "{\n    [Parameter(\"Password\"), Secret] public string Password { get; init; } = \"\";\n    public override")),
                ("Split.More.cs", more.Replace("{{command}}", after)),
            ]);
    }

    [Fact]
    public Task PicksANameOtherThanTheRunbooksOwn()
    {
        // A runbook about a password (class Password) with one in its command: a property named Password in it is
        // CS0542 (a member named as its enclosing type), so the fix wrote code that did not compile.
        const string source = """
            using RunbookSdk;

            [Runbook("password")]
            public sealed class Password : Runbook
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Title("Rotate the database password")
                    .Phase("Db", p => p.Step("Db", s => s.Run("psql postgresql://admin:{|RB0006:s3cr3t|}@db.omnix.ai:5432/app -c 'SELECT 1'")));
            }
            """;
        const string fixedSource = """
            using RunbookSdk;

            [Runbook("password")]
            public sealed class Password : Runbook
            {
                [Parameter("Password"), Secret] public string Password2 { get; init; } = "";
                public override void Define(IRunbookBuilder rb) => rb
                    .Title("Rotate the database password")
                    .Phase("Db", p => p.Step("Db", s => s.Run($"psql postgresql://admin:{Password2}@db.omnix.ai:5432/app -c 'SELECT 1'")));
            }
            """;
        return Verify<CommandTextAnalyzer>.FixAsync<LiteralToParameterCodeFix>(source, fixedSource);
    }

    [Fact]
    public Task IsNotOfferedInAStaticHelperOrLambdaWhereNoInstanceHasTheParameter()
    {
        const string source = """
            using RunbookSdk;

            [Runbook("helpers")]
            public sealed class Helpers : Runbook
            {
                public override void Define(IRunbookBuilder rb) => rb.Title("Helpers").Phase("Db", Db).Phase("Local", p => p.Step("Local", static s => s.Run("pg_dump postgresql://admin:{|RB0006:s3cr3t|}@db.omnix.ai:5432/app")));

                private static void Db(IPhaseBuilder p) => p.Step("Db", s => s.Run("psql postgresql://admin:{|RB0006:s3cr3t|}@db.omnix.ai:5432/app -c 'SELECT 1'"));
            }
            """;
        return Verify<CommandTextAnalyzer>.FixAsync<LiteralToParameterCodeFix>(source, source);
    }
}
