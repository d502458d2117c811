using System.Text;
using RunbookSdk.Hosting;
using RunbookSdk.Tests.Fixtures;

// What generated code puts on a runbook assembly, here on the test assembly so GeneratedDescriptors.Catalog can read it.
[assembly: GeneratedRunbook(typeof(RunbookSdk.Tests.Hosting.GeneratedDescriptorsTests.ThrowingRunbook), "id\tzz-throws\ntitle\tThrows\nfile\tzz-throws.md\n", "", "# Throws\n")]
[assembly: GeneratedRunbook(typeof(RunbookSdk.Tests.Hosting.GeneratedDescriptorsTests.BindingRunbook), "id\taa-binding\ntitle\tBinding\nfile\taa-binding.md\n", "P\tCheck\t\\0\n", "# Binding\n")]
[assembly: GeneratedHandbook(typeof(RunbookSdk.Tests.Fixtures.PlatformHandbook), "id\tplatform\ntitle\tPlatform\nfile\tplatform.md\n", "# Platform\n")]

namespace RunbookSdk.Tests.Hosting;

/// <summary>
/// What generated code hands the runtime — a class and UTF-8 text in the generator's encodings — read back into a
/// descriptor, and parameters bound to the properties the text lists.
/// </summary>
public sealed class GeneratedDescriptorsTests
{
    public enum Mode { Drain, Restart }

    public abstract class TeamRunbook : Runbook
    {
        [Parameter("Cluster")] public string Cluster { get; init; } = "prod-1";
    }

    public sealed class BindingRunbook : TeamRunbook
    {
        [Parameter("Replicas")] public int Replicas { get; init; } = 3;
        [Parameter("Mode")] public Mode Mode { get; init; } = Mode.Drain;
        [Parameter("Window")] public TimeSpan? Window { get; init; }
        [Parameter("Service", Required = true)] internal string Service { get; init; } = "";
        public string NotAParameter { get; set; } = "untouched";

        public override void Define(IRunbookBuilder rb) => rb.Title("Binding");
    }

    public sealed class ThrowingRunbook : Runbook
    {
        public ThrowingRunbook() => throw new InvalidOperationException("region table missing");

        public override void Define(IRunbookBuilder rb) => rb.Title("Throws");
    }

    private const string Outline = "P\tCheck\t0-5 minutes\nS\tLook\t0\nA\tshell\nT\tuptime\n";

    private static string Header(string title = "Binding\trunbook\nwith a tab and a line break") => new DescriptorEncoding.Writer()
        .Value(DescriptorEncoding.IdRecord, "binding")
        .Value(DescriptorEncoding.TitleRecord, title)
        .Value(DescriptorEncoding.SeverityRecord, null)
        .Value(DescriptorEncoding.HandbookRecord, "platform")
        .Value(DescriptorEncoding.FileRecord, "binding.md")
        .Parameter("Cluster", "string", "Cluster", isSecret: false, isRequired: false, "\"prod-1\"")
        .Parameter("Replicas", "int", "Replicas", isSecret: false, isRequired: false, "3")
        .Parameter("Mode", "Mode", null, isSecret: false, isRequired: false, "Mode.Drain")
        .Parameter("Window", "TimeSpan?", "Window", isSecret: true, isRequired: false, null)
        .Parameter("Service", "string", "Service", isSecret: false, isRequired: true, "\"\"")
        .ToString();

    private static RunbookDescriptor Descriptor() =>
        GeneratedDescriptors.Runbook(typeof(BindingRunbook), Header(), Outline, "# Binding — “page”\n");

    [Fact]
    public void Identity_parameters_outline_and_page_come_back_as_written()
    {
        var descriptor = Descriptor();

        Assert.Equal("binding", descriptor.Id);
        Assert.Equal("Binding\trunbook\nwith a tab and a line break", descriptor.Title);
        Assert.Null(descriptor.Severity);
        Assert.Equal("platform", descriptor.HandbookId);
        Assert.Equal("binding.md", descriptor.DocumentFileName);
        Assert.Equal(typeof(BindingRunbook), descriptor.RunbookType);
        Assert.Equal(
            [
                new ParameterDescriptor("Cluster", "string", "Cluster", false, false, "\"prod-1\""),
                new ParameterDescriptor("Replicas", "int", "Replicas", false, false, "3"),
                new ParameterDescriptor("Mode", "Mode", null, false, false, "Mode.Drain"),
                new ParameterDescriptor("Window", "TimeSpan?", "Window", true, false, null),
                new ParameterDescriptor("Service", "string", "Service", false, true, "\"\""),
            ],
            descriptor.Parameters);
        Assert.Equal("# Binding — “page”\n", descriptor.Documentation);
        var phase = Assert.Single(descriptor.DocumentedOutline!.Phases);
        Assert.Equal(("Check", "0-5 minutes"), (phase.Name, phase.TimeBox));
        Assert.Equal("uptime", Assert.Single(Assert.Single(Assert.Single(phase.Steps).Actions).Text).Text);
    }

    [Fact]
    public void A_runbook_built_without_an_embedded_outline_has_none_rather_than_an_empty_one()
    {
        // An empty outline would read as "documents no steps" to a docs-versus-runner test; null says "not embedded".
        var descriptor = GeneratedDescriptors.Runbook(typeof(BindingRunbook), Header(), null, "# Binding\n");

        Assert.Null(descriptor.DocumentedOutline);
        Assert.Equal("binding", descriptor.Id);
    }

    [Fact]
    public void Given_values_are_parsed_into_the_listed_properties_and_the_rest_keep_their_defaults()
    {
        var runbook = Assert.IsType<BindingRunbook>(Descriptor().Create(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Service"] = "payments",
            ["Replicas"] = "7",
            ["mode"] = "restart",
            ["NotAParameter"] = "changed",
        }));

        Assert.Equal("payments", runbook.Service); // internal property
        Assert.Equal(7, runbook.Replicas);
        Assert.Equal(Mode.Restart, runbook.Mode);
        Assert.Equal("prod-1", runbook.Cluster); // base-class parameter keeps its default
        Assert.Null(runbook.Window);
        Assert.Equal("untouched", runbook.NotAParameter); // only listed parameters are ever set
    }

    [Fact]
    public void Reading_an_instance_formats_every_parameter_the_way_binding_reads_it_back()
    {
        var descriptor = Descriptor();
        var values = descriptor.ReadParameters(descriptor.Create(new Dictionary<string, string>
        {
            ["Service"] = "payments",
            ["Cluster"] = "prod-2",
            ["Window"] = "00:15:00",
        }));

        Assert.Equal(
            new Dictionary<string, string> { ["Cluster"] = "prod-2", ["Replicas"] = "3", ["Mode"] = "Drain", ["Window"] = "00:15:00", ["Service"] = "payments" },
            values);
        Assert.Equal("payments", values["SERVICE"]);
        var again = Assert.IsType<BindingRunbook>(descriptor.Create(values));
        Assert.Equal((TimeSpan?)TimeSpan.FromMinutes(15), again.Window);
    }

    [Fact]
    public void A_missing_required_value_or_a_bad_value_names_the_parameter()
    {
        var descriptor = Descriptor();

        var missing = Assert.Throws<ParameterBindingException>(() => descriptor.Create(new Dictionary<string, string>()));
        Assert.Equal(("Service", "Parameter 'Service' is required."), (missing.Parameter, missing.Message));

        var bad = Assert.Throws<ParameterBindingException>(() => descriptor.Create(new Dictionary<string, string> { ["Service"] = "x", ["Replicas"] = "many" }));
        Assert.Equal(("Replicas", "Parameter 'Replicas' expects a whole number, but got 'many'."), (bad.Parameter, bad.Message));
    }

    [Fact]
    public void What_a_runbook_constructor_throws_reaches_the_caller_as_itself()
    {
        var header = new DescriptorEncoding.Writer()
            .Value(DescriptorEncoding.IdRecord, "throws").Value(DescriptorEncoding.TitleRecord, "Throws").Value(DescriptorEncoding.FileRecord, "throws.md").ToString();
        var descriptor = GeneratedDescriptors.Runbook(typeof(ThrowingRunbook), header, "", "");

        var error = Assert.Throws<InvalidOperationException>(() => descriptor.Create(new Dictionary<string, string>()));
        Assert.Equal("region table missing", error.Message);
    }

    [Fact]
    public void A_header_without_an_id_is_a_clear_error_naming_the_class()
    {
        var error = Assert.Throws<FormatException>(() => GeneratedDescriptors.Runbook(typeof(BindingRunbook), "title\tNo id\n", "", ""));
        Assert.Contains(typeof(BindingRunbook).FullName!, error.Message, StringComparison.Ordinal);
        Assert.Contains("no id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_handbook_descriptor_creates_the_handbook_and_keeps_its_page()
    {
        var header = new DescriptorEncoding.Writer()
            .Value(DescriptorEncoding.IdRecord, "platform").Value(DescriptorEncoding.TitleRecord, "Platform").Value(DescriptorEncoding.FileRecord, "platform.md").ToString();
        var descriptor = GeneratedDescriptors.Handbook(typeof(PlatformHandbook), header, "# Platform\n");

        Assert.Equal(("platform", "Platform", "platform.md", "# Platform\n"), (descriptor.Id, descriptor.Title, descriptor.DocumentFileName, descriptor.Documentation));
        Assert.IsType<PlatformHandbook>(descriptor.Create());
    }

    [Fact]
    public void The_catalog_is_read_from_the_assembly_attributes_ordered_by_id()
    {
        var catalog = GeneratedDescriptors.Catalog(typeof(GeneratedDescriptorsTests).Assembly, "# Index\n");

        Assert.Equal(new[] { "aa-binding", "zz-throws" }, catalog.Runbooks.Select(r => r.Id).ToArray());
        Assert.Equal(typeof(BindingRunbook), catalog.Runbooks[0].RunbookType);
        Assert.Equal("# Binding\n", catalog.Runbooks[0].Documentation);
        Assert.Equal("Check", Assert.Single(catalog.Runbooks[0].DocumentedOutline!.Phases).Name);
        Assert.Equal(("platform", "# Platform\n"), (Assert.Single(catalog.Handbooks).Id, catalog.Handbooks[0].Documentation));
        Assert.Equal("# Index\n", catalog.IndexDocumentation);
    }
}
