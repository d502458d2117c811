using System.Buffers;
using System.IO.Compression;

namespace RunbookSdk.Execution;

/// <summary>
/// A <c>br</c> body (RFC 7932), decoded with <see cref="BrotliDecoder"/>, which says when the stream's last block has
/// ended: <see cref="BrotliStream"/> stops where the data stops, and a body cut short inside a complete response read
/// as a shorter one. A body of no bytes is no body (a HEAD's answer).
/// </summary>
internal sealed class BrotliBody(Stream encoded) : ReadOnlyBody
{
    private readonly byte[] _input = new byte[16 * 1024];
    private BrotliDecoder _decoder;
    private int _start;
    private int _end;
    private bool _anyInput;
    private bool _inputEnded;
    private bool _done;
    // Output the decoder holds back for want of room is given only when asked again, input or none.
    private bool _outputPending;

    public override int Read(Span<byte> buffer)
    {
        int written;
        while (!TryDecode(buffer, out written)) Took(encoded.Read(_input));
        return written;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int written;
        while (!TryDecode(buffer.Span, out written)) Took(await encoded.ReadAsync(_input, cancellationToken));
        return written;
    }

    /// <summary>Decodes what input there is into <paramref name="destination"/>; false when more input is needed first.</summary>
    private bool TryDecode(Span<byte> destination, out int written)
    {
        written = 0;
        if (_done || destination.IsEmpty) return true;
        if (_start == _end && !_outputPending)
        {
            if (!_inputEnded) return false;
            if (_anyInput) throw UndecodableBodyException.CutShort("br");
            _done = true;
            return true;
        }
        var status = _decoder.Decompress(_input.AsSpan(_start, _end - _start), destination, out var consumed, out written);
        _start += consumed;
        _outputPending = status == OperationStatus.DestinationTooSmall;
        switch (status)
        {
            case OperationStatus.InvalidData:
                throw new InvalidDataException("the data is not valid in the br (Brotli) format");
            case OperationStatus.Done:
                // What follows the stream's end is not the body's: it is read no further.
                _done = true;
                return true;
            default:
                return written > 0 || TryDecode(destination, out written);
        }
    }

    private void Took(int read)
    {
        _start = 0;
        _end = read;
        if (read == 0) _inputEnded = true;
        else _anyInput = true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _decoder.Dispose();
            encoded.Dispose();
        }
        base.Dispose(disposing);
    }
}
