using System.Security.Cryptography;
using System.Text;

namespace RunbookSdk.Execution;

/// <summary>
/// What the journal keeps of an output instead of the output itself: how many lines, the SHA-256 of the lines joined
/// by line breaks, and the last lines, each cut as the console shows it (<see cref="OutputLine.Cut"/>). Built line by
/// line, so an output that goes on for the whole run (a port-forward's log, a <c>tail -f</c>) is digested without
/// being kept. Lines must be masked before they are added. Thread-safe: a command's standard output and error arrive
/// on two threads.
/// </summary>
internal sealed class OutputDigest
{
    private static readonly byte[] LineBreak = [(byte)'\n'];
    // The SHA-256 of no bytes: most in-process steps print nothing, and a hash object (a native context the finalizer
    // frees) made for each of them was ≈1 µs and 0.35 KB of the step's cost.
    private const string NothingSha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private IncrementalHash? _hash;
    private readonly Queue<string> _tail = new();
    private readonly int _tailLength;
    private readonly Lock _gate = new();
    private int _lines;
    private int _cutLines;
    private long _droppedChars;

    /// <summary>Creates an empty digest that keeps the last <paramref name="tailLength"/> lines.</summary>
    public OutputDigest(int tailLength) => _tailLength = Math.Max(0, tailLength);

    /// <summary>A digest of <paramref name="maskedLines"/>.</summary>
    public static OutputDigest Of(IEnumerable<string> maskedLines, int tailLength)
    {
        var digest = new OutputDigest(tailLength);
        foreach (var line in maskedLines) digest.Add(line);
        return digest;
    }

    /// <summary>How many lines were added.</summary>
    public int Lines
    {
        get { lock (_gate) return _lines; }
    }

    /// <summary>Adds one line (masked already).</summary>
    public void Add(string maskedLine)
    {
        lock (_gate)
        {
            _hash ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            if (_lines > 0) _hash.AppendData(LineBreak);
            _hash.AppendData(Encoding.UTF8.GetBytes(maskedLine));
            _lines++;
            if (_tailLength == 0) return;
            if (_tail.Count == _tailLength) _tail.Dequeue();
            _tail.Enqueue(OutputLine.Cut(maskedLine));
        }
    }

    /// <summary>
    /// Records that the line added last was cut as it was read: <paramref name="droppedChars"/> characters of it were
    /// dropped unkept and are in neither the hash nor the tail (a line longer than the runner keeps in memory).
    /// </summary>
    public void Cut(long droppedChars)
    {
        lock (_gate)
        {
            _cutLines++;
            _droppedChars += droppedChars;
        }
    }

    /// <summary>
    /// The journal fields: <c>outputLines</c>, <c>outputSha256</c>, <c>outputTail</c>, and when lines were cut as they
    /// were read, <c>outputLinesCut</c> and <c>outputCharsDropped</c>.
    /// </summary>
    public (string Name, object? Value)[] Fields()
    {
        lock (_gate)
        {
            var sha256 = _hash is null ? NothingSha256 : Convert.ToHexStringLower(_hash.GetCurrentHash());
            return _cutLines == 0
                ? [("outputLines", _lines), ("outputSha256", sha256), ("outputTail", _tail.ToArray())]
                : [("outputLines", _lines), ("outputSha256", sha256), ("outputTail", _tail.ToArray()), ("outputLinesCut", _cutLines), ("outputCharsDropped", _droppedChars)];
        }
    }
}
