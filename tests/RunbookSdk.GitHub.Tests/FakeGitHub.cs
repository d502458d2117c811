using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RunbookSdk.GitHub.Tests;

/// <summary>A request the fake received.</summary>
internal sealed record Recorded(string Method, string Path, JsonNode? Body, string? Authorization, string Query = "");

/// <summary>A canned answer.</summary>
internal sealed record Answer(int Status, JsonNode? Body, IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>
/// The parts of the GitHub REST API the reporters use, served on 127.0.0.1 (a free port) by an HttpListener, with
/// the real API's JSON shapes, and in-memory state so a second run sees the first run's comment. <see cref="Fail"/>
/// makes matching requests answer with an error instead.
/// </summary>
internal sealed partial class FakeGitHub : IDisposable
{
    private readonly HttpListener _listener;
    private readonly Task _loop;
    private readonly Lock _gate = new();
    private readonly List<Recorded> _requests = [];
    private readonly List<JsonObject> _comments = [];
    private readonly List<JsonObject> _issues = [];
    private readonly List<JsonObject> _checkRuns = [];
    private readonly Dictionary<string, JsonObject> _labels = new(StringComparer.OrdinalIgnoreCase);
    private long _nextId = 1000;
    private int _nextIssue = 41;

    public FakeGitHub()
    {
        (_listener, var port) = Listen();
        ApiUrl = new Uri($"http://127.0.0.1:{port}/api/v3/");
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>
    /// A listener on a port free a moment ago. HttpListener cannot ask for port 0, and between the probe and Start a
    /// test running in parallel can take the port ("Address already in use"): then another port is tried.
    /// </summary>
    private static (HttpListener Listener, int Port) Listen()
    {
        for (var attempt = 1; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return (listener, port);
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                listener.Close();
            }
        }
    }

    public Uri ApiUrl { get; }

    public string HeadSha { get; set; } = "3f786850e387550fdab836ed7e6dc881de23001b";

    /// <summary>When set, requests it answers for (non-null) get that answer.</summary>
    public Func<Recorded, Answer?>? Fail { get; set; }

    /// <summary>
    /// When set, the answer to a request the fake has already carried out (stored the comment, created the run) is
    /// replaced by what it returns (non-null): GitHub answering 502 after doing the work.
    /// </summary>
    public Func<Recorded, Answer?>? FailAfterDoing { get; set; }

    /// <summary>
    /// Who the token is, as GraphQL's <c>viewer</c> answers (the workflow's GITHUB_TOKEN: <c>github-actions[bot]</c>);
    /// null for a GitHub that refuses the query. REST <c>GET /user</c> is refused, as for any app installation token.
    /// </summary>
    public string? ViewerLogin { get; set; } = "github-actions[bot]";

    /// <summary>When set, the fake waits for the task it returns before handling the request (GitHub hanging).</summary>
    public Func<Recorded, Task>? Hold { get; set; }

    /// <summary>
    /// When set, the fake waits for the task it returns after carrying out the request (stored the comment, created the
    /// run) and before answering: GitHub doing the work and answering too late.
    /// </summary>
    public Func<Recorded, Task>? HoldAfterDoing { get; set; }

    /// <summary>How many comments one page of the comment list holds (the real API: 30 unless per_page says otherwise).</summary>
    public int CommentsPerPage { get; set; } = 30;

    public IReadOnlyList<Recorded> Requests { get { lock (_gate) return _requests.ToArray(); } }

    /// <summary>The comments stored, in order.</summary>
    public IReadOnlyList<string> CommentBodies { get { lock (_gate) return _comments.Select(c => c["body"]!.GetValue<string>()).ToArray(); } }

    public IReadOnlyList<Recorded> Writes => Requests.Where(r => r.Method != "GET").ToArray();

    public void AddComment(string body, string login = "github-actions[bot]") { lock (_gate) _comments.Add(Comment(_nextId++, body, login)); }

    public static Answer RateLimited() => new(403,
        new JsonObject { ["message"] = "API rate limit exceeded for installation ID 1.", ["documentation_url"] = "https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting" },
        new Dictionary<string, string> { ["X-RateLimit-Limit"] = "5000", ["X-RateLimit-Remaining"] = "0", ["X-RateLimit-Reset"] = "1893456000", ["X-RateLimit-Used"] = "5000" });

    public static Answer Error(int status, string message) => new(status, new JsonObject { ["message"] = message, ["documentation_url"] = "https://docs.github.com/rest" });

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            // Not awaited: a request held (Hold, HoldAfterDoing) must not keep the client's next request, sent after it
            // gave up waiting, from being answered. A client that waits for each answer still sees them in order.
            _ = HandleOrFailAsync(context);
        }
    }

    private async Task HandleOrFailAsync(HttpListenerContext context)
    {
        try { await HandleAsync(context); }
        catch (Exception exception)
        {
            try { await WriteAsync(context.Response, new Answer(599, new JsonObject { ["message"] = "fake failed: " + exception.Message })); }
            catch (Exception) { } // the client left, or the fake was disposed
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        var path = context.Request.Url!.AbsolutePath;
        if (path.StartsWith("/api/v3", StringComparison.Ordinal)) path = path["/api/v3".Length..];
        var request = new Recorded(context.Request.HttpMethod, path, text.Length == 0 ? null : JsonNode.Parse(text), context.Request.Headers["Authorization"], context.Request.Url.Query);
        lock (_gate) _requests.Add(request);
        if (Hold?.Invoke(request) is { } hold) await hold;
        var answer = Fail?.Invoke(request) ?? Route(request);
        if (HoldAfterDoing?.Invoke(request) is { } late) await late;
        await WriteAsync(context.Response, FailAfterDoing?.Invoke(request) ?? answer);
    }

    /// <summary>GitHub refuses an issue or comment body longer than this many characters.</summary>
    public const int MaxBodyLength = 65_536;

    /// <summary>GitHub refuses an issue title longer than this many characters.</summary>
    public const int MaxTitleLength = 256;

    private Answer Route(Recorded request)
    {
        lock (_gate)
        {
            var p = request.Path;
            if (request.Body?["body"] is JsonValue body && body.GetValue<string>().Length > MaxBodyLength)
                return new Answer(422, new JsonObject
                {
                    ["message"] = "Validation Failed",
                    ["errors"] = new JsonArray(new JsonObject { ["resource"] = "IssueComment", ["code"] = "unprocessable", ["field"] = "data", ["message"] = $"Body is too long (maximum is {MaxBodyLength} characters)" }),
                    ["documentation_url"] = "https://docs.github.com/rest/issues/comments#create-an-issue-comment",
                    ["status"] = "422",
                });
            if (request.Method == "POST" && request.Body?["title"] is JsonValue title && title.GetValue<string>().Length > MaxTitleLength)
                return new Answer(422, new JsonObject
                {
                    ["message"] = "Validation Failed",
                    ["errors"] = new JsonArray(new JsonObject { ["resource"] = "Issue", ["code"] = "custom", ["field"] = "title", ["message"] = $"title is too long (maximum is {MaxTitleLength} characters)" }),
                    ["documentation_url"] = "https://docs.github.com/rest/issues/issues#create-an-issue",
                    ["status"] = "422",
                });
            Match m;
            if (request.Method == "POST" && p == "/api/graphql")
                return ViewerLogin is { } viewer && request.Body?["query"]?.GetValue<string>().Contains("viewer", StringComparison.Ordinal) == true
                    ? new Answer(200, new JsonObject { ["data"] = new JsonObject { ["viewer"] = new JsonObject { ["login"] = viewer, ["databaseId"] = UserId(viewer) } } })
                    : Error(403, "Resource not accessible by integration");
            if (request.Method == "GET" && p == "/user")
                return Error(403, "Resource not accessible by integration");
            if (request.Method == "GET" && (m = IssueComments().Match(p)).Success)
                return CommentPage(request);
            if (request.Method == "POST" && (m = IssueComments().Match(p)).Success)
            {
                var comment = Comment(_nextId++, request.Body!["body"]!.GetValue<string>());
                _comments.Add(comment);
                return new Answer(201, comment.DeepClone());
            }
            if (request.Method == "PATCH" && (m = CommentById().Match(p)).Success)
            {
                var comment = _comments.Single(c => c["id"]!.GetValue<long>() == long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
                comment["body"] = request.Body!["body"]!.GetValue<string>();
                return new Answer(200, comment.DeepClone());
            }
            if (request.Method == "GET" && (m = PullRequest().Match(p)).Success)
                return new Answer(200, new JsonObject
                {
                    ["id"] = 1,
                    ["number"] = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                    ["state"] = "open",
                    ["title"] = "Add runbooks",
                    ["user"] = User(),
                    ["head"] = new JsonObject { ["label"] = "octo:runbooks", ["ref"] = "runbooks", ["sha"] = HeadSha, ["user"] = User() },
                    ["base"] = new JsonObject { ["label"] = "octo:main", ["ref"] = "main", ["sha"] = "0000000000000000000000000000000000000000", ["user"] = User() },
                });
            if (request.Method == "POST" && p.EndsWith("/check-runs", StringComparison.Ordinal))
            {
                var run = CheckRunJson(_nextId++, request.Body!["head_sha"]!.GetValue<string>(), request.Body["name"]!.GetValue<string>(), request.Body["external_id"]?.GetValue<string>());
                _checkRuns.Add(run);
                return new Answer(201, run.DeepClone());
            }
            if (request.Method == "GET" && (m = CheckRunsForRef().Match(p)).Success)
            {
                // GET /repos/{owner}/{repo}/commits/{ref}/check-runs?check_name=…: { total_count, check_runs }, newest first.
                var name = System.Web.HttpUtility.ParseQueryString(request.Query)["check_name"];
                var runs = _checkRuns.Where(r => r["head_sha"]!.GetValue<string>() == m.Groups[1].Value && (name is null || r["name"]!.GetValue<string>() == name))
                    .Reverse().Select(r => r.DeepClone()).ToArray();
                return new Answer(200, new JsonObject { ["total_count"] = runs.Length, ["check_runs"] = new JsonArray(runs) });
            }
            if (request.Method == "PATCH" && (m = CheckRun().Match(p)).Success)
                return new Answer(200, new JsonObject
                {
                    ["id"] = long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                    ["head_sha"] = HeadSha,
                    ["name"] = "runbook validate",
                    ["status"] = request.Body?["status"]?.GetValue<string>() ?? "in_progress",
                    ["conclusion"] = request.Body?["conclusion"]?.GetValue<string>(),
                    ["output"] = new JsonObject { ["title"] = "t", ["summary"] = "s", ["annotations_count"] = 0 },
                });
            if (request.Method == "GET" && (m = Label().Match(p)).Success)
                return _labels.TryGetValue(Uri.UnescapeDataString(m.Groups[1].Value), out var label) ? new Answer(200, label.DeepClone()) : Error(404, "Not Found");
            if (request.Method == "POST" && p.EndsWith("/labels", StringComparison.Ordinal))
            {
                var label = new JsonObject { ["id"] = _nextId++, ["node_id"] = "LA_1", ["name"] = request.Body!["name"]!.GetValue<string>(), ["color"] = request.Body["color"]!.GetValue<string>(), ["description"] = request.Body["description"]?.GetValue<string>(), ["default"] = false };
                _labels[label["name"]!.GetValue<string>()] = label;
                return new Answer(201, label.DeepClone());
            }
            if (request.Method == "GET" && p.EndsWith("/issues", StringComparison.Ordinal))
            {
                var query = System.Web.HttpUtility.ParseQueryString(request.Query);
                var labels = (query["labels"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
                var state = query["state"] ?? "open";
                var found = _issues
                    .Where(i => state == "all" || i["state"]!.GetValue<string>() == state)
                    .Where(i => labels.All(l => i["labels"]!.AsArray().Any(x => string.Equals(x!["name"]!.GetValue<string>(), l, StringComparison.OrdinalIgnoreCase))))
                    .Reverse().Select(i => i.DeepClone()).ToArray();
                return Page(request, found, 30);
            }
            if (request.Method == "POST" && p.EndsWith("/issues", StringComparison.Ordinal))
                return Remember(new JsonObject
                {
                    ["id"] = _nextId++,
                    ["number"] = ++_nextIssue,
                    ["state"] = "open",
                    ["title"] = request.Body!["title"]!.GetValue<string>(),
                    ["body"] = request.Body["body"]?.GetValue<string>(),
                    ["user"] = User(),
                    ["labels"] = new JsonArray(request.Body["labels"]!.AsArray().Select(l => (JsonNode)new JsonObject { ["name"] = l!.GetValue<string>(), ["color"] = "ededed" }).ToArray()),
                    ["html_url"] = "https://github.example/octo/ops/issues/" + _nextIssue,
                    ["created_at"] = "2025-01-01T00:00:00Z",
                    ["updated_at"] = "2025-01-01T00:00:00Z",
                });
            return Error(404, "Not Found");
        }
    }

    private Answer Remember(JsonObject issue)
    {
        _issues.Add(issue);
        return new Answer(201, issue.DeepClone());
    }

    /// <summary>One page of the comments, with the Link header the real API sends when there are more.</summary>
    private Answer CommentPage(Recorded request) => Page(request, _comments.Select(c => (JsonNode)c.DeepClone()).ToArray(), CommentsPerPage);

    /// <summary>
    /// One page of <paramref name="all"/> as <c>per_page</c> and <c>page</c> ask (the real API: at most 100), with the
    /// Link header the real API sends when there are more: the request's other parameters kept, the page changed.
    /// </summary>
    private Answer Page(Recorded request, IReadOnlyList<JsonNode> all, int defaultPerPage)
    {
        var query = System.Web.HttpUtility.ParseQueryString(request.Query);
        var perPage = int.TryParse(query["per_page"], out var size) ? Math.Min(size, 100) : defaultPerPage;
        var page = int.TryParse(query["page"], out var number) ? number : 1;
        var items = all.Skip((page - 1) * perPage).Take(perPage).ToArray();
        var last = Math.Max(1, (all.Count + perPage - 1) / perPage);
        var headers = new Dictionary<string, string>();
        if (page < last)
        {
            var url = new Uri(ApiUrl, request.Path.TrimStart('/')).AbsoluteUri;
            string Link(int to)
            {
                query["per_page"] = perPage.ToString(System.Globalization.CultureInfo.InvariantCulture);
                query["page"] = to.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return $"{url}?{query}";
            }
            headers["Link"] = $"<{Link(page + 1)}>; rel=\"next\", <{Link(last)}>; rel=\"last\"";
        }
        return new Answer(200, new JsonArray(items), headers);
    }

    /// <summary>An issue someone else opened (another incident), as if created through the API.</summary>
    public void AddIssue(string title, string body, params string[] labels)
    {
        lock (_gate)
            _issues.Add(new JsonObject
            {
                ["id"] = _nextId++,
                ["number"] = ++_nextIssue,
                ["state"] = "open",
                ["title"] = title,
                ["body"] = body,
                ["user"] = User("octocat"),
                ["labels"] = new JsonArray(labels.Select(l => (JsonNode)new JsonObject { ["name"] = l, ["color"] = "ededed" }).ToArray()),
                ["html_url"] = "https://github.example/octo/ops/issues/" + _nextIssue,
                ["created_at"] = "2025-01-01T00:00:00Z",
                ["updated_at"] = "2025-01-01T00:00:00Z",
            });
    }

    /// <summary>Adds a check run as another run, app or job created it.</summary>
    public void AddCheckRun(string headSha, string name, string? externalId, string appSlug = "github-actions")
    {
        lock (_gate) _checkRuns.Add(CheckRunJson(_nextId++, headSha, name, externalId, appSlug));
    }

    /// <summary>The check runs created, as GitHub holds them.</summary>
    public int CheckRunCount { get { lock (_gate) return _checkRuns.Count; } }

    private static JsonObject CheckRunJson(long id, string headSha, string name, string? externalId, string appSlug = "github-actions") => new()
    {
        ["id"] = id,
        ["head_sha"] = headSha,
        ["name"] = name,
        ["external_id"] = externalId,
        ["status"] = "in_progress",
        ["conclusion"] = null,
        ["started_at"] = "2025-01-01T00:00:00Z",
        ["output"] = new JsonObject { ["title"] = null, ["summary"] = null, ["text"] = null, ["annotations_count"] = 0 },
        ["app"] = new JsonObject { ["id"] = appSlug == "github-actions" ? 15368 : 99, ["slug"] = appSlug, ["name"] = appSlug, ["owner"] = User() },
    };

    private static JsonObject Comment(long id, string body, string login = "github-actions[bot]") => new()
    {
        ["id"] = id,
        ["node_id"] = "IC_" + id,
        ["url"] = "https://api.github.example/repos/octo/ops/issues/comments/" + id,
        ["html_url"] = "https://github.example/octo/ops/pull/7#issuecomment-" + id,
        ["body"] = body,
        ["user"] = User(login),
        ["created_at"] = "2025-01-01T00:00:00Z",
        ["updated_at"] = "2025-01-01T00:00:00Z",
        ["author_association"] = "NONE",
    };

    private static JsonObject User(string login = "github-actions[bot]") => new() { ["login"] = login, ["id"] = UserId(login), ["type"] = login.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User" };

    private static long UserId(string login) => login switch
    {
        "github-actions[bot]" => 41898282,
        "octocat" => 583231,
        _ => 100_000 + login.Sum(c => (long)c),
    };

    private static async Task WriteAsync(HttpListenerResponse response, Answer answer)
    {
        response.StatusCode = answer.Status;
        response.ContentType = "application/json; charset=utf-8";
        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>()) response.Headers[name] = value;
        var bytes = Encoding.UTF8.GetBytes(answer.Body?.ToJsonString() ?? "");
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }

    [GeneratedRegex(@"^/repos/[^/]+/[^/]+/issues/(\d+)/comments$")] private static partial Regex IssueComments();
    [GeneratedRegex(@"^/repos/[^/]+/[^/]+/issues/comments/(\d+)$")] private static partial Regex CommentById();
    [GeneratedRegex(@"^/repos/[^/]+/[^/]+/pulls/(\d+)$")] private static partial Regex PullRequest();
    [GeneratedRegex(@"^/repos/[^/]+/[^/]+/check-runs/(\d+)$")] private static partial Regex CheckRun();
    [GeneratedRegex(@"^/repos/[^/]+/[^/]+/commits/([^/]+)/check-runs$")] private static partial Regex CheckRunsForRef();
    [GeneratedRegex(@"^/repos/[^/]+/[^/]+/labels/([^/]+)$")] private static partial Regex Label();
}
