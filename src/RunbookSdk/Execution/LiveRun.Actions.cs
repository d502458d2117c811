using System.Globalization;
using System.Text;
using System.Text.Json;
using RunbookSdk.Model;
using Spectre.Console;

namespace RunbookSdk.Execution;

/// <summary>How each kind of action runs.</summary>
internal sealed partial class LiveRun
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private HttpClient? _http;

    // Redirects are not followed: HttpClient would send the step's headers (an API key, a token: secrets) to whatever
    // host the Location names, and run a request the runbook does not show. A 3xx is the response, with its Location.
    // The system's proxy, but NO_PROXY read as curl reads it (NoProxyList): a host it exempts is asked directly.
    // Bodies are decoded as their Content-Encoding says (gzip, deflate, br; Accept-Encoding names them), as a browser
    // or curl --compressed does: APIs behind nginx or a CDN compress, some whether asked or not, and the checks, the
    // console, the journal and later steps saw compressed bytes. The body cap (MaxBodyBytes) counts decoded bytes.
    // The runner decodes them itself (ResponseDecoding), not the handler: it undid only the last of stacked codings
    // (gzip, gzip) and passed one it does not know (zstd) through as if it were the body.
    private HttpClient Http => _http ??= new HttpClient(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        Proxy = new NoProxyAwareProxy(_options.Proxy ?? HttpClient.DefaultProxy, NoProxyList.FromEnvironment(_options.EnvironmentVariable)),
    }) { Timeout = Timeout.InfiniteTimeSpan };

    private Task<StepOutcome> RunActionAsync(string key, StepPlan step, StepAction action, CancellationToken cancellationToken)
    {
        // Nothing new starts once the runner is going away (a SIGTERM, a SIGHUP, a second Ctrl+C): LiveRun.Exit.cs.
        ThrowIfEnding();
        return StartActionAsync(key, step, action, cancellationToken);
    }

    private Task<StepOutcome> StartActionAsync(string key, StepPlan step, StepAction action, CancellationToken cancellationToken) => action switch
    {
        ShellCommandAction shell => RunShellAsync(key, step, shell, cancellationToken),
        HttpRequestAction http => RunHttpAsync(key, step, http, cancellationToken),
        ManualInstructionAction manual => RunManualAsync(key, manual, cancellationToken),
        WaitAction wait => RunWaitAsync(key, wait, cancellationToken),
        MonitorAction monitor => RunMonitorAsync(key, monitor, cancellationToken),
        DelegateAction code => RunDelegateAsync(key, code, cancellationToken),
        NotificationAction notify => NotifyAsync(key, notify, cancellationToken),
        SnippetAction snippet => Show($"Snippet ({snippet.Language}, reference only, not executed){(snippet.Caption is { } c ? ": " + c : "")}\n{snippet.Code}"),
        NoteAction note => Show($"Note: {note.Text}"),
        _ => Task.FromResult(new StepOutcome(StepResult.Failed, $"{action.GetType().Name} cannot be executed by this version of the runner")),
    };

    private Task<StepOutcome> Show(string text)
    {
        _console.Detail(text);
        return Task.FromResult(new StepOutcome(StepResult.Succeeded, null));
    }

    private async Task<StepOutcome> RunShellAsync(string key, StepPlan step, ShellCommandAction shell, CancellationToken cancellationToken)
    {
        if (shell.Comment is { } comment) _console.Detail($"# {comment}");
        // What runs has the real values; what is shown and journaled has every hole masked before quoting.
        var command = shell.Command.Render();
        var shown = ShownCommand(shell);
        _console.Verbatim("$ ", shown);

        ShellResult? last = null;
        for (var attempt = 1; attempt <= shell.Attempts; attempt++)
        {
            if (attempt > 1)
            {
                var delay = shell.RetryBackoff * Math.Pow(2, attempt - 2);
                // With why, as an HTTP step's attempt says it: "failed" alone left the engineer to scroll up for the exit code.
                var why = last!.TimedOut ? $"timed out after {Durations.Format(shell.Timeout!.Value)}" : $"exit code {last.ExitCode}";
                _console.Warn($"attempt {attempt - 1} of {shell.Attempts} failed ({why}); retrying in {Durations.Format(delay)}");
                await WaitBeforeRetryAsync(attempt, shell.Attempts, delay, "no command was running", cancellationToken);
            }
            var started = _clock.GetTimestamp();
            // A process the command left in the background keeps printing after the step: its lines say whose they
            // are, and are journaled as a digest of their own when that output ends (LiveRun.Background.cs).
            var number = _currentNumber;
            var afterStep = new OutputDigest(_options.JournalOutputTail);
            // What it printed so far, for a runner going away in the middle of it (LiveRun.Exit.cs).
            var running = new RunningCommand(key, step.Title, _stepStarted, shown, attempt, started) { Output = new OutputDigest(_options.JournalOutputTail) };
            void OnLine(string line, bool isError, bool background, long dropped)
            {
                var digest = background ? afterStep : running.Output;
                digest.Add(_context.Secrets.Mask(line));
                _console.Output(background ? $"[background of step {number}] {line}" : line, isError);
                if (dropped <= 0) return;
                // The line was cut as it was read (ShellProcess): say so, or the shown and kept text pass for all of it.
                digest.Cut(dropped);
                _console.Warn(string.Create(CultureInfo.InvariantCulture,
                    $"that output line was cut: only its first {line.Length:N0} of {line.Length + dropped:N0} characters were kept; the rest was read and dropped"));
            }
            BeginCommand(running);
            // Before bash starts: a resume must know the command may have run even when the run dies during it.
            _journal.Write("command-starting", ("key", key), ("action", _actionIndex), ("attempt", attempt), ("command", shown));
            var result = await ShellProcess.RunAsync(command, key, shell.Timeout, OnLine, _processes, cancellationToken,
                hideCommandLine: _context.Secrets.Mask(command) != command);
            EndCommand(running, result);
            last = result ?? throw new RunnerEndingException();
            var leftRunning = last.LeftRunning.Count > 0 ? last.LeftRunning.Select(p => $"{p.Pid} {p.Command}").ToArray() : null;
            // The digest built as the lines arrived: it covers all of them, where last.Output keeps only the first part.
            JournalDigest(key, "shell", shown, running.Output, ("exitCode", last.ExitCode), ("timedOut", last.TimedOut), ("interrupted", last.Interrupted ? true : null),
                ("attempt", attempt), ("durationMs", (long)_clock.GetElapsedTime(started).TotalMilliseconds), ("leftRunning", leftRunning));
            // Ctrl+C killed it: journaled above with what it printed, the step ends interrupted.
            if (last.Interrupted) cancellationToken.ThrowIfCancellationRequested();
            if (last is { Group: { } group, LeftRunning.Count: > 0 })
            {
                _background.Add(key, $"{number} '{step.Title}'", group);
                _console.Warn($"left running in the background: {string.Join(", ", last.LeftRunning)}; the runner stops it when the run ends (a process meant to outlive the run is started detached: setsid -f …)");
            }
            if (!last.OutputEnded.IsCompleted || afterStep.Lines > 0)
                WatchBackgroundOutput(new BackgroundOutput(key, $"{number} '{step.Title}'", _actionIndex, attempt, last.Group, last.LeftRunning, afterStep, last.OutputEnded));
            if (!last.TimedOut && shell.ExpectedExitCodes.Contains(last.ExitCode))
            {
                KeepOutput(step.Title, string.Join('\n', last.Output));
                return new StepOutcome(StepResult.Succeeded, null);
            }
        }
        var tries = shell.Attempts > 1 ? $" after {shell.Attempts} attempts" : "";
        return new StepOutcome(StepResult.Failed, last!.TimedOut
            ? $"timed out after {Durations.Format(shell.Timeout!.Value)}{tries}; its process tree was killed"
            : $"exit code {last.ExitCode}, expected {string.Join(" or ", shell.ExpectedExitCodes)}{tries}");
    }

    /// <summary>Sends the request once; <paramref name="attempt"/> is journaled with each record when the step retries.</summary>
    private async Task<StepOutcome> SendHttpAsync(string key, StepPlan step, HttpRequestAction http, int? attempt, CancellationToken cancellationToken)
    {
        if (http.Comment is { } comment) _console.Detail($"# {comment}");
        _console.Verbatim("", $"{http.Method} {http.Url}");
        // A step that may not run is not refused with the run (HttpStepUrls): reached, it fails before anything is sent.
        if (HttpStepUrls.Problem(http.Url) is { } badUrl)
        {
            _journal.Write("action", ("key", key), ("kind", "http"), ("request", $"{http.Method} {http.Url}"), ("attempt", attempt), ("error", $"cannot be sent: {badUrl}"), ("neverSent", true));
            return new StepOutcome(StepResult.Failed, $"cannot send {http.Method} {badUrl} (a parameter the URL is built from may be empty or lack its http(s)://); nothing was sent");
        }
        using var request = new HttpRequestMessage(new HttpMethod(http.Method), http.Url);
        string? contentType = null;
        foreach (var (name, value) in http.Headers)
        {
            if (string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase)) contentType = value;
            else request.Headers.TryAddWithoutValidation(name, value);
        }
        // A URL's user:password (https://ops:{Password}@lb/admin) as Basic credentials; an Authorization header the step sets wins.
        UrlCredentials.Send(request);
        ResponseDecoding.Accept(request);
        if (http.Body is { } body)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(
                contentType ?? (body.TrimStart().StartsWith('{') || body.TrimStart().StartsWith('[') ? "application/json" : "text/plain"));
        }

        // Forced to the disk before the request leaves (RunJournal; not in an Idempotent() step, which a resume runs
        // again unasked): a resume must know a POST may have reached the server even when the run dies before the answer.
        if (!HttpMethods.IsIdempotent(http.Method))
            _journal.Write("request-sending", ("key", key), ("action", _actionIndex), ("attempt", attempt), ("request", $"{http.Method} {http.Url}"));
        var timeout = http.Timeout ?? _options.DefaultHttpTimeout;
        using var deadline = new CancellationTokenSource(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var started = _clock.GetTimestamp();
        // Known once the headers arrived: a body that then breaks off or stalls still had its status (a POST answered
        // 200 took effect), and the journal and the failure say so.
        int? status = null;
        string text;
        Uri? location;
        bool truncated;
        try
        {
            // Headers first: the body is read by us, up to MaxBodyBytes, not buffered whole by HttpClient (up to 2 GB).
            using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            status = (int)response.StatusCode;
            location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l : new Uri(request.RequestUri!, l)) : null;
            (var bytes, truncated) = await ReadCappedAsync(response.Content, linked.Token);
            text = Decode(bytes, response.Content.Headers.ContentType?.CharSet);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // With its duration, as every other result: a review asks how long the request was waited for.
            _journal.Write("action", ("key", key), ("kind", "http"), ("request", $"{http.Method} {http.Url}"), ("attempt", attempt), ("status", status), ("error", "timeout"),
                ("outcomeUnknown", true), ("durationMs", (long)_clock.GetElapsedTime(started).TotalMilliseconds));
            return new StepOutcome(StepResult.Failed, status is { } answered
                ? $"status {answered} arrived, but not the rest of the response within {Durations.Format(timeout)}"
                : $"no response within {Durations.Format(timeout)}");
        }
        catch (UndecodableBodyException e)
        {
            // The status arrived: the request reached the server and may have taken effect, as for a body that broke off.
            _journal.Write("action", ("key", key), ("kind", "http"), ("request", $"{http.Method} {http.Url}"), ("attempt", attempt), ("status", status),
                ("error", $"body could not be decoded: {e.Message}"), ("outcomeUnknown", true), ("durationMs", (long)_clock.GetElapsedTime(started).TotalMilliseconds));
            return new StepOutcome(StepResult.Failed, $"status {status} arrived, but its body could not be decoded: {e.Message}");
        }
        // A connection that closes in the middle of the body (a proxy or load balancer dying, a server crashing while it
        // writes) throws an IOException (HttpIOException) from the body's stream, not an HttpRequestException: before, it
        // failed the step as "HttpIOException: …" with no action journaled, so the record lost the request and its status.
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            var why = Describe(e);
            // A resume asks before it sends a POST again whose answer this run did not see whole (ResumeState): it may
            // have taken effect although the step failed. One that never left (no connection) did not.
            // One that never left (no connection) did not, and says so: a step interrupted after it (a Ctrl+C in the
            // wait before the next attempt) keeps what it sent for the resume to ask about, and this was not sent.
            var neverSent = NeverSent(e);
            _journal.Write("action", ("key", key), ("kind", "http"), ("request", $"{http.Method} {http.Url}"), ("attempt", attempt), ("status", status), ("error", why),
                ("outcomeUnknown", neverSent ? null : true), ("neverSent", neverSent ? true : null), ("durationMs", (long)_clock.GetElapsedTime(started).TotalMilliseconds));
            return new StepOutcome(StepResult.Failed, status is { } answered
                ? $"request failed after its status ({answered}) arrived: the body broke off: {why}"
                : $"request failed: {why}");
        }

        // Lines end where a command's output lines do (\n, \r or \r\n; BoundedLineReader), not also at U+0085, U+2028,
        // U+2029 and form feed as ReplaceLineEndings has it: each line is masked on its own, and a secret holding one of
        // those was cut in two pieces that no mask matched, shown and journaled in clear.
        var lines = text.Split(["\r\n", "\r", "\n"], StringSplitOptions.None);
        var size = truncated ? $"the first {MaxBodyBytes / (1024 * 1024)} MiB of a longer body; the rest was not read" : $"{Encoding.UTF8.GetByteCount(text)} bytes";
        _console.Info($"-> {status.Value} ({size}){(location is null ? "" : $", Location: {location} (not followed)")}");
        foreach (var line in lines.Take(20)) _console.Output(line, isError: false);
        if (lines.Length > 20) _console.Detail($"... {lines.Length - 20} more line(s)");
        JournalOutput(key, "http", $"{http.Method} {http.Url}", lines, ("attempt", attempt), ("status", status.Value), ("location", location?.ToString()),
            ("bodyTruncated", truncated ? true : null), ("durationMs", (long)_clock.GetElapsedTime(started).TotalMilliseconds));
        KeepOutput(step.Title, text);

        var failures = HttpExpectations.Check(http, status.Value, text, location);
        if (truncated && failures.Count > 0 && (http.BodyContains.Count > 0 || http.JsonEquals.Count > 0))
            failures = [.. failures, $"only the first {MaxBodyBytes / (1024 * 1024)} MiB of the body were read and checked"];
        return failures.Count == 0
            ? new StepOutcome(StepResult.Succeeded, null)
            : new StepOutcome(StepResult.Failed, string.Join("; ", failures));
    }

    /// <summary>A request that failed before it could leave: no name, no connection, no TLS, no tunnel through the proxy.</summary>
    private static bool NeverSent(Exception e) => e is HttpRequestException
    {
        HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
            or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError,
    };

    /// <summary>
    /// How much of a response body an HTTP step reads. Health checks and API calls answer in kilobytes; a URL that
    /// serves a download or a log dump must not hold gigabytes in memory and print them at 3 a.m.
    /// </summary>
    internal const int MaxBodyBytes = 16 * 1024 * 1024;

    /// <summary>The body's first <see cref="MaxBodyBytes"/> bytes, and whether there was more.</summary>
    private static async Task<(byte[] Bytes, bool Truncated)> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = ResponseDecoding.Open(await content.ReadAsStreamAsync(cancellationToken), content.Headers.ContentEncoding);
        using var body = new MemoryStream();
        var chunk = new byte[81920];
        while (body.Length <= MaxBodyBytes)
        {
            int read;
            // The stream decodes as it is read (ResponseDecoding): a body that is not what its Content-Encoding says
            // fails here, after its status arrived, and is journaled as such rather than escaping as a crash.
            try { read = await stream.ReadAsync(chunk, cancellationToken); }
            catch (Exception e) when (UndecodableBodyException.IsDecoderFailure(e)) { throw UndecodableBodyException.NotEncoded(e); }
            if (read == 0) return (body.ToArray(), false);
            body.Write(chunk, 0, read);
        }

        return (body.GetBuffer().AsSpan(0, MaxBodyBytes).ToArray(), true);
    }

    /// <summary>
    /// The body as text in its declared charset; a charset .NET does not know (<c>utf8mb4</c>, a typo) is read as UTF-8
    /// rather than failing a response that arrived (ReadAsStringAsync throws InvalidOperationException for it).
    /// </summary>
    private static string Decode(byte[] body, string? charset)
    {
        var encoding = Encoding.UTF8;
        if (charset is { Length: > 0 })
        {
            try { encoding = Encoding.GetEncoding(charset.Trim('"', '\'', ' ')); }
            catch (ArgumentException) { /* unknown charset: UTF-8 */ }
        }
        var preamble = encoding.GetPreamble();
        var skip = preamble.Length > 0 && body.AsSpan().StartsWith(preamble) ? preamble.Length : 0;
        return encoding.GetString(body, skip, body.Length - skip);
    }

    private async Task<StepOutcome> RunManualAsync(string key, ManualInstructionAction manual, CancellationToken cancellationToken)
    {
        SayManual(_console, manual);
        if (!Interactive)
        {
            if (_options.SkipManual)
            {
                _journal.Write("choice", ("key", key), ("about", "manual"), ("choice", "skipped"), ("by", "--skip-manual"));
                return new StepOutcome(StepResult.Skipped, "manual step skipped by --skip-manual");
            }
            return new StepOutcome(StepResult.Failed, "a manual step needs an operator and --non-interactive never waits: pass --skip-manual to skip it, or run interactively");
        }
        // A Ctrl+C while the prompt waits stops the step, as it stops a command: not an answer given after it.
        ManualAcknowledgement answer;
        SayWhatTheManualStepAsks(manual);
        try
        {
            answer = await _prompts.AcknowledgeAsync(manual.Text, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            // A skip without its reason, or a choice that is none of the three, is no answer either: thrown here, it is
            // journaled as unanswered and the run stops, rather than a skip of "no reason given" or a silent abort.
            if (ManualAnswer.Problem(answer) is { } problem) throw new InvalidOperationException(problem);
        }
        catch (Exception e) when (UnansweredQuestion.Is(e, cancellationToken))
        {
            // Nobody said it was done: the run stops here, as when the operator aborts the instruction.
            var why = Unanswered("manual instruction", e);
            _journal.Write("choice", ("key", key), ("about", "manual"), ("choice", "unanswered"), ("reason", why));
            return new StepOutcome(StepResult.Aborted, why);
        }
        var choice = answer.Choice switch { ManualChoice.Done => "done", ManualChoice.Skip => "skipped", _ => "aborted" };
        _journal.Write("choice", ("key", key), ("about", "manual"), ("choice", choice), ("reason", answer.Reason), ("by", "operator"));
        return answer.Choice switch
        {
            ManualChoice.Done => new StepOutcome(StepResult.Succeeded, null),
            ManualChoice.Skip => new StepOutcome(StepResult.Skipped, $"skipped by the operator: {answer.Reason}"),
            _ => new StepOutcome(StepResult.Aborted, "the operator aborted at a manual instruction"),
        };
    }

    private async Task<StepOutcome> RunWaitAsync(string key, WaitAction wait, CancellationToken cancellationToken)
    {
        var label = wait.Reason is null ? $"Waiting {Durations.Format(wait.Duration)}" : $"Waiting {Durations.Format(wait.Duration)}: {wait.Reason}";
        _console.Info(label);
        var now = _clock.GetUtcNow();
        var duration = wait.Duration;
        // The earlier run died in this wait and nothing ran since: incident time kept passing, so only the rest is left.
        if (!_actionRan && RestOfResumedWait(key, _actionIndex, wait, now) is { } resumed)
        {
            duration = resumed.Left;
            _console.Info($"The earlier run started this wait at {FormatTime(resumed.Began)} and nothing ran since: {RestOfWait(duration)}.");
        }
        _actionRan = true;
        _journal.Write("wait-started", ("key", key), ("action", _actionIndex), ("until", (now + duration).ToString("O", CultureInfo.InvariantCulture)),
            ("durationMs", (long)duration.TotalMilliseconds));
        var reason = wait.Reason is null ? null : _context.Secrets.Mask(wait.Reason);
        await ElapseJournaledAsync(duration, label, cancellationToken, ("key", key), ("kind", "wait"), ("reason", reason));
        _journal.Write("action", ("key", key), ("kind", "wait"), ("reason", reason), ("durationMs", (long)duration.TotalMilliseconds));
        return new StepOutcome(StepResult.Succeeded, null);
    }

    private async Task<StepOutcome> RunMonitorAsync(string key, MonitorAction monitor, CancellationToken cancellationToken)
    {
        var label = WatchLabel(monitor);
        _console.Info(label);
        await ElapseJournaledAsync(monitor.Duration, label, cancellationToken, ("key", key), ("kind", "monitor"), ("what", _context.Secrets.Mask(monitor.What)));
        if (!Interactive)
        {
            _journal.Write("action", ("key", key), ("kind", "monitor"), ("what", monitor.What), ("durationMs", (long)monitor.Duration.TotalMilliseconds),
                ("observed", "unattended"));
            _console.Warn("monitored unattended (--non-interactive): nobody judged the signal");
            return new StepOutcome(StepResult.Succeeded, null);
        }
        bool healthy;
        SayWhatTheMonitorWatched(monitor);
        try
        {
            healthy = await _prompts.ConfirmAsync($"Did {monitor.What} look healthy?", cancellationToken);
        }
        catch (Exception e) when (UnansweredQuestion.Is(e, cancellationToken))
        {
            // Nobody judged the signal, and a step that watched it must not pass on nobody's word.
            var why = Unanswered("question whether the signal looked healthy", e);
            _journal.Write("choice", ("key", key), ("about", "monitor"), ("what", monitor.What), ("choice", "unanswered"), ("reason", why));
            _journal.Write("action", ("key", key), ("kind", "monitor"), ("what", monitor.What), ("durationMs", (long)monitor.Duration.TotalMilliseconds),
                ("observed", "unanswered"));
            return new StepOutcome(StepResult.Failed, $"{why}: nobody judged {monitor.What}");
        }
        cancellationToken.ThrowIfCancellationRequested();
        _journal.Write("choice", ("key", key), ("about", "monitor"), ("what", monitor.What), ("choice", healthy ? "healthy" : "unhealthy"), ("by", "operator"));
        // The action itself, as every other kind is journaled: the review reads what was watched, for how long, and
        // what the operator saw, from the same record whether the run was attended or not.
        _journal.Write("action", ("key", key), ("kind", "monitor"), ("what", monitor.What), ("durationMs", (long)monitor.Duration.TotalMilliseconds),
            ("observed", healthy ? "healthy" : "unhealthy"));
        return healthy ? new StepOutcome(StepResult.Succeeded, null) : new StepOutcome(StepResult.Failed, $"the operator saw {monitor.What} unhealthy");
    }

    /// <summary>
    /// Lets a wait or monitor pass; when Ctrl+C stops it, journals it as an <c>action</c> first (what was waited for,
    /// how long it was to last, how long it lasted), as every other action kind is: the incident review must see the
    /// wait was cut short, not find a step that started and was interrupted with no trace of what it did.
    /// </summary>
    private async Task ElapseJournaledAsync(TimeSpan duration, string label, CancellationToken cancellationToken, params (string, object?)[] about)
    {
        var started = _clock.GetTimestamp();
        try
        {
            await ElapseAsync(duration, label, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _journal.Write("action", [.. about, ("durationMs", (long)duration.TotalMilliseconds),
                ("waitedMs", (long)_clock.GetElapsedTime(started).TotalMilliseconds), ("interrupted", true)]);
            throw;
        }
    }

    /// <summary>
    /// Lets incident time pass in ticks, announcing escalation as it falls due; a progress bar on a terminal. The wait
    /// ends when either clock says its time has passed: the wall clock, which counts a laptop's sleep (incident time
    /// kept passing: a 10-minute wait the lid closed on for an hour is over when it opens), or the monotonic one, which
    /// no clock change moves — a wall clock set back during the wait (NTP correcting a drift, a VM restored) made a
    /// 30-second wait last as long as the clock was set back, an hour with the run silent.
    /// </summary>
    private async Task ElapseAsync(TimeSpan duration, string label, CancellationToken cancellationToken)
    {
        var end = _clock.GetUtcNow() + duration;
        var started = _clock.GetTimestamp();
        TimeSpan Remaining()
        {
            var byWallClock = end - _clock.GetUtcNow();
            var byMonotonicClock = duration - _clock.GetElapsedTime(started);
            return byWallClock < byMonotonicClock ? byWallClock : byMonotonicClock;
        }
        async Task Loop(Action<double>? progress)
        {
            while (Remaining() is var remaining && remaining > TimeSpan.Zero)
            {
                await Task.Delay(remaining < Tick ? remaining : Tick, _clock, cancellationToken);
                progress?.Invoke((duration - Remaining()).TotalSeconds);
                AnnounceEscalation();
            }
        }
        if (!_console.CanShowProgress || duration < TimeSpan.FromSeconds(3))
        {
            await Loop(null);
            return;
        }
        await _console.Console.Progress().AutoClear(true).StartAsync(async progress =>
        {
            var task = progress.AddTask(Markup.Escape(_context.Secrets.Mask(label)), maxValue: duration.TotalSeconds);
            await Loop(value => task.Value = Math.Min(value, duration.TotalSeconds));
        });
    }

    /// <summary>
    /// How long the runner waits, once it asked C# code to stop (its time limit passed, or Ctrl+C), for the code to end
    /// before it leaves it running: long enough for code that honours its token to unwind, short enough for 3 a.m.
    /// </summary>
    internal static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(2);

    private async Task<StepOutcome> RunDelegateAsync(string key, DelegateAction code, CancellationToken cancellationToken)
    {
        _console.Detail($"Code: {code.Description}");
        var timeout = code.Timeout ?? _options.DefaultDelegateTimeout;
        // Real time, as for processes and requests: the limit bounds real work. Beyond a timer's range is no limit.
        using var deadline = timeout == Timeout.InfiniteTimeSpan || timeout.TotalMilliseconds >= uint.MaxValue - 1
            ? new CancellationTokenSource()
            : new CancellationTokenSource(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);

        // Everything the code hands the run goes through objects the step closes when it stops waiting: code left
        // running (it ignored its token) can no longer log into the journal, nor set an output a later step reads.
        var logGate = new Lock();
        var logOpen = true;
        var outputs = new DelegateOutputs(_outputs, _lostOutputs,
            (name, value) => JournalStepOutput(key, name, value, masked: _context.Secrets.Mask(value) != value));
        var console = new CaptureScope(_context.Secrets, _console.Output);
        var context = new StepContext(
            _context.ParameterValues,
            message =>
            {
                lock (logGate)
                {
                    if (!logOpen) return;
                    console.Show(message ?? "");
                    _journal.Write("log", ("key", key), ("message", message ?? ""));
                }
            },
            outputs,
            linked.Token);

        // On the thread pool, and awaited only until the time limit or Ctrl+C: code that blocks or ignores the token
        // must not hold the run (shell steps are killed; code cannot be), so the rollback and verification still run.
        // The capture scope is entered on the code's own task, so it follows the code's awaits and never the runner's.
        // What it wrote so far, for a runner going away in the middle of it (LiveRun.ExitDuringCode.cs).
        var running = new RunningCode(key, _currentStep, _stepStarted, code.Description) { WrittenSoFar = console.WrittenSoFar };
        BeginCode(running);
        // Before the code runs, forced to the disk (RunJournal; not in a verification or Idempotent() step, which a
        // resume runs again unasked): it is opaque, and a resume must know it may have done its work even when the run
        // dies during it.
        _journal.Write("code-starting", ("key", key), ("action", _actionIndex), ("code", code.Description));
        var body = StartCode(running, () =>
        {
            DelegateConsole.Enter(console);
            return code.Body(context) ?? throw new InvalidOperationException("the code returned no Task (null); return Task.CompletedTask, or make it async");
        });
        var started = running.Started;
        var stopped = false;
        Exception? failure = null;
        try
        {
            await body.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            stopped = true;
        }
        catch (Exception e)
        {
            failure = e;
        }

        var ended = body.IsCompleted || (stopped && await Task.WhenAny(body, Task.Delay(StopGrace, CancellationToken.None)) == body);
        // The runner going away meanwhile journaled the code (with what it wrote) and its step: nothing more is written.
        EndCode(running);
        if (!ended) _ = body.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        lock (logGate) logOpen = false;
        var lines = await console.CloseAsync();
        var kept = outputs.Close();
        // What the code set before the step ended stands, even when it failed: a rollback may need it (the version it deployed).
        _outputs.Clear();
        foreach (var (name, value) in kept) _outputs[name] = value;

        var interrupted = stopped && cancellationToken.IsCancellationRequested;
        var timedOut = stopped && !interrupted;
        JournalOutput(key, "delegate", code.Description, lines, ("timedOut", timedOut ? true : null),
            ("interrupted", interrupted ? true : null), ("abandoned", ended ? null : true), ("durationMs", (long)_clock.GetElapsedTime(started).TotalMilliseconds));

        var after = ended ? "the code stopped when asked" : "the code did not stop when asked and may still be running in the background";
        if (interrupted) return new StepOutcome(StepResult.Interrupted, $"interrupted by the operator (Ctrl+C); {after}");
        if (timedOut) return new StepOutcome(StepResult.Failed, $"timed out after {Durations.Format(timeout)}; {after}");
        if (failure is not null)
        {
            // .Wait() and .Result wrap the real exception: "AggregateException: One or more errors occurred" says nothing.
            while (failure is AggregateException { InnerExceptions.Count: 1 } aggregate) failure = aggregate.InnerExceptions[0];
            return new StepOutcome(StepResult.Failed, $"{failure.GetType().Name}: {Describe(failure)}");
        }
        return new StepOutcome(StepResult.Succeeded, null);
    }

    private async Task<StepOutcome> NotifyAsync(string key, NotificationAction notify, CancellationToken cancellationToken)
    {
        if (CommunicationTemplates.Find(_context, notify.Template) is not { } template)
        {
            // A notification never rolls back a mitigation (as an undeliverable one below): skipped, with what to do.
            var why = CommunicationTemplates.Unknown(_context, notify.Template);
            _journal.Write("action", ("key", key), ("kind", "notification"), ("template", notify.Template), ("channel", notify.Channel), ("error", why));
            return new StepOutcome(StepResult.Skipped, $"{why}: nothing was sent; tell {notify.Channel ?? "the channel"} by hand");
        }

        var channel = notify.Channel ?? template.Channel;
        // The earlier run died (or was interrupted) in this step after the webhook took the message: it is in the
        // channel. Posting it again on resume told the channel, customers too, the same news twice.
        if (_resume?.PostedNotifications.TryGetValue($"{key}#{_actionIndex}", out var postedAt) == true)
        {
            _console.Info($"Notification '{template.Name}'{(channel is null ? "" : $" for {channel}")}: posted to the webhook in the earlier run, at {FormatTime(postedAt)}; not posted again.");
            _journal.Write("notification", ("key", key), ("action", _actionIndex), ("template", template.Name), ("channel", channel),
                ("postedBefore", postedAt.ToString("O", CultureInfo.InvariantCulture)));
            return new StepOutcome(StepResult.Succeeded, null);
        }
        var facts = NotificationFacts();
        var text = _context.Secrets.Mask(CommunicationRenderer.Render(template.Template, facts));
        // The webhook gets the filled-in values escaped for Slack's format, masked first (escaped, a secret's value
        // would no longer be found): a value with '<', '>' or '&' pinged the channel or became a link there.
        var escaped = facts.ToDictionary(f => f.Key, f => SlackText.Escape(_context.Secrets.Mask(f.Value)), StringComparer.OrdinalIgnoreCase);
        var posted = _context.Secrets.Mask(CommunicationRenderer.Render(template.Template, escaped));
        _console.Info(channel is null ? $"Notification '{template.Name}':" : $"Notification '{template.Name}' for {channel}:");
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n')) _console.Output(line, isError: false);

        var (webhook, problem) = Webhook();
        _journal.Write("notification", ("key", key), ("action", _actionIndex), ("template", template.Name), ("channel", channel), ("text", text),
            ("webhook", webhook is not null ? "configured" : problem is not null ? "invalid" : null));
        if (problem is not null)
        {
            _console.Warn($"{problem}: post the text above by hand");
            NotDelivered(template.Name, channel, problem);
            _journal.Write("action", ("key", key), ("kind", "webhook"), ("error", problem));
        }
        if (webhook is null) return new StepOutcome(StepResult.Succeeded, null);

        // A notification that cannot be delivered is printed (above) for the operator to post by hand; it never
        // rolls back a mitigation, so delivery problems are warnings, not step failures.
        try
        {
            using var deadline = new CancellationTokenSource(_options.DefaultHttpTimeout);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            using var request = new HttpRequestMessage(HttpMethod.Post, webhook) { Content = WebhookPayload.Of(posted, template.Name, channel, _context.Runbook.Id) };
            // https://bot:password@hooks.example/… sends its credentials, as an HTTP step's URL does.
            UrlCredentials.Send(request);
            using var response = await Http.SendAsync(request, linked.Token);
            if (response.IsSuccessStatusCode) _console.Ok($"posted to the webhook ({(int)response.StatusCode})");
            else
            {
                _console.Warn($"the webhook answered {(int)response.StatusCode}: post the text above by hand");
                NotDelivered(template.Name, channel, $"the webhook answered {(int)response.StatusCode}");
            }
            _journal.Write("action", ("key", key), ("kind", "webhook"), ("status", (int)response.StatusCode));
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            _console.Warn($"the webhook could not be reached ({Describe(e)}): post the text above by hand");
            NotDelivered(template.Name, channel, $"the webhook could not be reached: {Describe(e)}");
            _journal.Write("action", ("key", key), ("kind", "webhook"), ("error", Describe(e)));
        }
        return new StepOutcome(StepResult.Succeeded, null);
    }

    /// <summary>Where notifications are POSTed, or null; a WebhookUrl parameter that is set but no http(s) URL is a problem to show, not a failed step.</summary>
    private (Uri? Webhook, string? Problem) Webhook()
    {
        if (_options.WebhookUrl is { } option) return (option, null);
        var parameter = WebhookCredentials.Parameter(_context.Parameters);
        if (parameter is not { Value.Length: > 0 }) return (null, null);
        return Uri.TryCreate(parameter.Value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? (uri, null)
            : (null, $"the {parameter.Parameter.Name} parameter '{parameter.DisplayValue}' is not an http(s) URL, so nothing was posted");
    }

    private Dictionary<string, string> NotificationFacts()
    {
        var facts = KnownFacts(_currentSection, _currentPhase, _currentStep);
        facts["started"] = FormatTime(_escalation.IncidentStart);
        facts["now"] = FormatTime(_clock.GetUtcNow());
        facts["elapsed"] = FormatElapsed(Elapsed);
        facts["journal"] = _journal.Path;
        return facts;
    }

    /// <summary>
    /// The facts a notification's template may name that are known before the run: its parameters (secrets as
    /// <c>***</c>), the runbook's own, and where it is sent from. The live run adds the times and the journal's path
    /// (<see cref="RunTimeFacts"/>); the dry run shows these alone.
    /// </summary>
    private Dictionary<string, string> KnownFacts(string section, string phase, string step)
    {
        var facts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in _context.Parameters) facts[parameter.Parameter.Name] = parameter.DisplayValue;
        facts["runbook"] = _context.Runbook.Id;
        facts["title"] = _context.Title;
        facts["severity"] = _context.SeverityKey ?? "";
        facts["severity_name"] = _context.Severity?.Name ?? _context.SeverityKey ?? "";
        facts["status"] = NotificationStatus.Of(section);
        facts["phase"] = phase;
        facts["step"] = step;
        return facts;
    }

    /// <summary>
    /// An exception's message with its inner exceptions' (HttpClient says "The SSL connection could not be established,
    /// see inner exception." and the reason — an expired or untrusted certificate — is only in the inner one).
    /// </summary>
    internal static string Describe(Exception e)
    {
        var parts = new List<string>();
        for (var current = e; current is not null; current = current.InnerException)
        {
            var message = current.Message.Replace(", see inner exception", "", StringComparison.OrdinalIgnoreCase).Trim().TrimEnd('.');
            if (message.Length > 0 && !parts.Any(p => p.Contains(message, StringComparison.Ordinal))) parts.Add(message);
        }
        return string.Join(": ", parts);
    }

    /// <summary>Journals what an action printed as a digest: line count, SHA-256 and the last lines, all masked.</summary>
    private void JournalOutput(string key, string kind, string what, IReadOnlyList<string> output, params (string, object?)[] extra) =>
        JournalDigest(key, kind, what, OutputDigest.Of(output.Select(_context.Secrets.Mask), _options.JournalOutputTail), extra);

    /// <summary>Journals an action with a digest of its (masked) output built already.</summary>
    private void JournalDigest(string key, string kind, string what, OutputDigest digest, params (string, object?)[] extra)
    {
        var about = kind switch { "shell" => "command", "delegate" => "code", _ => "request" };
        _journal.Write("action", [("key", key), ("kind", kind), (about, what), .. extra, .. digest.Fields()]);
    }

    public void Dispose()
    {
        // Normally stopped (and reported) at the end of the run, or killed and journaled when it threw; this is the
        // last way out.
        _background.KillAll();
        _http?.Dispose();
    }
}

/// <summary>Checks an HTTP response against a step's expectations.</summary>
internal static class HttpExpectations
{
    public static IReadOnlyList<string> Check(HttpRequestAction http, int status, string body, Uri? location = null)
    {
        var failures = new List<string>();
        if (http.ExpectedStatus is { } expected ? status != expected : status is < 200 or > 299)
        {
            var redirect = location is null ? "" : $" (a redirect to {location}; redirects are not followed: request that URL, or expect this status)";
            failures.Add((http.ExpectedStatus is { } e ? $"status {status}, expected {e}" : $"status {status}, expected a success status") + redirect);
        }
        foreach (var text in http.BodyContains)
            if (!body.Contains(text, StringComparison.Ordinal)) failures.Add($"body does not contain \"{text}\"");
        if (http.JsonEquals.Count > 0)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                foreach (var (path, value) in http.JsonEquals)
                {
                    if (JsonExpectation.Mismatch(path, JsonPath.Find(document.RootElement, path), value) is { } mismatch) failures.Add(mismatch);
                }
            }
            catch (JsonException)
            {
                // An empty answer (200 with Content-Length: 0, a 204) is not "not JSON": it is no body at all.
                failures.Add(string.IsNullOrWhiteSpace(body) ? "body is empty, expected JSON" : "body is not JSON");
            }
        }
        return failures;
    }
}
