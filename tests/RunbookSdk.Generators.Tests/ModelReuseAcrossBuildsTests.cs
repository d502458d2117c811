using Microsoft.CodeAnalysis.CSharp;
using RunbookSdk.Generators.Tests.Support;
using static RunbookSdk.Generators.Tests.Support.ReuseSources;

namespace RunbookSdk.Generators.Tests;

/// <summary>
/// A command-line build through the compiler server's cached driver (<c>enable-generator-cache</c>, which the SDK's
/// targets turn on) keeps the generator from build to build, but the compiler parses every file again and loads
/// options and references anew. A runbook whose files have the same path and text keeps its model then too; every
/// build is checked by <see cref="EditSession"/> against a fresh generator's outputs.
/// </summary>
public sealed class ModelReuseAcrossBuildsTests
{
    [Fact]
    public void A_build_of_unchanged_code_reads_no_runbook_again()
    {
        var session = new EditSession(HandbookFile, LimitsFile, Runbook("a", "\"A\""), Runbook("b", "\"B\""), Runbook("c", "\"C\""));

        Assert.Equal(0, session.Build());
        Assert.Equal(0, session.Build());
        Assert.Contains("# B", session.Page("b"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_build_after_editing_one_runbook_reads_only_that_runbook_again()
    {
        var session = new EditSession(HandbookFile, LimitsFile, Runbook("a", "\"A\""), Runbook("b", "\"B\""), Runbook("c", "\"C\""))
        {
            EveryRunParsesAgain = true,
        };

        Assert.Equal(1, session.Edit("\"B\"", "\"B, edited\""));
        Assert.Contains("# B, edited", session.Page("b"), StringComparison.Ordinal);
        Assert.Equal(0, session.Build());
    }

    [Fact]
    public void A_build_after_editing_a_constant_reads_again_the_runbooks_that_use_it()
    {
        var session = new EditSession(
            HandbookFile, "namespace Ops;\npublic static class Limits { public const string Region = \"eu-west-1\"; }",
            Runbook("a", "\"Drain \" + Limits.Region"), Runbook("b", "\"B\""))
        {
            EveryRunParsesAgain = true,
        };

        Assert.Equal(1, session.Edit("\"eu-west-1\"", "\"us-east-2\""));
        Assert.Contains("# Drain us-east-2", session.Page("a"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_build_after_a_new_type_shadows_a_name_reads_again_the_runbook_that_looks_it_up()
    {
        var shared = "namespace Shared;\npublic static class Names { public const string Title = \"From shared\"; }";
        var session = new EditSession(HandbookFile, shared, LimitsFile, "using Shared;\n" + Runbook("a", "Names.Title"), Runbook("b", "\"B\""))
        {
            EveryRunParsesAgain = true,
        };

        Assert.Equal(1, session.Edit("public static class Limits { }", "public static class Limits { }\npublic static class Names { public const string Title = \"From ops\"; }"));
        Assert.Contains("# From ops", session.Page("a"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_build_with_other_preprocessor_symbols_reads_every_runbook_again()
    {
        var runbook = Runbook("a", "Titles.Title").Replace("namespace Ops;", """
            namespace Ops;
            static class Titles
            {
            #if PROD
                public const string Title = "Production";
            #else
                public const string Title = "Staging";
            #endif
            }
            """, StringComparison.Ordinal);
        var session = new EditSession(HandbookFile, LimitsFile, runbook, Runbook("b", "\"B\""));
        Assert.Contains("# Staging", session.Page("a"), StringComparison.Ordinal);

        Assert.Equal(2, session.Build(GeneratorHarness.ParseOptions.WithPreprocessorSymbols("PROD")));

        Assert.Contains("# Production", session.Page("a"), StringComparison.Ordinal);
        Assert.Equal(0, session.Build(GeneratorHarness.ParseOptions.WithPreprocessorSymbols("PROD")));
    }

    [Fact]
    public void A_build_against_other_metadata_reads_every_runbook_again()
    {
        var session = new EditSession(HandbookFile, LimitsFile, Runbook("a", "\"A\""), Runbook("b", "\"B\""));

        Assert.Equal(2, session.ReferenceAnotherCopyOfTheSdk());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_runbook_read_again_into_the_same_model_keeps_the_earlier_object(bool everyRunParsesAgain)
    {
        // Roslyn keeps its earlier value of an output that came out equal; a new copy held by the generator would
        // keep every model twice in the compiler server's kept driver.
        var session = new EditSession(HandbookFile, LimitsFile, Runbook("a", "\"A\""), Runbook("b", "\"B\""))
        {
            EveryRunParsesAgain = everyRunParsesAgain,
        };
        var before = session.HeldModels();

        Assert.Equal(2, session.ReferenceAnotherCopyOfTheSdk());

        var after = session.HeldModels();
        Assert.Equal(2, before.Count);
        Assert.Equal(2, after.Count);
        Assert.All(after, model => Assert.Contains(before, earlier => ReferenceEquals(earlier, model)));
    }

    [Fact]
    public void A_build_lets_the_files_of_the_build_before_it_go()
    {
        // The compiler server keeps the generator between builds: whatever it holds of one build's parse stays as
        // long as the server keeps the driver (at 1,000 runbooks, 113 MB for the files of the build before).
        var session = new EditSession(HandbookFile, LimitsFile, Runbook("a", "\"A\""), Runbook("b", "\"B\""))
        {
            EveryRunParsesAgain = true,
        };
        Assert.Equal(0, session.Build());
        var earlierFiles = session.FilesHeldWeakly();

        Assert.Equal(0, session.Build());

        AssertLetGo(earlierFiles);
    }

    [Fact]
    public void A_build_that_deletes_a_runbooks_file_lets_that_file_and_the_build_before_go()
    {
        // A deleted file's runbook is never looked up again: what it was kept with must go with the file.
        var session = new EditSession(HandbookFile, LimitsFile, Runbook("a", "\"A\""), Runbook("b", "\"B\""))
        {
            EveryRunParsesAgain = true,
        };
        Assert.Equal(0, session.Build());
        var earlierFiles = session.FilesHeldWeakly();

        Assert.Equal(0, session.Remove("\"B\""));

        Assert.Single(session.HeldModels());
        AssertLetGo(earlierFiles);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_file_that_declares_no_runbook_any_more_is_forgotten(bool everyRunParsesAgain)
    {
        var session = new EditSession(HandbookFile, LimitsFile, Runbook("a", "\"A\""), Runbook("b", "\"B\""))
        {
            EveryRunParsesAgain = everyRunParsesAgain,
        };

        Assert.Equal(0, session.Edit("[Runbook(\"b\")]", ""));
        Assert.Equal(0, session.Build());

        Assert.False(session.HasPage("b"));
        Assert.Single(session.HeldModels());
    }

    [Fact]
    public void A_build_after_moving_a_runbook_to_another_file_reads_it_again()
    {
        var session = new EditSession(HandbookFile, LimitsFile, Runbook("a", "\"A\""), Runbook("b", "\"B\""))
        {
            EveryRunParsesAgain = true,
        };

        Assert.Equal(1, session.Remove("\"B\"") + session.Add(Runbook("b", "\"B\"")));
        Assert.Contains("# B", session.Page("b"), StringComparison.Ordinal);
        Assert.Equal(0, session.Build());
    }

    [Fact]
    public void A_build_after_two_runbooks_of_one_file_were_reused_keeps_both()
    {
        var both = Runbook("a", "\"A\"") + "\n" + Runbook("b", "\"B\"").Replace("namespace Ops;", "", StringComparison.Ordinal)
            .Replace("using RunbookSdk;", "", StringComparison.Ordinal);
        var session = new EditSession(HandbookFile, LimitsFile, both) { EveryRunParsesAgain = true };

        Assert.Equal(0, session.Build());
        Assert.Equal(0, session.Build());
        Assert.Contains("# A", session.Page("a"), StringComparison.Ordinal);
        Assert.Contains("# B", session.Page("b"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_build_with_the_files_in_another_order_reads_every_runbook_again()
    {
        // A partial runbook's parameters are listed in the order of the files that declare its parts.
        var first = Runbook("a", "\"A\"", members: "[Parameter(\"Region to drain\")] public string Region { get; set; } = \"eu\";", classHead: "public sealed partial class");
        var second = "using RunbookSdk;\nnamespace Ops;\npublic sealed partial class Rba { [Parameter(\"API token\")] public string Token { get; set; } = \"\"; }";
        var session = new EditSession(HandbookFile, first, second);
        var page = session.Page("a");
        Assert.True(page.IndexOf("Region", StringComparison.Ordinal) < page.IndexOf("Token", StringComparison.Ordinal), page);

        Assert.Equal(1, session.BuildWithTheFilesReversed());

        page = session.Page("a");
        Assert.True(page.IndexOf("Token", StringComparison.Ordinal) < page.IndexOf("Region", StringComparison.Ordinal), page);
    }

    private static void AssertLetGo(IReadOnlyList<WeakReference<Microsoft.CodeAnalysis.SyntaxTree>> earlierFiles)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.All(earlierFiles, file => Assert.False(file.TryGetTarget(out var tree), $"{tree?.FilePath} of the build before is still held"));
    }
}
