using System.Globalization;
using RunbookSdk.Dsl.Recording;

namespace RunbookSdk.Tests.Dsl;

/// <summary>
/// Text built in <c>Define</c> with a formatted hole (<c>$"{Threshold:N1}"</c>) reads the same on the page and at run
/// time: the generator formats constants invariantly, so the run must too, whatever the on-call machine's culture.
/// </summary>
public sealed class RecordingCultureTests
{
    private sealed class QueueBacklog : Runbook
    {
        private const double Threshold = 1234.5;
        private const double Share = 0.25;

        public override void Define(IRunbookBuilder rb) => rb
            .Title($"Queue above {Threshold:N1} messages")
            .Phase($"Drain {Share:P0}", p => p.Step($"Wait for {Threshold:N1}", s => s.Instruction($"Check {Threshold}")))
            .Verification(v => v.Step("Done", s => s.Instruction("ok")));
    }

    private sealed class QueueHandbook : Handbook
    {
        public override void Define(IHandbookBuilder hb) => hb.Title($"Queues above {1234.5:N1}");
    }

    [Fact]
    public void A_plan_recorded_under_a_german_culture_formats_numbers_invariantly_as_the_page_does_and_the_culture_is_restored()
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var plan = RunbookRecorder.Record("queue", new QueueBacklog());
            var handbook = HandbookRecorder.Record("queues", new QueueHandbook());

            Assert.Equal("Queue above 1,234.5 messages", plan.Document.Title);
            Assert.Equal("Drain 25 %", plan.Phases[0].Name.Replace('\u00A0', ' '));
            Assert.Equal("Wait for 1,234.5", plan.Phases[0].Steps[0].Title);
            Assert.Equal("Queues above 1,234.5", handbook.Document.Title);
            Assert.Equal("de-DE", CultureInfo.CurrentCulture.Name);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
