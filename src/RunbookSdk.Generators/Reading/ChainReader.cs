using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using RunbookSdk.Analyzers.Dsl;
using RunbookSdk.Generators.Model;

namespace RunbookSdk.Generators.Reading;

/// <summary>
/// Walks fluent chains (<c>rb.Title(...).Phase(...)</c>) in method and lambda bodies and hands each call to a
/// visitor. A method of the runbook's class (in any of its parts) given in place of a lambda is read where it stands,
/// as the analyzers read it (<see cref="BuilderMethodSyntax"/>), and so is a local function the builder is handed to
/// (<c>Checks(rb);</c>, <c>.Phase("Diagnose", Diagnose)</c>, <see cref="LocalBuilderFunction"/>): where it is called, once
/// per call, as the runner records it; one nothing calls never runs and is not read. A method of the runbook's class the
/// builder is handed to (<c>AddChecks(rb);</c>, <c>p =&gt; { Pods(p); Logs(p); }</c>,
/// <see cref="BuilderMethodSyntax.HandedTo"/>) is read where it is called, too, and so is either at the start of a chain
/// when it returns the builder (<c>Checks(rb).Escalation(…)</c>), before the calls chained on it. A base class's
/// <c>Define</c> that <c>base.Define(rb)</c> calls is read where it is called, as the runner runs it (<see cref="BaseDefine"/>),
/// and its own <c>base.Define</c> further up, within the same nesting bound. A static method of another class of the
/// team's the builder is handed to (<c>Helpers.AddChecks(rb);</c>, <c>p =&gt; Steps.Pods(p)</c>, <see cref="StaticHelper"/>)
/// is read where it is called, too, with the methods it names looked up in its class, and so is one given as a method
/// group (<c>Step("Ask", Elsewhere.Ask)</c>) or imported with <c>using static</c> (<c>AddChecks(rb);</c>). Anything else that is not a chain on
/// the builder (a loop, an instance method of another class, a variable) is reported as RB0101, because the runner would
/// execute it but the docs could not show it.
/// </summary>
/// <param name="semanticModel">The semantic model of the tree <c>Define</c> is written in.</param>
/// <param name="ownerName">The class's name, for RB0101.</param>
/// <param name="diagnostics">Collects RB0101.</param>
/// <param name="parameterNames">The class's <c>[Parameter]</c> properties.</param>
/// <param name="dependencies">Collects what the model was read from; null when nobody reuses it.</param>
/// <param name="parts">
/// The class's declarations: a method given in place of a lambda is looked up in all of them when the class is
/// <c>partial</c> (<see cref="BuilderMethodSyntax.Find"/>). Their trees are in the runbook's scope already
/// (<see cref="Dependencies.AddScopeOf(INamedTypeSymbol, SemanticModel)"/>), so an edit of such a method reads the runbook again.
/// While a base class's <c>Define</c> is read, that class's declarations take their place.
/// </param>
/// <param name="readsBaseClass">
/// True when the code read is a base class's (the <c>Define</c> a runbook without one inherits, <see cref="BaseDefine.InheritedBy"/>),
/// as it is while <c>base.Define(rb)</c> is read: a virtual method it gives in place of a lambda is not read.
/// </param>
internal sealed class ChainReader(
    SemanticModel semanticModel, string ownerName, List<DiagnosticInfo> diagnostics, System.Collections.Generic.ICollection<string> parameterNames,
    Dependencies? dependencies = null, System.Collections.Immutable.ImmutableArray<SyntaxReference> parts = default, bool readsBaseClass = false)
{
    private readonly Dependencies? _dependencies = dependencies;

    // The declarations of the class whose code is being read: the runbook's, or a base class's while its Define is
    // read where base.Define(rb) calls it (the methods that body names are that class's).
    private System.Collections.Immutable.ImmutableArray<SyntaxReference> _parts = parts;

    // Whether that class is a base class of the runbook: a virtual method of it may be replaced by a class deriving
    // from it (the runbook itself, often), so its body there is not necessarily what runs.
    private bool _readsBaseClass = readsBaseClass;

    // The methods and local functions being read in place of a lambda or where they are called, innermost last: one
    // that gives (or calls) itself is not read into itself.
    private readonly HashSet<SyntaxNode> _openMethods = new();

    public ValueReader Values { get; } = new(semanticModel, parameterNames, dependencies);

    /// <summary>Reads the body of <c>Define(builder)</c>.</summary>
    public void ReadMethod(MethodDeclarationSyntax method, Action<DslCall> visit)
    {
        if (method.ParameterList.Parameters.Count != 1) { Unreadable(method, method.Identifier.ValueText); return; }
        var receiver = method.ParameterList.Parameters[0].Identifier.ValueText;
        if (method.ExpressionBody is { } arrow) ReadExpression(arrow.Expression, receiver, visit);
        else if (method.Body is { } block) ReadBlock(block, receiver, visit);
    }

    /// <summary>
    /// Reads a lambda argument such as <c>p => p.Step(...)</c>, or the method of the class given in its place
    /// (<c>Step("Ask", AskSomeone)</c>, <c>s => AskSomeone(s)</c>) with its parameter as the builder: the runner calls
    /// that method there with the builder, so its calls are the ones the lambda's would be.
    /// </summary>
    public void ReadLambda(ExpressionSyntax? argument, Action<DslCall> visit)
    {
        if (argument is null) return;
        var named = argument;
        while (named is ParenthesizedExpressionSyntax parenthesized) named = parenthesized.Expression;
        // A local function of that name hides the class's method, as C# binds it (a method group, or a hand-off, which
        // the lambda's body reads).
        if (named is IdentifierNameSyntax group && LocalBuilderFunction.Named(group) is { } local)
        {
            if (LocalBuilderFunction.IsReadable(local)) ReadInPlace(argument, local, local.ParameterList, local.Body, local.ExpressionBody, visit);
            else Unreadable(argument, argument.ToString());
            return;
        }

        if (BuilderMethodSyntax.Find(argument, BuilderMethodSyntax.SdkBuilderNames, _parts, out var forwarding) is { } method &&
            !(forwarding?.Expression is IdentifierNameSyntax handedTo && LocalBuilderFunction.Named(handedTo) is not null))
        {
            // The runner calls the method the instance has: a runbook that overrides a base's virtual method runs its
            // own body, which the base's page text would silently stand in for (a hand-off to one is refused alike,
            // BuilderMethodSyntax.HandedTo).
            if (_readsBaseClass && method.Modifiers.Any(SyntaxKind.VirtualKeyword))
            {
                Unreadable(argument, argument.ToString());
                return;
            }

            if (RunsInheritedOverload(argument, method, (ExpressionSyntax?)forwarding ?? named)) return;
            ReadInPlace(argument, method, method.ParameterList, method.Body, method.ExpressionBody, visit);
            return;
        }

        // A method group of another class (Step("Ask", Elsewhere.Ask), Verification(Checks.Verify)): the runner calls that
        // static method there with the builder, read in its own class as a hand-off to it is (StaticHelper).
        if (StaticHelper.GroupOf(named, semanticModel, _dependencies) is { } otherClassGroup)
        {
            ReadInOtherClass(argument, otherClassGroup.Declaration, otherClassGroup.Parts, readsBaseClass: false, visit);
            return;
        }

        switch (argument)
        {
            case SimpleLambdaExpressionSyntax simple:
                ReadLambdaBody(simple.Body, simple.Parameter.Identifier.ValueText, visit);
                return;
            case ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } parenthesized:
                ReadLambdaBody(parenthesized.Body, parenthesized.ParameterList.Parameters[0].Identifier.ValueText, visit);
                return;
            default:
                Unreadable(argument, argument.ToString());
                return;
        }
    }

    /// <summary>
    /// Reads the body of <paramref name="method"/> (a method or a local function, whose one parameter is the builder)
    /// for <paramref name="use"/>, the argument it is given as or the call that hands it the builder. One that gives or
    /// calls itself (directly or through others), or a nesting deeper than the analyzers read, is reported at the use.
    /// </summary>
    private void ReadInPlace(
        ExpressionSyntax use, SyntaxNode method, ParameterListSyntax parameters, BlockSyntax? body, ArrowExpressionClauseSyntax? expressionBody, Action<DslCall> visit)
    {
        if (_openMethods.Count >= BuilderMethodSyntax.MaxNesting || !_openMethods.Add(method))
        {
            Unreadable(use, use.ToString());
            return;
        }

        var receiver = parameters.Parameters[0].Identifier.ValueText;
        if (expressionBody is { } arrow) ReadExpression(arrow.Expression, receiver, visit);
        else if (body is { } block) ReadBlock(block, receiver, visit);
        _openMethods.Remove(method);
    }

    public void Unreadable(SyntaxNode node, string what) => Unreadable(node, what, advice: null);

    private void Unreadable(SyntaxNode node, string what, string? advice)
    {
        if (node is InvocationExpressionSyntax invocation && CompilerReports(invocation)) return;
        diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.UnreadableDefinition, LocationOf(node), ownerName, Shorten(what), advice ?? Advice(node, what)));
    }

    /// <summary>
    /// The method of the class being read that <paramref name="node"/> names or calls (<c>AddSteps</c>,
    /// <c>AddSteps(p)</c>, <c>this.AddSteps(p)</c>) when it is <c>virtual</c> or <c>abstract</c>: the body that runs is
    /// the one the runbook's class has, which may not be this one. Asked only of what is reported.
    /// </summary>
    private MethodDeclarationSyntax? ReplaceableMethod(SyntaxNode node)
    {
        var named = node is InvocationExpressionSyntax invocation ? invocation.Expression : node;
        var name = named switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax identifier } => identifier.Identifier.ValueText,
            _ => null,
        };
        if (name is null || node.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } type) return null;
        return ClassParts.OneMethodNamed(type, name, _parts) is { } method &&
               (method.Modifiers.Any(SyntaxKind.VirtualKeyword) || method.Modifiers.Any(SyntaxKind.AbstractKeyword))
            ? method
            : null;
    }

    /// <summary>
    /// True when the call binds to no method, so the compiler reports it (CS1061 for a misspelled <c>.Query(…)</c>, an
    /// argument list no overload takes): RB0101 on top of that error was noise that named the typo a helper. A call
    /// that binds — a team's helper — is what the page cannot follow and stays reported. Only this path binds a call,
    /// and only the call the reader could not read: binding every chain would bind every lambda in it
    /// (<see cref="DslCall"/>). What it bound to is recorded, so the model is read again when the helper changes or
    /// (bound to nothing) until the name binds.
    /// </summary>
    private bool CompilerReports(InvocationExpressionSyntax invocation)
    {
        var model = TypeReader.ModelFor(invocation, semanticModel);
        var bound = model.GetSymbolInfo(invocation);
        _dependencies?.AddBinding(bound, model);
        // A call on `dynamic` binds at run time, without a compiler error: it is code the page cannot follow.
        return bound.Symbol is null && bound.CandidateReason != CandidateReason.LateBound;
    }

    /// <summary>
    /// What to do about it. A call in a chain that the DSL does not have is a team's helper (or a typo): what it adds
    /// is not on the page, so that is what to write into the chain; anything else is code around the chain.
    /// </summary>
    private string Advice(SyntaxNode node, string what)
    {
        if (ReplaceableMethod(node) is { } replaceable)
        {
            var name = replaceable.Identifier.ValueText;
            var owner = replaceable.FirstAncestorOrSelf<TypeDeclarationSyntax>()?.Identifier.ValueText;
            return replaceable.Modifiers.Any(SyntaxKind.AbstractKeyword)
                ? $"'{name}' is abstract in '{owner}', so what runs is the body a class deriving from it writes, which the page does not read: write those steps into Define with the DSL's own calls"
                : $"'{name}' is virtual in '{owner}', so a class deriving from it may replace it and the page cannot tell which body runs: write those steps into Define with the DSL's own calls, or make the method private and not virtual";
        }

        return node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } && access.Name.Identifier.ValueText == what
            ? $"the page cannot show what '{what}' adds: write that into the chain with the DSL's own calls"
            : "write the Define body as one fluent chain of DSL calls";
    }

    /// <summary>
    /// A call in a chain is located from its name to its closing parenthesis (<c>Verificaton(...)</c>), where the
    /// compiler reports a misspelled one: the invocation node itself starts at the chain's receiver, so the warning
    /// underlined the whole Define body from <c>rb</c> on.
    /// </summary>
    private static Location LocationOf(SyntaxNode node) =>
        node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }
            ? Location.Create(node.SyntaxTree, TextSpan.FromBounds(access.Name.SpanStart, node.Span.End))
            : node.GetLocation();

    private void ReadLambdaBody(CSharpSyntaxNode body, string receiver, Action<DslCall> visit)
    {
        if (body is BlockSyntax block) ReadBlock(block, receiver, visit);
        else if (body is ExpressionSyntax expression) ReadExpression(expression, receiver, visit);
    }

    private void ReadBlock(BlockSyntax block, string receiver, Action<DslCall> visit)
    {
        foreach (var statement in block.Statements)
        {
            switch (statement)
            {
                case ExpressionStatementSyntax expressionStatement:
                    ReadExpression(expressionStatement.Expression, receiver, visit);
                    break;
                // What follows a return never runs (the compiler says so, CS0162): the runner records none of its
                // steps, so neither does the page, nor does it report code there it cannot show. A local function
                // declared after it still runs where it is called, and is read there.
                case ReturnStatementSyntax { Expression: { } returned }:
                    ReadExpression(returned, receiver, visit);
                    return;
                case ReturnStatementSyntax:
                    return;
                case EmptyStatementSyntax:
                    break;
                // Runs only where it is called, and is read there, once per call (a call the reader cannot follow is
                // reported there): one nothing calls adds nothing, as the runner records nothing of it.
                case LocalFunctionStatementSyntax:
                    break;
                default:
                    Unreadable(statement, statement.ToString());
                    break;
            }
        }
    }

    private void ReadExpression(ExpressionSyntax expression, string receiver, Action<DslCall> visit)
    {
        var calls = new List<InvocationExpressionSyntax>();
        var current = expression;
        while (true)
        {
            if (current is ParenthesizedExpressionSyntax parenthesized) { current = parenthesized.Expression; continue; }
            // this.AddChecks(rb) and base.Define(rb) are not calls on a builder but where a chain may start (a hand-off, below).
            if (current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: not (ThisExpressionSyntax or BaseExpressionSyntax) } access } invocation)
            {
                calls.Add(invocation);
                current = access.Expression;
                continue;
            }
            break;
        }

        var read = current is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == receiver ||
                   current is InvocationExpressionSyntax start && ReadHandOff(start, receiver, chainedOn: calls.Count > 0, visit);
        // Helpers.AddChecks(rb) was collected as a call on Helpers: it is where the chain starts, a hand-off to a static
        // method of another class, read before the calls chained on it.
        if (!read && calls.Count > 0 && StaticHelper.MayBe(calls[calls.Count - 1], receiver) &&
            ReadStaticHelper(calls[calls.Count - 1], receiver, chainedOn: calls.Count > 1, visit))
        {
            calls.RemoveAt(calls.Count - 1);
            read = true;
        }

        if (!read)
        {
            Unreadable(expression, expression.ToString());
            return;
        }

        // The chain was collected outermost first; the builder sees the calls in source order.
        for (var i = calls.Count - 1; i >= 0; i--)
        {
            var access = (MemberAccessExpressionSyntax)calls[i].Expression;
            visit(new DslCall(calls[i], access.Name.Identifier.ValueText));
        }
    }

    /// <summary>
    /// Reads where it is called the local function, or else the method of the class (in any part), that
    /// <paramref name="call"/> hands the builder to — <c>Checks(rb);</c>, or the start of a chain, <c>Checks(rb).Escalation(…)</c>;
    /// false when it hands it to neither, and the caller reports the call. A chain goes on from what the function returns,
    /// so one <paramref name="chainedOn"/> must return a builder: its body returns only chains on its parameter (anything
    /// else is reported there), and each DSL call returns the builder it is made on (<c>Run</c>, <c>Http</c>, <c>Execute</c> the action
    /// they added), so the calls after it go on where the function left off, as the same runbook written inline makes them.
    /// </summary>
    private bool ReadHandOff(InvocationExpressionSyntax call, string receiver, bool chainedOn, Action<DslCall> visit)
    {
        // base.Define(rb) returns nothing, so nothing is chained on it (which does not compile).
        if (BaseDefine.IsCall(call)) return !chainedOn && ReadBaseDefine(call, receiver, visit);

        if (LocalBuilderFunction.HandedTo(call, receiver) is { } local)
        {
            if (chainedOn && !ReturnsBuilder(local.ReturnType)) return false;
            ReadInPlace(call, local, local.ParameterList, local.Body, local.ExpressionBody, visit);
            return true;
        }

        // A method of the class (in any part) the builder is handed to, unless a local function of that name hides
        // it, as C# binds the name: one the page cannot read is reported by the caller, at the call.
        if (call.Expression is IdentifierNameSyntax name && LocalBuilderFunction.Named(name) is not null) return false;
        if (BuilderMethodSyntax.HandedTo(call, receiver, BuilderMethodSyntax.SdkBuilderNames, _parts) is not { } method)
        {
            // Not a method of the class: a static method `using static Team.Helpers;` imports (AddChecks(rb)), bound as a
            // hand-off to Helpers.AddChecks(rb) is.
            return call.Expression is IdentifierNameSyntax && ReadStaticHelper(call, receiver, chainedOn, visit);
        }

        if (chainedOn && !ReturnsBuilder(method.ReturnType)) return false;
        if (!RunsInheritedOverload(call, method, call)) ReadInPlace(call, method, method.ParameterList, method.Body, method.ExpressionBody, visit);
        return true;
    }

    /// <summary>
    /// True, and reported at <paramref name="reported"/>, when <paramref name="use"/> runs a method of that name a base
    /// class declares rather than <paramref name="method"/>, the one found by name in the class (<see cref="InheritedOverload"/>):
    /// reading <paramref name="method"/> there would put on the page a body the runner does not run.
    /// </summary>
    private bool RunsInheritedOverload(ExpressionSyntax reported, MethodDeclarationSyntax method, ExpressionSyntax use)
    {
        if (InheritedOverload.InsteadOf(method, use, semanticModel, _dependencies) is not { } runs) return false;
        var name = method.Identifier.ValueText;
        Unreadable(reported, reported.ToString(),
            $"'{name}' here runs the '{name}' that '{runs.ContainingType.Name}' declares ({runs.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)}), which takes this builder, not the '{name}' of '{method.FirstAncestorOrSelf<TypeDeclarationSyntax>()?.Identifier.ValueText}', so the page cannot tell from the name which body runs: give the methods different names");
        return true;
    }

    /// <summary>
    /// Reads the base class's <c>Define</c> that <paramref name="call"/> (<c>base.Define(rb)</c>) runs, where it is called,
    /// with that class's declarations as the ones its method names are looked up in; false when the page cannot read
    /// it (<see cref="BaseDefine.CalledBy"/>), and the caller reports the call.
    /// </summary>
    private bool ReadBaseDefine(InvocationExpressionSyntax call, string receiver, Action<DslCall> visit)
    {
        if (BaseDefine.CalledBy(call, receiver, semanticModel, _dependencies) is not { } define) return false;
        ReadInOtherClass(call, define.Declaration, define.Parts, readsBaseClass: true, visit);
        return true;
    }

    /// <summary>
    /// Reads the static method of another class of the team's that <paramref name="call"/> (<c>Helpers.AddChecks(rb)</c>)
    /// hands the builder to, where it is called, with that class's declarations as the ones its method names are looked
    /// up in; false when the page cannot read it (<see cref="StaticHelper.HandedTo"/>), or when a chain goes on from it
    /// and it does not return the builder, and the caller reports the call.
    /// </summary>
    private bool ReadStaticHelper(InvocationExpressionSyntax call, string receiver, bool chainedOn, Action<DslCall> visit)
    {
        if (StaticHelper.HandedTo(call, receiver, semanticModel, _dependencies) is not { } helper) return false;
        var method = helper.Declaration;
        if (chainedOn && !ReturnsBuilder(method.ReturnType)) return false;
        // A static method is no base class's member the runbook may replace, wherever it is declared.
        ReadInOtherClass(call, method, helper.Parts, readsBaseClass: false, visit);
        return true;
    }

    /// <summary>
    /// Reads <paramref name="method"/>, declared in another class, where <paramref name="call"/> runs it: the methods its
    /// body names are looked up in that class's <paramref name="parts"/>, and <paramref name="readsBaseClass"/> says whether
    /// its code is a base class's (whose virtual members the runbook may replace); the caller's are back after it.
    /// </summary>
    private void ReadInOtherClass(ExpressionSyntax call, MethodDeclarationSyntax method, System.Collections.Immutable.ImmutableArray<SyntaxReference> parts, bool readsBaseClass, Action<DslCall> visit)
    {
        var (outerParts, outerReadsBase) = (_parts, _readsBaseClass);
        (_parts, _readsBaseClass) = (parts, readsBaseClass);
        ReadInPlace(call, method, method.ParameterList, method.Body, method.ExpressionBody, visit);
        (_parts, _readsBaseClass) = (outerParts, outerReadsBase);
    }

    private static bool ReturnsBuilder(TypeSyntax returnType) => BuilderMethodSyntax.IsWrittenAsBuilder(returnType, BuilderMethodSyntax.SdkBuilderNames);

    private static string Shorten(string text)
    {
        var oneLine = string.Join(" ", text.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries)).Trim();
        return oneLine.Length <= 80 ? oneLine : oneLine.Substring(0, 77) + "...";
    }
}
