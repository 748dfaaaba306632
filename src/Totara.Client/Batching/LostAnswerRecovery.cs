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

    private readonly BatchResults _results;
    private readonly int _maxResends;
    private readonly Func<IReadOnlyList<BatchOperation>, CancellationToken, Task<IReadOnlyList<BatchItemResult>>> _runQueries;

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
        foreach (var pending in lost)
        {
            var op = pending.Operation;
            if (pending.LostAnswers >= _maxResends)
            {
                _results.Fail(pending, $"The answer to {op.Field} was lost {pending.LostAnswers + 1} times; giving up. {StateNote(op)}", StateUnknownCategory);
                continue;
            }

            if (op.IsIdempotent)
            {
                pending.LostAnswers++;
                resend.Add(pending);
                continue;
            }

            if (op.RecoverAfterLostAnswer is null)
            {
                _results.Fail(pending,
                    $"The answer to {op.Field} was lost ({why}); state unknown: it may or may not have been applied. " +
                    "Check the record before trying again.",
                    StateUnknownCategory);
                continue;
            }

            var check = await CheckAsync(pending, ct).ConfigureAwait(false);
            if (check.Failed) continue;
            if (check.Data is not null)
            {
                _results.Succeed(pending, check.Data);
            }
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
        foreach (var pending in unread)
        {
            if (pending.Operation.RecoverAfterLostAnswer is null)
            {
                _results.Succeed(pending, null);
                continue;
            }
            var check = await CheckAsync(pending, ct).ConfigureAwait(false);
            if (!check.Failed)
                _results.Succeed(pending, check.Data);
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

    private async Task<CheckResult> CheckAsync(PendingOperation pending, CancellationToken ct)
    {
        try
        {
            var data = await pending.Operation.RecoverAfterLostAnswer!(ct).ConfigureAwait(false);
            return new CheckResult(false, data);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            _results.Fail(pending,
                $"The answer to {pending.Operation.Field} was lost and checking whether it was applied failed: {ex.Message} State unknown.",
                StateUnknownCategory);
            return new CheckResult(true, null);
        }
    }

    private static string StateNote(BatchOperation op) =>
        op.IsIdempotent ? "" : "State unknown: it may or may not have been applied.";

    private readonly struct CheckResult
    {
        public CheckResult(bool failed, System.Text.Json.JsonElement? data)
        {
            Failed = failed;
            Data = data;
        }

        public bool Failed { get; }

        public System.Text.Json.JsonElement? Data { get; }
    }
}
