using RunbookSdk.Analyzers.Sections;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

public sealed class RB0001Tests
{
    [Fact]
    public Task ARunbookWithoutEscalationAndWithoutHandbookIsReported() =>
        Verify<SectionCompletenessAnalyzer>.AnalyzerAsync("""
            using System;
            using RunbookSdk;

            [Runbook("standalone")]
            public sealed class {|RB0001:Standalone|} : Runbook
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Title("Standalone")
                    .NoRollback("read-only")
                    .Verification(v => v.Step("Check", s => s.Run("true")));
            }
            """);

    [Fact]
    public Task ARunbookWhoseHandbookHasNoEscalationIsReported() =>
        Verify<SectionCompletenessAnalyzer>.AnalyzerAsync($$"""
            using System;
            using RunbookSdk;

            [Runbook("quiet-runbook")]
            public sealed class {|RB0001:QuietRunbook|} : Runbook<QuietHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .NoRollback("read-only")
                    .Verification(v => v.Step("Check", s => s.Run("true")));
            }

            {{Sources.Handbook}}
            """);

    // A shared handbook class renamed (IncidentHandbook to PlatformIncidentHandbook) leaves every runbook of the apps
    // naming a type that does not exist. The compiler says so; RB0001 added "has no escalation path; add Escalation(...)
    // to it or to its handbook" to each, in the IDE and in `runbook validate`'s table, though the handbook has one.
    [Fact]
    public Task ARunbookWhoseHandbookTypeDoesNotResolveIsLeftToTheCompiler() =>
        Verify<SectionCompletenessAnalyzer>.AnalyzerAsync("""
            using System;
            using RunbookSdk;

            [Runbook("restart-api")]
            public sealed class RestartApi : Runbook<Platform.{|CS0234:IncidentHandbook|}>
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .NoRollback("read-only")
                    .Verification(v => v.Step("Check", s => s.Run("true")));
            }

            namespace Platform { }
            """);

    [Fact]
    public Task EscalationInheritedFromTheHandbookSatisfiesTheRule() =>
        Verify<SectionCompletenessAnalyzer>.AnalyzerAsync(Sources.Runbook("""            .Step("Assess", s => s.Run("aws lambda list-functions"))"""));

    [Fact]
    public Task EscalationOnTheRunbookItselfSatisfiesTheRule() =>
        Verify<SectionCompletenessAnalyzer>.AnalyzerAsync("""
            using System;
            using RunbookSdk;

            [Runbook("standalone")]
            public sealed class Standalone : Runbook
            {
                public override void Define(IRunbookBuilder rb)
                {
                    rb.Title("Standalone");
                    rb.NoRollback("read-only");
                    rb.Verification(v => v.Step("Check", s => s.Run("true")));
                    rb.Escalation(e => e.Level("On-call", TimeSpan.Zero));
                }
            }
            """);

    [Fact]
    public Task HalfTypedRunbooksDoNotCrashTheAnalyzer() =>
        Verify<SectionCompletenessAnalyzer>.WithoutCompilerErrorsAsync("""
            using System;
            using RunbookSdk;

            [Runbook("half")]
            public sealed class Half : Runbook
            {
                public override void Define(IRunbookBuilder rb) => rb.Title().Phase("x", p => p.Step(42, s => s.Run(null!, 7)));
            }

            [Runbook("no-body")]
            public sealed class NoBody : Runbook
            {
                public override void Define(IRunbookBuilder rb);
            }

            // A helper whose source is in the compilation is read: this one adds no section.
            [Runbook("helper")]
            public sealed class {|RB0001:{|RB0002:{|RB0003:Helper|}|}|} : Runbook
            {
                public override void Define(IRunbookBuilder rb) => Common.AddSections(rb.Title("x"));
            }

            public static class Common
            {
                public static void AddSections(IRunbookBuilder rb) { }
            }

            [Runbook("unknown")]
            public sealed class Unknown : Missing
            {
            }
            """);
}

public sealed class RB0002Tests
{
    [Fact]
    public Task ARunbookWithoutRollbackOrWaiverIsReported() =>
        Verify<SectionCompletenessAnalyzer>.AnalyzerAsync($$"""
            using System;
            using RunbookSdk;

            [Runbook("no-rollback")]
            public sealed class {|RB0002:NoRollbackRunbook|} : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Verification(v => v.Step("Check", s => s.Run("true")));
            }

            {{Sources.Handbook}}
            """);

    [Fact]
    public Task ANoRollbackWaiverSatisfiesTheRule() =>
        Verify<SectionCompletenessAnalyzer>.AnalyzerAsync($$"""
            using System;
            using RunbookSdk;

            [Runbook("waived")]
            public sealed class Waived : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .NoRollback("read-only diagnostics")
                    .Verification(v => v.Step("Check", s => s.Run("true")));
            }

            {{Sources.Handbook}}
            """);
}

public sealed class RB0003Tests
{
    [Fact]
    public Task ARunbookWithoutVerificationIsReported() =>
        Verify<SectionCompletenessAnalyzer>.AnalyzerAsync($$"""
            using System;
            using RunbookSdk;

            [Runbook("unverified")]
            public sealed class {|RB0003:Unverified|} : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .NoRollback("read-only diagnostics");
            }

            {{Sources.Handbook}}
            """);

    [Fact]
    public Task VerificationDefinedInABaseDefineCountsThroughBaseCall() =>
        Verify<SectionCompletenessAnalyzer>.AnalyzerAsync($$"""
            using System;
            using RunbookSdk;

            public abstract class OmnixRunbook : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Verification(v => v.Step("Check", s => s.Run("true")));
            }

            [Runbook("derived")]
            public sealed class Derived : OmnixRunbook
            {
                public override void Define(IRunbookBuilder rb)
                {
                    base.Define(rb);
                    rb.NoRollback("read-only");
                }
            }

            {{Sources.Handbook}}
            """);
}
