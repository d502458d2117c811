using System.Text;

namespace RunbookSdk.Hosting;

/// <summary>
/// The process's standard output or error as the host writes to it: a write that fails — the disk a log is redirected
/// to is full (<c>run … &gt; run.log</c>), the stream was closed (<c>&gt;&amp;-</c>) — is dropped instead of thrown. The
/// exception used to end the run wherever it stood: the step that was printing failed with "IOException: No space left
/// on device", then the host with <c>error: No space left on device</c> — no rollback, no verification, no
/// <c>run-finished</c>, the service left broken — and with the stream full or closed from the start, no run started at all.
/// What the screen or log misses, the journal keeps. A broken pipe (<c>| head -1</c>) .NET already ignores.
/// </summary>
/// <param name="inner">The stream's writer (<see cref="Console.Out"/>, <see cref="Console.Error"/>).</param>
/// <param name="onFirstLoss">Told once, with the reason, when a first write is lost: to say so where it can still be read.</param>
internal sealed class LossTolerantWriter(TextWriter inner, Action<string>? onFirstLoss = null) : TextWriter
{
    private int _lost;

    /// <summary>Whether a write was lost.</summary>
    public bool LostWrites => Volatile.Read(ref _lost) != 0;

    /// <inheritdoc />
    public override Encoding Encoding => inner.Encoding;

    /// <inheritdoc />
    public override void Write(char value)
    {
        try { inner.Write(value); }
        catch (Exception e) when (IsLoss(e)) { Lose(e); }
    }

    /// <inheritdoc />
    public override void Write(string? value)
    {
        try { inner.Write(value); }
        catch (Exception e) when (IsLoss(e)) { Lose(e); }
    }

    /// <inheritdoc />
    public override void Write(char[] buffer, int index, int count)
    {
        try { inner.Write(buffer, index, count); }
        catch (Exception e) when (IsLoss(e)) { Lose(e); }
    }

    /// <inheritdoc />
    public override void WriteLine(string? value)
    {
        try { inner.WriteLine(value); }
        catch (Exception e) when (IsLoss(e)) { Lose(e); }
    }

    /// <inheritdoc />
    public override void WriteLine()
    {
        try { inner.WriteLine(); }
        catch (Exception e) when (IsLoss(e)) { Lose(e); }
    }

    /// <inheritdoc />
    public override void Flush()
    {
        try { inner.Flush(); }
        catch (Exception e) when (IsLoss(e)) { Lose(e); }
    }

    // Each write has its own try rather than one helper taking the write as a lambda: every line the run prints
    // passes here, and a lambda capturing its value is an allocation per write.
    // ENOSPC and EIO arrive as IOException; a closed descriptor whose number the runtime reused for a file it opened
    // read-only (EBADF) as UnauthorizedAccessException.
    private static bool IsLoss(Exception e) => e is IOException or UnauthorizedAccessException;

    private void Lose(Exception e)
    {
        if (Interlocked.Exchange(ref _lost, 1) == 0) onFirstLoss?.Invoke(e is UnauthorizedAccessException ? "it is closed, or not open for writing" : e.Message);
    }
}
