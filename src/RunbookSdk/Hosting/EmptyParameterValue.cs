namespace RunbookSdk.Hosting;

/// <summary>
/// An empty (or blank) value given for a parameter the runbook does not leave empty: <c>Deployment=</c> (or
/// <c>Deployment=''</c>, which the shell hands over the same) was taken as it stood, and the run's commands ran with an
/// empty hole — <c>kubectl rollout restart deployment/''</c> — after the steps before them had run. A runbook allows an
/// empty value by defaulting the parameter to one (<c>public string DrUrl { get; init; } = "";</c>, a parameter left
/// empty on purpose); any other is refused before anything runs, naming the parameter. Secrets are not checked here:
/// an empty secret is a missing one (<see cref="SecretEnvironment"/>).
/// </summary>
internal static class EmptyParameterValue
{
    /// <summary>Whether <paramref name="text"/>, given for <paramref name="parameter"/>, is a value this check looks at: empty or blank, of a parameter that is not secret.</summary>
    public static bool IsEmpty(ParameterDescriptor parameter, string text) => !parameter.IsSecret && string.IsNullOrWhiteSpace(text);

    /// <summary>
    /// Throws when <paramref name="text"/> is empty or blank and the parameter is required, or its default
    /// (<paramref name="byDefault"/>, as the runbook class sets it, formatted) is not.
    /// </summary>
    /// <param name="parameter">The parameter.</param>
    /// <param name="text">The value given (on the command line, or taken from a resumed journal).</param>
    /// <param name="byDefault">The parameter's default as text; empty for none.</param>
    /// <exception cref="ParameterBindingException">The value is empty or blank, and the parameter is required or its default is not.</exception>
    public static void Check(ParameterDescriptor parameter, string text, string byDefault)
    {
        if (!IsEmpty(parameter, text)) return;
        var what = text.Length == 0 ? "an empty value" : $"a blank value ('{text}')";
        if (parameter.IsRequired)
            throw new ParameterBindingException(parameter.Name, $"Missing required parameter '{parameter.Name}': it was given {what}; pass {parameter.Name}=VALUE.");
        if (string.IsNullOrWhiteSpace(byDefault)) return;
        throw new ParameterBindingException(parameter.Name,
            $"Parameter '{parameter.Name}' was given {what}, which its steps would use as it is (a command's hole left empty); nothing was run. "
            + $"Give it a value, or leave it out for its default '{byDefault}'. (A runbook lets a parameter be empty by defaulting it to \"\".)");
    }
}
