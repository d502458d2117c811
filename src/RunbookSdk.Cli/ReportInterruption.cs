using System.Runtime.InteropServices;

namespace RunbookSdk.Cli;

/// <summary>
/// Turns the first Ctrl+C (SIGINT) or SIGTERM while <c>validate</c> reports to GitHub into a cancellation of the
/// report, instead of the process ending at once: GitHub Actions cancels a job with SIGINT, then SIGTERM 7.5 s later,
/// and a process that just died left the check run it had created "in progress" for good, blocking a required check.
/// Cancelled, the reporter completes that run as <c>cancelled</c>. A second signal ends the process as before.
/// </summary>
internal sealed class ReportInterruption : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly PosixSignalRegistration? _terminate;

    private ReportInterruption(CancellationToken outer)
    {
        _source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        Console.CancelKeyPress += OnCancelKeyPress;
        try
        {
            _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnTerminate);
        }
        catch (PlatformNotSupportedException)
        {
            _terminate = null;
        }
    }

    /// <summary>Cancelled by the command's own token or by the first interrupt or termination signal.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>Starts turning interrupts into cancellation until disposed.</summary>
    /// <param name="outer">The command's own token.</param>
    public static ReportInterruption Start(CancellationToken outer) => new(outer);

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        if (_source.IsCancellationRequested) return;
        e.Cancel = true;
        _source.Cancel();
    }

    private void OnTerminate(PosixSignalContext context)
    {
        if (_source.IsCancellationRequested) return;
        context.Cancel = true;
        _source.Cancel();
    }

    /// <summary>Gives the signals back to their default handling.</summary>
    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _terminate?.Dispose();
        _source.Dispose();
    }
}
