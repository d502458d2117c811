namespace RunbookSdk.Tests.Support;

/// <summary>Cancels <paramref name="source"/> the first time the console has shown <paramref name="text"/>.</summary>
internal sealed class CancelOnText(string text, CancellationTokenSource source) : StringWriter
{
    public override void Write(char value)
    {
        base.Write(value);
        Check();
    }

    public override void Write(string? value)
    {
        base.Write(value);
        Check();
    }

    public override void Write(char[] buffer, int index, int count)
    {
        base.Write(buffer, index, count);
        Check();
    }

    private void Check()
    {
        if (!source.IsCancellationRequested && ToString().Contains(text, StringComparison.Ordinal)) source.Cancel();
    }
}
