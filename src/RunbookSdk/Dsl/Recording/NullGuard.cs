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

    /// <summary>
    /// Returns <paramref name="items"/> (itself not null), or throws an <see cref="ArgumentNullException"/> naming the
    /// first null entry by its position: a list built by helper code (a checklist read from a file, a row looked up in a
    /// table) can hold a null the compiler did not see. Before, it was recorded and printed as an empty checkbox in the
    /// incident issue and an empty bullet or cell on the page, naming nothing.
    /// </summary>
    /// <param name="items">The list argument.</param>
    /// <param name="call">The call as the runbook writes it, e.g. <c>Bullets(items)</c>.</param>
    /// <param name="parameter">The argument's name.</param>
    /// <param name="where">Where the call stands, e.g. <c>section 'Background'</c>.</param>
    /// <param name="entry">What one entry is called in the message, e.g. <c>item</c>, <c>row</c> or <c>cell</c>.</param>
    /// <param name="within">What holds the entries in the message when it is not the argument itself, e.g. <c>row 2 of 'rows'</c>.</param>
    public static T[] NoNullItems<T>(T[]? items, string call, string parameter, string where, string entry = "item", string? within = null) where T : class
    {
        Required(items, call, parameter, where);
        for (var i = 0; i < items!.Length; i++)
        {
            if (items[i] is null)
                throw new ArgumentNullException(parameter, $"{call} in {where} was given null as {entry} {i + 1} of {within ?? $"'{parameter}'"}.");
        }
        return items;
    }
}
