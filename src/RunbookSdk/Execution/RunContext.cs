using RunbookSdk.Hosting;
using RunbookSdk.Model;

namespace RunbookSdk.Execution;

/// <summary>
/// One run of one runbook, ready for an <see cref="IRunbookExecutor"/>: the bound instance, the plan it recorded,
/// its handbook, the parameter values and the masker for its secrets. Create it with <see cref="Bind"/>.
/// </summary>
public sealed class RunContext
{
    private RunContext(
        RunbookDescriptor runbook,
        Runbook instance,
        RunbookPlan plan,
        HandbookPlan? handbook,
        IReadOnlyList<BoundParameter> parameters,
        SecretMasker secrets)
    {
        Runbook = runbook;
        Instance = instance;
        Plan = plan;
        Handbook = handbook;
        Parameters = parameters;
        Secrets = secrets;
        Escalation = EffectiveEscalation.Resolve(plan, handbook);
    }

    /// <summary>The runbook's descriptor.</summary>
    public RunbookDescriptor Runbook { get; }

    /// <summary>The runbook instance with its parameters bound.</summary>
    public Runbook Instance { get; }

    /// <summary>The plan the instance recorded: what runs, in order.</summary>
    public RunbookPlan Plan { get; }

    /// <summary>The plan of the handbook the runbook belongs to, or null.</summary>
    public HandbookPlan? Handbook { get; }

    /// <summary>Every parameter with its bound value (defaults included), in declaration order.</summary>
    public IReadOnlyList<BoundParameter> Parameters { get; }

    /// <summary>Masks the values of the runbook's <c>[Secret]</c> parameters in anything shown or written.</summary>
    public SecretMasker Secrets { get; }

    /// <summary>
    /// Where each secret that was supplied came from, by parameter name (case-insensitive): the command line or the
    /// environment. A secret the runbook defaults, or one that is missing, is not listed. Set by the host.
    /// </summary>
    public IReadOnlyDictionary<string, SecretSource> SecretSources { get; internal set; } = new Dictionary<string, SecretSource>();

    /// <summary>
    /// The parameters the run was given a value for (<see cref="Bind"/>'s arguments, secrets typed at the prompt, values
    /// a resume took from its journal), by name (case-insensitive): the others hold the runbook's defaults, which a
    /// resume replaces with the values the journal's run had.
    /// </summary>
    internal IReadOnlySet<string> GivenParameters { get; private init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The required parameters <see cref="BindForResume"/> bound with the journal's masked text (<c>postgres://app:***@db/x</c>)
    /// only so that the runbook could be prepared: the runner asks for their values before anything runs (a required
    /// parameter has no default to stand in). Not given, and not what ran, so never "the same as the journal's".
    /// </summary>
    private IReadOnlySet<string> JournalPlaceholders { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The escalation that applies: the runbook's own, else its handbook's.</summary>
    public EffectiveEscalation Escalation { get; }

    /// <summary>The title to show: the recorded title, else the descriptor's.</summary>
    public string Title => Plan.Document.Title ?? Runbook.Title;

    /// <summary>The severity key: the recorded one, else the descriptor's; null when the runbook names none.</summary>
    public string? SeverityKey => Plan.Severity ?? Runbook.Severity;

    /// <summary>What the handbook says the runbook's severity means, or null when it does not define it.</summary>
    public SeverityPlan? Severity => SeverityKey is { } key
        ? Handbook?.Severities.FirstOrDefault(s => string.Equals(s.Key, key, StringComparison.OrdinalIgnoreCase))
        : null;

    /// <summary>
    /// The <c>[Secret]</c> parameters that have no value (empty or blank): neither given nor defaulted to a non-empty
    /// value by the runbook. A secret that is empty is a missing secret (a step would send <c>Bearer </c>), so a live
    /// run refuses to start while any is missing, as it does for a missing required parameter; a dry run shows it.
    /// </summary>
    public IReadOnlyList<ParameterDescriptor> MissingSecrets =>
        Parameters.Where(p => p.Parameter.IsSecret && string.IsNullOrWhiteSpace(p.Value)).Select(p => p.Parameter).ToArray();

    /// <summary>How the dry run shows a missing secret (<see cref="MissingSecrets"/>) where it is used: <c>&lt;missing:ApiToken&gt;</c>.</summary>
    internal static string MissingPlaceholder(string name) => $"<missing:{name}>";

    /// <summary>How the dry run shows a value a resume gets again because its journal holds it masked: <c>&lt;given-again:DbUrl&gt;</c>.</summary>
    internal static string GivenAgainPlaceholder(string name) => $"<given-again:{name}>";

    /// <summary>
    /// For the dry run: this run with its plan recorded again, each missing secret (<see cref="MissingSecrets"/>) and
    /// each parameter of <paramref name="givenAgain"/> standing as a marker word, and the markers with the placeholder
    /// that shows each (<c>&lt;missing:ApiToken&gt;</c>, <c>&lt;given-again:DbUrl&gt;</c>, one word, as the value would
    /// be). With the empty value, a command read <c>Authorization: Bearer </c>, as if it would run so; with the masked
    /// text a resume's journal holds, <c>postgres://app:***@db/x</c>, which the live resume does not run with. A parameter
    /// whose marker the runbook refuses (it is not a string, or its code refuses such a value) keeps the value bound now,
    /// the others are still marked. This run itself when nothing is to be marked, or when no marker is taken.
    /// </summary>
    /// <param name="givenAgain">
    /// The parameters whose value the live resume gets again (the journal holds it masked) and the dry run does not know.
    /// </param>
    internal (RunContext Context, IReadOnlyDictionary<string, string> Placeholders) WithUnknownValuesMarked(IReadOnlyCollection<string> givenAgain)
    {
        var unknown = MissingSecrets.Select(p => (p.Name, Placeholder: MissingPlaceholder(p.Name)))
            .Concat(givenAgain.Select(name => (Name: name, Placeholder: GivenAgainPlaceholder(name))))
            .ToArray();
        if (unknown.Length == 0) return (this, new Dictionary<string, string>());
        var bound = Parameters.ToDictionary(p => p.Parameter.Name, p => p.Value, StringComparer.OrdinalIgnoreCase);
        var markers = unknown.Select((u, i) => (u.Name, u.Placeholder, Marker: $"RUNBOOKSDK_UNKNOWN_VALUE_{i}_")).ToArray();
        // A marker is a plain word, so it stands unquoted and unrefused wherever a hole can be, and no text holds it by chance.
        var values = new Dictionary<string, string>(bound, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, _, marker) in markers) values[name] = marker;
        var placeholders = markers.ToDictionary(m => m.Marker, m => m.Placeholder, StringComparer.Ordinal);
        var plan = PlanWith(values);
        if (plan is null)
        {
            // One parameter refuses its marker (an int: no word binds to it; or the runbook's code refuses such a
            // value): before, none was marked then. Each is marked in turn, and kept when the runbook takes it beside
            // those kept so far; one refused keeps the value bound now, the stand-in its parameter line names.
            values = new Dictionary<string, string>(bound, StringComparer.OrdinalIgnoreCase);
            placeholders.Clear();
            foreach (var (name, placeholder, marker) in markers)
            {
                var standIn = values.GetValueOrDefault(name);
                values[name] = marker;
                if (PlanWith(values) is { } marked)
                {
                    plan = marked;
                    placeholders[marker] = placeholder;
                }
                else if (standIn is null) values.Remove(name);
                else values[name] = standIn;
            }
        }
        return plan is null
            ? (this, new Dictionary<string, string>())
            : (new RunContext(Runbook, Instance, plan, Handbook, Parameters, Secrets) { SecretSources = SecretSources, GivenParameters = GivenParameters, JournalPlaceholders = JournalPlaceholders }, placeholders);
    }

    /// <summary>The plan the runbook records with <paramref name="values"/>; null when it refuses them (a value that does not convert, its code throws).</summary>
    private RunbookPlan? PlanWith(IReadOnlyDictionary<string, string> values)
    {
        try
        {
            return Runbook.CreatePlan(Runbook.Create(values));
        }
        catch (Exception)
        {
            return null;
        }
    }

    /// <summary>
    /// This run prepared again with <paramref name="typed"/> (secrets the operator typed at the prompt) bound over
    /// the current values: a new instance and plan, as its commands hold the secrets, and a masker that knows them.
    /// </summary>
    /// <exception cref="ParameterBindingException">A value does not convert to its parameter's type.</exception>
    internal RunContext WithSecretsTyped(IReadOnlyDictionary<string, string> typed)
    {
        var sources = new Dictionary<string, SecretSource>(SecretSources, StringComparer.OrdinalIgnoreCase);
        foreach (var name in typed.Keys) sources[name] = SecretSource.Prompt;
        return With(typed, sources);
    }

    /// <summary>
    /// This run prepared again with <paramref name="taken"/> (the values a resume took from its journal for parameters
    /// it was not given) bound over the current values: a new instance, plan and masker, as for <see cref="WithSecretsTyped"/>.
    /// </summary>
    /// <exception cref="ParameterBindingException">A value does not convert to its parameter's type.</exception>
    /// <exception cref="ParameterBindingException">
    /// A value taken is empty where the runbook's default is not (<see cref="EmptyParameterValue"/>): a resume refuses
    /// it as a run given it does, before anything runs.
    /// </exception>
    internal RunContext WithJournalValues(IReadOnlyDictionary<string, string> taken)
    {
        if (taken.Count == 0) return this;
        // Not given, so the value bound now is the runbook's default.
        foreach (var (name, value) in taken)
            if (Parameters.FirstOrDefault(p => string.Equals(p.Parameter.Name, name, StringComparison.OrdinalIgnoreCase)) is { } bound)
                EmptyParameterValue.Check(bound.Parameter, value, bound.Value);
        return With(taken, SecretSources);
    }

    private RunContext With(IReadOnlyDictionary<string, string> over, IReadOnlyDictionary<string, SecretSource> sources)
    {
        var values = Parameters.ToDictionary(p => p.Parameter.Name, p => p.Value, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in over) values[name] = value;
        var instance = Runbook.Create(values);
        var bound = Runbook.ReadParameters(instance);
        var parameters = Runbook.Parameters
            .Select(p => new BoundParameter(p, bound.TryGetValue(p.Name, out var value) ? value : ""))
            .ToArray();
        var plan = Runbook.CreatePlan(instance);
        var secrets = MaskerOf(parameters, plan);
        var given = new HashSet<string>(GivenParameters, StringComparer.OrdinalIgnoreCase);
        given.UnionWith(over.Keys);
        var placeholders = new HashSet<string>(JournalPlaceholders, StringComparer.OrdinalIgnoreCase);
        placeholders.ExceptWith(over.Keys);
        return new RunContext(Runbook, instance, plan, Handbook, parameters, secrets) { SecretSources = sources, GivenParameters = given, JournalPlaceholders = placeholders };
    }

    /// <summary>
    /// This run with a masker that also masks <paramref name="values"/> (<see cref="RunnerOptions.MaskedValues"/>): the
    /// same instance and plan, as nothing the runbook recorded changes. This run itself when there are none.
    /// </summary>
    internal RunContext AlsoMasking(IReadOnlyCollection<string> values) =>
        values.Count == 0
            ? this
            : new RunContext(Runbook, Instance, Plan, Handbook, Parameters,
                MaskerOf(Parameters, Plan, values))
            { SecretSources = SecretSources, GivenParameters = GivenParameters, JournalPlaceholders = JournalPlaceholders };

    /// <summary>
    /// This run prepared again with <paramref name="values"/> (parameters whose journaled value was masked, given again
    /// from the environment or at the prompt) bound over the current values: a new instance, plan and masker, which
    /// masks a URL's password among them.
    /// </summary>
    /// <exception cref="ParameterBindingException">A value does not convert to its parameter's type.</exception>
    internal RunContext WithValuesGivenAgain(IReadOnlyDictionary<string, string> values) =>
        values.Count == 0 ? this : With(values, SecretSources);

    /// <summary>The value of the parameter named, masked as the journal writes it; null for one the runbook does not have, or bound only to stand in for a masked journal value.</summary>
    internal string? MaskedValueOf(string name) =>
        JournalPlaceholders.Contains(name) ? null
        : Parameters.FirstOrDefault(p => string.Equals(p.Parameter.Name, name, StringComparison.OrdinalIgnoreCase)) is { } bound ? Secrets.Mask(bound.Value) : null;

    /// <summary>Parameter values by name (case-insensitive), secrets included: for delegate steps, never for display.</summary>
    public IReadOnlyDictionary<string, string> ParameterValues =>
        Parameters.ToDictionary(p => p.Parameter.Name, p => p.Value, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Binds <paramref name="arguments"/> to the runbook's parameters, records its plan and its handbook's plan.
    /// </summary>
    /// <param name="catalog">The catalog holding the runbook's handbook.</param>
    /// <param name="runbook">The runbook to bind.</param>
    /// <param name="arguments">Parameter values by name (names case-insensitive); parameters not given keep their defaults.</param>
    /// <exception cref="ParameterBindingException">
    /// A name is not a parameter of the runbook, a required parameter has no value, or a value does not convert
    /// to its parameter's type. The message names the parameter and never contains a secret value.
    /// </exception>
    public static RunContext Bind(RunbookCatalog catalog, RunbookDescriptor runbook, IReadOnlyDictionary<string, string> arguments)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in arguments)
        {
            var parameter = FindParameter(runbook, name) ?? throw UnknownParameter(runbook, name);
            values[parameter.Name] = value;
        }

        // Secrets given on the command line are masked even in binding errors (e.g. "'hunter2' is not an int").
        // So is the password of a URL given for any parameter (a Uri that does not parse is quoted in its refusal).
        var givenSecrets = new SecretMasker(runbook.Parameters
            .Where(p => p.IsSecret && values.ContainsKey(p.Name))
            .Select(p => values[p.Name])
            .Concat(ParameterUrlPasswords.Masked(values.Values)));

        foreach (var parameter in runbook.Parameters.Where(p => p.IsRequired))
        {
            if (!values.TryGetValue(parameter.Name, out var value) || value.Length == 0)
                throw new ParameterBindingException(parameter.Name, $"Missing required parameter '{parameter.Name}': pass {parameter.Name}=VALUE.");
        }

        Runbook instance;
        try
        {
            // An empty value is taken only where the runbook's own default is empty: Deployment= ran `kubectl rollout
            // restart deployment/''`. The defaults are those of an instance bound without the empty values.
            var empty = runbook.Parameters.Where(p => values.TryGetValue(p.Name, out var text) && EmptyParameterValue.IsEmpty(p, text)).ToArray();
            if (empty.Length > 0)
            {
                foreach (var parameter in empty.Where(p => p.IsRequired)) EmptyParameterValue.Check(parameter, values[parameter.Name], "");
                var defaults = runbook.ReadParameters(runbook.Create(values.Where(v => !empty.Any(p => p.Name == v.Key)).ToDictionary(StringComparer.OrdinalIgnoreCase)));
                foreach (var parameter in empty) EmptyParameterValue.Check(parameter, values[parameter.Name], defaults.GetValueOrDefault(parameter.Name, ""));
            }
            instance = runbook.Create(values);
        }
        catch (ParameterBindingException e)
        {
            throw new ParameterBindingException(e.Parameter, givenSecrets.Mask(e.Message));
        }

        var bound = runbook.ReadParameters(instance);
        var parameters = runbook.Parameters
            .Select(p => new BoundParameter(p, bound.TryGetValue(p.Name, out var value) ? value : ""))
            .ToArray();
        var plan = runbook.CreatePlan(instance);
        var secrets = MaskerOf(parameters, plan);
        var handbook = catalog.HandbookOf(runbook)?.CreatePlan();
        return new RunContext(runbook, instance, plan, handbook, parameters, secrets)
        {
            GivenParameters = new HashSet<string>(values.Keys, StringComparer.OrdinalIgnoreCase),
        };
    }

    /// <summary>
    /// Binds <paramref name="arguments"/> for a resume of <paramref name="resume"/>: as <see cref="Bind"/>,
    /// with each non-secret parameter not given taking the value the journal's run had, as <c>run --resume</c> does. A
    /// required parameter need not be given again: the journal's value is the one the completed steps ran with, where
    /// binding without the journal refuses it as missing before any journal is read. Give the secrets again (they are
    /// never journaled). Hand the context to a <see cref="RunbookRunner"/> whose <see cref="RunnerOptions.ResumeJournal"/>
    /// is the same journal (or to a <see cref="DryRunPrinter"/> with it as <see cref="DryRunPrinter.Resume"/>).
    /// </summary>
    /// <param name="catalog">The catalog holding the runbook's handbook.</param>
    /// <param name="runbook">The runbook to bind.</param>
    /// <param name="arguments">Parameter values by name (names case-insensitive), the secrets among them.</param>
    /// <param name="resume">The journal resumed; null binds as a first run. A journal of another runbook lends no value (the runner refuses it).</param>
    /// <exception cref="ParameterBindingException">
    /// As for a first run; also when a required parameter is neither given nor in the journal. A value the journal holds
    /// masked (it contained a secret's value or a URL's password) is not refused here: the runner asks for it again
    /// before anything runs, or reads it from <c>RUNBOOK_SECRET_&lt;NAME&gt;</c>, and refuses the resume without it.
    /// </exception>
    public static RunContext BindForResume(RunbookCatalog catalog, RunbookDescriptor runbook, IReadOnlyDictionary<string, string> arguments, ResumeState? resume)
    {
        if (resume is null || !string.Equals(resume.RunbookId, runbook.Id, StringComparison.OrdinalIgnoreCase)) return Bind(catalog, runbook, arguments);
        var given = new HashSet<string>(arguments.Keys, StringComparer.OrdinalIgnoreCase);
        // A required parameter has no default to bind without it: its value comes from the journal first. The others are
        // bound with their defaults and then take the journal's values, so a default the journal holds alike but masked
        // (db-***-01 for db-postgres-01 with a secret postgres) is known for the value that ran, not refused.
        var required = JournalParameterValues.NotGiven(runbook, resume, name => given.Contains(name) || FindParameter(runbook, name) is not { IsRequired: true });
        var withRequired = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in arguments) withRequired[name] = value;
        foreach (var (name, value) in required.Taken) withRequired[name] = value;
        // A required value the journal holds masked stands in only so the runbook can be prepared: the runner asks
        // for it again (or takes it from the environment) before anything runs, and refuses the resume without it.
        foreach (var (name, value) in required.Masked) withRequired[name] = value;
        var bound = BindStandingIn(catalog, runbook, withRequired, required.Masked);
        var givenNow = new HashSet<string>(bound.GivenParameters, StringComparer.OrdinalIgnoreCase);
        givenNow.ExceptWith(required.Masked.Keys);
        var context = new RunContext(runbook, bound.Instance, bound.Plan, bound.Handbook, bound.Parameters, bound.Secrets)
        {
            GivenParameters = givenNow,
            JournalPlaceholders = new HashSet<string>(required.Masked.Keys, StringComparer.OrdinalIgnoreCase),
        };
        return context.WithJournalValues(JournalParameterValues.NotGiven(runbook, resume, context.GivenParameters.Contains, context.MaskedValueOf).Taken);
    }

    /// <summary>
    /// Values tried in turn for a required parameter the journal holds masked whose masked text is no value of its type
    /// (<c>Port=54321</c> with a secret <c>543</c> is journaled <c>***21</c>): a number, a yes/no, a duration, a date, a
    /// point in time, a GUID. Before, its conversion error stopped the resume, which never got to ask for the value.
    /// </summary>
    private static readonly string[] StandIns = ["0", "false", "00:01", "2000-01-01", "2000-01-01T00:00:00Z", "00000000-0000-0000-0000-000000000000"];

    /// <summary>
    /// <see cref="Bind"/> with <paramref name="values"/>, where each parameter of <paramref name="masked"/> holds its
    /// journaled masked text only to stand in: one that does not bind (an <c>int</c>) stands in as the first of
    /// <see cref="StandIns"/> that does. The runner asks for the real value before anything runs, so none is ever run.
    /// </summary>
    /// <exception cref="ParameterBindingException">As for <see cref="Bind"/>; also when no stand-in binds (an enum, a value the runbook's code refuses).</exception>
    private static RunContext BindStandingIn(RunbookCatalog catalog, RunbookDescriptor runbook, Dictionary<string, string> values, IReadOnlyDictionary<string, string> masked)
    {
        var tried = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            try
            {
                return Bind(catalog, runbook, values);
            }
            catch (ParameterBindingException e) when (FindParameter(runbook, e.Parameter) is { } parameter && masked.TryGetValue(parameter.Name, out var journaled))
            {
                var next = tried[parameter.Name] = tried.GetValueOrDefault(parameter.Name) + 1;
                if (next > StandIns.Length)
                    throw new ParameterBindingException(parameter.Name,
                        $"parameter '{parameter.Name}': the journal holds its value masked (it contained a secret's value or a URL's password: {journaled}), "
                        + $"and the runbook cannot be prepared for the resume without it: pass {parameter.Name}=VALUE. Nothing was run.");
                values[parameter.Name] = StandIns[next - 1];
            }
        }
    }

    /// <summary>
    /// The masker of the secret <paramref name="parameters"/>, the password of any parameter's URL
    /// (<see cref="ParameterUrlPasswords"/>: <c>DbUrl=postgres://app:pw@db/x</c>, a <c>WebhookUrl</c>), <paramref name="also"/>, and of the Basic credentials
    /// <paramref name="plan"/>'s requests build from them (<see cref="BasicCredentialForms"/>), known once the plan is.
    /// </summary>
    private static SecretMasker MaskerOf(IReadOnlyList<BoundParameter> parameters, RunbookPlan plan, IEnumerable<string>? also = null)
    {
        var values = parameters.Where(p => p.Parameter.IsSecret).Select(p => p.Value)
            .Concat(ParameterUrlPasswords.Masked(parameters))
            .Concat(also ?? [])
            .ToArray();
        return new SecretMasker(values.Concat(BasicCredentialForms.Of(plan, new SecretMasker(values))));
    }

    private static ParameterDescriptor? FindParameter(RunbookDescriptor runbook, string name) =>
        runbook.Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    private static ParameterBindingException UnknownParameter(RunbookDescriptor runbook, string name) =>
        new(name, runbook.Parameters.Count == 0
            ? $"Unknown parameter '{name}': runbook '{runbook.Id}' takes no parameters."
            : $"Unknown parameter '{name}' for runbook '{runbook.Id}'. Its parameters: {string.Join(", ", runbook.Parameters.Select(p => p.Name))}.");
}

/// <summary>A parameter and the value it has in a run.</summary>
/// <param name="Parameter">The parameter.</param>
/// <param name="Value">Its value as text (secrets in clear: mask before showing).</param>
public sealed record BoundParameter(ParameterDescriptor Parameter, string Value)
{
    /// <summary>The value as it may be shown: <see cref="SecretMasker.Replacement"/> for a secret that has a value.</summary>
    public string DisplayValue => Parameter.IsSecret && Value.Length > 0 ? SecretMasker.Replacement : Value;

    /// <inheritdoc />
    public override string ToString() => $"{Parameter.Name}={DisplayValue}";
}
