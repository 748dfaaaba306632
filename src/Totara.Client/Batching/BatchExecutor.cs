using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client.Transport;

namespace Totara.Client.Batching;

/// <summary>
/// Runs one batch to an outcome per operation. Maps each alias's data or error (errors carry
/// the alias as <c>path[0]</c>); on "too complex" keeps what was resolved before the crossing
/// and resends the rest in smaller batches; isolates invalid input; for a mutation whose
/// answer was lost, asks <see cref="LostAnswerRecovery"/> before resending anything, and for one
/// cut off by a 429, asks <see cref="CutOffRecovery"/> which aliases ran; so nothing is ever
/// applied twice.
/// </summary>
internal sealed class BatchExecutor
{
    private readonly RequestExecutor _executor;
    private readonly BatchResults _results;
    private readonly LostAnswerRecovery _recovery;
    private readonly CutOffRecovery _cutOff;
    private readonly int _maxResends;

    public BatchExecutor(RequestExecutor executor, BatchResults results, int maxLostAnswerResends,
        Func<IReadOnlyList<BatchOperation>, CancellationToken, Task<IReadOnlyList<BatchItemResult>>> runQueries)
    {
        _executor = executor;
        _results = results;
        // Splitting after "too complex" resends too; allow at least enough rounds to halve down to one.
        _maxResends = Math.Max(maxLostAnswerResends, 16);
        _recovery = new LostAnswerRecovery(results, maxLostAnswerResends, runQueries);
        _cutOff = new CutOffRecovery(results, _recovery);
    }

    public async Task RunAsync(IReadOnlyList<PendingOperation> batch, CancellationToken ct)
    {
        if (batch.Count == 0) return;
        var isMutation = batch[0].Operation.IsMutation;
        var request = BatchDocument.Build(batch);

        RawAnswer answer;
        try
        {
            var charge = isMutation ? new MutationBatchCharge(batch) : new RequestCharge(isMutation: false, batch.Sum(p => p.Cost));
            answer = await _executor.SendAsync(request, charge, ct).ConfigureAwait(false);
        }
        catch (TotaraConnectionException ex) when (isMutation && ex.AnswerLost)
        {
            var resend = await _recovery.RecoverAsync(batch, ex.Message, ct).ConfigureAwait(false);
            await RunAsync(resend, ct).ConfigureAwait(false);
            return;
        }
        catch (TotaraRateLimitException) when (isMutation && batch.Count > 1)
        {
            // Cut off part-way (the rate limit is checked before each root field): resend only what did not run.
            var resend = await _cutOff.RecoverAsync(batch, ct).ConfigureAwait(false);
            await RunAsync(GiveUpOnRepeats(resend), ct).ConfigureAwait(false);
            return;
        }

        using (answer)
        {
            if (answer.Data is null && answer.Errors.Count > 0 && answer.Errors.All(e => e.RootField is null))
                await HandleRequestFailureAsync(batch, answer, ct).ConfigureAwait(false);
            else
                await MapAnswerAsync(batch, answer, isMutation, ct).ConfigureAwait(false);
        }
    }

    private async Task MapAnswerAsync(IReadOnlyList<PendingOperation> batch, RawAnswer answer, bool isMutation, CancellationToken ct)
    {
        var crossing = ComplexityCrossing.Find(batch, answer.Errors);
        var firstFailure = answer.Data is null ? FailedAlias.FirstIndex(batch, answer.Errors) : -1;
        var resend = new List<PendingOperation>();
        var unknown = new List<PendingOperation>();
        var appliedWithoutData = new List<PendingOperation>();
        var notStarted = new List<PendingOperation>();

        for (var i = 0; i < batch.Count; i++)
        {
            var pending = batch[i];
            var data = DataOf(answer, pending.Alias);
            var own = answer.Errors.FirstOrDefault(e => e.RootField == pending.Alias && !ErrorMapper.IsComplexity(e));

            if (own is not null)
                _results.Fail(pending, own, data);
            else if (data is not null)
                _results.Succeed(pending, data);
            else if (!isMutation || (crossing is not null && !crossing.WasApplied(i)))
                resend.Add(pending);                       // a query is always safe to resend; past the crossing nothing ran
            else if (firstFailure >= 0 && i > firstFailure)
                notStarted.Add(pending);                   // Totara runs mutations serially and stops at a failed one: never started
            else if (crossing is not null || (firstFailure >= 0 && i < firstFailure))
                appliedWithoutData.Add(pending);           // ran before the failure; its data went null with the others
            else
                unknown.Add(pending);                      // may or may not have run
        }

        if (crossing is not null && batch.Count == 1 && resend.Count == 1)
        {
            // One operation alone is over the limit: it will never fit.
            _results.Fail(batch[0], new TotaraGraphQLError(
                $"{crossing.Error.Message} {batch[0].Operation.Field} alone is over the site's limit; select fewer fields.",
                crossing.Error.Category, crossing.Error.DebugMessage, new object[] { batch[0].Alias }));
            return;
        }

        await _recovery.SettleAppliedAsync(appliedWithoutData, ct).ConfigureAwait(false);
        resend.AddRange(await _recovery.RecoverAsync(unknown, "the request failed before answering for this operation", ct).ConfigureAwait(false));
        resend = GiveUpOnRepeats(resend);
        // Not counted as repeats: every such round settles its failed alias, so it always ends, and
        // a batch with many failures (e.g. a rerun where every create is a duplicate) must not give up.
        resend.AddRange(notStarted);
        if (resend.Count == 0) return;
        resend.Sort((a, b) => a.Index.CompareTo(b.Index));
        var size = crossing is null ? resend.Count : SmallerBatchSize(batch.Count, crossing.Index, resend.Count);
        foreach (var chunk in Chunk(resend, size))
            await RunAsync(chunk, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// A site that keeps answering without data or error for an operation would have us resend
    /// it for ever: after as many resends as retries are allowed, report it failed instead.
    /// </summary>
    private List<PendingOperation> GiveUpOnRepeats(List<PendingOperation> resend)
    {
        var kept = new List<PendingOperation>(resend.Count);
        foreach (var pending in resend)
        {
            if (++pending.Resends <= _maxResends)
                kept.Add(pending);
            else
                _results.Fail(pending, $"The site gave no answer for {pending.Operation.Field} after {pending.Resends} attempts.", "no_answer");
        }
        return kept;
    }

    /// <summary>No alias named in any error, no data: the request was refused as a whole, before execution.</summary>
    private async Task HandleRequestFailureAsync(IReadOnlyList<PendingOperation> batch, RawAnswer answer, CancellationToken ct)
    {
        var first = answer.Errors[0];
        if (ErrorMapper.IsComplexity(first) && batch.Count > 1)
        {
            foreach (var half in Chunk(batch, (batch.Count + 1) / 2))
                await RunAsync(half, ct).ConfigureAwait(false);
            return;
        }

        // A bad variable names its alias's variable ($a7_input): fail those, resend the others.
        var named = batch.Where(p => answer.Errors.Any(e => Mentions(e, p))).ToList();
        if (named.Count > 0 && named.Count < batch.Count)
        {
            foreach (var pending in named)
                _results.Fail(pending, answer.Errors.First(e => Mentions(e, pending)));
            await RunAsync(batch.Except(named).ToList(), ct).ConfigureAwait(false);
            return;
        }

        if (batch.Count > 1 && named.Count == 0)
        {
            foreach (var half in Chunk(batch, (batch.Count + 1) / 2))
                await RunAsync(half, ct).ConfigureAwait(false);
            return;
        }

        foreach (var pending in batch)
            _results.Fail(pending, answer.Errors.FirstOrDefault(e => Mentions(e, pending)) ?? first);
    }

    private static bool Mentions(TotaraGraphQLError error, PendingOperation pending)
    {
        var marker = "$" + pending.Alias + "_";
        return error.Message.IndexOf(marker, StringComparison.Ordinal) >= 0
            || (error.DebugMessage?.IndexOf(marker, StringComparison.Ordinal) ?? -1) >= 0;
    }

    private static JsonElement? DataOf(RawAnswer answer, string alias) =>
        answer.Data is { } data && data.TryGetProperty(alias, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.Clone()
            : null;

    /// <summary>The site fitted <paramref name="crossing"/> operations before giving up; send at most that many, and at most half.</summary>
    private static int SmallerBatchSize(int batchSize, int crossing, int remaining)
    {
        var fitted = crossing > 0 ? crossing : (batchSize + 1) / 2;
        return Math.Max(1, Math.Min(fitted, Math.Max(1, batchSize / 2)));
    }

    private static IEnumerable<List<PendingOperation>> Chunk(IReadOnlyList<PendingOperation> items, int size)
    {
        for (var i = 0; i < items.Count; i += size)
            yield return items.Skip(i).Take(size).ToList();
    }
}
