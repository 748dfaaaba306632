using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Totara.Client.Batching;

/// <summary>
/// Decides, per operation, what to do when a mutation's answer was lost and it may or may not
/// have been applied: resend it if it is idempotent; else ask its
/// <see cref="BatchOperation.RecoverAfterLostAnswer"/> check (applied: take the data; not
/// applied: resend); with neither, report it failed with "state unknown". Never guesses.
/// </summary>
internal sealed class LostAnswerRecovery
{
    public const string StateUnknownCategory = "answer_lost";

    /// <summary>How many lost-answer checks may be in flight at once.</summary>
    private const int MaxConcurrentChecks = 4;

    private readonly BatchResults _results;
    private readonly int _maxResends;
    private readonly Func<IReadOnlyList<BatchOperation>, CancellationToken, Task<IReadOnlyList<BatchItemResult>>> _runQueries;

    /// <param name="results">Where each operation's outcome is recorded; a check that settles one fails or completes it here.</param>
    /// <param name="maxResends">How many times one operation's answer may be lost before it is failed with "state unknown".</param>
    /// <param name="runQueries">Runs query operations as batches (for read-backs), results in input order.</param>
    public LostAnswerRecovery(BatchResults results, int maxResends,
        Func<IReadOnlyList<BatchOperation>, CancellationToken, Task<IReadOnlyList<BatchItemResult>>> runQueries)
    {
        _results = results;
        _maxResends = maxResends;
        _runQueries = runQueries;
    }

    /// <summary>Settles what it can and returns the operations to resend.</summary>
    public async Task<List<PendingOperation>> RecoverAsync(IReadOnlyList<PendingOperation> lost, string why, CancellationToken ct)
    {
        var resend = new List<PendingOperation>();
        var toCheck = new List<PendingOperation>();
        foreach (var pending in lost)
        {
            var op = pending.Operation;
            if (pending.LostAnswers >= _maxResends)
                _results.Fail(pending, $"The answer to {op.Field} was lost {pending.LostAnswers + 1} times; giving up. {StateNote(op)}", StateUnknownCategory);
            else if (op.IsIdempotent)
            {
                pending.LostAnswers++;
                resend.Add(pending);
            }
            else if (op.RecoverAfterLostAnswer is null)
                _results.Fail(pending,
                    $"The answer to {op.Field} was lost ({why}); state unknown: it may or may not have been applied. " +
                    "Check the record before trying again.",
                    StateUnknownCategory);
            else
                toCheck.Add(pending);
        }

        var checks = await CheckAllAsync(toCheck, ct).ConfigureAwait(false);
        for (var i = 0; i < toCheck.Count; i++)
        {
            var pending = toCheck[i];
            if (checks[i].Failure is { } failure) _results.Fail(pending, failure, StateUnknownCategory);
            else if (checks[i].Data is { } data) _results.Succeed(pending, data);
            else
            {
                pending.LostAnswers++;
                resend.Add(pending);
            }
        }
        return resend;
    }

    /// <summary>
    /// Operations known to have run whose data was lost with the rest of the answer: take the
    /// answer known beforehand, else fetch the data through their read-backs (one batch for all),
    /// else through their check; with none of these, report success without data.
    /// </summary>
    public async Task SettleAppliedAsync(IReadOnlyList<PendingOperation> applied, CancellationToken ct)
    {
        var unknown = new List<PendingOperation>(applied.Count);
        foreach (var pending in applied)
        {
            if (pending.Operation.AnswerWhenApplied is { } known) _results.Succeed(pending, known);
            else unknown.Add(pending);
        }
        var unread = await ReadBackAsync(unknown, ct).ConfigureAwait(false);
        var toCheck = new List<PendingOperation>(unread.Count);
        foreach (var pending in unread)
        {
            if (pending.Operation.RecoverAfterLostAnswer is null) _results.Succeed(pending, null);
            else toCheck.Add(pending);
        }

        var checks = await CheckAllAsync(toCheck, ct).ConfigureAwait(false);
        for (var i = 0; i < toCheck.Count; i++)
        {
            if (checks[i].Failure is { } failure) _results.Fail(toCheck[i], failure, StateUnknownCategory);
            else _results.Succeed(toCheck[i], checks[i].Data);
        }
    }

    /// <summary>Settles the operations whose read-back found data; returns the others.</summary>
    private async Task<List<PendingOperation>> ReadBackAsync(IReadOnlyList<PendingOperation> applied, CancellationToken ct)
    {
        var withReadBack = applied.Where(p => p.Operation.ReadBack is not null).ToList();
        var unread = applied.Where(p => p.Operation.ReadBack is null).ToList();
        if (withReadBack.Count == 0) return unread;

        var answers = await _runQueries(withReadBack.Select(p => p.Operation.ReadBack!).ToList(), ct).ConfigureAwait(false);
        for (var i = 0; i < withReadBack.Count; i++)
        {
            // A read-back that failed or found nothing falls back to the operation's own check.
            var data = answers[i].Succeeded ? AnswerOf(withReadBack[i].Operation, answers[i].Data) : null;
            if (data is not null) _results.Succeed(withReadBack[i], data);
            else unread.Add(withReadBack[i]);
        }
        return unread;
    }

    /// <summary>The read-back's data in the operation's own shape; null when it shows nothing.</summary>
    private static JsonElement? AnswerOf(BatchOperation operation, JsonElement? readBack)
    {
        if (readBack is not { } data) return null;
        return operation.ReadBackAnswer is { } map ? map(data) : data;
    }

    /// <summary>
    /// Runs the operations' checks, a few at a time: a lost answer can leave hundreds of records
    /// to check, and one request after another would take as long as a per-record loop. The
    /// checks only read, and each goes through the client's pacing. Results in input order.
    /// </summary>
    private static async Task<CheckResult[]> CheckAllAsync(IReadOnlyList<PendingOperation> pending, CancellationToken ct)
    {
        var results = new CheckResult[pending.Count];
        using var slots = new SemaphoreSlim(MaxConcurrentChecks);
        var tasks = pending.Select(async (operation, index) =>
        {
            await slots.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                results[index] = await CheckAsync(operation, ct).ConfigureAwait(false);
            }
            finally
            {
                slots.Release();
            }
        }).ToList();
        await Task.WhenAll(tasks).ConfigureAwait(false);
        return results;
    }

    private static async Task<CheckResult> CheckAsync(PendingOperation pending, CancellationToken ct)
    {
        try
        {
            var data = await pending.Operation.RecoverAfterLostAnswer!(ct).ConfigureAwait(false);
            return new CheckResult(data, null);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            return new CheckResult(null,
                $"The answer to {pending.Operation.Field} was lost and checking whether it was applied failed: {ex.Message} State unknown.");
        }
    }

    private static string StateNote(BatchOperation op) =>
        op.IsIdempotent ? "" : "State unknown: it may or may not have been applied.";

    /// <summary>A check's outcome: the data when the operation was applied, or why the check failed.</summary>
    private readonly struct CheckResult
    {
        public CheckResult(JsonElement? data, string? failure)
        {
            Data = data;
            Failure = failure;
        }

        public JsonElement? Data { get; }

        public string? Failure { get; }
    }
}
