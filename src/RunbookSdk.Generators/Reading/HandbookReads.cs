using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using RunbookSdk.Generators.Model;
using Entry = RunbookSdk.Generators.Reading.KeptRead<RunbookSdk.Generators.Model.HandbookModel>;
using Slot = RunbookSdk.Generators.Reading.KeptRead<RunbookSdk.Generators.Model.HandbookModel>.Slot;

namespace RunbookSdk.Generators.Reading;

/// <summary>
/// Reads handbooks for one generator instance, reusing a handbook's model while nothing it was read from changed, as
/// <see cref="RunbookReads"/> does for runbooks. Roslyn's attribute search hands every <c>[Handbook]</c> class to the
/// transform again on every compilation — in the IDE, on every keystroke in any file — and the handbook was read
/// again each time: its <c>Define</c> walked, its constants and helpers bound. The model is kept per declaration node
/// (the same node while its file is unchanged) with the trees and simple names it was read from
/// (<see cref="Dependencies"/>: the handbook's parts, the classes it derives from and so the <c>Define</c> it inherits,
/// the static helpers and constants its <c>Define</c> reads), and reused while they hold. A build that parses every
/// file again (the compiler server's cached driver) reads the handbooks again: they are few.
/// </summary>
/// <param name="versionOf">The compilation's version, shared with the runbooks' reads.</param>
internal sealed class HandbookReads(Func<Compilation, CompilationVersion> versionOf)
{
    private readonly ConditionalWeakTable<SyntaxNode, Slot> _models = new();
    private int _count;

    /// <summary>How many handbooks were read rather than reused, for the tests that count work.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The model of the <c>[Handbook]</c> class Roslyn found.</summary>
    public Result<HandbookModel> Read(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var compilation = context.SemanticModel.Compilation;
        var version = versionOf(compilation);
        var slot = _models.GetValue(context.TargetNode, static _ => new Slot());
        var stale = slot.Entry;
        if (stale is not null && stale.IsValidIn(compilation, version)) return stale.Result;

        Interlocked.Increment(ref _count);
        var dependencies = new Dependencies(cancellationToken);
        if (version.GlobalTypeUsingDependencies(compilation, cancellationToken) is { } global) dependencies.Include(global);
        var result = HandbookReader.Read(context, cancellationToken, dependencies);
        // Read again and the same: the earlier object, which Roslyn's table holds already.
        if (stale is not null && stale.Result.Equals(result)) result = stale.Result;
        slot.Entry = dependencies.IsUnknown ? null : new Entry(result, version, dependencies.Trees, dependencies.Names);
        return result;
    }
}
