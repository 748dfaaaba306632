using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Totara.Client.Batching;

/// <summary>
/// A mutation batch refused with 429 part-way. Totara checks the rate limit before every root
/// field (client_rate_limit middleware) and resolves root fields in order, so the aliases that
/// ran are a prefix of the batch, and the answer says nothing about where it ends. This finds
/// the end by bisection with the operations' own checks (<see cref="BatchOperation.RecoverAfterLostAnswer"/>),
/// a handful of requests however long the batch; settles the aliases before it as applied (their
/// data through <see cref="LostAnswerRecovery.SettleAppliedAsync"/>, read back in one batch) and
/// returns the rest to resend. What nothing can tell about is reported as state unknown, never resent.
/// </summary>
/// <remarks>
/// A read-back alone proves nothing here: it reads the record an operation touched (a user for
/// an audience add), which is there whether the operation ran or not.
/// </remarks>
internal sealed class CutOffRecovery
{
    private readonly BatchResults _results;
    private readonly LostAnswerRecovery _applied;

    public CutOffRecovery(BatchResults results, LostAnswerRecovery applied)
    {
        _results = results;
        _applied = applied;
    }

    /// <summary>Settles what ran and returns the operations to resend, in batch order.</summary>
    public async Task<List<PendingOperation>> RecoverAsync(IReadOnlyList<PendingOperation> batch, CancellationToken ct)
    {
        // Only an operation that can be checked and is not idempotent tells whether the request reached it.
        var probes = Enumerable.Range(0, batch.Count)
            .Where(i => !batch[i].Operation.IsIdempotent && batch[i].Operation.RecoverAfterLostAnswer is not null)
            .ToList();
        var (lastRan, firstNotRun) = await BisectAsync(batch, probes, ct).ConfigureAwait(false);

        var ran = new List<PendingOperation>();
        var resend = new List<PendingOperation>();
        for (var i = 0; i < batch.Count; i++)
        {
            var pending = batch[i];
            if (i <= lastRan) ran.Add(pending);                               // at or before an alias that ran
            else if (i >= firstNotRun || pending.Operation.IsIdempotent) resend.Add(pending);   // never ran, or harmless again
            else
                _results.Fail(pending,
                    $"{pending.Operation.Field} was in a request the site cut off with 429 Too many requests, and nothing " +
                    "shows whether it ran. State unknown: check the record before trying again.",
                    LostAnswerRecovery.StateUnknownCategory);
        }

        await _applied.SettleAppliedAsync(ran, ct).ConfigureAwait(false);
        return resend;
    }

    /// <summary>
    /// The last position known to have run (-1: none) and the first known not to have run
    /// (batch.Count: none), by bisection over the probes: the ones that ran come first.
    /// </summary>
    private static async Task<(int LastRan, int FirstNotRun)> BisectAsync(IReadOnlyList<PendingOperation> batch, List<int> probes, CancellationToken ct)
    {
        int low = 0, high = probes.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            bool? applied = await CheckAsync(batch[probes[middle]].Operation, ct).ConfigureAwait(false);
            if (applied is null) break;                                   // a check failed: stop where the facts end
            if (applied.Value) low = middle + 1;
            else high = middle;
        }
        // Only proven facts move the bounds, so they hold even when a failed check ended the search early.
        var lastRan = low > 0 ? probes[low - 1] : -1;
        var firstNotRun = high < probes.Count ? probes[high] : batch.Count;
        return (lastRan, firstNotRun);
    }

    /// <summary>The operation's own check: true applied, false not applied, null when the check failed.</summary>
    private static async Task<bool?> CheckAsync(BatchOperation operation, CancellationToken ct)
    {
        try
        {
            JsonElement? data = await operation.RecoverAfterLostAnswer!(ct).ConfigureAwait(false);
            return data is not null;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception)
        {
            return null;
        }
    }
}
