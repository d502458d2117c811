using System.Buffers;

namespace RunbookSdk.Execution;

/// <summary>
/// Reads a file of <c>/proc/&lt;pid&gt;</c> into a pooled buffer. After every shell step the runner asks each process
/// on the machine for its session (<see cref="StepProcesses"/>), so this allocates little per process: the path and a
/// handle, but no stream, no reader and no copy of the file's text.
/// </summary>
internal static class ProcFile
{
    /// <summary>
    /// Reads <c>/proc/<paramref name="pid"/>/<paramref name="name"/></c> whole into <paramref name="buffer"/> (rented from
    /// <see cref="ArrayPool{T}.Shared"/>; replaced by a larger rented one when the file does not fit, the smaller one
    /// returned). The caller returns the buffer it holds at the end.
    /// </summary>
    /// <returns>The bytes read; null when the process ended or its file is not readable (another user's process).</returns>
    public static int? Read(int pid, string name, ref byte[] buffer)
    {
        try
        {
            using var handle = File.OpenHandle($"/proc/{pid}/{name}", FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                // A /proc file says it is empty (its size is 0), and the kernel makes its text anew for each read, as
                // much as the read asks for: a read that does not fill the buffer has reached the end.
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
}
