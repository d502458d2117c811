using System;

namespace RunbookSdk.Commands;

/// <summary>
/// A command's hole stands where no shell quoting keeps its value literal, and the value is not one that needs
/// none: the command is refused rather than run. The message says where, never the value (it may be a secret).
/// </summary>
/// <param name="message">Where the value stands and why it cannot be quoted there.</param>
public sealed class CommandQuotingException(string message) : InvalidOperationException(message);
