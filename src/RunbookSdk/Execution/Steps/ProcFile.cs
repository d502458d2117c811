using System.Buffers;
using System.Buffers.Text;
using System.Runtime.InteropServices;
using System.Text;

namespace RunbookSdk.Execution;

/// <summary>
/// Reads a file of <c>/proc/&lt;pid&gt;</c> into a pooled buffer. After every shell step the runner asks each process
/// on the machine for its session (<see cref="StepProcesses"/>), so a read costs as few system calls as it can and
/// allocates nothing: <c>open</c>, <c>read</c> and <c>close</c> of the C library, the path built on the stack.
/// </summary>
/// <remarks>
/// Not <see cref="File.OpenHandle"/>: .NET adds an <c>fstat</c> and an advisory lock (<c>flock</c>, taken and released)
/// to every open, six system calls a file where three do, and the scan's time is its system calls (docs/performance.md).
/// Where the C library cannot be found, that is the way it reads.
/// </remarks>
internal static class ProcFile
{
    [UnmanagedFunctionPointer(CallingConvention.Cdecl, SetLastError = true)]
    private delegate int OpenFunction(ref byte path, int flags);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl, SetLastError = true)]
    private delegate nint ReadFunction(int descriptor, ref byte buffer, nuint count);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int CloseFunction(int descriptor);

    private sealed record Functions(OpenFunction Open, ReadFunction Read, CloseFunction Close);

    private static readonly Lazy<Functions?> Native = new(() =>
        CLibrary.Find<OpenFunction>("open") is { } open && CLibrary.Find<ReadFunction>("read") is { } read && CLibrary.Find<CloseFunction>("close") is { } close
            ? new Functions(open, read, close)
            : null);

    // Linux's values (the same on x86-64 and arm64); /proc is read on Linux only.
    private const int ReadOnly = 0;
    private const int CloseOnExec = 0x80000;
    private const int Interrupted = 4; // EINTR

    /// <summary>
    /// Reads <c>/proc/<paramref name="pid"/>/<paramref name="name"/></c> whole into <paramref name="buffer"/> (rented from
    /// <see cref="ArrayPool{T}.Shared"/>; replaced by a larger rented one when the file does not fit, the smaller one
    /// returned). The caller returns the buffer it holds at the end.
    /// </summary>
    /// <param name="pid">The process.</param>
    /// <param name="name">The file, in ASCII (<c>stat</c>, <c>environ</c>, <c>cmdline</c>).</param>
    /// <param name="buffer">The buffer to read into.</param>
    /// <returns>The bytes read; null when the process ended or its file is not readable (another user's process).</returns>
    public static int? Read(int pid, string name, ref byte[] buffer) =>
        Native.Value is { } native ? ReadNative(native, pid, name, ref buffer) : ReadManaged(pid, name, ref buffer);

    /// <summary>True when <see cref="Read"/> goes through the C library (tests read both ways).</summary>
    internal static bool ReadsNatively => Native.Value is not null;

    private static int? ReadNative(Functions native, int pid, string name, ref byte[] buffer)
    {
        Span<byte> path = stackalloc byte[64];
        if (!TryWritePath(path, pid, name)) return ReadManaged(pid, name, ref buffer);
        int descriptor;
        do descriptor = native.Open(ref MemoryMarshal.GetReference(path), ReadOnly | CloseOnExec);
        while (descriptor < 0 && Marshal.GetLastPInvokeError() == Interrupted);
        if (descriptor < 0) return null;
        try
        {
            var length = 0;
            while (true)
            {
                Grow(ref buffer, length);
                var room = buffer.Length - length;
                nint read;
                do read = native.Read(descriptor, ref buffer[length], (nuint)room);
                while (read < 0 && Marshal.GetLastPInvokeError() == Interrupted);
                // ESRCH when the process ended between the open and the read.
                if (read < 0) return null;
                length += (int)read;
                // A /proc file says it is empty (its size is 0), and the kernel makes its text anew for each read, as
                // much as the read asks for: a read that does not fill the buffer has reached the end.
                if (read < room) return length;
            }
        }
        finally
        {
            native.Close(descriptor);
        }
    }

    /// <summary>The way <see cref="Read"/> reads without the C library: through .NET's file handles.</summary>
    internal static int? ReadManaged(int pid, string name, ref byte[] buffer)
    {
        try
        {
            using var handle = File.OpenHandle($"/proc/{pid}/{name}", FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var length = 0;
            while (true)
            {
                Grow(ref buffer, length);
                var room = buffer.Length - length;
                var read = RandomAccess.Read(handle, buffer.AsSpan(length), length);
                length += read;
                if (read < room) return length;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // "/proc/<pid>/<name>" and the NUL that ends a C string.
    private static bool TryWritePath(Span<byte> path, int pid, string name)
    {
        var prefix = "/proc/"u8;
        if (!prefix.TryCopyTo(path) || !Utf8Formatter.TryFormat(pid, path[prefix.Length..], out var digits)) return false;
        var at = prefix.Length + digits;
        if (at + 1 + name.Length + 1 > path.Length) return false;
        path[at++] = (byte)'/';
        at += Encoding.ASCII.GetBytes(name, path[at..]);
        path[at] = 0;
        return true;
    }

    // A full buffer is replaced by one twice as large, the bytes read so far copied over.
    private static void Grow(ref byte[] buffer, int length)
    {
        if (length < buffer.Length) return;
        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = larger;
    }
}
