using RunbookSdk.Execution;

namespace RunbookSdk.Tests.Runner;

/// <summary>An operator who answers from a script and remembers every question; an unscripted question fails the test.</summary>
internal sealed class ScriptedPrompts : IOperatorPrompts
{
    private readonly Queue<object> _answers = new();

    public List<string> Questions { get; } = [];

    public ScriptedPrompts Answer(bool yes)
    {
        _answers.Enqueue(yes);
        return this;
    }

    public ScriptedPrompts Answer(ManualChoice choice, string? reason = null)
    {
        _answers.Enqueue(new ManualAcknowledgement(choice, reason));
        return this;
    }

    /// <summary>Answers the next secret prompt with <paramref name="value"/> (empty: no answer).</summary>
    public ScriptedPrompts AnswerSecret(string value)
    {
        _answers.Enqueue(new SecretAnswer(value));
        return this;
    }

    public Task<string> AskSecretAsync(string parameter, string environmentVariable, CancellationToken cancellationToken)
    {
        Questions.Add($"secret {parameter} ({environmentVariable})");
        Assert.True(_answers.Count > 0, $"unexpected secret prompt: {parameter}");
        return Task.FromResult(Assert.IsType<SecretAnswer>(_answers.Dequeue()).Value);
    }

    private sealed record SecretAnswer(string Value);

    /// <summary>Answers the next prompt for a value the journal holds masked with <paramref name="value"/> (empty: no answer).</summary>
    public ScriptedPrompts AnswerMaskedValue(string value)
    {
        _answers.Enqueue(new MaskedValueAnswer(value));
        return this;
    }

    public Task<string> AskMaskedValueAsync(string parameter, string journaled, string environmentVariable, CancellationToken cancellationToken)
    {
        Questions.Add($"masked {parameter} = {journaled} ({environmentVariable})");
        Assert.True(_answers.Count > 0, $"unexpected prompt for a masked value: {parameter}");
        return Task.FromResult(Assert.IsType<MaskedValueAnswer>(_answers.Dequeue()).Value);
    }

    private sealed record MaskedValueAnswer(string Value);

    /// <summary>Answers the next OneOf decision with the option at <paramref name="index"/> (from 0), or none for null.</summary>
    public ScriptedPrompts Choose(int? index)
    {
        _answers.Enqueue(new ChoiceAnswer(index));
        return this;
    }

    private sealed record ChoiceAnswer(int? Index);

    /// <summary>The options the last decision offered.</summary>
    public List<IReadOnlyList<string>> Offered { get; } = [];

    public Task<int?> ChooseAsync(string question, IReadOnlyList<string> options, CancellationToken cancellationToken)
    {
        Questions.Add(question);
        Offered.Add(options);
        Assert.True(_answers.Count > 0, $"unexpected choice: {question}");
        return Task.FromResult(Assert.IsType<ChoiceAnswer>(_answers.Dequeue()).Index);
    }

    public Task<bool> ConfirmAsync(string question, CancellationToken cancellationToken)
    {
        Questions.Add(question);
        Assert.True(_answers.Count > 0, $"unexpected question: {question}");
        return Task.FromResult(Assert.IsType<bool>(_answers.Dequeue()));
    }

    public Task<ManualAcknowledgement> AcknowledgeAsync(string instruction, CancellationToken cancellationToken)
    {
        Questions.Add(instruction);
        Assert.True(_answers.Count > 0, $"unexpected instruction: {instruction}");
        return Task.FromResult(Assert.IsType<ManualAcknowledgement>(_answers.Dequeue()));
    }
}
