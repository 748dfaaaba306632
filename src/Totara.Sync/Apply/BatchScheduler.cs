using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client.Batching;

namespace Totara.Sync;

/// <summary>
/// The apply loop: sends a plan's batches in order, independent user batches several at a time,
/// and hands each applied batch on in plan order. A stop is honoured between batches: the batches
/// in flight may finish within a grace period, and the rest are skipped.
/// </summary>
/// <remarks>
/// After the first batch, consecutive batches that may overlap (<see cref="SyncApplier.CanOverlap"/>) go
/// together, as many as <see cref="InFlightLimit"/> allows: a real site spends tens of milliseconds on each record, so
/// one batch after another would leave the site's time serial and the budget unspent. The client's
/// pacer holds them all to the budget.
/// </remarks>
internal sealed class BatchScheduler
{
    private readonly SyncApplier _applier;
    private readonly List<List<SyncChange>> _batches;
    private readonly TimeSpan _grace;
    private readonly InFlightLimit _inFlight = new();

    public BatchScheduler(SyncApplier applier, List<List<SyncChange>> batches, TimeSpan grace)
    {
        _applier = applier;
        _batches = batches;
        _grace = grace;
    }

    /// <summary>
    /// Applies every batch; <paramref name="onApplied"/> sees each one once it is applied, in plan order,
    /// even when the stop came while it was in flight (its changes were sent, so the host must learn of them).
    /// Returns true when it ran to the end, false when <paramref name="stop"/> cut it short.
    /// </summary>
    /// <exception cref="SyncAbandonedException">The batches in flight outlasted the grace period after the stop.</exception>
    public async Task<bool> RunAsync(Action<IReadOnlyList<SyncChange>> onApplied, CancellationToken stop)
    {
        var next = 0;
        while (next < _batches.Count)
        {
            if (stop.IsCancellationRequested)
            {
                _applier.Skip(_batches.Skip(next));
                return false;
            }
            // The first batch goes alone: its round trip tells how many may go together after it, and a
            // stop that comes while it is in flight leaves everything after it unsent.
            var group = Group(_batches, next, next == 0 ? 1 : _inFlight.Current);
            next += group.Count;
            await ApplyTogetherAsync(group, next, stop).ConfigureAwait(false);
            foreach (var batch in group) onApplied(batch);
        }
        return true;
    }

    /// <summary>The batch at <paramref name="start"/> and the ones after it that may be in flight with it: same action, at most <paramref name="limit"/>.</summary>
    public static List<List<SyncChange>> Group(IReadOnlyList<List<SyncChange>> batches, int start, int limit)
    {
        var group = new List<List<SyncChange>> { batches[start] };
        if (!SyncApplier.CanOverlap(batches[start])) return group;
        for (var j = start + 1; j < batches.Count && group.Count < limit; j++)
        {
            if (!SyncApplier.CanOverlap(batches[j]) || batches[j][0].Action != batches[start][0].Action) break;
            group.Add(batches[j]);
        }
        return group;
    }

    // The group's batches in flight together; a stop gives them the grace period, then cancels them
    // and skips the batches from <rest> on.
    private async Task ApplyTogetherAsync(List<List<SyncChange>> group, int rest, CancellationToken stop)
    {
        var started = Stopwatch.StartNew();
        using (var abort = new CancellationTokenSource())
        using (stop.Register(() => abort.CancelAfter(_grace)))
        {
            try
            {
                await Task.WhenAll(group.Select(batch => _applier.ApplyBatchAsync(batch, abort.Token))).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (abort.IsCancellationRequested)
            {
                _applier.Skip(_batches.Skip(rest));
                throw new SyncAbandonedException(group.SelectMany(b => b).ToList(), _grace);
            }
        }
        _inFlight.Observe(started.Elapsed);
    }
}
