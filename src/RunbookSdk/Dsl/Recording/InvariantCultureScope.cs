using System.Globalization;

namespace RunbookSdk.Dsl.Recording;

/// <summary>
/// Runs a <c>Define</c> in the invariant culture. The generator writes the page from the same chain, formatting a
/// constant hole (<c>$"Queue above {Threshold:N1}"</c>) invariantly, since the compiler may run under any culture; an
/// interpolated title or step name is otherwise formatted in the current culture when <c>Define</c> runs, so on a
/// German machine the runner said "1.234,5" where the page says "1,234.5", and the run's titles, journal and outline no
/// longer matched the page.
/// </summary>
internal static class InvariantCultureScope
{
    /// <summary>Runs <paramref name="define"/> with <see cref="CultureInfo.CurrentCulture"/> invariant, then restores it.</summary>
    public static void Run(Action define)
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            define();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
