using RunbookSdk.Validation;

namespace RunbookSdk.GitHub.Tests;

/// <summary>Validation results built by hand, so these tests are about GitHub and nothing else.</summary>
internal static class Results
{
    public static ValidationResult Failing(int findings = 1)
    {
        var list = Enumerable.Range(1, findings)
            .Select(i => new Finding("RB0002", FindingLevel.Error, $"Runbook 'QueueStuck{i}' has no rollback", $"runbooks/Payments/QueueStuck{i}.cs", i + 5, 1, "Payments", "https://example.com/RB0002.md"))
            .Append(new Finding("RB0010", FindingLevel.Warning, "The review date 2025-10-05 has passed", "runbooks/Payments/PaymentsHandbook.cs", 15, 9, "Payments", null))
            .ToArray();
        var row = new RunbookRow("Payments", "payments-queue-stuck", "Payments queue stuck", "P2", true, true, false, false, true,
            new Dictionary<string, int> { ["RB0002"] = 1 }, FindingLevel.Error);
        return new ValidationResult("/repo", [new ProjectResult("Payments", "runbooks/Payments/Payments.csproj", [row], list, new DocsDrift("runbooks/Payments/docs", true, [], [], []))]);
    }

    public static ValidationResult Passing()
    {
        var row = new RunbookRow("Payments", "payments-api-down", "Payments API down", "P1", true, true, true, false, true, new Dictionary<string, int>(), null);
        return new ValidationResult("/repo", [new ProjectResult("Payments", "runbooks/Payments/Payments.csproj", [row], [], new DocsDrift("runbooks/Payments/docs", true, [], [], []))]);
    }
}
