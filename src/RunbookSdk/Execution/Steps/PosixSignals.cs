using System.Runtime.InteropServices;

namespace RunbookSdk.Execution;

/// <summary>
/// Sends a signal to a process (<c>kill(2)</c> from the C library): .NET can only kill (SIGKILL), and a port-forward
/// or a tail deserves a SIGTERM first. Used on Linux only, where the processes of shell steps are tracked (<see cref="StepProcesses"/>).
/// </summary>
internal static class PosixSignals
{
    /// <summary>Ask to end; the process may clean up (or ignore it).</summary>
    public const int SigTerm = 15;

    /// <summary>End now; cannot be caught or ignored.</summary>
    public const int SigKill = 9;

    [UnmanagedFunctionPointer(CallingConvention.Cdecl, SetLastError = true)]
    private delegate int KillFunction(int pid, int signal);

    private static readonly Lazy<KillFunction?> Kill = new(() => CLibrary.Find<KillFunction>("kill"));

    /// <summary>Sends <paramref name="signal"/> to <paramref name="pid"/>; null when it was sent, else why not.</summary>
    public static string? Send(int pid, int signal)
    {
        if (Kill.Value is not { } kill)
        {
            if (signal != SigKill) return "signals cannot be sent from this process (no C library found)";
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                process.Kill();
                return null;
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                return e.Message;
            }
        }
        if (kill(pid, signal) == 0) return null;
        var errno = Marshal.GetLastPInvokeError();
        return errno switch
        {
            1 => "operation not permitted (it runs as another user)",
            3 => null, // ESRCH: it ended meanwhile, which is what was asked
            _ => Marshal.GetPInvokeErrorMessage(errno),
        };
    }
}
