using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>
/// Reads the sections of one Define body into <see cref="DocumentFacts"/> from its tree's <see cref="DslCallIndex"/>:
/// the calls inside the body, in the order they run.
/// </summary>
internal static class DefineReader
{
    /// <param name="declaration">
    /// The Define, or a helper read as one: a method, or a local function of Define (<c>void AddAll(IRunbookBuilder b)
    /// =&gt; …</c>); it has a body.
    /// </param>
    /// <param name="readHelper">
    /// Reads the method a builder is handed to (<c>Helpers.AddAll(rb)</c>) as a Define, or gives null when its source is
    /// not in the compilation (<see cref="RunbookCompilation"/>); null reads no helper.
    /// </param>
    public static DocumentFacts Read(RunbookCompilation runbooks, SyntaxValues values, SyntaxNode declaration, Func<INamedTypeSymbol?, DocumentFacts> readBase, INamedTypeSymbol type,
        Func<InvocationExpressionSyntax, DocumentFacts?>? readHelper = null)
    {
        if (BodyOf(declaration) is not var (body, _)) return DocumentFacts.Unknown;
        var dsl = runbooks.Syntax;
        var index = runbooks.IndexOf(declaration.SyntaxTree, System.Threading.CancellationToken.None);
        // A local function nothing calls adds nothing: its calls are not the body's.
        var region = BodyRegion.Of(index, body);
        // A call of a method written in another part of a partial class is asked about in that part's index.
        DslCallIndex IndexOf(SyntaxNode node) => node.SyntaxTree == declaration.SyntaxTree ? index : runbooks.IndexOf(node.SyntaxTree, System.Threading.CancellationToken.None);

        // The method a section is given as a method group (.Verification(Checks.Verify), .Rollback(Undo)): its body says
        // whether the section is filled. Asked only of a section given no lambda.
        BuilderMethodArgument? GivenMethod(InvocationExpressionSyntax section) =>
            section.ArgumentList.Arguments is [{ Expression: var only }] && SyntaxValues.Unwrap(only) is not AnonymousFunctionExpressionSyntax
                ? BuilderMethodArgument.Of(only, dsl, type, runbooks.TypeNames)
                : null;

        // The calls in the order they run, a method of the class (in any of its parts) given in place of a lambda
        // (Step("Ask", AskSomeone), s => AskSomeone(s)) read where it is given.
        var calls = InOrder(index, runbooks, declaration.SyntaxTree, dsl, region, type);

        // Half-typed code (rb.Verif) and builders handed to code we do not follow: judge it once it reads as complete
        // DSL, instead of piling findings on top of compiler errors or guessing what a helper adds.
        var complete = !body.ContainsDiagnostics && calls.IsComplete(index, region);
        var compiles = !body.ContainsDiagnostics;
        // A helper handed the runbook's builder whose source is in the compilation (Helpers.AddAll(rb)) adds its sections
        // and levels where it is called, as a base Define does. Asked only of a body not read completely, which the
        // corpus's lambdas never are (AllocationBudgetTests).
        var helpers = !complete && compiles && readHelper is not null ? calls.ReadHelpers(index, region, dsl.Symbols.SectionReach, readHelper) : null;
        var nextHelper = 0;
        SectionFact escalation = default, rollback = default, waiver = default, verification = default;
        string? severityKey = null;
        Location? severityLocation = null;
        var levels = ImmutableArray.CreateBuilder<(int Position, EscalationLevelFact Level)>();
        var responseTimes = ImmutableDictionary.CreateBuilder<string, TimeSpan>(StringComparer.Ordinal);
        var environments = ImmutableArray.CreateBuilder<string>();
        var tags = ImmutableArray.CreateBuilder<string>();
        var communications = ImmutableArray.CreateBuilder<CommunicationFact>();
        var communicationsKnown = true;
        var notifications = ImmutableArray.CreateBuilder<NotificationFact>();
        var stepTitles = ImmutableArray.CreateBuilder<StepTitleFact>();
        var outputReads = ImmutableArray.CreateBuilder<OutputReadFact>();
        var outputNames = ImmutableArray.CreateBuilder<string>();
        var outputsKnown = true;
        DocumentFacts? inherited = null;

        // In the order the calls run (a chain's inner call first), so a repeated Severity(...) or Rollback(...) reads as
        // the runtime's, and a base Define's sections count where base.Define(rb) is called. Base calls are rare: they
        // are taken in between as the own calls pass them, which spares every Define a merged, sorted list.
        var baseCalls = region.BaseCalls(index).GetEnumerator();
        var nextBase = baseCalls.MoveNext() ? baseCalls.Current : null;
        void ApplyBaseCallsBefore(int position)
        {
            for (; nextBase is not null && CallPosition(nextBase) < position; nextBase = baseCalls.MoveNext() ? baseCalls.Current : null)
            {
                if (!RunsBaseDefineHere(nextBase, declaration)) continue;
                var baseFacts = readBase(type.BaseType);
                inherited = inherited is null ? baseFacts : inherited.Merge(baseFacts);
                escalation = escalation.AddedTo(baseFacts.Escalation);
                rollback = rollback.ReplacedBy(baseFacts.Rollback);
                waiver = waiver.ReplacedBy(baseFacts.Waiver);
                verification = verification.ReplacedBy(baseFacts.Verification);
                // As a helper's: the base's severity and levels count where base.Define(rb) runs, so one set before
                // the call is replaced by the base's and one set after replaces it, and the levels keep the runner's order.
                ApplySeverityAndLevels(CallPosition(nextBase), baseFacts);
            }
        }

        void ApplySeverityAndLevels(int at, DocumentFacts from)
        {
            if (from.SeverityKey is not null)
            {
                severityKey = from.SeverityKey;
                severityLocation = from.SeverityLocation;
            }

            // A local function of this body wrote its levels here, and they were read with the body's own calls.
            foreach (var level in from.EscalationLevels)
            {
                if (!IsWrittenIn(body, level.WhoLocation)) levels.Add((at, level));
            }
        }

        void ApplyHelpersBefore(int position)
        {
            for (; helpers is not null && nextHelper < helpers.Count && helpers[nextHelper].Position < position; nextHelper++)
            {
                var (at, helper) = helpers[nextHelper];
                escalation = escalation.AddedTo(helper.Escalation);
                rollback = rollback.ReplacedBy(helper.Rollback);
                waiver = waiver.ReplacedBy(helper.Waiver);
                verification = verification.ReplacedBy(helper.Verification);
                // Its severity replaces the one set before it is called, as the runner's recorder keeps the last one,
                // and its levels are engaged where it is called, in its order.
                ApplySeverityAndLevels(at, helper);
            }
        }

        foreach (var (invocation, position, inlinedStep) in calls.Calls)
        {
            ApplyBaseCallsBefore(position);
            ApplyHelpersBefore(position);
            var name = DslSyntax.CalledName(invocation)!;
            // An argument list no builder method accepts: the code does not compile yet.
            if (!dsl.Vocabulary.Accepts(name, invocation.ArgumentList))
            {
                complete = false;
                compiles = false;
                continue;
            }

            switch (name)
            {
                case "Escalation": escalation = escalation.AddedTo(Declared(IndexOf(invocation), invocation, GivenMethod(invocation), IndexOf, "Level")); break;
                case "Rollback": rollback = rollback.ReplacedBy(Declared(IndexOf(invocation), invocation, GivenMethod(invocation), IndexOf, "Step", "OneOf")); break;
                case "NoRollback": waiver = waiver.ReplacedBy(Waived(values, invocation)); break;
                case "Verification": verification = verification.ReplacedBy(Declared(IndexOf(invocation), invocation, GivenMethod(invocation), IndexOf, "Step", "OneOf")); break;
                // A local function of this body read as a helper sets its severity where it is called (above), not where it is written.
                case "Severity" when invocation.ArgumentList.Arguments.Count == 1 && !IsHelperSeverity(invocation, body, helpers):
                    var severity = invocation.ArgumentList.Arguments[0].Expression;
                    severityKey = values.SeverityKey(severity);
                    severityLocation = severity.GetLocation();
                    break;
                case "Level" when dsl.Argument(invocation, "who") is { } who && dsl.Argument(invocation, "after") is { } after:
                    levels.Add((((MemberAccessExpressionSyntax)invocation.Expression).Name.SpanStart, new EscalationLevelFact(
                        values.ConstantString(who),
                        values.TryGetTimeSpan(after, out var time) ? time : null,
                        who.GetLocation(),
                        after.GetLocation())));
                    break;
                case "SeverityLevel" when values.ConstantString(dsl.Argument(invocation, "key")) is { } key:
                    var respond = IndexOf(invocation).CallsWithin(invocation.ArgumentList.Span).FirstOrDefault(c => DslSyntax.CalledName(c) == "RespondWithin");
                    if (respond is { ArgumentList.Arguments.Count: 1 } && values.TryGetTimeSpan(respond.ArgumentList.Arguments[0].Expression, out var within))
                        responseTimes[key] = within;
                    break;
                case "Environment" when values.ConstantString(invocation.ArgumentList.Arguments.FirstOrDefault()?.Expression) is { } environment:
                    environments.Add(environment);
                    break;
                case "Communication":
                    if (values.ConstantString(dsl.Argument(invocation, "name")) is { } communication)
                    {
                        var text = dsl.Argument(invocation, "template");
                        communications.Add(new CommunicationFact(communication, values.ConstantString(text), values.ConstantString(dsl.Argument(invocation, "channel")),
                            text is not null && text.IsKind(SyntaxKind.StringLiteralExpression) ? text.GetLocation() : null));
                    }
                    else communicationsKnown = false;
                    break;
                case "Notify" when dsl.Argument(invocation, "template") is { } template && values.ConstantString(template) is { } templateName:
                    notifications.Add(new NotificationFact(templateName, template.GetLocation(), template.IsKind(SyntaxKind.StringLiteralExpression)));
                    break;
                case "Step" when dsl.Argument(invocation, "title") is { } title:
                    if (values.ConstantString(title) is { } titleText)
                    {
                        var actions = BuilderMethodArgument.Actions(dsl.Argument(invocation, "step"), dsl, type, runbooks.TypeNames);
                        var actionsIndex = actions is null ? index : IndexOf(actions);
                        var outputFrom = OutputFrom(actionsIndex, actions?.Span);
                        stepTitles.Add(new StepTitleFact(titleText, title.GetLocation(), actions is not null && outputFrom is null, StepPlace.Of(invocation, body), outputFrom,
                            IsConditional(actionsIndex, actions?.Span)));
                    }
                    else outputsKnown = false;
                    break;
                case "Execute" when dsl.Argument(invocation, "body") is { } code:
                    var stepCode = StepCodeOutputs.Of(code, values, type);
                    // Code of a step whose actions are a method of the class is that step's.
                    var reader = (StepPlace.EnclosingStep(invocation) ?? inlinedStep) is { } readingStep ? StepPlace.Of(readingStep, body) : null;
                    foreach (var read in stepCode.Reads) outputReads.Add(read with { Reader = reader, Action = StepPlace.NamePosition(invocation) });
                    outputNames.AddRange(stepCode.Sets);
                    outputsKnown &= stepCode.Known;
                    break;
                case "Tags":
                    var arguments = invocation.ArgumentList.Arguments.Select(a => a.Expression).ToList();
                    var elements = arguments.Count == 1 && SyntaxValues.ArrayElements(arguments[0]) is { } array ? array : arguments;
                    foreach (var element in elements)
                    {
                        if (values.ConstantString(element) is { } tag) tags.Add(tag);
                    }

                    break;
            }
        }

        ApplyBaseCallsBefore(int.MaxValue);
        ApplyHelpersBefore(int.MaxValue);

        var facts = new DocumentFacts
        {
            IsComplete = complete,
            // Worked out only for a body handed to code not followed: the builders handed on say what it may add.
            UnreadSections = complete ? SectionKinds.None : compiles ? calls.UnreadSections(index, region, dsl.Symbols.SectionReach) : SectionKinds.All,
            Escalation = escalation,
            Rollback = rollback,
            Waiver = waiver,
            Verification = verification,
            EscalationLevels = levels.OrderBy(l => l.Position).Select(l => l.Level).ToImmutableArray(),
            SeverityKey = severityKey,
            SeverityLocation = severityLocation,
            ResponseTimes = responseTimes.ToImmutable(),
            Environments = environments.ToImmutable(),
            Tags = tags.ToImmutable(),
            Communications = communications.ToImmutable(),
            CommunicationsKnown = communicationsKnown,
            Notifications = notifications.ToImmutable(),
            StepTitles = stepTitles.ToImmutable(),
            OutputReads = outputReads.ToImmutable(),
            OutputNames = outputNames.ToImmutable(),
            OutputsKnown = complete && outputsKnown && calls.AllRead(),
        };
        return inherited is null ? facts : facts.Merge(inherited);
    }

    /// <summary>
    /// Whether <paramref name="severity"/> is written in a local function of <paramref name="body"/> that a helper read
    /// there gives its severity from: that helper sets it where the function is called.
    /// </summary>
    private static bool IsHelperSeverity(InvocationExpressionSyntax severity, SyntaxNode body, List<(int Position, DocumentFacts Facts)>? helpers)
    {
        if (helpers is null) return false;
        for (var node = severity.Parent; node is not null && node != body; node = node.Parent)
        {
            if (node is not LocalFunctionStatementSyntax function) continue;
            foreach (var (_, helper) in helpers)
            {
                if (helper.SeverityLocation is { } at && at.SourceTree == body.SyntaxTree && function.Span.Contains(at.SourceSpan)) return true;
            }

            return false;
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="call"/>, a call on <c>base</c> in the body of <paramref name="declaration"/>, runs the base
    /// class's <c>Define</c> where it is written: <c>base.Define(b)</c> in <c>Define</c>, or in a helper or a local
    /// function read as one (<c>void AddBase(IRunbookBuilder b) =&gt; base.Define(b);</c>), as the runner runs it and the
    /// page reads it. Before, only a call in the method named <c>Define</c> counted, so a base's sections reached through
    /// a helper were reported missing. One in a local function of this body that hands on that function's own builder is
    /// the function's: it runs where the function is called, where the function is read as a helper, not where it is
    /// written (the base's rollback then replaced an empty one the body set after calling the function).
    /// </summary>
    private static bool RunsBaseDefineHere(InvocationExpressionSyntax call, SyntaxNode declaration)
    {
        if (((MemberAccessExpressionSyntax)call.Expression).Name.Identifier.ValueText != "Define") return false;
        for (var node = call.Parent; node is not null && node != declaration; node = node.Parent)
        {
            if (node is not LocalFunctionStatementSyntax local) continue;
            return !(call.ArgumentList.Arguments is [{ Expression: IdentifierNameSyntax handed }] &&
                     local.ParameterList.Parameters.Any(p => p.Identifier.ValueText == handed.Identifier.ValueText));
        }

        return true;
    }

    /// <summary>Whether <paramref name="location"/> is in <paramref name="body"/>'s source.</summary>
    private static bool IsWrittenIn(SyntaxNode body, Location location) =>
        location.SourceTree == body.SyntaxTree && body.Span.Contains(location.SourceSpan);

    /// <summary>The body and name of a method or a local function; null for anything else, or one without a body.</summary>
    private static (SyntaxNode Body, string Name)? BodyOf(SyntaxNode declaration)
    {
        var (block, arrow, name) = declaration switch
        {
            MethodDeclarationSyntax method => (method.Body, method.ExpressionBody, method.Identifier.ValueText),
            LocalFunctionStatementSyntax local => (local.Body, local.ExpressionBody, local.Identifier.ValueText),
            _ => (null, null, ""),
        };
        return ((SyntaxNode?)block ?? arrow) is { } body ? (body, name) : null;
    }

    /// <summary>
    /// Where the first shell command or HTTP request of a step's actions is written, null when it has none (or they
    /// are not read): the runner keeps a step's output under its title only for those (LiveRun.KeepOutput), so
    /// <c>Outputs["title"]</c> of a step with none throws.
    /// </summary>
    private static int? OutputFrom(DslCallIndex index, Microsoft.CodeAnalysis.Text.TextSpan? actions)
    {
        if (actions is not { } span) return null;
        int? first = null;
        foreach (var call in index.CallsWithin(span))
        {
            if (DslSyntax.CalledName(call) is not ("Run" or "Http")) continue;
            var at = StepPlace.NamePosition(call);
            if (first is null || at < first) first = at;
        }

        return first;
    }

    /// <summary>Whether a step's actions say <c>OnlyIf(…)</c>: a step the engineer may skip.</summary>
    private static bool IsConditional(DslCallIndex index, Microsoft.CodeAnalysis.Text.TextSpan? actions) =>
        actions is { } span && index.CallsWithin(span).Any(call => DslSyntax.CalledName(call) == "OnlyIf");

    /// <summary>
    /// The DSL calls of a <c>Define</c> body in the order they run (a chain's inner call first), each with the position
    /// it runs at; after a call given a method of the class in place of a lambda (<see cref="BuilderMethodArgument"/>),
    /// that method's calls, at the call's position and with the step whose actions they are. A method that calls
    /// itself, or a nesting deeper than any runbook writes, is not read again.
    /// </summary>
    private static OrderedCalls InOrder(DslCallIndex index, RunbookCompilation runbooks, SyntaxTree tree, DslSyntax dsl, BodyRegion region, INamedTypeSymbol type)
    {
        // Almost every Define gives its builders lambdas: then the calls are the index's, in order, with nothing to
        // read in their place, and no list of them is built (the rules' bytes per runbook, AllocationBudgetTests).
        if (!GivesMoreThanLambdas(index, runbooks, region, type)) return OrderedCalls.Plain(index, region);
        var ordered = new OrderedCalls();
        var calls = new List<(InvocationExpressionSyntax Call, int Position, InvocationExpressionSyntax? Step)>();
        ordered.Calls = calls;
        var open = new HashSet<MethodDeclarationSyntax>();
        void Add(DslCallIndex treeIndex, BodyRegion within, int? at, InvocationExpressionSyntax? step)
        {
            foreach (var call in within.Calls(treeIndex).OrderBy(CallPosition))
            {
                var position = at ?? CallPosition(call);
                calls.Add((call, position, step));
                var name = DslSyntax.CalledName(call)!;
                if (!dsl.Vocabulary.TakesBuilderLambda(name)) continue;
                for (var i = 0; i < call.ArgumentList.Arguments.Count; i++)
                {
                    var argument = call.ArgumentList.Arguments[i];
                    if (BuilderMethodArgument.Of(argument.Expression, dsl, type, runbooks.TypeNames) is not { } method)
                    {
                        // A method group of another class, a variable: steps, titles and outputs may come from it.
                        if (SyntaxValues.Unwrap(argument.Expression) is not AnonymousFunctionExpressionSyntax && TakesBuilderDelegate(dsl, name, call.ArgumentList, i))
                            ordered.UnreadActions = true;
                        continue;
                    }

                    if (method.Forwarding is { } forwarding) (ordered.Forwarding ??= new HashSet<SyntaxNode>()).Add(forwarding);
                    if (open.Count >= BuilderMethodSyntax.MaxNesting || !open.Add(method.Method))
                    {
                        ordered.Unread = true;
                        ordered.UnreadReach |= dsl.Symbols.SectionReach.OfTypeSyntax(method.Method.ParameterList.Parameters[0].Type);
                        continue;
                    }

                    var bodyIndex = method.Body.SyntaxTree == tree ? index : runbooks.IndexOf(method.Body.SyntaxTree, System.Threading.CancellationToken.None);
                    (ordered.Bodies ??= new List<(SyntaxNode Body, bool Forwarded, DslCallIndex Index)>()).Add((method.Body, method.Forwarding is not null, bodyIndex));
                    Add(bodyIndex, BodyRegion.Whole(method.Body.Span), position, name == "Step" ? call : step);
                    open.Remove(method.Method);
                }
            }
        }

        Add(index, region, null, null);
        return ordered;
    }

    /// <summary>Whether the argument at <paramref name="index"/> is given to a delegate that receives a builder, in the overloads that take the arguments.</summary>
    /// <summary>
    /// Whether a builder call in <paramref name="region"/> is given anything but a lambda that calls the DSL itself, or a
    /// title, text or number: a method of the class to read in its place, or something that may be a builder delegate.
    /// </summary>
    private static bool GivesMoreThanLambdas(DslCallIndex index, RunbookCompilation runbooks, BodyRegion region, INamedTypeSymbol type)
    {
        var dsl = runbooks.Syntax;
        foreach (var call in region.Calls(index))
        {
            var name = DslSyntax.CalledName(call)!;
            if (!dsl.Vocabulary.TakesBuilderLambda(name)) continue;
            var arguments = call.ArgumentList.Arguments;
            for (var i = 0; i < arguments.Count; i++)
            {
                var expression = SyntaxValues.Unwrap(arguments[i].Expression);
                if (expression is LiteralExpressionSyntax or InterpolatedStringExpressionSyntax or BinaryExpressionSyntax) continue;
                if (expression is AnonymousFunctionExpressionSyntax lambda ? BuilderMethodArgument.Of(lambda, dsl, type, runbooks.TypeNames) is not null
                        : BuilderMethodArgument.Of(arguments[i].Expression, dsl, type, runbooks.TypeNames) is not null || TakesBuilderDelegate(dsl, name, call.ArgumentList, i))
                    return true;
            }
        }

        return false;
    }

    private static bool TakesBuilderDelegate(DslSyntax dsl, string name, ArgumentListSyntax arguments, int index)
    {
        foreach (var method in dsl.Vocabulary.Candidates(name, arguments))
        {
            if (DslVocabulary.ParameterFor(method, arguments, index)?.Type is INamedTypeSymbol { TypeKind: TypeKind.Delegate, DelegateInvokeMethod.Parameters: [var builder, ..] } &&
                dsl.Symbols.IsBuilder(builder.Type))
                return true;
        }

        return false;
    }

    /// <summary>The calls <see cref="InOrder"/> found, and the method bodies and hand-offs read with them.</summary>
    private sealed class OrderedCalls
    {
        public IEnumerable<(InvocationExpressionSyntax Call, int Position, InvocationExpressionSyntax? Step)> Calls { get; set; } = [];

        /// <summary>
        /// The bodies of the methods read in place of a lambda, whether a lambda handed its builder to it, and the index
        /// of the tree the body is written in (another part's, for a partial class); null for none.
        /// </summary>
        public List<(SyntaxNode Body, bool Forwarded, DslCallIndex Index)>? Bodies { get; set; }

        /// <summary>The lambdas' hand-offs (<c>AskSomeone(s)</c>) that the reading followed; null for none.</summary>
        public HashSet<SyntaxNode>? Forwarding { get; set; }

        /// <summary>The helpers handed a builder that were read (<see cref="ReadHelpers"/>), with what their own code leaves unread; null for none.</summary>
        public Dictionary<SyntaxNode, SectionKinds>? Helpers { get; set; }

        /// <summary>
        /// Reads the helpers the body hands a builder that can declare a section to (<c>Helpers.AddAll(rb)</c>,
        /// <c>p =&gt; Helpers.More(p, rb)</c>) whose source <paramref name="readHelper"/> finds, in the order they run:
        /// after the calls in their arguments. One it does not find (a referenced assembly's) stays unread.
        /// </summary>
        public List<(int Position, DocumentFacts Facts)>? ReadHelpers(DslCallIndex index, BodyRegion region, SectionReach reach,
            Func<InvocationExpressionSyntax, DocumentFacts?> readHelper)
        {
            List<(int Position, DocumentFacts Facts)>? read = null;
            foreach (var opaque in region.Opaque(index))
            {
                if (Forwarding?.Contains(opaque) == true || opaque is not InvocationExpressionSyntax use || reach.OfUse(use) == SectionKinds.None ||
                    readHelper(use) is not { } facts)
                    continue;
                (Helpers ??= new Dictionary<SyntaxNode, SectionKinds>())[use] = facts.UnreadSections;
                (read ??= new List<(int Position, DocumentFacts Facts)>()).Add((use.ArgumentList.Span.End, facts));
            }

            read?.Sort(static (a, b) => a.Position.CompareTo(b.Position));
            return read;
        }

        /// <summary>The calls of a body whose builders are all given lambdas, in the order they run, none read elsewhere.</summary>
        public static OrderedCalls Plain(DslCallIndex index, BodyRegion region) => new()
        {
            Calls = region.Calls(index).OrderBy(CallPosition).Select(call => (call, CallPosition(call), (InvocationExpressionSyntax?)null)),
        };

        /// <summary>
        /// Actions given as something other than a lambda or a method read here (a method group of another class, a
        /// variable): the steps and outputs they add are not known.
        /// </summary>
        public bool UnreadActions { get; set; }

        /// <summary>A method not read (it calls itself, or nests too deep).</summary>
        public bool Unread { get; set; }

        /// <summary>What the builders of the methods not read may declare (<see cref="SectionReach"/>).</summary>
        public SectionKinds UnreadReach { get; set; }

        /// <summary>
        /// The sections code that <see cref="IsComplete"/> does not follow may declare: the methods not read, and the
        /// builder uses not followed in the body and in the methods a lambda handed its builder to, by the builders
        /// they are given. A member read but not called (<c>rb.Verif</c> while typing) may become any call.
        /// </summary>
        public SectionKinds UnreadSections(DslCallIndex index, BodyRegion region, SectionReach reach)
        {
            var kinds = UnreadReach | NotFollowed(index, region, reach);
            foreach (var (body, forwarded, bodyIndex) in Bodies ?? [])
            {
                if (forwarded) kinds |= NotFollowed(bodyIndex, BodyRegion.Whole(body.Span), reach);
            }

            return kinds;
        }

        private SectionKinds NotFollowed(DslCallIndex index, BodyRegion region, SectionReach reach)
        {
            if (region.AnyUncalledMember(index)) return SectionKinds.All;
            var kinds = SectionKinds.None;
            foreach (var opaque in region.Opaque(index))
            {
                if (Forwarding?.Contains(opaque) == true) continue;
                kinds |= Helpers is not null && Helpers.TryGetValue(opaque, out var helperUnread) ? helperUnread : reach.OfUse(opaque);
            }

            return kinds;
        }

        /// <summary>
        /// Whether the body, and every method a lambda handed its builder to, compile and hand their builders only to
        /// code read here: a hand-off the reading followed does not count. A method given as a method group is not
        /// asked, as before it was read (a phase's or a step's builder adds no section); <see cref="AllRead"/> asks it.
        /// </summary>
        public bool IsComplete(DslCallIndex index, BodyRegion region)
        {
            if (Unread || !Follows(index, region)) return false;
            foreach (var (body, forwarded, bodyIndex) in Bodies ?? [])
            {
                if (forwarded && !Follows(bodyIndex, BodyRegion.Whole(body.Span))) return false;
            }

            return true;
        }

        /// <summary>Whether every method read with the body hands its builder only to code read here: then every step and output it adds is known.</summary>
        public bool AllRead()
        {
            foreach (var (body, _, bodyIndex) in Bodies ?? [])
            {
                if (!Follows(bodyIndex, BodyRegion.Whole(body.Span))) return false;
            }

            return !UnreadActions;
        }

        private bool Follows(DslCallIndex index, BodyRegion region)
        {
            if (region.AnyUncalledMember(index)) return false;
            foreach (var opaque in region.Opaque(index))
            {
                if (Forwarding?.Contains(opaque) != true) return false;
            }

            return true;
        }
    }

    /// <summary>Where a call's name is: a chain's inner call's comes first, as it runs first.</summary>
    private static int CallPosition(InvocationExpressionSyntax call) => ((MemberAccessExpressionSyntax)call.Expression).Name.SpanStart;

    /// <summary>
    /// A section call with the lambda it is given: filled when the lambda calls one of <paramref name="adds"/> (a
    /// step, a decision, a level), even under a condition; empty when it calls none, so the runner records nothing under
    /// the heading. A method group read in the lambda's place (<paramref name="method"/>: the class's own, or another
    /// class's static method) is judged by its body alike, unless it hands its builder to code not read; anything else
    /// (a method group not read, a variable) gets the benefit of the doubt.
    /// </summary>
    private static SectionFact Declared(DslCallIndex index, InvocationExpressionSyntax call, BuilderMethodArgument? method, Func<SyntaxNode, DslCallIndex> indexOf,
        params string[] adds)
    {
        if (method is { Body: var body })
        {
            var bodyIndex = indexOf(body);
            foreach (var inner in bodyIndex.CallsWithin(body.Span))
            {
                if (Array.IndexOf(adds, DslSyntax.CalledName(inner)) >= 0) return SectionFact.Filled;
            }

            return bodyIndex.AnyOpaqueWithin(body.Span) ? SectionFact.Filled : SectionFact.Empty(((MemberAccessExpressionSyntax)call.Expression).Name.GetLocation());
        }

        if (call.ArgumentList.Arguments is not [{ Expression: AnonymousFunctionExpressionSyntax lambda }]) return SectionFact.Filled;
        foreach (var inner in index.CallsWithin(lambda.Span))
        {
            if (Array.IndexOf(adds, DslSyntax.CalledName(inner)) >= 0) return SectionFact.Filled;
        }

        // Code that does not start from the builder is not read: `v => vStep(…)` with its dot not typed yet, or a call
        // the builder is not handed to. Called empty, its fix replaced the author's step with a TODO one.
        if (!StartsFromParameter(lambda)) return SectionFact.Filled;
        return SectionFact.Empty(((MemberAccessExpressionSyntax)call.Expression).Name.GetLocation());
    }

    /// <summary>True when every expression the lambda runs is a chain on its builder parameter (or there is none).</summary>
    private static bool StartsFromParameter(AnonymousFunctionExpressionSyntax lambda)
    {
        var parameter = lambda switch
        {
            SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.ValueText,
            ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters: [var only] } => only.Identifier.ValueText,
            _ => null,
        };
        if (parameter is null) return true;
        IEnumerable<ExpressionSyntax> run = lambda.Block is { } block
            ? block.Statements.Select(s => s switch
            {
                ExpressionStatementSyntax e => e.Expression,
                ReturnStatementSyntax { Expression: { } returned } => returned,
                _ => null,
            }).OfType<ExpressionSyntax>()
            : lambda.ExpressionBody is { } body ? [body] : [];
        // The plain start, not ChainStart's: `v => Checks(v)` hands the builder to a function whose steps are not read
        // here, so seeing through it would call a section empty that the function fills.
        return run.All(e => DslSyntax.ChainRoot(e) is IdentifierNameSyntax root && root.Identifier.ValueText == parameter);
    }

    /// <summary>
    /// <c>NoRollback(reason)</c>: empty when the reason is a constant with nothing to read in it, <c>null</c> included
    /// (the runner records no waiver then).
    /// </summary>
    private static SectionFact Waived(SyntaxValues values, InvocationExpressionSyntax call) =>
        call.ArgumentList.Arguments is [{ Expression: var reason }]
        && values.Constant(reason is PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } suppressed ? suppressed.Operand : reason)
            is { HasValue: true, Value: null or string } constant
        && string.IsNullOrWhiteSpace((string?)constant.Value)
            ? SectionFact.Empty(reason.GetLocation())
            : SectionFact.Filled;
}
