using Microsoft.CodeAnalysis;

namespace RunbookSdk.Analyzers;

/// <summary>
/// Every rule of the runbook catalog in one place. Ids are stable forever; a rule that changes meaning gets a new id.
/// Ids RB0101 and up belong to the source generator. Retired ids are never reused: RB0020 (a parameter in a command
/// line another shell runs, now quoted for both shells by the runner; AnalyzerReleases.Unshipped.md, docs/rules/RB0020.md).
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string HelpRoot = "https://github.com/runbooksdk/runbooksdk/blob/main/docs/rules/";

    internal static class Categories
    {
        public const string Completeness = "Completeness";
        public const string Safety = "Safety";
        public const string Escalation = "Escalation";
        public const string Maintenance = "Maintenance";
        public const string Identity = "Identity";
        public const string Environment = "Environment";
        public const string Verification = "Verification";
        public const string Documentation = "Documentation";
        public const string Correctness = "Correctness";
    }

    public static readonly DiagnosticDescriptor MissingEscalation = Create(
        "RB0001", "Runbook has no escalation",
        "Runbook '{0}' has no escalation path{1}",
        Categories.Completeness, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MissingRollback = Create(
        "RB0002", "Runbook has no rollback",
        "Runbook '{0}' has no rollback{1}",
        Categories.Completeness, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MissingVerification = Create(
        "RB0003", "Runbook has no verification",
        "Runbook '{0}' has no verification{1}",
        Categories.Completeness, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor EmptyStep = Create(
        "RB0004", "Step has nothing to do",
        "Step '{0}' has nothing to do; add a command, request, instruction, wait or notification",
        Categories.Completeness, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DestructiveWithoutConfirmation = Create(
        "RB0005", "Destructive command without confirmation",
        "'{0}' is destructive; mark the step RequiresConfirmation() so the operator confirms it and dry runs skip it",
        Categories.Safety, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor SecretLiteral = Create(
        "RB0006", "Secret literal in a command, header or URL",
        "{0} is written into the runbook; take it from a [Parameter, Secret] property instead",
        Categories.Safety, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor HomeDirectoryPath = Create(
        "RB0007", "Absolute user-home path",
        "'{0}' is one person's home directory; make it a parameter so the runbook works on any machine",
        Categories.Safety, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor EscalationOrder = Create(
        "RB0008", "Escalation levels out of order or duplicated",
        "Escalation level '{0}' {1}",
        Categories.Escalation, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor EscalationTooLate = Create(
        "RB0009", "First escalation later than the severity's response time",
        "The first escalation level '{0}' is engaged after {1}, but severity {2} must be answered within {3}",
        Categories.Escalation, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ReviewDatePassed = Create(
        "RB0010", "Review date passed",
        "The review date {0} has passed; review the document and set the next review date",
        Categories.Maintenance, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidId = Create(
        "RB0011", "Runbook id duplicated or not kebab-case",
        "Id '{0}' {1}",
        Categories.Identity, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NonProductionResource = Create(
        "RB0012", "Production runbook names a dev/staging resource",
        "This production runbook names '{0}', which looks like a {1} resource",
        Categories.Environment, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnsafeCommandInterpolation = Create(
        "RB0013", "Parameter pasted into a command outside the safe handler",
        "Parameter '{0}' is pasted into the command as plain text, so its value is not quoted for the shell; write the command as Run($\"...{{{0}}}...\")",
        Categories.Safety, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor VerificationCannotFail = Create(
        "RB0014", "Verification that cannot fail",
        "This verification cannot fail: {0}",
        Categories.Verification, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor CommandNeverEnds = Create(
        "RB0015", "Command never ends on its own",
        "'{0}' never ends on its own; add .Timeout(...) to the command or drop the follow/watch",
        Categories.Safety, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NonConstantArgument = Create(
        "RB0016", "DSL argument is not a compile-time constant",
        "'{0}' is not a compile-time constant; the generated docs show it as source text: write a constant, or make the part that varies a [Parameter] used as a hole",
        Categories.Documentation, DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor ConstantHoleIsOneWord = Create(
        "RB0017", "Constant in a command hole runs as one quoted word",
        "'{0}' is \"{1}\", which the command handler quotes as one word; write it into the command text if the shell should split it",
        Categories.Safety, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor HiddenCharacter = Create(
        "RB0018", "Hidden or bidirectional character in a command",
        "{0} in the {1}: {2}",
        Categories.Safety, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor PlaceholderText = Create(
        "RB0019", "Placeholder left in a runbook's text",
        "'{0}' is a placeholder in the {1}: the on-call engineer reads this text on the page and at the prompt; write what it stands for",
        Categories.Completeness, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor RefusedArgument = Create(
        "RB0021", "DSL argument the runbook refuses when it starts",
        "The runbook cannot start with this argument: {0}",
        Categories.Correctness, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ConstantCommandUnquoted = Create(
        "RB0022", "Constants of a command without other holes run unquoted",
        "'{0}' is \"{1}\", and every hole of this command is a constant, so C# passes the finished text to Run(string) and the shell reads it as written, where a hole would be {2}; write the text into the command as the shell should read it, or make the value a [Parameter]",
        Categories.Safety, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnknownCommunicationTemplate = Create(
        "RB0023", "Notify names a communication template that is not defined",
        "Notify sends the communication template '{0}', which neither the runbook nor its handbook defines{1}: the run skips this notification, and the channel hears nothing",
        Categories.Correctness, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnsettableParameter = Create(
        "RB0024", "[Parameter] on a property the runner cannot set",
        "[Parameter] '{0}' is {1}: the runner cannot set it, so the page does not list it and run refuses {0}=…; {2}",
        Categories.Correctness, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor HandEncodedUrlHole = Create(
        "RB0025", "URL hole encoded by hand",
        "'{0}' encodes a value the HTTP step's URL already encodes: it would be sent encoded twice ('a b' as a%2520b); put the value in the hole as it is",
        Categories.Correctness, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor HandEscapedJsonHole = Create(
        "RB0027", "JSON body hole escaped by hand",
        "'{0}' writes as JSON a value the HTTP step's JSON body already writes as JSON: it would be escaped twice ({1}); put the value in the hole as it is",
        Categories.Correctness, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnfilledPlaceholder = Create(
        "RB0026", "Notify sends a placeholder nothing fills",
        "Template '{0}' has {{{1}}}, which no parameter of '{2}' and no run fact fills: it is sent as written{3}",
        Categories.Correctness, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ParameterInPlainText = Create(
        "RB0028", "Parameter named in a command that is not interpolated",
        "'{{{0}}}' names parameter '{0}', but the {1} is a plain string, so '{{{0}}}' is taken as written; make it an interpolated string ($\"…\") to put the value there",
        Categories.Correctness, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnclearOutputRead = Create(
        "RB0029", "Outputs read by a name no earlier step's output holds, or several share",
        "Outputs[\"{0}\"] {1}",
        Categories.Correctness, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor RunbookWithoutAttribute = Create(
        "RB0030", "Runbook class without [Runbook(\"id\")]",
        "'{0}' derives from Runbook but has no [Runbook(\"id\")]: it gets no page, is not in 'list' and cannot be run; add [Runbook(\"{1}\")], or make it abstract if it is a base for other runbooks",
        Categories.Identity, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnreadParameter = Create(
        "RB0031", "Parameter nothing of the runbook reads",
        "Parameter '{0}' is read by no command, request, check, condition, code or communication template of {1}{2}; remove it, or use it where it was meant",
        Categories.Correctness, DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, helpLinkUri: HelpRoot + id + ".md");
}
