using System.Text;

namespace RunbookSdk.Execution;

/// <summary>
/// Catches what C# code (<c>Execute</c>) writes to <see cref="Console.Out"/> and <see cref="Console.Error"/>, so a
/// delegate that prints a token it just fetched is masked like everything else the run shows. While a run goes on,
/// the process's console writers are replaced by routing writers; a write made in a delegate's async flow (its
/// <see cref="CaptureScope"/>, carried by an <see cref="AsyncLocal{T}"/> into every await, task and thread it starts) goes to
/// that delegate's scope, which cuts it into lines, masks them and hands them to the run. Every other write — the
/// runner's own Spectre output, another run in the same process, code outside any delegate — passes through unchanged.
/// </summary>
/// <remarks>
/// The console is process-global: concurrent runs share one installation, counted, and the original writers come back
/// when the last run ends, unless someone replaced them meanwhile (then theirs are kept). The runner never writes in a
/// delegate's flow: a scope shows its lines, and those the code logs, from a pump without the code's execution context,
/// so a run console that itself writes to <see cref="Console.Out"/> is never caught again: no line is shown twice and a
/// scope never feeds itself.
/// </remarks>
internal static class DelegateConsole
{
    private static readonly Lock Gate = new();
    private static readonly AsyncLocal<CaptureScope?> Current = new();
    private static int s_runs;
    private static TextWriter? s_originalOut, s_originalError;
    private static TextWriter? s_installedOut, s_installedError;

    /// <summary>Routes console writes for the duration of a run; dispose to restore (reference-counted across runs).</summary>
    public static IDisposable Install()
    {
        lock (Gate)
        {
            if (s_runs++ == 0)
            {
                s_originalOut = Console.Out;
                s_originalError = Console.Error;
                Console.SetOut(new RoutingWriter(s_originalOut, isError: false));
                Console.SetError(new RoutingWriter(s_originalError, isError: true));
                // SetOut wraps the writer in a synchronized one: that wrapper is what a later restore compares with.
                s_installedOut = Console.Out;
                s_installedError = Console.Error;
            }
        }
        return new Installation();
    }

    /// <summary>
    /// Makes console writes in the calling async flow (the delegate's body and all it starts) go to <paramref name="scope"/>.
    /// Call it at the start of the delegate's own task: an <see cref="AsyncLocal{T}"/> set there never flows back to the runner.
    /// </summary>
    public static void Enter(CaptureScope scope) => Current.Value = scope;

    private static void Uninstall()
    {
        lock (Gate)
        {
            if (--s_runs > 0) return;
            if (ReferenceEquals(Console.Out, s_installedOut)) Console.SetOut(s_originalOut!);
            if (ReferenceEquals(Console.Error, s_installedError)) Console.SetError(s_originalError!);
            s_originalOut = s_originalError = s_installedOut = s_installedError = null;
        }
    }

    private sealed class Installation : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) Uninstall();
        }
    }

    /// <summary>Sends a write to the current delegate's scope, or on to the writer it replaced.</summary>
    private sealed class RoutingWriter(TextWriter original, bool isError) : TextWriter
    {
        public override Encoding Encoding => original.Encoding;

        public override IFormatProvider FormatProvider => original.FormatProvider;

        [System.Diagnostics.CodeAnalysis.AllowNull]
        public override string NewLine
        {
            get => original.NewLine;
            set => original.NewLine = value;
        }

        private static CaptureScope? Scope => Current.Value;

        public override void Write(char value)
        {
            if (Scope is { } scope) scope.Write(isError, value.ToString());
            else original.Write(value);
        }

        public override void Write(string? value)
        {
            if (Scope is { } scope) scope.Write(isError, value ?? "");
            else original.Write(value);
        }

        public override void Write(char[] buffer, int index, int count)
        {
            if (Scope is { } scope) scope.Write(isError, new string(buffer, index, count));
            else original.Write(buffer, index, count);
        }

        public override void Write(ReadOnlySpan<char> buffer)
        {
            if (Scope is { } scope) scope.Write(isError, new string(buffer));
            else original.Write(buffer);
        }

        public override void WriteLine(string? value)
        {
            if (Scope is { } scope) scope.Write(isError, (value ?? "") + "\n");
            else original.WriteLine(value);
        }

        public override void WriteLine(ReadOnlySpan<char> buffer)
        {
            if (Scope is { } scope) scope.Write(isError, string.Concat(buffer, "\n"));
            else original.WriteLine(buffer);
        }

        public override void WriteLine()
        {
            if (Scope is { } scope) scope.Write(isError, "\n");
            else original.WriteLine();
        }

        public override void Flush()
        {
            if (Scope is null) original.Flush();
        }
    }
}

/// <summary>
/// What one delegate wrote to the console: cut into lines (a secret written in pieces is masked whole once its line
/// is complete), masked, kept for the journal and shown in order, with the lines the code logs (<see cref="Show"/>).
/// Lines are shown by a pump of their own, never on the thread that wrote them: that thread holds the console writer's
/// lock (<see cref="Console.SetOut"/> synchronizes it), and showing takes the run console's, which a runner thread may
/// hold while it writes to that same writer — two locks taken in both orders would deadlock. After
/// <see cref="CloseAsync"/> (the step ended; the code may have been abandoned and still run) lines are masked and
/// shown, but no longer kept.
/// </summary>
internal sealed class CaptureScope(SecretMasker secrets, Action<string, bool> show)
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _out = new(), _error = new();
    private readonly List<string> _lines = [];
    private readonly Queue<(string Line, bool IsError)> _toShow = new();
    private TaskCompletionSource? _pumping;
    private bool _closed;

    /// <summary>Appends console text; every line it completes is kept and shown.</summary>
    public void Write(bool isError, string text)
    {
        lock (_gate)
        {
            var pending = isError ? _error : _out;
            foreach (var c in text)
            {
                if (c == '\n')
                {
                    Emit(isError, pending.ToString().TrimEnd('\r'));
                    pending.Clear();
                }
                else pending.Append(c);
            }
        }
    }

    /// <summary>Shows a line the code logged, in order with its console output (not kept: the journal has it as a log line).</summary>
    public void Show(string line)
    {
        lock (_gate) Enqueue(line, isError: false);
    }

    /// <summary>Ends the step's record: a line without its line break is shown, and later lines are not kept.</summary>
    /// <returns>The lines written while the step ran, masked, in order, once all of them have been shown.</returns>
    public async Task<IReadOnlyList<string>> CloseAsync()
    {
        string[] lines;
        Task shown;
        lock (_gate)
        {
            if (_out.Length > 0) Emit(false, _out.ToString());
            if (_error.Length > 0) Emit(true, _error.ToString());
            _out.Clear();
            _error.Clear();
            _closed = true;
            lines = _lines.ToArray();
            shown = _pumping?.Task ?? Task.CompletedTask;
        }
        await shown;
        return lines;
    }

    /// <summary>
    /// What the code has written so far, masked, without ending the record: a runner going away journals it while the
    /// code may still write (a line without its line break is included as it stands).
    /// </summary>
    public IReadOnlyList<string> WrittenSoFar()
    {
        lock (_gate)
        {
            var lines = new List<string>(_lines);
            if (!_closed)
            {
                if (_out.Length > 0) lines.Add(secrets.Mask(_out.ToString()));
                if (_error.Length > 0) lines.Add(secrets.Mask(_error.ToString()));
            }
            return lines;
        }
    }

    private void Emit(bool isError, string line)
    {
        var masked = secrets.Mask(line);
        if (!_closed) _lines.Add(masked);
        Enqueue(masked, isError);
    }

    private void Enqueue(string line, bool isError)
    {
        _toShow.Enqueue((line, isError));
        if (_pumping is not null) return;
        _pumping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Without the code's execution context: the pump is the runner's, not the code's.
        ThreadPool.UnsafeQueueUserWorkItem(static scope => scope.Pump(), this, preferLocal: false);
    }

    private void Pump()
    {
        while (true)
        {
            (string Line, bool IsError) next;
            lock (_gate)
            {
                if (!_toShow.TryDequeue(out next))
                {
                    var done = _pumping!;
                    _pumping = null;
                    done.SetResult();
                    return;
                }
            }
            try
            {
                show(next.Line, next.IsError);
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // A console that cannot be written loses the line on screen, not the pump: the journal has it.
            }
        }
    }
}
