using Microsoft.CodeAnalysis;
using RunbookSdk.Generators.Tests.Support;
using RunbookSdk.Hosting;

namespace RunbookSdk.Generators.Tests;

/// <summary>
/// The generator reads <c>[Parameter]</c> properties from syntax and asks the symbols only what syntax cannot tell;
/// both ways must list the same parameters the runner binds and the page documents.
/// </summary>
public sealed class ParameterReadingTests
{
    private const string Define = "public override void Define(IRunbookBuilder rb) => rb.Title(\"T\");";

    [Fact]
    public void Attribute_spellings_required_secret_defaults_and_what_is_not_a_parameter()
    {
        var parameters = Parameters($$"""
            using System;
            using RunbookSdk;
            using P = RunbookSdk.ParameterAttribute;

            [Runbook("r")]
            public sealed class R : Runbook
            {
                [Parameter("Region")] public string Region { get; init; } = "eu-west-1";
                [RunbookSdk.Parameter("Replicas", Required = true)] public int Replicas { get; set; }
                [global::RunbookSdk.ParameterAttribute(null), Secret] public string Token { get; init; } = "";
                [P("Window")] public TimeSpan? Window { get; init; }
                [Parameter("Computed")] public string Computed => "x";
                [Parameter("Static")] public static string Static { get; set; } = "";
                public string Plain { get; set; } = "";
                {{Define}}
            }
            """);

        Assert.Equal(
            [
                "Region|string|Region|0|0|\"eu-west-1\"",
                "Replicas|int|Replicas|0|1|",
                "Token|string||1|0|\"\"",
                "Window|TimeSpan?|Window|0|0|",
            ],
            parameters);
    }

    /// <summary>
    /// C#'s <c>required</c> on a parameter property is <c>Required = true</c>: the page says so and the run refuses to
    /// start without it, where before it ran the commands with no value. Read from syntax and from a base class compiled
    /// elsewhere alike.
    /// </summary>
    [Fact]
    public void A_parameter_declared_required_in_CSharp_is_required()
    {
        var library = GeneratorHarness.Compile("""
            using RunbookSdk;
            public abstract class TeamRunbook : Runbook
            {
                [Parameter("Cluster")] public required string Cluster { get; init; }
            }
            """).WithAssemblyName("Team");
        var parameters = Parameters($$"""
            using RunbookSdk;

            [Runbook("r")]
            public sealed class R : TeamRunbook
            {
                [Parameter("Region")] public required string Region { get; init; }
                [Parameter("Zone")] public string Zone { get; init; } = "a";
                {{Define}}
            }
            """, MetadataReference.CreateFromImage(ProjectAssemblies.Emit(library).ToArray()));

        Assert.Equal(["Cluster|string|Cluster|0|1|", "Region|string|Region|0|1|", "Zone|string|Zone|0|0|\"a\""], parameters);
    }

    /// <summary>
    /// A default named by a constant is shown by its value, as a command's constant hole is: the page said
    /// <c>Limits.Region</c>, and the engineer reading it at 3 a.m. has no go-to-definition. A literal stays as written,
    /// an enum member (its constant is a number) and anything not constant too.
    /// </summary>
    [Fact]
    public void A_default_that_is_a_constant_is_shown_by_its_value()
    {
        var parameters = Parameters($$"""
            using System;
            using RunbookSdk;

            public static class Limits
            {
                public const string Region = "eu-central-1";
                public const int Replicas = 3;
                public const double Ratio = 0.5;
                public const string Quoted = "say \"hi\"";
            }

            public enum Tier { Gold, Silver }

            [Runbook("r")]
            public sealed class R : Runbook
            {
                private const string Prefix = "svc-";
                [Parameter("a")] public string Region { get; init; } = Limits.Region;
                [Parameter("b")] public int Replicas { get; init; } = Limits.Replicas * 2;
                [Parameter("c")] public double Ratio { get; init; } = Limits.Ratio;
                [Parameter("d")] public string Name { get; init; } = Prefix + "api";
                [Parameter("e")] public string Type { get; init; } = nameof(Limits);
                [Parameter("f")] public string? Quoted { get; init; } = Limits.Quoted;
                [Parameter("g")] public bool Strict { get; init; } = !false;
                [Parameter("h")] public int Literal { get; init; } = 1_000;
                [Parameter("i")] public int Negative { get; init; } = -5;
                [Parameter("j")] public Tier Tier { get; init; } = Tier.Gold;
                [Parameter("k")] public string Machine { get; init; } = Environment.MachineName;
                [Parameter("l")] public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(5);
                {{Define}}
            }
            """);

        Assert.Equal(
            [
                "\"eu-central-1\"", "6", "0.5", "\"svc-api\"", "\"Limits\"", "\"say \\\"hi\\\"\"", "true", "1_000", "-5", "Tier.Gold",
                "Environment.MachineName", "TimeSpan.FromMinutes(5)",
            ],
            parameters.Select(p => p.Split('|')[5]));
    }

    [Fact]
    public void A_description_from_a_constant_is_read_through_the_symbol()
    {
        var parameters = Parameters($$"""
            using RunbookSdk;

            [Runbook("r")]
            public sealed class R : Runbook
            {
                private const string Where = "Region to fail over";
                [Parameter(Where, Required = Strict)] public string Region { get; init; } = "eu-west-1";
                private const bool Strict = true;
                {{Define}}
            }
            """);

        Assert.Equal(["Region|string|Region to fail over|0|1|\"eu-west-1\""], parameters);
    }

    [Fact]
    public void Base_class_parameters_come_first_whether_the_base_is_in_source_or_in_another_assembly()
    {
        var library = GeneratorHarness.Compile("""
            using RunbookSdk;
            namespace Team;
            public abstract class TeamRunbook : Runbook
            {
                [Parameter("Cluster"), Secret] public string Cluster { get; init; } = "prod-1";
            }
            """).WithAssemblyName("Team");
        using var image = new MemoryStream();
        Assert.True(library.Emit(image).Success);

        var parameters = Parameters($$"""
            using RunbookSdk;

            public abstract class ServiceRunbook : Team.TeamRunbook
            {
                [Parameter("Service")] public string Service { get; init; } = "api";
            }

            [Runbook("r")]
            public sealed class R : ServiceRunbook
            {
                [Parameter("Replicas")] public int Replicas { get; init; } = 2;
                {{Define}}
            }
            """, MetadataReference.CreateFromImage(image.ToArray()));

        Assert.Equal(
            [
                "Cluster|string|Cluster|1|0|",
                "Service|string|Service|0|0|\"api\"",
                "Replicas|int|Replicas|0|0|2",
            ],
            parameters);
    }

    [Fact]
    public void A_teams_own_Parameter_and_Secret_attributes_are_not_taken_for_ours()
    {
        // Ops has attributes of the same names for its own tooling: by name, Host was listed as a runbook parameter
        // (shown on the page, set from the command line) and Region masked as a secret in output and journal.
        var parameters = Parameters($$"""
            using RunbookSdk;

            namespace Ops
            {
                [System.AttributeUsage(System.AttributeTargets.Property)] public sealed class ParameterAttribute(string d = "") : System.Attribute;
                [System.AttributeUsage(System.AttributeTargets.Property)] public sealed class SecretAttribute : System.Attribute;
            }

            [Runbook("r")]
            public sealed class R : Runbook
            {
                [Ops.Parameter("Host")] public string Host { get; init; } = "db-1";
                [Parameter("Region"), Ops.Secret] public string Region { get; init; } = "eu-west-1";
                [Parameter("Token"), Secret] public string Token { get; init; } = "";
                {{Define}}
            }
            """);

        Assert.Equal(["Region|string|Region|0|0|\"eu-west-1\"", "Token|string|Token|1|0|\"\""], parameters);
    }

    [Fact]
    public void A_file_that_imports_only_the_teams_attributes_has_no_runbook_parameters_from_them()
    {
        var parameters = Parameters($$"""
            using Ops;

            namespace Ops
            {
                [System.AttributeUsage(System.AttributeTargets.Property)] public sealed class ParameterAttribute(string d = "") : System.Attribute;
                [System.AttributeUsage(System.AttributeTargets.Property)] public sealed class SecretAttribute : System.Attribute;
            }

            [RunbookSdk.Runbook("r")]
            public sealed class R : RunbookSdk.Runbook
            {
                [Parameter("Host")] public string Host { get; init; } = "db-1";
                [RunbookSdk.Parameter("Token"), Secret] public string Token { get; init; } = "";
                [RunbookSdk.Parameter("Key"), RunbookSdk.Secret] public string Key { get; init; } = "";
                public override void Define(RunbookSdk.IRunbookBuilder rb) => rb.Title("T");
            }
            """);

        Assert.Equal(["Token|string|Token|0|0|\"\"", "Key|string|Key|1|0|\"\""], parameters);
    }

    [Fact]
    public void Aliases_of_our_attributes_are_ours()
    {
        var parameters = Parameters($$"""
            using RunbookSdk;
            using P = RunbookSdk.ParameterAttribute;
            using Hidden = RunbookSdk.SecretAttribute;

            [Runbook("r")]
            public sealed class R : Runbook
            {
                [P("Token"), Hidden] public string Token { get; init; } = "";
                [P] public string Region { get; init; } = "eu";
                {{Define}}
            }
            """);

        Assert.Equal(["Token|string|Token|1|0|\"\"", "Region|string||0|0|\"eu\""], parameters);
    }

    /// <summary>The parameter records of the one runbook's generated part, as name|type|description|secret|required|default.</summary>
    private static string[] Parameters(string source, MetadataReference? reference = null)
    {
        var compilation = GeneratorHarness.Compile(source);
        if (reference is not null) compilation = compilation.AddReferences(reference);
        var driver = GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var generated = GeneratorHarness.GeneratedSource(driver.GetRunResult(), "R.Runbook.g.cs");
        return DescriptorEncoding.Records(GeneratorHarness.EmbeddedTexts(generated)[0]!)
            .Where(r => r.Record == DescriptorEncoding.ParameterRecord)
            .Select(r => string.Join("|", r.Fields))
            .ToArray();
    }
}
