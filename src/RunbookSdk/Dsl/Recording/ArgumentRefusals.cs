using System;

namespace RunbookSdk.Dsl.Recording;

/// <summary>
/// Every DSL argument the recorders refuse when a runbook or handbook is defined, and why, in one place: the recorders
/// throw with the reason (the run stops before anything ran, "could not be prepared"), and rule RB0021 reports the same
/// reason at build time for a constant argument, so a runbook without a test that dry-runs it does not learn it during
/// the incident. Each method returns null for an argument that is accepted.
/// </summary>
/// <remarks>Linked into the analyzers (netstandard2.0): no API newer than that.</remarks>
internal static class ArgumentRefusals
{
    /// <summary>
    /// The longest a .NET timer waits (<see cref="uint.MaxValue"/> − 1 milliseconds, about 49.7 days): a longer
    /// process or request time limit, or retry wait, is an <see cref="ArgumentOutOfRangeException"/> from the framework
    /// when the step runs, after earlier steps changed things.
    /// </summary>
    private static readonly TimeSpan LongestTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    // Durations.Format writes it "4294967.294 seconds": said in days, with the exact figure for the curious.
    private const string LongestTimerText = "about 49.7 days (4,294,967,294 milliseconds, the longest a timer waits)";

    private const string CommandTimeoutCall = "Timeout(timeout) of a command";
    private const string CommandTimeoutInstead = "Leave Timeout out for no limit.";
    private const string RequestTimeoutCall = "Timeout(timeout) of a request";
    private const string RequestTimeoutInstead = "Leave Timeout out for the default (30 seconds).";

    /// <summary>
    /// <c>Body($"…")</c> with a hole right after a backslash inside a JSON string (<c>"C:\{Dir}"</c>): the backslash
    /// escapes whatever the hole writes first, so a value starting with <c>"</c> or <c>\</c> would end the string. No
    /// value is safe there, so the body's interpolation handler refuses the hole whatever it holds (a constant too).
    /// </summary>
    public const string BodyHoleAfterBackslash =
        "A body hole right after a backslash inside a JSON string (\\{Value}) is refused: the backslash escapes the value's first character, so a value starting with \" or \\ would end the string. Write the backslash escaped (\\\\) to send one before the value, or put it in the value.";

    /// <summary><c>Wait(duration)</c>: not negative, and no longer than a timer waits (its end is journaled).</summary>
    public static string? Wait(TimeSpan duration) =>
        Negative(duration, "Wait(duration)") ??
        BeyondTimer(duration, "Wait(duration)", "For a pause of unknown length, write an Instruction the engineer acknowledges.");

    /// <summary><c>Monitor(what, duration)</c>: as <see cref="Wait"/>.</summary>
    public static string? Monitor(TimeSpan duration) =>
        Negative(duration, "Monitor(what, duration)") ??
        BeyondTimer(duration, "Monitor(what, duration)", "For watching until something happens, write an Instruction the engineer acknowledges.");

    /// <summary>
    /// <c>Timeout(timeout)</c> of a command: zero would kill the command before it did anything; a negative limit, or
    /// one longer than a timer waits, was a timer's exception at run time.
    /// </summary>
    public static string? CommandTimeout(TimeSpan timeout) =>
        NotPositive(timeout, CommandTimeoutCall, CommandTimeoutInstead) ?? BeyondTimer(timeout, CommandTimeoutCall, CommandTimeoutInstead);

    /// <summary><c>Timeout(timeout)</c> of an HTTP request: as <see cref="CommandTimeout"/>.</summary>
    public static string? RequestTimeout(TimeSpan timeout) =>
        NotPositive(timeout, RequestTimeoutCall, RequestTimeoutInstead) ?? BeyondTimer(timeout, RequestTimeoutCall, RequestTimeoutInstead);

    /// <summary>
    /// <c>Timeout(timeout)</c> of C# code (<c>Execute</c>): zero or less would fail every run of the step before its code
    /// did anything. Longer than a timer waits is no limit, as the runner reads it.
    /// </summary>
    public static string? CodeTimeout(TimeSpan timeout) =>
        NotPositive(timeout, "Timeout(timeout) of C# code", "Leave Timeout out for the default (5 minutes).");

    /// <summary><c>Retry(attempts, backoff)</c>'s attempts: the command runs at least once.</summary>
    public static string? RetryAttempts(int attempts) =>
        attempts >= 1 ? null : $"Retry(attempts, backoff) needs at least 1 attempt (the first run counts); it is {attempts}.";

    /// <summary>
    /// <c>ExpectExitCode(codes)</c> with no code: no exit code would count as success, so the command would fail
    /// whatever it did (<c>exit code 0, expected </c>), after it ran.
    /// </summary>
    /// <param name="count">How many codes it was given.</param>
    public static string? ExpectedExitCodes(int count) =>
        count >= 1 ? null : "ExpectExitCode(codes) needs at least one exit code that counts as success, e.g. ExpectExitCode(0, 3); with none the command fails whatever it returns. Leave ExpectExitCode out for the default, 0.";

    /// <summary>
    /// <c>Header(name, value)</c>'s name: one HTTP allows (a token: letters, digits and <c>!#$%&amp;'*+-.^_`|~</c>). The
    /// runner's HTTP client drops a header of another name without a word (<c>TryAddWithoutValidation</c> says no), so
    /// <c>Header("X-Api Key", token)</c> sent the request without its key.
    /// </summary>
    /// <param name="name">The header's name.</param>
    public static string? HeaderName(string? name)
    {
        if (name is null || name.Length == 0)
            return "Header(name, value) needs the header's name, e.g. Header(\"Authorization\", …); it is empty.";
        return IsToken(name)
            ? null
            : $"Header(name, value) cannot send a header named '{name}': an HTTP header name has no spaces, colons or other separators (use '-', as in X-Api-Key), so the request would go without it.";
    }

    /// <summary>
    /// <c>Header(name, value)</c>'s value. A line break (CR or LF) no header can carry: the HTTP client refused it when
    /// the request was sent, failing the step after the steps before it had run — a token read from a file with its
    /// final newline, a value pasted over two lines. Refused for any header, without quoting the value (it may be a
    /// secret). A <c>Content-Type</c> must also be a media type (<c>application/json</c>, <c>text/plain; charset=utf-8</c>):
    /// the runner parses it when it builds a request with a body, so <c>Header("Content-Type", "json")</c> failed its
    /// step with <c>FormatException: The format of value 'json' is invalid.</c> when reached. A character that is not
    /// ASCII (<c>José</c>, a pasted no-break space or line separator) the HTTP client refused when the request was sent
    /// (<c>Request headers must contain only ASCII characters</c>), and another control character (NUL, DEL) it sent, for
    /// the server to answer 400: refused too, naming the character by its code point only. Other headers' values are
    /// not judged further.
    /// </summary>
    /// <param name="name">The header's name.</param>
    /// <param name="value">The header's value.</param>
    public static string? HeaderValue(string name, string? value)
    {
        if (value is null) return null;
        if (value.IndexOf('\r') >= 0 || value.IndexOf('\n') >= 0)
            return $"Header(\"{name}\", value) cannot send a value holding a line break (CR or LF): no HTTP header can carry one, so the request could not be sent. Take the line break out (a token read from a file often ends with one).";
        foreach (var c in value)
        {
            if (c > 0x7F)
                return $"Header(\"{name}\", value) cannot send a value holding U+{(int)c:X4}, which is not ASCII: the HTTP client sends header values in ASCII only, so the request could not be sent. Percent-encode the value (Uri.EscapeDataString) if the service decodes it, or send it in the Body.";
            if ((c < 0x20 && c != '\t') || c == 0x7F)
                return $"Header(\"{name}\", value) cannot send a value holding the control character U+{(int)c:X4}: HTTP allows none in a header value but a tab, and a server answers such a request 400 Bad Request. Take it out.";
        }
        return !string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase) || System.Net.Http.Headers.MediaTypeHeaderValue.TryParse(value, out _)
            ? null
            : $"Header(\"Content-Type\", value) needs a media type, e.g. \"application/json\" or \"text/plain; charset=utf-8\"; it is '{value}', which the request could not be built with.";
    }

    /// <summary>
    /// A <c>Content-Type</c> header on a request with no <c>Body</c>: it describes a body, and the HTTP client carries it
    /// only with one, so the runner sent the request without it, without a word — a service that routes or
    /// authorises on it answered as if it had never been given. Judged once the step is recorded (the body may come
    /// after the header in the chain).
    /// </summary>
    /// <param name="method">The request's method, as the message names it (not its URL, which may hold a secret).</param>
    public static string ContentTypeWithoutBody(string method) =>
        $"Header(\"Content-Type\", value) describes a body, and the {method} request has none: it would be sent without the header. Give the request its Body(…) (Body(\"\") for an empty one), or leave the header out.";

    /// <summary>
    /// <c>Http(method, url)</c>'s method: one HTTP can carry (a token, as a header's name). The runner could not build
    /// the request of another (<c>Http("GE T", …)</c> was a <see cref="FormatException"/>, an empty one an
    /// <see cref="ArgumentException"/>) when the step ran, after the steps before it changed things.
    /// </summary>
    /// <param name="method">The method as written (the runner sends it in capitals).</param>
    public static string? HttpMethod(string? method)
    {
        if (method is null || method.Length == 0)
            return "Http(method, url) needs the HTTP method, e.g. Http(\"GET\", …); it is empty.";
        return IsToken(method)
            ? null
            : $"Http(method, url) cannot send a request with the method '{method}': an HTTP method is one word with no spaces or separators, e.g. GET, POST, PUT, PATCH or DELETE.";
    }

    /// <summary>
    /// <c>ExpectStatus(status)</c>: an HTTP status code, 100 to 599. No response has another, so the check could never
    /// pass: the step failed whatever the service answered, after the request was sent.
    /// </summary>
    public static string? ExpectedStatus(int status) =>
        status is >= 100 and <= 599
            ? null
            : $"ExpectStatus(status) must be an HTTP status code, 100 to 599; it is {status}, which no response has, so the check could never pass.";

    /// <summary>
    /// <c>Retry(attempts, backoff)</c>'s back-off: not negative, and the doubling wait (backoff, 2×backoff, 4×backoff, …)
    /// no longer than a timer waits before the last attempt, so many attempts overflow even a short backoff.
    /// </summary>
    public static string? RetryBackoff(int attempts, TimeSpan backoff)
    {
        if (Negative(backoff, "Retry(attempts, backoff)") is { } negative) return negative;
        // One attempt never waits, and a zero backoff never does however many attempts double it: 0 × 2^2000 was NaN,
        // which compared as "more than a timer waits" and refused Retry(2000, TimeSpan.Zero) for a wait of none.
        if (attempts < 2 || backoff == TimeSpan.Zero) return null;
        var longest = backoff.TotalMilliseconds * Math.Pow(2, attempts - 2);
        return longest <= LongestTimer.TotalMilliseconds
            ? null
            : $"Retry(attempts, backoff) with {attempts} attempts and a backoff of {Durations.Format(backoff)} would wait more than {LongestTimerText} before its last attempt: the wait doubles after each attempt. Use fewer attempts or a shorter backoff.";
    }

    /// <summary>An escalation level's <c>after</c>: zero means "at once"; before the incident means nothing.</summary>
    public static string? EscalationAfter(TimeSpan after) => Negative(after, "Escalation Level(who, after)");

    /// <summary>A severity's <c>RespondWithin(time)</c>.</summary>
    public static string? RespondWithin(TimeSpan time) => Negative(time, "RespondWithin(time)");

    /// <summary>A severity's <c>ResolveWithin(time)</c>.</summary>
    public static string? ResolveWithin(TimeSpan time) => Negative(time, "ResolveWithin(time)");

    /// <summary>
    /// A phase's time box: a window that starts before the incident, or ends before it starts, has no moment when the
    /// phase is "on time".
    /// </summary>
    /// <param name="phase">The phase's name, as the message quotes it.</param>
    /// <param name="from">The window's start.</param>
    /// <param name="to">The window's end.</param>
    public static string? PhaseTimeBox(string phase, TimeSpan from, TimeSpan to) =>
        from >= TimeSpan.Zero && to >= from
            ? null
            : $"The time box of phase '{phase}' must start at zero or later and not end before it starts; it is {Durations.Format(from)} to {Durations.Format(to)}.";

    /// <summary>
    /// <c>OnlyIf(condition)</c>: an empty condition would make the runner ask "Only if  — does it hold?", which nobody
    /// can answer at 3 a.m.
    /// </summary>
    public static string? Condition(string? condition) =>
        condition is not null && condition.Trim().Length > 0
            ? null
            : "OnlyIf(condition) needs the condition the operator confirms, e.g. OnlyIf(\"a deployment went out in the last hour\"); it is empty.";

    /// <summary>
    /// <c>Step(title, step)</c>'s title, of a phase, rollback, verification or decision step: a blank one showed the
    /// step as "1.2" and nothing on the console and the page, its confirmation asked "'' is destructive. Run it now?",
    /// and the journal, the incident issue and <c>Outputs</c> named it by nothing. (Null is NullGuard's.)
    /// </summary>
    public static string? StepTitle(string? title) =>
        title is null || title.Trim().Length > 0
            ? null
            : "Step(title, step) needs the step's title, what the operator sees and the page lists, e.g. Step(\"Restart the API\", …); it is empty.";

    /// <summary>
    /// <c>OneOf(title, options)</c>'s title: "Choose one: " with nothing after it, and <c>--choose "=Restart"</c>, would be
    /// a question nobody can answer.
    /// </summary>
    public static string? ChoiceTitle(string? title) =>
        title is not null && title.Trim().Length > 0
            ? null
            : "OneOf(title, options) needs what is decided, e.g. OneOf(\"Mitigation strategy\", o => o.Step(\"Restart\", …).Step(\"Clear the cache\", …)); it is empty.";

    /// <summary><c>OneOf(title, options)</c>'s options: a choice needs at least two.</summary>
    /// <param name="title">The decision's title, as the message quotes it.</param>
    /// <param name="count">How many options it has.</param>
    public static string? ChoiceOptionCount(string title, int count) =>
        count >= 2
            ? null
            : $"OneOf(\"{title}\") has {count} option(s); a choice needs at least two. For one step that applies only sometimes write .Step(\"…\", s => s.OnlyIf(\"…\")…) instead.";

    /// <summary>
    /// Two options of one <c>OneOf</c> titled alike (case does not matter): the operator answers with a title
    /// (<c>--choose "Mitigation strategy=Restart"</c>), so they could not be told apart.
    /// </summary>
    /// <param name="title">The decision's title.</param>
    /// <param name="option">The title two options share.</param>
    public static string ChoiceOptionTwice(string title, string option) =>
        $"OneOf(\"{title}\") has two options titled '{option}'; give each option a title of its own, by which the operator chooses it.";

    /// <summary>
    /// Two <c>OneOf</c> decisions of one runbook titled alike (case and surrounding spaces do not matter): the operator
    /// answers a decision with its title (<c>--choose "Fix=Restart"</c>), so one answer would be taken for both.
    /// </summary>
    /// <param name="title">The title the two share, as first written.</param>
    /// <param name="firstSection">The section (phase name, Rollback or Verification) of the first.</param>
    /// <param name="secondSection">The section of the second.</param>
    public static string DecisionTitleTwice(string title, string firstSection, string secondSection) =>
        $"The runbook has two OneOf decisions titled '{title.Trim()}' (in '{firstSection}' and '{secondSection}'); the operator answers one with --choose \"{title.Trim()}=…\", so give each decision a title of its own.";

    /// <summary><c>ReviewDate(year, month, day)</c> or <c>LastUpdated(…)</c>: a day the calendar has.</summary>
    /// <param name="call">The call's name: <c>ReviewDate</c> or <c>LastUpdated</c>.</param>
    /// <param name="year">The year.</param>
    /// <param name="month">The month, 1 to 12.</param>
    /// <param name="day">The day of the month.</param>
    public static string? Date(string call, int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? null
            : $"{call}(year, month, day) must be a day of the calendar; it is {call}({year}, {month}, {day}).";

    // An HTTP token (RFC 9110): letters, digits and !#$%&'*+-.^_`|~ — what a header's name and a method are made of.
    private static bool IsToken(string text)
    {
        foreach (var c in text)
        {
            if (c > 0x7E || c <= 0x20 || "\"(),/:;<=>?@[\\]{}".IndexOf(c) >= 0) return false;
        }
        return true;
    }

    private static string? Negative(TimeSpan value, string call) =>
        value >= TimeSpan.Zero ? null : $"{call} must not be negative; it is {Durations.Format(value)}.";

    private static string? NotPositive(TimeSpan value, string call, string instead) =>
        value > TimeSpan.Zero ? null : $"{call} must be more than zero; it is {Durations.Format(value)}. {instead}";

    private static string? BeyondTimer(TimeSpan value, string call, string instead) =>
        value <= LongestTimer ? null : $"{call} can be at most {LongestTimerText}; it is {Durations.Format(value)}. {instead}";
}
