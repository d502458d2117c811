using System.Buffers;
using System.Diagnostics;
using RunbookSdk.Execution;

namespace RunbookSdk.Tests.Execution;

/// <summary>
/// The runner reads <c>/proc</c> after every shell step to find what the step left running (<see cref="StepProcesses"/>).
/// Both ways <see cref="ProcFile"/> reads — the C library's calls, and .NET's handles where there is no C library — must
/// give what .NET's own <see cref="File.ReadAllBytes(string)"/> gives, also for a file larger than the buffer they start
/// with, and nothing for a process that is gone. Linux only: elsewhere shells are not tracked and nothing reads /proc.
/// </summary>
public sealed class ProcFileTests
{
    public static TheoryData<bool> Ways => new() { true, false };

    [Theory]
    [MemberData(nameof(Ways))]
    public void Reads_a_file_larger_than_its_buffer_whole(bool natively)
    {
        if (!OperatingSystem.IsLinux()) return;
        using var child = StartSleeper();

        // Far smaller than the environment, so the buffer is replaced several times on the way. The pool's arrays may
        // hold what an earlier read left; the child's environment is new to this test, so none holds its bytes.
        var read = Read(natively, child.Pid, "environ", startingBuffer: 16);

        var expected = File.ReadAllBytes($"/proc/{child.Pid}/environ");
        Assert.True(expected.Length > 1_000, "the child's environment holds a value of 1,600 characters");
        Assert.Equal(expected, read);
    }

    [Theory]
    [MemberData(nameof(Ways))]
    public void Reads_a_process_stat_as_the_kernel_writes_it(bool natively)
    {
        if (!OperatingSystem.IsLinux()) return;
        using var child = StartSleeper();

        var read = Read(natively, child.Pid, "stat", startingBuffer: 1024);

        Assert.StartsWith($"{child.Pid} (sleep) ", System.Text.Encoding.ASCII.GetString(read!));
    }

    [Theory]
    [MemberData(nameof(Ways))]
    public void A_process_that_ended_reads_as_nothing(bool natively)
    {
        if (!OperatingSystem.IsLinux()) return;
        int pid;
        using (var child = StartSleeper()) pid = child.Pid;

        Assert.Null(Read(natively, pid, "stat", startingBuffer: 1024));
        Assert.Null(Read(natively, pid, "environ", startingBuffer: 1024));
    }

    [Fact]
    public void Reads_through_the_C_library_on_Linux()
    {
        // Not silently the six system calls a file of .NET's handles (docs/performance.md, Runner).
        if (OperatingSystem.IsLinux()) Assert.True(ProcFile.ReadsNatively);
    }

    /// <summary>What one way reads, through a pooled buffer of <paramref name="startingBuffer"/> bytes; null for nothing.</summary>
    private static byte[]? Read(bool natively, int pid, string name, int startingBuffer)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(startingBuffer);
        try
        {
            var length = natively ? ProcFile.Read(pid, name, ref buffer) : ProcFile.ReadManaged(pid, name, ref buffer);
            return length is { } read ? buffer.AsSpan(0, read).ToArray() : null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static SleepingChild StartSleeper()
    {
        var start = new ProcessStartInfo("sleep", "30");
        // Nothing but a value of its own, 1,600 characters: no other process's environment shares a byte run with it.
        start.Environment.Clear();
        start.Environment["RUNBOOK_SDK_PROC_FILE_TEST"] = string.Concat(Enumerable.Range(0, 50).Select(_ => Guid.NewGuid().ToString("N")));
        var child = new SleepingChild(Process.Start(start)!);
        // Process.Start returns once the child is forked; until it has exec'd sleep, /proc shows the test host's
        // environment, or nothing while the exec replaces it (a CI run read it empty). Read once sleep runs.
        var marker = System.Text.Encoding.ASCII.GetBytes("RUNBOOK_SDK_PROC_FILE_TEST=");
        var waited = Stopwatch.StartNew();
        while (!File.ReadAllBytes($"/proc/{child.Pid}/environ").AsSpan().StartsWith(marker) && waited.Elapsed < TimeSpan.FromSeconds(30))
            Thread.Sleep(5);
        return child;
    }

    /// <summary>A <c>sleep</c> to read /proc of, killed and reaped when disposed (then its pid reads as gone).</summary>
    private sealed class SleepingChild(Process process) : IDisposable
    {
        public int Pid => process.Id;

        public void Dispose()
        {
            process.Kill();
            process.WaitForExit();
            process.Dispose();
        }
    }
}
