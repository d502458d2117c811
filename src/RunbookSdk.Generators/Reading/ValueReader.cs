using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunbookSdk.Generators.Model;

namespace RunbookSdk.Generators.Reading;

/// <summary>
/// Reads argument values from syntax: literals straight from their tokens, interpolated strings as literal parts
/// and holes, durations from the usual <c>TimeSpan</c> factories. Only what syntax cannot tell (a named constant)
/// goes to the semantic model, because every binding there binds the lambdas around it too. Anything that is not
/// constant is kept as its source text.
/// </summary>
internal sealed class ValueReader(SemanticModel semanticModel, System.Collections.Generic.ICollection<string> parameterNames, Dependencies? dependencies = null)
{
    // The semantic model of the other tree last read: a method given in place of a lambda may be written in another
    // part of a partial runbook, and a semantic model answers only about nodes of its own tree.
    private SemanticModel? _otherTree;

    private SemanticModel ModelOf(SyntaxNode node)
    {
        if (node.SyntaxTree == semanticModel.SyntaxTree) return semanticModel;
        var other = _otherTree;
        if (other is null || other.SyntaxTree != node.SyntaxTree) _otherTree = other = semanticModel.Compilation.GetSemanticModel(node.SyntaxTree);
        return other;
    }

    private Optional<object?> Constant(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case LiteralExpressionSyntax literal:
                return new Optional<object?>(literal.Token.Value);
            case ParenthesizedExpressionSyntax parenthesized:
                return Constant(parenthesized.Expression);
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression, Operand: LiteralExpressionSyntax { Token.Value: int number } }:
                return new Optional<object?>(-number);
            case IdentifierNameSyntax identifier when parameterNames.Contains(identifier.Identifier.ValueText):
                return default; // a [Parameter] property: known not to be constant, no need to bind
            case InterpolatedStringExpressionSyntax or LambdaExpressionSyntax or BaseObjectCreationExpressionSyntax:
            case InvocationExpressionSyntax { Expression: not IdentifierNameSyntax { Identifier.ValueText: "nameof" } }:
                return default; // never constant: don't pay for binding it
            default:
                var model = ModelOf(expression);
                var constant = model.GetConstantValue(expression);
                // The constants' declarations may be in other files; so may a field that is not constant (yet).
                dependencies?.AddNamesIn(expression, model);

                return constant.HasValue ? new Optional<object?>(constant.Value) : default;
        }
    }

    /// <summary>
    /// The elements of an array argument: written in place (<c>new[] { … }</c>, <c>[ … ]</c>), or held by a <c>static
    /// readonly</c> field or getter-only static property declared in this tree (<c>Table(Headers, Row1)</c>, as CA1861
    /// asks: see <see cref="ReadOnlyArrays"/>). Null when the argument is not an array the page can show element by element.
    /// </summary>
    public System.Collections.Generic.IReadOnlyList<ExpressionSyntax>? ArrayElements(ExpressionSyntax expression)
    {
        if (DslCall.ArrayElements(expression) is { } written) return written;
        while (expression is ParenthesizedExpressionSyntax parenthesized) expression = parenthesized.Expression;
        if (!ReadOnlyArrays.IsName(expression)) return null;
        if (expression is IdentifierNameSyntax { Identifier.ValueText: var name } && parameterNames.Contains(name)) return null; // a [Parameter]: set per run
        var model = ModelOf(expression);
        var symbol = model.GetSymbolInfo(expression).Symbol;
        // Editing the field's initializer edits this tree; a member declared elsewhere can change what the name binds to.
        dependencies?.AddNamesIn(expression, model);
        return ReadOnlyArrays.ElementsOf(symbol, expression.SyntaxTree, default);
    }

    public TextValue Text(ExpressionSyntax? expression)
    {
        if (expression is null) return TextValue.Literal("");
        var constant = Constant(expression);
        if (constant.HasValue) return TextValue.Literal(Invariant(constant.Value));
        if (expression is InterpolatedStringExpressionSyntax interpolated) return Interpolated(interpolated, holes: null);
        // Not a constant: documented as its C# source text (RB0016 tells the author).
        return new TextValue(new EquatableArray<TextSegment>(new[] { new TextSegment(expression.ToString(), true) }));
    }

    public string String(ExpressionSyntax? expression) => Text(expression).Display;

    /// <summary>
    /// A shell command of <c>Run(...)</c>: as <see cref="Text"/>, but a hole holding a constant is written as the
    /// command's interpolation handler writes it at run time — quoted for where it stands, like any hole — so the
    /// page shows what runs (<c>{Kubectl} get pods -n {Namespace}</c> with a constant <c>"kubectl --context prod"</c>
    /// and a parameter runs <c>'kubectl --context prod' get pods -n …</c>, one word). With constant strings only, the
    /// text never reaches the handler (<see cref="IsConstantString"/>) and is shown as written.
    /// </summary>
    /// <remarks>
    /// Its literal text has the line breaks bash reads, as the runtime records it: a verbatim or raw string in a file
    /// checked out with CRLF (git's autocrlf on Windows) holds <c>\r\n</c>, which the runner runs as <c>\n</c>.
    /// </remarks>
    public TextValue Command(ExpressionSyntax? expression) => CommandText(expression).WithLineFeeds();

    private TextValue CommandText(ExpressionSyntax? expression)
    {
        var text = Text(expression);
        // Most commands hold no constant (a constant became literal text, which Text joins with its neighbours): then
        // there is nothing to quote, and nothing more is allocated on this path, which every command takes.
        if (expression is not InterpolatedStringExpressionSyntax interpolated || !HasConstantHole(interpolated, text)) return text;
        // Every hole a constant string: C# makes the whole text one constant and passes it to Run(string), which runs it
        // as written — nothing is quoted (RB0017 says the same), so neither is the page: it showed /srv/'my app' for a
        // command that runs rm -rf /srv/my app.
        // Only when no hole is left (a hole kept is not a constant): mixed commands, the common case, bind nothing more.
        if (!HasHole(text) && IsConstantString(interpolated)) return text;
        return Interpolated(interpolated, new CommandConstantHoles(new RunbookSdk.Commands.ShellQuoteContext(WholeCommandText(interpolated))));
    }

    /// <summary>
    /// An HTTP step's URL: as <see cref="Text"/>, but a hole holding a constant in the path, query or fragment is
    /// percent-encoded, as the URL's interpolation handler sends it (a constant <c>"my app"</c> goes as <c>my%20app</c>).
    /// </summary>
    public TextValue Url(ExpressionSyntax? expression) => WrittenByHandler(expression, static () => new UrlConstantHoles());

    /// <summary>
    /// An HTTP step's body: as <see cref="Text"/>, but in a JSON body a hole holding a constant is written as JSON,
    /// as the body's interpolation handler writes it (escaped inside a string, quoted as a string outside one).
    /// </summary>
    public TextValue Body(ExpressionSyntax? expression) => WrittenByHandler(expression, static () => new JsonBodyConstantHoles());

    private TextValue WrittenByHandler(ExpressionSyntax? expression, Func<ConstantHoles> holes)
    {
        var text = Text(expression);
        if (expression is not InterpolatedStringExpressionSyntax interpolated || !HasConstantHole(interpolated, text)) return text;
        // Every hole a constant string: C# passes the finished text to the string overload, which sends it as written.
        if (!HasHole(text) && IsConstantString(interpolated)) return text;
        return Interpolated(interpolated, holes());
    }

    private static bool HasHole(TextValue text)
    {
        foreach (var segment in text.Segments) if (segment.IsHole) return true;
        return false;
    }

    /// <summary>
    /// Whether C# makes <paramref name="interpolated"/> a constant string: every hole a constant string, with no format
    /// or alignment. Such text never reaches the command handler.
    /// </summary>
    private bool IsConstantString(InterpolatedStringExpressionSyntax interpolated)
    {
        foreach (var content in interpolated.Contents)
        {
            if (content is not InterpolationSyntax hole) continue;
            if (hole.FormatClause is not null || hole.AlignmentClause is not null || Constant(hole.Expression).Value is not string) return false;
        }

        return true;
    }

    /// <summary>
    /// The command's literal text with each hole as one <c>_</c>, as the runner's context reads it: what follows a word
    /// (<c>echo "rm {X}" | ssh HOST</c>) decides how a hole in it is quoted.
    /// </summary>
    private static string WholeCommandText(InterpolatedStringExpressionSyntax interpolated)
    {
        var pieces = new System.Collections.Generic.List<string?>(interpolated.Contents.Count);
        foreach (var content in interpolated.Contents)
            pieces.Add(content is InterpolatedStringTextSyntax text ? Unescape(interpolated, text.TextToken.ValueText) : null);
        return RunbookSdk.Commands.ShellQuoteContext.WholeText(pieces);
    }

    /// <summary>
    /// An interpolated string as literal parts and holes. With <paramref name="holes"/>, a hole holding a constant is
    /// written as the DSL's handler writes it, where the literal text so far leaves it.
    /// </summary>
    private TextValue Interpolated(InterpolatedStringExpressionSyntax interpolated, ConstantHoles? holes)
    {
        // Every runbook has dozens of these: built without LINQ or intermediate lists (reading is allocation-bound).
        var segments = System.Collections.Immutable.ImmutableArray.CreateBuilder<TextSegment>(interpolated.Contents.Count);
        foreach (var content in interpolated.Contents)
        {
            var segment = content switch
            {
                InterpolatedStringTextSyntax text => new TextSegment(Unescape(interpolated, text.TextToken.ValueText), false),
                InterpolationSyntax hole => HoleOrConstant(hole),
                _ => new TextSegment(content.ToString(), true),
            };
            if (holes is not null)
            {
                if (content is InterpolatedStringTextSyntax) holes.Literal(segment.Text);
                else
                {
                    if (!segment.IsHole)
                    {
                        var value = holes.ReadsValue && content is InterpolationSyntax constant ? Constant(constant.Expression).Value : null;
                        segment = new TextSegment(holes.Constant(segment.Text, value), false);
                    }

                    holes.AfterHole(segment.Text);
                }
            }
            Append(segments, segment);
        }

        return new TextValue(new EquatableArray<TextSegment>(segments.Count == segments.Capacity ? segments.MoveToImmutable() : segments.ToImmutable()));
    }

    /// <summary>Whether Text turned a hole into literal text: it then has fewer holes than the string.</summary>
    private static bool HasConstantHole(InterpolatedStringExpressionSyntax interpolated, TextValue text)
    {
        var holes = 0;
        foreach (var content in interpolated.Contents) if (content is InterpolationSyntax) holes++;
        var kept = 0;
        foreach (var segment in text.Segments) if (segment.IsHole) kept++;
        return kept < holes;
    }

    /// <summary>
    /// The token's value keeps a regular interpolated string's brace escapes (<c>{{</c>, <c>}}</c>) doubled; the
    /// string at run time has single braces. Raw strings (<c>$$"""</c>) have no brace escapes.
    /// </summary>
    private static string Unescape(InterpolatedStringExpressionSyntax interpolated, string text) =>
        interpolated.StringStartToken.IsKind(SyntaxKind.InterpolatedStringStartToken) || interpolated.StringStartToken.IsKind(SyntaxKind.InterpolatedVerbatimStringStartToken)
            ? text.Replace("{{", "{").Replace("}}", "}")
            : text;

    public string? OptionalString(ExpressionSyntax? expression) =>
        expression is null || expression.IsKind(SyntaxKind.NullLiteralExpression) ? null : String(expression);

    public int? Int(ExpressionSyntax? expression)
    {
        if (expression is null) return null;
        var constant = Constant(expression);
        return constant.HasValue && constant.Value is int value ? value : null;
    }

    public bool? Bool(ExpressionSyntax? expression)
    {
        if (expression is null) return null;
        var constant = Constant(expression);
        return constant.HasValue && constant.Value is bool value ? value : null;
    }

    /// <summary>
    /// Reads <c>TimeSpan.FromMinutes(5)</c>, <c>TimeSpan.FromMinutes(1, 30)</c> (.NET 9), <c>TimeSpan.Zero</c>,
    /// <c>new TimeSpan(h, m, s)</c> and friends.
    /// </summary>
    public DurationModel Duration(ExpressionSyntax? expression)
    {
        if (expression is null) return new DurationModel(null, "");
        var source = expression.ToString();
        return new DurationModel(TryDuration(expression), source);
    }

    /// <summary>
    /// Reads <c>TimeBox.Minutes(0, 5)</c>, <c>TimeBox.Hours(1)</c> (named bounds by name), <c>new TimeBox(from, to)</c>, or
    /// a duration converted to a time box.
    /// </summary>
    public TimeBoxModel TimeBox(ExpressionSyntax expression)
    {
        if (expression is ParenthesizedExpressionSyntax parenthesized) return TimeBox(parenthesized.Expression);
        if (expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var unit } access } invocation
            && IsTimeBox(access.Expression)
            && (unit == "Minutes" || unit == "Hours"))
        {
            // TimeBox.Hours(int.MaxValue) compiles but is no TimeSpan: documented as written, like a non-constant.
            Func<int, TimeSpan?> toSpan = unit == "Minutes" ? n => Guarded(() => TimeSpan.FromMinutes(n)) : n => Guarded(() => TimeSpan.FromHours(n));
            if (TimeBoxArguments.TryReadFactory(invocation.ArgumentList.Arguments, out var fromArgument, out var toArgument)
                && Int(toArgument) is { } end && toSpan(end) is { } endValue)
            {
                if (fromArgument is null)
                    return new TimeBoxModel(new DurationModel(TimeSpan.Zero, "0"), new DurationModel(endValue, end.ToString(CultureInfo.InvariantCulture)));
                if (Int(fromArgument) is { } from && toSpan(from) is { } fromValue)
                    return new TimeBoxModel(new DurationModel(fromValue, from.ToString(CultureInfo.InvariantCulture)), new DurationModel(endValue, end.ToString(CultureInfo.InvariantCulture)));
            }
        }
        // new TimeBox(from, to), or new(from, to) where a TimeBox is asked for: RB0016 takes it as constant, so the page
        // shows its window, not "0 - new TimeBox(…)" — a start at zero the runtime never made.
        if (expression is BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: var arguments } creation
            && (creation is ImplicitObjectCreationExpressionSyntax || (creation is ObjectCreationExpressionSyntax explicitCreation && IsTimeBox(explicitCreation.Type)))
            && TimeBoxArguments.TryReadConstructor(arguments, out var fromExpression, out var toExpression))
        {
            return new TimeBoxModel(Duration(fromExpression), Duration(toExpression));
        }

        return new TimeBoxModel(new DurationModel(TimeSpan.Zero, "0"), Duration(expression));
    }

    /// <summary>Reads a severity: <c>Severity.P1</c> and <c>new Severity("P1")</c> are the key "P1"; a string is the key itself.</summary>
    public string SeverityKey(ExpressionSyntax expression) => expression switch
    {
        ParenthesizedExpressionSyntax parenthesized => SeverityKey(parenthesized.Expression),
        MemberAccessExpressionSyntax access when access.Expression.ToString().EndsWith("Severity", StringComparison.Ordinal) => access.Name.Identifier.ValueText,
        // new Severity("Critical"), as RB0009 reads it: the page and the catalog showed the call as written.
        BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: [var key] } => String(key.Expression),
        _ => String(expression),
    };

    private TimeSpan? TryDuration(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                // (TimeSpan.FromMinutes(5)) is the duration inside: RB0016 reads it so, and the page must too.
                return TryDuration(parenthesized.Expression);
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Zero" } access when IsTimeSpan(access.Expression):
                return TimeSpan.Zero;
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation when IsTimeSpan(access.Expression):
                var arguments = invocation.ArgumentList.Arguments;
                // Whole numbers, as the runtime's integer overloads (.NET 9's TimeSpan.FromMinutes(1, 30) among them) sum them.
                if (TimeSpanFactories.TryRead(access.Name.Identifier.ValueText, arguments, IntegerConstant, out var exact)) return exact;
                if (arguments.Count != 1) return null;
                var constant = Constant(arguments[0].Expression);
                // A number only: a char or string here does not compile yet, and Convert would throw on it.
                if (constant.Value is not (int or long or double or float or decimal or short or byte or uint or ulong or ushort or sbyte)) return null;
                var n = Convert.ToDouble(constant.Value, CultureInfo.InvariantCulture);
                return access.Name.Identifier.ValueText switch
                {
                    "FromDays" => Guarded(() => TimeSpan.FromDays(n)),
                    "FromHours" => Guarded(() => TimeSpan.FromHours(n)),
                    "FromMinutes" => Guarded(() => TimeSpan.FromMinutes(n)),
                    "FromSeconds" => Guarded(() => TimeSpan.FromSeconds(n)),
                    "FromMilliseconds" => Guarded(() => TimeSpan.FromMilliseconds(n)),
                    _ => null,
                };
            case BaseObjectCreationExpressionSyntax { ArgumentList: { } list } creation
                when creation is ImplicitObjectCreationExpressionSyntax || (creation is ObjectCreationExpressionSyntax explicitCreation && IsTimeSpan(explicitCreation.Type)):
                // Each part by its parameter's name where one is written, as the compiler binds it.
                return TimeSpanFactories.TryReadConstructor(list.Arguments, IntegerConstant, out var made) ? made : null;
            default:
                return null;
        }
    }

    private long? IntegerConstant(ExpressionSyntax expression) => Constant(expression) is { HasValue: true } constant ? TimeSpanFactories.Integer(constant.Value) : null;

    /// <summary>
    /// A duration the compiler accepts can still be no <c>TimeSpan</c> (<c>new TimeSpan(int.MaxValue, 0, 0)</c>,
    /// <c>TimeSpan.FromDays(1e9)</c>, NaN): it throws at run time. Null then — documented as written — because the
    /// generator must never throw (it would lose every page of the project).
    /// </summary>
    private static TimeSpan? Guarded(Func<TimeSpan> create)
    {
        try
        {
            return create();
        }
        catch (Exception e) when (e is OverflowException or ArgumentException)
        {
            return null;
        }
    }

    private static bool IsTimeBox(SyntaxNode node) => node.ToString() is "TimeBox" or "RunbookSdk.TimeBox" or "global::RunbookSdk.TimeBox";

    private static bool IsTimeSpan(SyntaxNode node) => node.ToString() is "TimeSpan" or "System.TimeSpan" or "global::System.TimeSpan";

    private TextSegment HoleOrConstant(InterpolationSyntax hole)
    {
        // A hole holding a constant (e.g. a const string) is literal text as far as the docs are concerned, formatted
        // as the interpolation handler formats it at run time (a command's is then quoted too: see Command).
        var constant = Constant(hole.Expression);
        if (!constant.HasValue) return new TextSegment(HoleText(hole.Expression), true);
        if (hole.FormatClause is not null || hole.AlignmentClause is not null)
            return Formatted(hole, constant.Value) is { } formatted ? new TextSegment(formatted, false) : new TextSegment(HoleText(hole.Expression), true);
        // An enum's constant is its underlying integer: only then is its type worth asking for (a const string, the
        // common case, is not).
        if (constant.Value is byte or sbyte or short or ushort or int or uint or long or ulong
            && ModelOf(hole).GetTypeInfo(hole.Expression).Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
        {
            // An enum prints its member's name; a value no single member has (flags combined) stays a hole.
            foreach (var member in enumType.GetMembers())
            {
                if (member is IFieldSymbol { HasConstantValue: true } field && Equals(field.ConstantValue, constant.Value)) return new TextSegment(field.Name, false);
            }

            return new TextSegment(HoleText(hole.Expression), true);
        }

        return new TextSegment(Invariant(constant.Value), false);
    }

    /// <summary>
    /// A hole as the page names it: <c>{this.Region}</c> is the parameter <c>{Region}</c> that the parameters table
    /// lists and the dry run fills in, so every <c>this.</c> that only qualifies a member is left out
    /// (<c>{this.Db.Host}</c> reads <c>{Db.Host}</c>). Any other expression is shown as written.
    /// </summary>
    private static string HoleText(ExpressionSyntax expression)
    {
        var text = expression.ToString();
        if (text.IndexOf("this.", StringComparison.Ordinal) < 0) return text;

        var builder = new System.Text.StringBuilder(text.Length);
        var start = expression.SpanStart;
        var copied = 0;
        foreach (var node in expression.DescendantNodesAndSelf())
        {
            if (node is not MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax self } access) continue;
            var skipFrom = self.SpanStart - start;
            builder.Append(text, copied, skipFrom - copied);
            copied = access.Name.SpanStart - start;
        }

        return builder.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>
    /// A constant hole with a format or alignment (<c>{Limits.Shard:D3}</c>, <c>{Width,4}</c>) as it is written at run
    /// time: the page showed <c>{Limits.Shard}</c> where <c>007</c> runs. Null — the hole stays — for an enum (its
    /// formats name or number it) or a clause the generator cannot evaluate.
    /// </summary>
    private string? Formatted(InterpolationSyntax hole, object? value)
    {
        if (value is byte or sbyte or short or ushort or int or uint or long or ulong
            && ModelOf(hole).GetTypeInfo(hole.Expression).Type is { TypeKind: TypeKind.Enum })
        {
            return null;
        }

        var alignment = 0;
        if (hole.AlignmentClause is { } alignmentClause)
        {
            if (Int(alignmentClause.Value) is not { } width) return null;
            alignment = width;
        }

        var format = hole.FormatClause?.FormatStringToken.ValueText;
        try
        {
            var text = value is IFormattable formattable ? formattable.ToString(format, CultureInfo.InvariantCulture) : Invariant(value);
            return alignment >= 0 ? text.PadLeft(alignment) : text.PadRight(-alignment);
        }
        catch (FormatException)
        {
            return null; // a format the value's type refuses: the runner throws too, the page shows the hole
        }
    }

    /// <summary>
    /// A constant as text, as the command's interpolation handler and .NET's formatting write it at run time:
    /// numbers in the invariant culture (the compiler may run under any), whatever the build machine's culture.
    /// </summary>
    private static string Invariant(object? value) => value switch
    {
        null => "",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Adds a segment, joining adjacent literal text and dropping empty text, so equal texts compare equal.</summary>
    private static void Append(System.Collections.Immutable.ImmutableArray<TextSegment>.Builder segments, TextSegment segment)
    {
        if (!segment.IsHole && segment.Text.Length == 0) return;
        if (!segment.IsHole && segments.Count > 0 && !segments[segments.Count - 1].IsHole)
            segments[segments.Count - 1] = new TextSegment(segments[segments.Count - 1].Text + segment.Text, false);
        else
            segments.Add(segment);
    }
}
