using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RunbookSdk.Analyzers.Escalation;

/// <summary>
/// Reports a finding once per compilation where several types lead to the same one: levels a helper (or a base class's
/// Define) writes are judged for every runbook that calls it, and so are the reads of a step method of another class that
/// several runbooks give their steps (RB0029); the same finding, at the same place and in the same words, was listed
/// once per runbook.
/// </summary>
internal sealed class ReportedOnce
{
    private readonly ConcurrentDictionary<(string Id, Location Location, string Message), byte> _reported = new();

    /// <summary>Reports <paramref name="diagnostic"/> unless the same finding was reported already.</summary>
    public void Report(SymbolAnalysisContext context, Diagnostic diagnostic)
    {
        if (_reported.TryAdd((diagnostic.Id, diagnostic.Location, diagnostic.GetMessage(CultureInfo.InvariantCulture)), 0))
            context.ReportDiagnostic(diagnostic);
    }
}
