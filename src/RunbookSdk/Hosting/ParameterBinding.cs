using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.ExceptionServices;

namespace RunbookSdk.Hosting;

/// <summary>
/// Binds <c>name=value</c> text to the parameter properties the generator listed for a runbook, and reads them back.
/// Only those properties are ever set. This is reflection on one type per run, where generated binding code cost
/// the compiler more per runbook than the runbook itself (docs/performance.md); the members it touches are
/// declared to the trimmer through <see cref="Members"/>.
/// </summary>
internal sealed class ParameterBinding(
    [DynamicallyAccessedMembers(ParameterBinding.Members)] Type runbookType,
    IReadOnlyList<ParameterDescriptor> parameters)
{
    /// <summary>What binding needs of a runbook class: its parameterless constructor and its properties.</summary>
    public const DynamicallyAccessedMemberTypes Members =
        DynamicallyAccessedMemberTypes.PublicParameterlessConstructor | DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.NonPublicProperties;

    private PropertyInfo[]? _properties;

    /// <summary>A new instance with the given values bound; missing values keep the class's defaults.</summary>
    public Runbook Create(IReadOnlyDictionary<string, string> values)
    {
        foreach (var parameter in parameters)
        {
            if (parameter.IsRequired && !values.ContainsKey(parameter.Name))
                throw new ParameterBindingException(parameter.Name, $"Parameter '{parameter.Name}' is required.");
        }

        var properties = Properties();
        var runbook = Invoke(() => (Runbook)Activator.CreateInstance(runbookType)!);
        for (var i = 0; i < parameters.Count; i++)
        {
            if (!values.TryGetValue(parameters[i].Name, out var text)) continue;
            var value = ParameterValues.Parse(properties[i].PropertyType, parameters[i].Name, text);
            Invoke(() => properties[i].SetValue(runbook, value));
        }

        return runbook;
    }

    /// <summary>An instance's parameter values as text, by parameter name (case-insensitive).</summary>
    public IReadOnlyDictionary<string, string> Read(Runbook runbook)
    {
        var properties = Properties();
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < parameters.Count; i++)
            values[parameters[i].Name] = ParameterValues.Format(Invoke(() => properties[i].GetValue(runbook)));
        return values;
    }

    // Looked up on first use, so an app with a thousand runbooks reflects only on the one it runs.
    private PropertyInfo[] Properties() => _properties ??= parameters.Select(p => Find(p.Name)).ToArray();

    private PropertyInfo Find(string name)
    {
        const BindingFlags declared = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        for (var type = runbookType; type is not null; type = type.BaseType)
        {
            if (type.GetProperty(name, declared) is { SetMethod: not null } property) return property;
        }

        throw new InvalidOperationException($"Runbook class {runbookType.FullName} has no settable property '{name}', which its generated descriptor lists as a parameter. Rebuild the project.");
    }

    /// <summary>
    /// Runs a reflection call and rethrows what the constructor or accessor threw: reflection wraps it, and callers
    /// (and the on-call engineer reading the error) should see the runbook's own exception.
    /// </summary>
    public static T Invoke<T>(Func<T> call)
    {
        try
        {
            return call();
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }

    private static void Invoke(Action call) => Invoke(() => { call(); return 0; });
}
