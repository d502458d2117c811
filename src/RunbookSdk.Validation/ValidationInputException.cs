namespace RunbookSdk.Validation;

/// <summary>The path given to validation cannot be validated; the message says why.</summary>
/// <param name="message">What is wrong.</param>
public sealed class ValidationInputException(string message) : Exception(message);
