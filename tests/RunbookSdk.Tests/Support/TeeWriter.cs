using System.Text;

namespace RunbookSdk.Tests.Support;

/// <summary>
/// What <c>| tee run.log</c> does with a run's output: every character goes to <paramref name="log"/> and to
/// <paramref name="terminal"/>.
/// </summary>
internal sealed class TeeWriter(TextWriter log, TextWriter terminal) : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        log.Write(value);
        terminal.Write(value);
    }

    public override void Write(string? value)
    {
        log.Write(value);
        terminal.Write(value);
    }
}
