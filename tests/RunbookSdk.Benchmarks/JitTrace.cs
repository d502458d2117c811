using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace RunbookSdk.Benchmarks;

/// <summary>One method the JIT compiled: whose code it is, at which tier, and how long the JIT took.</summary>
/// <param name="Method">The method's type (with its generic arguments), name and signature, as the runtime names it.</param>
/// <param name="Owner">Whose code: see <see cref="JitTrace.OwnerOf"/>.</param>
/// <param name="Tier">The tier it was compiled at.</param>
/// <param name="Milliseconds">From the JIT's start to the method's code being ready, on the thread that compiled it.</param>
/// <param name="Thread">The thread that compiled it: the runtime's tier-up worker compiles every hot method.</param>
internal readonly record struct JitEvent(string Method, string Owner, OptimizationTier Tier, double Milliseconds, int Thread);

/// <summary>
/// Reads the JIT's events from a trace the runtime's EventPipe wrote for a process (<c>DOTNET_EnableEventPipe=1</c>):
/// each method the JIT compiled, paired from its start event to its load event on the same thread.
/// </summary>
internal static class JitTrace
{
    /// <summary>
    /// What a process started with these variables writes, on exit, to <paramref name="directory"/>: the JIT's
    /// events only (keyword 0x10 at verbose level), which keeps the trace small and the build it watches close to an
    /// untraced one. One file per process, named after its id.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Environment(string directory) => new Dictionary<string, string>
    {
        ["DOTNET_EnableEventPipe"] = "1",
        ["DOTNET_EventPipeOutputPath"] = Path.Combine(directory, "trace_{pid}.nettrace"),
        ["DOTNET_EventPipeConfig"] = "Microsoft-Windows-DotNETRuntime:0x10:5",
    };

    /// <summary>Every method the trace's process had the JIT compile, in the order they finished.</summary>
    public static List<JitEvent> Read(string path)
    {
        using var source = new EventPipeEventSource(path);
        var started = new Dictionary<int, (double At, string Method, string Type)>();
        var events = new List<JitEvent>();
        source.Clr.MethodJittingStarted += e =>
            started[e.ThreadID] = (e.TimeStampRelativeMSec, $"{e.MethodNamespace}::{e.MethodName}{e.MethodSignature}", e.MethodNamespace);
        source.Clr.MethodLoadVerbose += e =>
        {
            // A method loaded without a start on its thread is precompiled code, not the JIT's work.
            if (started.Remove(e.ThreadID, out var start))
                events.Add(new JitEvent(start.Method, OwnerOf(start.Type), e.OptimizationTier, e.TimeStampRelativeMSec - start.At, e.ThreadID));
        };
        source.Process();
        return events;
    }

    /// <summary>
    /// The compiler server's trace among those a build's processes wrote: the one whose JIT compiled the most of the
    /// C# compiler's methods (MSBuild's processes load only its build task).
    /// </summary>
    public static (string Path, List<JitEvent> Events) CompilerServer(string directory)
    {
        var traces = Directory.GetFiles(directory, "*.nettrace").Select(path => (Path: path, Events: Read(path))).ToList();
        if (traces.Count == 0) throw new InvalidOperationException($"The build wrote no trace to {directory}: was EventPipe turned on?");
        return traces.MaxBy(trace => trace.Events.Count(e => e.Method.StartsWith("Microsoft.CodeAnalysis.CSharp.", StringComparison.Ordinal)));
    }

    /// <summary>The owner of RunbookSdk's own code, and of generics instantiated over its types.</summary>
    public const string Ours = "RunbookSdk";

    /// <summary>
    /// Whose code a method is, by its type's name. A generic type instantiated over one of our types is ours: the JIT
    /// compiles it only because we use it (Roslyn's <c>NodeStateTable&lt;OurModel&gt;</c>, a dictionary of our records).
    /// </summary>
    public static string OwnerOf(string type) =>
        type.Contains("RunbookSdk", StringComparison.Ordinal) ? Ours
        : type.Contains("Scriban", StringComparison.Ordinal) ? "Scriban"
        : type.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) || type.StartsWith("Roslyn.", StringComparison.Ordinal) ? "the compiler"
        : type.StartsWith("System", StringComparison.Ordinal) || type.StartsWith("Internal.", StringComparison.Ordinal) ? "the framework"
        : "other";
}
