namespace RunbookSdk.Dsl.Recording;

/// <summary>
/// Refuses a null where the DSL takes none, when the runbook is recorded, naming the call and where it stands: helper
/// code (a company's extension methods, a title looked up in a table) can hand the DSL a null the compiler's nullable
/// warnings did not catch. Before, a null step title ran the step's commands and then failed it with
/// <c>Value cannot be null. (Parameter 'key')</c>, and null code (<c>Execute</c>) failed its step only when reached,
/// after the steps before it had changed things; others were a <see cref="NullReferenceException"/> naming nothing.
/// </summary>
internal static class NullGuard
{
    /// <summary>Returns <paramref name="value"/>, or throws an <see cref="ArgumentNullException"/> that says which call and where.</summary>
    /// <param name="value">The argument.</param>
    /// <param name="call">The call as the runbook writes it, e.g. <c>Execute(description, body)</c>.</param>
    /// <param name="parameter">The argument's name.</param>
    /// <param name="where">Where the call stands, e.g. <c>step 'Restart'</c> or <c>phase 'Mitigate'</c>.</param>
    public static T Required<T>(T? value, string call, string parameter, string where) where T : class =>
        value ?? throw new ArgumentNullException(parameter, $"{call} in {where} was given null for '{parameter}'.");
}
