using RunbookSdk.Execution;

namespace RunbookSdk.Tests.Support;

/// <summary>
/// A front end whose questions cannot be answered: every question throws, as the console's does when standard input
/// fails or is closed under it. The first <c>answers</c> questions are answered yes first, when given.
/// </summary>
internal sealed class FailingPrompts(int answers = 0) : IOperatorPrompts
{
    private int _answered;

    public List<string> Questions { get; } = [];

    public Task<bool> ConfirmAsync(string question, CancellationToken cancellationToken)
    {
        Questions.Add(question);
        return _answered++ < answers ? Task.FromResult(true) : throw new IOException("Input/output error");
    }

    public Task<ManualAcknowledgement> AcknowledgeAsync(string instruction, CancellationToken cancellationToken)
    {
        Questions.Add(instruction);
        return _answered++ < answers ? Task.FromResult(new ManualAcknowledgement(ManualChoice.Done)) : throw new IOException("Input/output error");
    }

    public Task<string> AskSecretAsync(string parameter, string environmentVariable, CancellationToken cancellationToken)
    {
        Questions.Add(parameter);
        return _answered++ < answers ? Task.FromResult("typed") : throw new IOException("Input/output error");
    }

    public Task<string> AskMaskedValueAsync(string parameter, string journaled, string environmentVariable, CancellationToken cancellationToken)
    {
        Questions.Add(parameter);
        return _answered++ < answers ? Task.FromResult("typed") : throw new IOException("Input/output error");
    }

    public Task<int?> ChooseAsync(string question, IReadOnlyList<string> options, CancellationToken cancellationToken)
    {
        Questions.Add(question);
        return _answered++ < answers ? Task.FromResult<int?>(0) : throw new IOException("Input/output error");
    }
}
