namespace RunbookSdk.Execution;

/// <summary>
/// Delivers a run's events to its <see cref="IRunObserver"/>s without ever holding up or failing the run: each
/// observer has its own queue (calls in order, on the thread pool), failures are journaled as <c>observer-failed</c>,
/// and <see cref="DrainAsync"/> waits for the queues at the end, bounded, then journals the reported problems.
/// </summary>
internal sealed class RunObservers
{
    private readonly Queue[] _queues;
    private readonly RunJournal _journal;
    private readonly CancellationTokenSource _stop = new();
    private volatile bool _closed;

    public RunObservers(IReadOnlyList<IRunObserver> observers, RunJournal journal)
    {
        _queues = observers.Select(o => new Queue(o, SafeName(o))).ToArray();
        _journal = journal;
    }

    /// <summary>Queues <paramref name="call"/> for every observer and returns at once.</summary>
    public void Post(string eventName, Func<IRunObserver, CancellationToken, Task> call)
    {
        foreach (var queue in _queues) queue.Tail = DeliverAsync(queue, queue.Tail, eventName, call);
    }

    /// <summary>
    /// Waits until every queue is delivered or <paramref name="timeout"/> has passed (real time: this bounds network
    /// calls), cancels what is still running, and journals timeouts and reported problems. Returns the sentences to show.
    /// </summary>
    public async Task<IReadOnlyList<string>> DrainAsync(TimeSpan timeout)
    {
        var messages = new List<string>();
        if (_queues.Length == 0) return messages;
        try
        {
            await Task.WhenAll(_queues.Select(q => q.Tail)).WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }

        foreach (var queue in _queues)
        {
            if (!queue.Tail.IsCompleted)
            {
                var why = $"did not finish within {Durations.Format(timeout)}; its remaining updates were abandoned";
                Write("observer-failed", ("observer", queue.Name), ("call", queue.Current ?? "run-ended"), ("error", why));
                messages.Add($"{queue.Name} {why}.");
                continue;
            }

            IReadOnlyList<string> problems;
            try { problems = queue.Observer.Problems; }
            catch (Exception e) { problems = [$"its problems could not be read: {e.GetType().Name}: {e.Message}"]; }
            foreach (var problem in problems)
            {
                Write("observer-problem", ("observer", queue.Name), ("problem", problem));
                messages.Add($"{queue.Name}: {problem}");
            }
        }

        // Late failures of abandoned calls have nowhere to go once the journal closes.
        _closed = true;
        await _stop.CancelAsync().ConfigureAwait(false);
        foreach (var queue in _queues.Where(q => q.Failures > 0 && q.Tail.IsCompleted))
            messages.Insert(0, $"{queue.Name} failed {queue.Failures} time(s) during the run (see observer-failed in the journal).");
        return messages;
    }

    private async Task DeliverAsync(Queue queue, Task previous, string eventName, Func<IRunObserver, CancellationToken, Task> call)
    {
        await previous.ConfigureAwait(false);
        if (_stop.IsCancellationRequested) return;
        queue.Current = eventName;
        try
        {
            // On the thread pool: an observer that blocks (synchronous I/O, a slow DNS lookup) cannot block the run.
            await Task.Run(() => call(queue.Observer, _stop.Token), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Interlocked.Increment(ref queue.Failures);
            Write("observer-failed", ("observer", queue.Name), ("call", eventName), ("error", $"{e.GetType().Name}: {e.Message}"));
        }
    }

    private void Write(string eventName, params (string Name, object? Value)[] fields)
    {
        if (_closed) return;
        try { _journal.Write(eventName, fields); }
        catch (ObjectDisposedException) { }
    }

    private static string SafeName(IRunObserver observer)
    {
        try { return observer.Name; }
        catch (Exception) { return observer.GetType().Name; }
    }

    private sealed class Queue(IRunObserver observer, string name)
    {
        public IRunObserver Observer { get; } = observer;
        public string Name { get; } = name;
        public Task Tail { get; set; } = Task.CompletedTask;
        public int Failures;
        public volatile string? Current;
    }
}
