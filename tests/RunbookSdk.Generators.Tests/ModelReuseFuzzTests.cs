using RunbookSdk.Generators.Tests.Support;

namespace RunbookSdk.Generators.Tests;

/// <summary>
/// The model reuse against random projects and edits (<see cref="ReuseFuzzer"/>), each step checked by
/// <see cref="EditSession"/> against a fresh generator. Three passes by hand found 36 stale edits before this pass
/// ran 400 seeds × 40 steps and found none; the suite runs a fixed slice of it so that a change to the reuse meets
/// the same random edits every time. A failing seed is replayed and shrunk to the fewest ops that fail the same way,
/// which the failure prints: a case to keep as a fact beside the others in ModelReuse*Tests.
/// </summary>
public sealed class ModelReuseFuzzTests
{
    // About half a second per seed. REUSE_FUZZ_SEEDS, REUSE_FUZZ_FIRST and REUSE_FUZZ_STEPS run another slice,
    // e.g. REUSE_FUZZ_SEEDS=400 for the whole pass (a few minutes).
    private const int Seeds = 16;
    private const int Steps = 40;

    /// <param name="everyEditIsABuild">Each edit is followed by a command-line build through the compiler server's
    /// cached driver, which parses every file again (<see cref="EditSession.EveryRunParsesAgain"/>), instead of the
    /// IDE's next keystroke.</param>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Random_projects_and_edits_reuse_no_stale_model(bool everyEditIsABuild)
    {
        var seeds = Setting("REUSE_FUZZ_SEEDS", Seeds);
        var first = Setting("REUSE_FUZZ_FIRST", 0);
        var steps = Setting("REUSE_FUZZ_STEPS", Steps);
        var failures = new List<string>();
        var (editsThatReadNothing, editsThatReadAgain) = (0, 0);
        for (var seed = first; seed < first + seeds; seed++)
        {
            var ops = ReuseFuzzer.Generate(seed, steps);
            var (failedAt, message) = Replay(ops, everyEditIsABuild, reads =>
            {
                if (reads == 0) editsThatReadNothing++;
                else editsThatReadAgain++;
            });
            if (failedAt < 0) continue;

            var failing = ops.Take(failedAt + 1).ToList();
            var (minimal, shrunkMessage) = Shrink(failing, everyEditIsABuild, message);
            failures.Add(minimal is null
                ? $"==== seed {seed}: op {failedAt} of {ops.Count} failed with\n{message}\n---- and passed when these ops were replayed in a session of their own (so it depends on something outside them), the ops\n{string.Join("\n", failing)}\n"
                : $"==== seed {seed}: op {failedAt} of {ops.Count} failed; shrunk to {minimal.Count} ops, failing with\n{shrunkMessage}\n---- the ops\n{string.Join("\n", minimal)}\n");
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {seeds} seeds reused a stale model:\n" + string.Join("\n", failures));
        // Not vacuous: the edits both reused every model and made the generator read runbooks again.
        Assert.True(editsThatReadNothing > 0 && editsThatReadAgain > 0, $"{editsThatReadNothing} edits read no runbook, {editsThatReadAgain} read some");
    }

    [Fact]
    public void The_same_seed_gives_the_same_edits()
    {
        Assert.Equal(ReuseFuzzer.Generate(7, Steps), ReuseFuzzer.Generate(7, Steps));
        Assert.NotEqual(ReuseFuzzer.Generate(7, Steps), ReuseFuzzer.Generate(8, Steps));
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;

    /// <summary>Runs the ops in one session; the index of the op that failed and why, or -1.</summary>
    /// <param name="ops">The project's initial files, then the edits.</param>
    /// <param name="everyEditIsABuild">Every file parsed again for each run.</param>
    /// <param name="read">Told how many runbooks the generator read again after each edit.</param>
    private static (int FailedAt, string Message) Replay(IReadOnlyList<ReuseFuzzOp> ops, bool everyEditIsABuild, Action<int>? read = null)
    {
        var initialCount = ops.TakeWhile(o => o.Why == ReuseFuzzOp.Initial).Count();
        var current = new Dictionary<int, string>();
        EditSession session;
        try
        {
            foreach (var op in ops.Take(initialCount)) current[op.File] = op.Text!;
            session = new EditSession(current.Values.ToArray()) { EveryRunParsesAgain = everyEditIsABuild };
        }
        catch (Exception e)
        {
            return (0, e.GetType().Name + ": " + e.Message);
        }

        for (var i = initialCount; i < ops.Count; i++)
        {
            var op = ops[i];
            int? reads = null;
            try
            {
                if (op.Text is null)
                {
                    if (current.Remove(op.File)) reads = session.Remove(ReuseFuzzer.Marker(op.File));
                }
                else if (current.TryGetValue(op.File, out var old))
                {
                    if (old == op.Text) continue;
                    reads = session.Edit(old, op.Text);
                    current[op.File] = op.Text;
                }
                else
                {
                    reads = session.Add(op.Text);
                    current[op.File] = op.Text;
                }
            }
            catch (Exception e)
            {
                return (i, e.GetType().Name + ": " + e.Message);
            }

            if (reads is { } count) read?.Invoke(count);
        }

        return (-1, "");
    }

    /// <summary>
    /// Drops ops (halves, quarters, ... then one by one), then lines of the files' texts, while the replay still fails
    /// the same way (the same first two lines of the message); at most a minute per failure. Null when the ops, ending
    /// with the one that failed, pass when replayed in a session of their own.
    /// </summary>
    private static (List<ReuseFuzzOp>? Ops, string Message) Shrink(List<ReuseFuzzOp> ops, bool everyEditIsABuild, string message)
    {
        static string Signature(string m) => string.Join("\n", m.Split('\n').Take(2));
        var signature = Signature(message);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var last = message;
        bool Fails(List<ReuseFuzzOp> candidate)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(60)) return false;
            var (at, m) = Replay(candidate, everyEditIsABuild);
            if (at < 0 || Signature(m) != signature) return false;
            last = m;
            return true;
        }

        var current = ops;
        if (!Fails(current)) return (null, message);
        for (var chunk = current.Count / 2; chunk >= 1; chunk /= 2)
        {
            for (var start = current.Count - chunk - 1; start >= 0; start--)
            {
                if (start + chunk > current.Count - 1) continue; // keep the failing op
                var candidate = current.Take(start).Concat(current.Skip(start + chunk)).ToList();
                if (!candidate.Any(o => o.Why == ReuseFuzzOp.Initial)) continue;
                if (Fails(candidate)) current = candidate;
            }
        }

        for (var i = 0; i < current.Count; i++)
        {
            if (current[i].Text is null) continue;
            for (var line = current[i].Text!.Split('\n').Length - 1; line >= 1; line--)
            {
                var lines = current[i].Text!.Split('\n').ToList();
                if (line >= lines.Count || lines[line].Trim() is "" or "{" or "}") continue;
                lines.RemoveAt(line);
                var candidate = current.ToList();
                candidate[i] = current[i] with { Text = string.Join("\n", lines) };
                if (Fails(candidate)) current = candidate;
            }
        }

        return (current, last);
    }
}
