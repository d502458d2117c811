using RunbookSdk.Execution;
using RunbookSdk.Hosting;
using RunbookSdk.Model;
using RunbookSdk.Tests.Fixtures;

namespace RunbookSdk.Tests.Execution;

public sealed class RunContextTests
{
    private static readonly RunbookCatalog Catalog = TestCatalog.Create();

    private static RunContext Bind(params (string Name, string Value)[] arguments) =>
        RunContext.Bind(Catalog, Catalog.FindRunbook("deploy-rollback")!, arguments.ToDictionary(a => a.Name, a => a.Value));

    [Fact]
    public void Parameters_not_given_keep_their_defaults_in_declaration_order()
    {
        var run = Bind(("Service", "api"));
        Assert.Equal(
            [("Region", "eu-central-1"), ("Service", "api"), ("Revision", "3"), ("ApiToken", "")],
            run.Parameters.Select(p => (p.Parameter.Name, p.Value)));
    }

    [Fact]
    public void Names_are_matched_case_insensitively()
    {
        var run = Bind(("service", "api"), ("REGION", "us-east-1"));
        Assert.Equal("us-east-1", run.ParameterValues["region"]);
        Assert.Equal("us-east-1", ((DeployRollback)run.Instance).Region);
    }

    [Fact]
    public void The_plan_is_recorded_with_the_bound_values()
    {
        var run = Bind(("Service", "api"), ("Revision", "7"));
        var command = (ShellCommandAction)run.Plan.Phases[1].Steps[0].Actions[0];
        Assert.Equal("kubectl rollout undo deployment/api --to-revision=7", command.Command.Render());
    }

    [Fact]
    public void The_handbook_plan_gives_the_severity_and_the_inherited_escalation()
    {
        var run = Bind(("Service", "api"));
        Assert.Equal("platform", run.Handbook?.Id);
        Assert.Equal(("P1", "Critical", TimeSpan.FromMinutes(15)), (run.SeverityKey!, run.Severity!.Name, run.Severity.ResponseTime!.Value));
        Assert.Equal("platform", run.Escalation.InheritedFrom);
        Assert.Equal(2, run.Escalation.Levels.Count);
    }

    [Fact]
    public void A_standalone_runbook_has_no_handbook_and_an_undefined_severity()
    {
        var run = RunContext.Bind(Catalog, Catalog.FindRunbook("diagnose-latency")!, new Dictionary<string, string>());
        Assert.Null(run.Handbook);
        Assert.Equal("Warning", run.SeverityKey);
        Assert.Null(run.Severity);
        Assert.False(run.Escalation.IsInherited);
    }

    [Fact]
    public void Secret_values_are_masked_and_others_are_not()
    {
        var run = Bind(("Service", "api"), ("ApiToken", "tok-123"));
        Assert.Equal("Bearer *** for api", run.Secrets.Mask("Bearer tok-123 for api"));
        Assert.Equal("ApiToken=***", run.Parameters.Single(p => p.Parameter.Name == "ApiToken").ToString());
        Assert.Equal("Service=api", run.Parameters.Single(p => p.Parameter.Name == "Service").ToString());
    }

    [Fact]
    public void An_unknown_name_is_refused_naming_it_and_the_known_parameters()
    {
        var error = Assert.Throws<ParameterBindingException>(() => Bind(("Service", "api"), ("Zone", "b")));
        Assert.Equal("Zone", error.Parameter);
        Assert.Equal("Unknown parameter 'Zone' for runbook 'deploy-rollback'. Its parameters: Region, Service, Revision, ApiToken.", error.Message);
    }

    [Fact]
    public void A_missing_required_parameter_is_refused()
    {
        var error = Assert.Throws<ParameterBindingException>(() => Bind(("Region", "eu-west-1")));
        Assert.Equal("Service", error.Parameter);
        Assert.Contains("required", error.Message);
    }

    [Fact]
    public void An_empty_value_does_not_satisfy_a_required_parameter() =>
        Assert.Equal("Service", Assert.Throws<ParameterBindingException>(() => Bind(("Service", ""))).Parameter);

    [Fact]
    public void A_value_of_the_wrong_type_is_refused_naming_the_parameter()
    {
        var error = Assert.Throws<ParameterBindingException>(() => Bind(("Service", "api"), ("Revision", "three")));
        Assert.Equal("Revision", error.Parameter);
        Assert.Contains("'three'", error.Message);
    }

    [Fact]
    public void A_binding_error_never_repeats_a_secret_value()
    {
        var descriptor = SecretIntDescriptor();
        var catalog = new RunbookCatalog([descriptor], [], "");
        var error = Assert.Throws<ParameterBindingException>(() =>
            RunContext.Bind(catalog, descriptor, new Dictionary<string, string> { ["Pin"] = "s3cret" }));
        Assert.Equal("'***' is not a PIN.", error.Message);
    }

    private static RunbookDescriptor SecretIntDescriptor() => new()
    {
        Id = "pin",
        Title = "Pin",
        RunbookType = typeof(DiagnoseLatency),
        Parameters = [new("Pin", "int", null, IsSecret: true, IsRequired: false, DefaultText: null)],
        Create = values => throw new ParameterBindingException("Pin", $"'{values["Pin"]}' is not a PIN."),
        ReadParameters = _ => new Dictionary<string, string>(),
        DocumentFileName = "pin.md",
        Documentation = "",
    };
}
