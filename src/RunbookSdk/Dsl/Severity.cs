namespace RunbookSdk;

/// <summary>
/// A severity key such as <c>P1</c> or <c>Critical</c>. The handbook defines what each key means
/// (name, response and resolution times); a runbook names the key it is written for.
/// The static members' keys equal their names, so the generator reads <c>Severity.P1</c> as <c>"P1"</c>.
/// </summary>
/// <param name="Key">The key as the handbook defines it.</param>
public readonly record struct Severity(string Key)
{
    /// <summary>Priority 1.</summary>
    public static Severity P1 => new("P1");
    /// <summary>Priority 2.</summary>
    public static Severity P2 => new("P2");
    /// <summary>Priority 3.</summary>
    public static Severity P3 => new("P3");
    /// <summary>Priority 4.</summary>
    public static Severity P4 => new("P4");
    /// <summary>Severity 1.</summary>
    public static Severity Sev1 => new("Sev1");
    /// <summary>Severity 2.</summary>
    public static Severity Sev2 => new("Sev2");
    /// <summary>Severity 3.</summary>
    public static Severity Sev3 => new("Sev3");
    /// <summary>Severity 4.</summary>
    public static Severity Sev4 => new("Sev4");
    /// <summary>Critical.</summary>
    public static Severity Critical => new("Critical");
    /// <summary>High.</summary>
    public static Severity High => new("High");
    /// <summary>Medium.</summary>
    public static Severity Medium => new("Medium");
    /// <summary>Low.</summary>
    public static Severity Low => new("Low");

    /// <summary>Any key the handbook defines, e.g. <c>"Warning"</c>.</summary>
    /// <param name="key">The severity key.</param>
    public static implicit operator Severity(string key) => new(key);

    /// <inheritdoc />
    public override string ToString() => Key;
}
