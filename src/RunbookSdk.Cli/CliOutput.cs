namespace RunbookSdk.Cli;

/// <summary>Where commands write: results to <see cref="Out"/>, warnings and errors to <see cref="Error"/>.</summary>
/// <param name="Out">Results.</param>
/// <param name="Error">Warnings and errors, one line each.</param>
internal sealed record CliOutput(TextWriter Out, TextWriter Error);
