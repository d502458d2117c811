using System.Text;

namespace RunbookSdk.Execution;

/// <summary>
/// Reads lines as <see cref="StreamReader.ReadLineAsync()"/> does (a line ends at <c>\n</c>, <c>\r</c> or <c>\r\n</c>;
/// a last line without a break is a line), but never holds more than <c>maxLineChars</c> characters of one line:
/// the rest of a longer line is read in chunks and dropped as it arrives, and only counted.
/// </summary>
/// <remarks>
/// Why: <c>ReadLineAsync</c> builds the whole line before the caller can cut it, so a command that printed a gigabyte
/// without a line break (<c>head -c 1000000000 /dev/zero | tr '\0' x</c>, a minified dump) held two gigabytes of
/// characters in the runner before the 16 Mi characters the runner keeps were taken from it.
/// </remarks>
internal sealed class BoundedLineReader(TextReader reader, int maxLineChars)
{
    // Rented, and given back at the end of the input: two readers per shell step (output and errors) with buffers of
    // their own took the step's allocations from ≈35 KB to ≈102 KB, over its budget (AllocationBudgetTests).
    private char[]? _buffer = System.Buffers.ArrayPool<char>.Shared.Rent(16 * 1024);
    private readonly StringBuilder _line = new();
    private int _start;
    private int _end;
    private bool _atEnd;
    // A line ended at '\r': a '\n' right after it (perhaps in the next chunk) belongs to that break.
    private bool _skipLineFeed;

    /// <summary>
    /// The next line, at most <c>maxLineChars</c> characters of it, and how many characters of it were dropped; null at
    /// the end of the input.
    /// </summary>
    public async Task<(string Line, long Dropped)?> ReadLineAsync()
    {
        _line.Clear();
        long dropped = 0;
        var any = false;
        while (true)
        {
            if (_start == _end)
            {
                if (_atEnd) return any ? (_line.ToString(), dropped) : null;
                _start = 0;
                _end = await reader.ReadAsync(_buffer.AsMemory(), CancellationToken.None);
                if (_end == 0) GiveBackBuffer();
                continue;
            }
            if (_skipLineFeed)
            {
                _skipLineFeed = false;
                if (_buffer![_start] == '\n') // characters are left to read: the buffer is still rented
                {
                    _start++;
                    continue;
                }
            }
            any = true;
            var chunk = _buffer.AsSpan(_start, _end - _start);
            var lineBreak = chunk.IndexOfAny('\r', '\n');
            dropped += Append(lineBreak < 0 ? chunk : chunk[..lineBreak], dropped > 0);
            if (lineBreak < 0)
            {
                _start = _end;
                continue;
            }
            _skipLineFeed = chunk[lineBreak] == '\r';
            _start += lineBreak + 1;
            var line = _line.ToString();
            // A long line left a large builder behind: let it go rather than hold it for the rest of the command.
            _line.Clear();
            if (_line.Capacity > 64 * 1024) _line.Capacity = 256;
            return (line, dropped);
        }
    }

    /// <summary>The input is read to its end: the buffer goes back to the pool, once; a later call returns at once.</summary>
    private void GiveBackBuffer()
    {
        _atEnd = true;
        if (_buffer is { } buffer) System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        _buffer = null;
    }

    /// <summary>Appends what fits of <paramref name="piece"/>; returns how many characters did not.</summary>
    /// <param name="piece">The next characters of the line.</param>
    /// <param name="cut">The line was cut already: nothing more of it is kept.</param>
    private int Append(ReadOnlySpan<char> piece, bool cut)
    {
        if (cut) return piece.Length;
        var room = maxLineChars - _line.Length;
        if (piece.Length <= room)
        {
            _line.Append(piece);
            return 0;
        }
        // Not half a surrogate pair at the cut: the kept text stays valid UTF-16.
        if (room > 0 && char.IsHighSurrogate(piece[room - 1])) room--;
        _line.Append(piece[..room]);
        return piece.Length - room;
    }
}
