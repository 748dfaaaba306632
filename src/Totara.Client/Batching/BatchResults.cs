using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Totara.Client.Batching;

/// <summary>Collects each operation's outcome of one batch, however many requests it took.</summary>
internal sealed class BatchResults
{
    private readonly IReadOnlyList<PendingOperation> _batch;
    private readonly Dictionary<int, BatchItemResult> _results = new();

    public BatchResults(IReadOnlyList<PendingOperation> batch) => _batch = batch;

    public void Succeed(PendingOperation pending, JsonElement? data) =>
        _results[pending.Index] = new BatchItemResult(pending.Index, pending.Operation, data, null);

    public void Fail(PendingOperation pending, TotaraGraphQLError error, JsonElement? data = null) =>
        _results[pending.Index] = new BatchItemResult(pending.Index, pending.Operation, data, error);

    public void Fail(PendingOperation pending, string message, string? category = null) =>
        Fail(pending, new TotaraGraphQLError(message, category, null, new object[] { pending.Alias }));

    public IReadOnlyList<BatchItemResult> InInputOrder()
    {
        var list = new List<BatchItemResult>(_batch.Count);
        foreach (var pending in _batch.OrderBy(p => p.Index))
        {
            if (!_results.TryGetValue(pending.Index, out var result))
                throw new InvalidOperationException($"No outcome was recorded for {pending}; this is a bug in the batch executor.");
            list.Add(result);
        }
        return list;
    }
}
