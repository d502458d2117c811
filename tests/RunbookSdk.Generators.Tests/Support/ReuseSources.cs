namespace RunbookSdk.Generators.Tests.Support;

/// <summary>The small project the model-reuse tests edit: one handbook, a shared file, and runbooks written to order.</summary>
internal static class ReuseSources
{
    public const string HandbookFile = """
        using RunbookSdk;
        namespace Ops;
        [Handbook("ops")]
        public sealed class OpsHandbook : Handbook
        {
            public override void Define(IHandbookBuilder hb) => hb.Title("Ops").Escalation(e => e.Level("On-call", "oncall@example.com"));
        }
        """;

    public const string LimitsFile = """
        namespace Ops;
        public static class Limits { }
        """;

    public const string DefaultsFile = "namespace Shared;\npublic static class Defaults { public const string Region = \"eu-west-1\"; }";

    /// <summary>A runbook <c>Ops.Rb{id}</c> titled with <paramref name="title"/> (C# source: a literal, a constant, an expression).</summary>
    public static string Runbook(
        string id, string title, string members = "", string classHead = "public sealed class", string baseType = "Runbook<OpsHandbook>", string chain = "") => $$"""
        using RunbookSdk;
        namespace Ops;
        [Runbook("{{id}}")]
        {{classHead}} Rb{{id.Replace("-", "")}} : {{baseType}}
        {
            {{members}}
            public override void Define(IRunbookBuilder rb) => rb
                .Title({{title}}){{chain}}
                .Phase("Check", p => p.Step("Look", s => s.Run("kubectl get pods")))
                .NoRollback("read-only")
                .Verification(v => v.Step("Healthy", s => s.Instruction("Check the dashboard")));
        }
        """;
}
