using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RunbookSdk.Analyzers.Sections;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// Code after a <c>return</c> in a block never runs (CS0162), so the runner records nothing it adds, and the generator's
/// page leaves it out (LocalFunctionPageTests). The section rules must not count it either: a verification written
/// after the <c>return</c> of Define, or of a helper Define hands its builder to, is missing.
/// </summary>
public sealed class CodeAfterReturnTests
{
    [Fact]
    public Task A_section_written_after_a_return_is_missing() =>
        Verify<SectionCompletenessAnalyzer>.AnalyzerAsync("""
            using System;
            using RunbookSdk;

            [Runbook("after-return")]
            public sealed class {|#0:AfterReturn|} : Runbook
            {
                public override void Define(IRunbookBuilder rb)
                {
                    rb.Title("After return").Escalation(e => e.Level("On-call", TimeSpan.Zero)).NoRollback("read-only");
                    return;
                    #pragma warning disable CS0162
                    rb.Verification(v => v.Step("Health", s => s.Http("GET", "https://api.omnix.ai/health").ExpectStatus(200)));
                }
            }

            [Runbook("helper-after-return")]
            public sealed class {|#1:HelperAfterReturn|} : Runbook
            {
                public override void Define(IRunbookBuilder rb)
                {
                    rb.Title("Helper after return").Escalation(e => e.Level("On-call", TimeSpan.Zero)).NoRollback("read-only");
                    Checks(rb);
                }

                private static void Checks(IRunbookBuilder b)
                {
                    return;
                    #pragma warning disable CS0162
                    b.Verification(v => v.Step("Health", s => s.Http("GET", "https://api.omnix.ai/health").ExpectStatus(200)));
                }
            }

            [Runbook("local-function-after-return")]
            public sealed class LocalFunctionAfterReturn : Runbook
            {
                public override void Define(IRunbookBuilder rb)
                {
                    rb.Title("Local function after return").Escalation(e => e.Level("On-call", TimeSpan.Zero)).NoRollback("read-only");
                    Checks(rb);
                    return;

                    void Checks(IRunbookBuilder b) => b.Verification(v => v.Step("Health", s => s.Http("GET", "https://api.omnix.ai/health").ExpectStatus(200)));
                }
            }
            """,
            new DiagnosticResult("RB0003", DiagnosticSeverity.Error).WithLocation(0).WithArguments("AfterReturn", "; add Verification(...) to prove the system is healthy again"),
            new DiagnosticResult("RB0003", DiagnosticSeverity.Error).WithLocation(1).WithArguments("HelperAfterReturn", "; add Verification(...) to prove the system is healthy again"));
}
