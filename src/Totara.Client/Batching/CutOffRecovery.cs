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
/// ran are a prefix of the batch and the answer says nothing about where it ends. This finds the
/// end: each operation is looked up (the read-backs of all in one batched query, an operation's
/// own check where it has no read-back); the first one proven not applied marks the cut, and
/// everything from there is resent. Before the cut, what was found is settled as applied.
/// </summary>
internal sealed class CutOffRecovery
{
    private readonly BatchResults _results;
    private readonly Func<IReadOnlyList<BatchOperation>, CancellationToken, Task<IReadOnlyList<BatchItemResult>>> _runQueries;

    /// <param name="runQueries">Runs query operations as batches (for read-backs), results in input order.</param>
    public CutOffRecovery(BatchResults results,
        Func<IReadOnlyList<BatchOperation>, CancellationToken, Task<IReadOnlyList<BatchItemResult>>> runQueries)
    {
        _results = results;
        _runQueries = runQueries;
    }

    /// <summary>Settles what ran and returns the operations to resend, in batch order.</summary>
    public async Task<List<PendingOperation>> RecoverAsync(IReadOnlyList<PendingOperation> batch, CancellationToken ct)
    {
        var readBacks = await ReadBackAsync(batch, ct).ConfigureAwait(false);
        var resend = new List<PendingOperation>();
        var cut = false;
        for (var i = 0; i < batch.Count; i++)
        {
            var pending = batch[i];
            if (cut)
            {
                resend.Add(pending);                                // past the cut nothing ran
                continue;
            }

            // Checked one by one only up to the cut: everything after it is resent unchecked.
            var finding = readBacks[i] is { } data ? Finding.Applied(data) : await FindAsync(pending.Operation, ct).ConfigureAwait(false);
            if (finding.Kind == FindingKind.NotApplied)
            {
                cut = true;
                resend.Add(pending);
            }
            else if (finding.Kind == FindingKind.SafeToResend)
                resend.Add(pending);                                // idempotent: may go again, and says nothing about the cut
            else if (finding.Kind == FindingKind.Applied)
                _results.Succeed(pending, finding.Data);
            else
                _results.Fail(pending,
                    $"{pending.Operation.Field} was in a request the site cut off with 429 Too many requests, and nothing " +
                    $"shows whether it ran{(finding.Why is null ? "" : ": " + finding.Why)}. State unknown: check the record before trying again.",
                    LostAnswerRecovery.StateUnknownCategory);
        }
        return resend;
    }

    /// <summary>The read-backs of all operations that have one, in one batched query: the data found, by batch position.</summary>
    private async Task<JsonElement?[]> ReadBackAsync(IReadOnlyList<PendingOperation> batch, CancellationToken ct)
    {
        var found = new JsonElement?[batch.Count];
        var withReadBack = Enumerable.Range(0, batch.Count)
            .Where(i => !batch[i].Operation.IsIdempotent && batch[i].Operation.ReadBack is not null)
            .ToList();
        if (withReadBack.Count == 0) return found;
        var answers = await _runQueries(withReadBack.Select(i => batch[i].Operation.ReadBack!).ToList(), ct).ConfigureAwait(false);
        for (var k = 0; k < withReadBack.Count; k++)
        {
            var operation = batch[withReadBack[k]].Operation;
            if (answers[k].Succeeded && answers[k].Data is { } data)
                found[withReadBack[k]] = operation.ReadBackAnswer is { } map ? map(data) : data;
        }
        return found;
    }

    /// <summary>For an operation its read-back did not find: its own check, else what its kind allows.</summary>
    private static async Task<Finding> FindAsync(BatchOperation operation, CancellationToken ct)
    {
        if (operation.IsIdempotent) return Finding.SafeToResend;
        if (operation.RecoverAfterLostAnswer is { } check) return await CheckAsync(check, ct).ConfigureAwait(false);
        // A read-back that found nothing (a failed one would have been retried by the pipeline).
        return operation.ReadBack is not null ? Finding.NotApplied : Finding.Unknown(null);
    }

    private static async Task<Finding> CheckAsync(Func<CancellationToken, Task<JsonElement?>> check, CancellationToken ct)
    {
        try
        {
            return await check(ct).ConfigureAwait(false) is { } data ? Finding.Applied(data) : Finding.NotApplied;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            return Finding.Unknown("checking it failed: " + ex.Message);
        }
    }

    private enum FindingKind
    {
        Unknown,
        Applied,
        NotApplied,
        SafeToResend,
    }

    private readonly struct Finding
    {
        private Finding(FindingKind kind, JsonElement? data, string? why)
        {
            Kind = kind;
            Data = data;
            Why = why;
        }

        public FindingKind Kind { get; }

        public JsonElement? Data { get; }

        public string? Why { get; }

        public static Finding NotApplied => new(FindingKind.NotApplied, null, null);

        public static Finding SafeToResend => new(FindingKind.SafeToResend, null, null);

        public static Finding Applied(JsonElement? data) => new(FindingKind.Applied, data, null);

        public static Finding Unknown(string? why) => new(FindingKind.Unknown, null, why);
    }
}
